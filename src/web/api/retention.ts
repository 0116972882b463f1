import { z } from 'zod';
import { ClientPurge, RetentionOverview, type PurgeInput } from '../../domain/retention.js';
import { get, request } from './client.js';

export const retentionKeys = {
  all: ['retention'] as const,
  clients: ['retention', 'clients'] as const,
  purges: ['retention', 'purges'] as const,
};

export function fetchClientsPastRetention(signal?: AbortSignal): Promise<RetentionOverview> {
  return get('/api/v1/retention/clients', RetentionOverview, signal);
}

export async function fetchClientPurges(signal?: AbortSignal): Promise<ClientPurge[]> {
  const schema = z.object({ purges: z.array(ClientPurge) });
  return (await get('/api/v1/retention/purges', schema, signal)).purges;
}

export async function purgeClient(clientId: string, input: PurgeInput): Promise<ClientPurge> {
  const { value } = await request('POST', `/api/v1/clients/${encodeURIComponent(clientId)}/purge`, {
    body: input,
    schema: z.object({ purge: ClientPurge }),
  });
  return value.purge;
}
