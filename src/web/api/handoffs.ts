import { z } from 'zod';
import { Client } from '../../domain/clients.js';
import { ClientHandoffs, Handoff, type HandoffInput } from '../../domain/handoffs.js';
import { get, request, versionTag, type Versioned } from './client.js';

export const handoffKeys = {
  ofClient: (clientId: string) => ['handoffs', clientId] as const,
};

const base = (clientId: string) => `/api/v1/clients/${encodeURIComponent(clientId)}/handoffs`;

export function fetchHandoffs(clientId: string, signal?: AbortSignal): Promise<ClientHandoffs> {
  return get(base(clientId), ClientHandoffs, signal);
}

const HandedOver = z.object({ handoff: Handoff, client: Client });

/** Hands the client over from the version the page shows (`etag`); answers the new version. */
export async function handOffClient(
  clientId: string,
  input: HandoffInput,
  etag: string,
): Promise<{ handoff: Handoff; client: Versioned<Client> }> {
  const { value, etag: newEtag } = await request('POST', base(clientId), {
    body: input,
    ifMatch: etag,
    schema: HandedOver,
  });
  return {
    handoff: value.handoff,
    client: { value: value.client, etag: newEtag ?? versionTag(value.client.version) },
  };
}

export async function acknowledgeHandoff(clientId: string, handoffId: string): Promise<Handoff> {
  const { value } = await request(
    'POST',
    `${base(clientId)}/${encodeURIComponent(handoffId)}/acknowledge`,
    { schema: Handoff },
  );
  return value;
}
