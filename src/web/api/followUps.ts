import { z } from 'zod';
import {
  CreatedFollowUpLink,
  FollowUpNeedingAttention,
  MissingFollowUp,
  PublicFollowUpView,
  SessionFollowUpView,
} from '../../domain/follow-up-views.js';
import { FollowUp, type FollowUpAnswers, type FollowUpRecord } from '../../domain/follow-ups.js';
import { get, request, withQuery } from './client.js';

export const followUpKeys = {
  all: ['followUps'] as const,
  client: (clientId: string) => ['followUps', 'client', clientId] as const,
  session: (sessionId: string) => ['followUps', 'session', sessionId] as const,
  attention: ['followUps', 'attention'] as const,
  missing: (days: number) => ['followUps', 'missing', days] as const,
  publicLink: (token: string) => ['followUps', 'public', token] as const,
};

const path = (...parts: string[]) => `/api/v1/${parts.map(encodeURIComponent).join('/')}`;

export async function listClientFollowUps(clientId: string, signal?: AbortSignal) {
  const schema = z.object({ followUps: z.array(FollowUp) });
  return (await get(path('clients', clientId, 'follow-ups'), schema, signal)).followUps;
}

export function getSessionFollowUp(sessionId: string, signal?: AbortSignal) {
  return get(path('sessions', sessionId, 'follow-up'), SessionFollowUpView, signal);
}

/** The answer carries the link's URL once: the server keeps only its hash. */
export async function createFollowUpLink(clientId: string, sessionId: string) {
  const { value } = await request('POST', path('clients', clientId, 'follow-up-links'), {
    body: { sessionId },
    schema: CreatedFollowUpLink,
  });
  return value;
}

/** A follow-up the client gave staff by phone. */
export async function recordFollowUp(clientId: string, record: FollowUpRecord) {
  const { value } = await request('POST', path('clients', clientId, 'follow-ups'), {
    body: record,
    schema: FollowUp,
  });
  return value;
}

export async function acknowledgeFollowUp(id: string) {
  const { value } = await request('POST', path('follow-ups', id, 'acknowledge'), {
    schema: FollowUp,
  });
  return value;
}

export async function listFollowUpsNeedingAttention(signal?: AbortSignal) {
  const schema = z.object({ followUps: z.array(FollowUpNeedingAttention) });
  return (await get('/api/v1/follow-ups/needing-attention', schema, signal)).followUps;
}

export function listMissingFollowUps(days: number, signal?: AbortSignal) {
  const schema = z.object({
    days: z.number(),
    since: z.string(),
    sessions: z.array(MissingFollowUp),
  });
  return get(withQuery('/api/v1/follow-ups/missing', { days }), schema, signal);
}

/** What a client's follow-up link shows; no sign-in involved. */
export async function openFollowUpLink(token: string, signal?: AbortSignal) {
  const { value } = await request('GET', path('public', 'follow-up', token), {
    schema: PublicFollowUpView,
    expectSignedIn: false,
    ...(signal ? { signal } : {}),
  });
  return value;
}

export async function submitFollowUp(token: string, answers: FollowUpAnswers): Promise<void> {
  await request('POST', path('public', 'follow-up', token), {
    body: answers,
    schema: z.object({ submittedAt: z.string() }),
    expectSignedIn: false,
  });
}
