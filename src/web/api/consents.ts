import type { ConsentSignatureInput, ConsentTextInput } from '../../domain/consent.js';
import {
  ClientConsentsView,
  ConsentSignatureView,
  ConsentTextList,
  ConsentTextView,
} from '../../domain/consent-views.js';
import { get, request } from './client.js';

export const consentKeys = {
  texts: ['consent-texts'] as const,
  forClient: (clientId: string) => ['consents', clientId] as const,
};

const clientPath = (clientId: string) => `/api/v1/clients/${encodeURIComponent(clientId)}/consents`;

export function listConsentTexts(signal?: AbortSignal): Promise<ConsentTextList> {
  return get('/api/v1/consent-texts', ConsentTextList, signal);
}

/** Publishes a new version; the earlier ones stay as clients signed them. */
export async function publishConsentText(input: ConsentTextInput): Promise<ConsentTextView> {
  return (await request('POST', '/api/v1/consent-texts', { body: input, schema: ConsentTextView }))
    .value;
}

export function fetchClientConsents(
  clientId: string,
  signal?: AbortSignal,
): Promise<ClientConsentsView> {
  return get(clientPath(clientId), ClientConsentsView, signal);
}

export async function signConsent(
  clientId: string,
  input: ConsentSignatureInput,
): Promise<ConsentSignatureView> {
  return (
    await request('POST', clientPath(clientId), { body: input, schema: ConsentSignatureView })
  ).value;
}

export async function withdrawConsent(
  clientId: string,
  signatureId: string,
  reason: string,
): Promise<ConsentSignatureView> {
  const path = `${clientPath(clientId)}/${encodeURIComponent(signatureId)}/withdraw`;
  return (await request('POST', path, { body: { reason }, schema: ConsentSignatureView })).value;
}

/** The signed consent as a PDF; the browser downloads it with the session cookie. */
export function consentPdfUrl(clientId: string, signatureId: string): string {
  return `${clientPath(clientId)}/${encodeURIComponent(signatureId)}/pdf`;
}
