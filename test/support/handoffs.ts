import type { ApiClient, ApiResponse, Json } from './http.js';

/** What an owner writes when handing a client over: why, what to continue, what to avoid. */
export function handoffNote(overrides: Json = {}): Json {
  return {
    reason: 'Maya is on parental leave from December; Sam takes over her Tuesday clients.',
    continueWith: 'Trigger point work on the left levator scapulae at pressure 3; heat first.',
    avoid: 'Deep tissue on the lower back: it flared twice in October.',
    ...overrides,
  };
}

/** Hands a client over, from the version the caller reads now unless `ifMatch` is given. */
export async function handOff(
  caller: ApiClient,
  clientId: string,
  toTherapistId: string,
  options: { ifMatch?: string; note?: Json } = {},
): Promise<ApiResponse> {
  const ifMatch =
    options.ifMatch ?? (await caller.get(`/api/v1/clients/${clientId}`)).headers.get('etag')!;
  return caller.post(
    `/api/v1/clients/${clientId}/handoffs`,
    { toTherapistId, ...handoffNote(options.note) },
    { ifMatch },
  );
}

/** Hands a client over and fails loudly unless it worked; answers the stored handoff. */
export async function handedOff(
  caller: ApiClient,
  clientId: string,
  toTherapistId: string,
): Promise<Json> {
  const response = await handOff(caller, clientId, toTherapistId);
  if (response.status !== 201)
    throw new Error(`handoff failed: ${response.status} ${response.text}`);
  return response.body.handoff;
}
