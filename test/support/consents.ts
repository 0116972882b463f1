import type { ApiClient, ApiResponse, Json } from './http.js';

/** A small drawn signature as a PNG data URL (a 1×1 black pixel; the API checks shape and size). */
export const drawnPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The text clients sign now for a kind of consent, as the practice publishes it. */
export async function currentConsentText(caller: ApiClient, kind: string): Promise<Json> {
  const texts = await caller.get('/api/v1/consent-texts');
  if (texts.status !== 200) throw new Error(`consent texts failed: ${texts.status} ${texts.text}`);
  const text = texts.body.current.find((candidate: Json) => candidate.kind === kind);
  if (!text) throw new Error(`no current consent text of kind ${kind}`);
  return text;
}

/** What a signer sends: the current text of the kind, signed by typing the name. */
export async function consentSignature(
  caller: ApiClient,
  kind: string,
  overrides: Record<string, Json> = {},
): Promise<Json> {
  const text = await currentConsentText(caller, kind);
  const signerName = (overrides['signerName'] as string | undefined) ?? 'Zoë Łucja Brontë';
  return {
    textId: text.id,
    textVersion: text.version,
    signerName,
    signerRole: 'client',
    signature: { method: 'typed', typedName: signerName },
    ...overrides,
  };
}

/** Records a consent signed on the practice's device. */
export async function signConsent(
  caller: ApiClient,
  clientId: string,
  kind: string,
  overrides: Record<string, Json> = {},
): Promise<ApiResponse> {
  return caller.post(
    `/api/v1/clients/${clientId}/consents`,
    await consentSignature(caller, kind, overrides),
  );
}

/** Gives a client current treatment consent, signed by themselves; fails loudly otherwise. */
export async function giveTreatmentConsent(caller: ApiClient, clientId: string): Promise<Json> {
  const signed = await signConsent(caller, clientId, 'treatment');
  if (signed.status !== 201)
    throw new Error(`treatment consent failed: ${signed.status} ${signed.text}`);
  return signed.body;
}
