import { z } from 'zod';
import {
  Client,
  ClientPage,
  DuplicateCandidate,
  type ClientInput,
  type ClientListQuery,
} from '../../domain/clients.js';
import { Role } from '../../domain/roles.js';
import { get, getVersioned, request, sendVersioned, withQuery, type Versioned } from './client.js';

export type ClientResults = z.infer<typeof ClientPage>;
export type ClientStatusFilter = ClientListQuery['status'];

export const clientKeys = {
  all: ['clients'] as const,
  list: (query: ClientListQuery) => ['clients', 'list', query] as const,
  one: (id: string) => ['clients', 'one', id] as const,
  careTeam: (id: string) => ['clients', 'care-team', id] as const,
  therapists: ['therapists'] as const,
};

export function listClients(query: ClientListQuery, signal?: AbortSignal): Promise<ClientResults> {
  return get(withQuery('/api/v1/clients', { ...query }), ClientPage, signal);
}

export function fetchClient(id: string, signal?: AbortSignal): Promise<Versioned<Client>> {
  return getVersioned(`/api/v1/clients/${encodeURIComponent(id)}`, Client, signal);
}

const DuplicateAnswer = z.object({ candidates: z.array(DuplicateCandidate) });

export async function findDuplicates(
  client: Pick<ClientInput, 'legalFirstName' | 'legalLastName' | 'dateOfBirth' | 'phone'>,
): Promise<DuplicateCandidate[]> {
  const { value } = await request('POST', '/api/v1/clients/duplicates', {
    body: {
      legalFirstName: client.legalFirstName,
      legalLastName: client.legalLastName,
      dateOfBirth: client.dateOfBirth,
      phone: client.phone,
    },
    schema: DuplicateAnswer,
  });
  return value.candidates;
}

export function createClient(
  client: ClientInput,
  acknowledgeDuplicates: boolean,
): Promise<Versioned<Client>> {
  const body = acknowledgeDuplicates ? { ...client, acknowledgeDuplicates: true } : client;
  return sendVersioned('POST', '/api/v1/clients', Client, { body });
}

export function updateClient(id: string, client: ClientInput, etag: string) {
  return sendVersioned('PUT', `/api/v1/clients/${encodeURIComponent(id)}`, Client, {
    body: client,
    ifMatch: etag,
  });
}

export function archiveClient(id: string, etag: string) {
  return sendVersioned('POST', `/api/v1/clients/${encodeURIComponent(id)}/archive`, Client, {
    ifMatch: etag,
  });
}

export function restoreClient(id: string, etag: string) {
  return sendVersioned('POST', `/api/v1/clients/${encodeURIComponent(id)}/restore`, Client, {
    ifMatch: etag,
  });
}

export const CareTeamMember = z.object({ userId: z.string(), displayName: z.string(), role: Role });
export type CareTeamMember = z.infer<typeof CareTeamMember>;
const CareTeam = z.object({ members: z.array(CareTeamMember) });

export async function fetchCareTeam(clientId: string, signal?: AbortSignal) {
  return (await get(`/api/v1/clients/${encodeURIComponent(clientId)}/care-team`, CareTeam, signal))
    .members;
}

export async function addToCareTeam(clientId: string, userId: string): Promise<void> {
  await request('POST', `/api/v1/clients/${encodeURIComponent(clientId)}/care-team`, {
    body: { userId },
  });
}

export async function removeFromCareTeam(clientId: string, userId: string): Promise<void> {
  await request(
    'DELETE',
    `/api/v1/clients/${encodeURIComponent(clientId)}/care-team/${encodeURIComponent(userId)}`,
  );
}

export const Therapist = z.object({ id: z.string(), displayName: z.string() });
export type Therapist = z.infer<typeof Therapist>;
const TherapistList = z.object({ therapists: z.array(Therapist) });

export async function listTherapists(signal?: AbortSignal): Promise<Therapist[]> {
  return (await get('/api/v1/staff/therapists', TherapistList, signal)).therapists;
}
