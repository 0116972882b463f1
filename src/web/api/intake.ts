import { z } from 'zod';
import type { LinkConsentSignatureInput } from '../../domain/consent.js';
import type { IntakeAnswers } from '../../domain/intake-answers.js';
import { IntakeFormView, type IntakeForm } from '../../domain/intake-forms.js';
import {
  ClientLinkView,
  IntakeSubmissionReview,
  IntakeSubmissionSummary,
  PublicLinkView,
  type ClientLinkCreate,
} from '../../domain/intake-links.js';
import { get, request, type Versioned } from './client.js';

export const intakeKeys = {
  links: (clientId: string) => ['intake', 'links', clientId] as const,
  submissions: (clientId: string | null) => ['intake', 'submissions', clientId] as const,
  submission: (id: string) => ['intake', 'submission', id] as const,
  form: ['intake', 'form'] as const,
  publicLink: (token: string) => ['intake', 'public', token] as const,
};

const CreatedLink = z.object({ link: ClientLinkView, url: z.string(), qrSvg: z.string() });
export type CreatedLink = z.infer<typeof CreatedLink>;
const SubmissionList = z.object({
  submissions: z.array(IntakeSubmissionSummary),
  toReview: z.number(),
});

/** The answer carries the link's URL once: the server keeps only its hash. */
export async function createClientLink(
  clientId: string,
  body: Partial<ClientLinkCreate>,
): Promise<CreatedLink> {
  const { value } = await request('POST', `/api/v1/clients/${encodeURIComponent(clientId)}/links`, {
    body,
    schema: CreatedLink,
  });
  return value;
}

export async function listClientLinks(clientId: string, signal?: AbortSignal) {
  const path = `/api/v1/clients/${encodeURIComponent(clientId)}/links`;
  return (await get(path, z.object({ links: z.array(ClientLinkView) }), signal)).links;
}

export async function revokeClientLink(clientId: string, linkId: string): Promise<void> {
  await request(
    'POST',
    `/api/v1/clients/${encodeURIComponent(clientId)}/links/${encodeURIComponent(linkId)}/revoke`,
    { schema: ClientLinkView },
  );
}

export function listIntakeSubmissions(clientId: string | null, signal?: AbortSignal) {
  const query = clientId ? `?clientId=${encodeURIComponent(clientId)}` : '';
  return get(`/api/v1/intake-submissions${query}`, SubmissionList, signal);
}

export function getIntakeSubmission(id: string, signal?: AbortSignal) {
  return get(
    `/api/v1/intake-submissions/${encodeURIComponent(id)}`,
    IntakeSubmissionReview,
    signal,
  );
}

export async function acceptIntakeSubmission(
  id: string,
  versions: { historyNumber: number; clientVersion: number },
): Promise<void> {
  await request('POST', `/api/v1/intake-submissions/${encodeURIComponent(id)}/accept`, {
    body: versions,
    schema: IntakeSubmissionSummary,
  });
}

export async function rejectIntakeSubmission(id: string, note: string): Promise<void> {
  await request('POST', `/api/v1/intake-submissions/${encodeURIComponent(id)}/reject`, {
    body: { note },
    schema: IntakeSubmissionSummary,
  });
}

export async function getIntakeForm(signal?: AbortSignal): Promise<Versioned<IntakeFormView>> {
  const { value, etag } = await request('GET', '/api/v1/intake-form', {
    schema: IntakeFormView,
    ...(signal ? { signal } : {}),
  });
  return { value, etag: etag ?? `"${value.version}"` };
}

export async function saveIntakeForm(
  form: IntakeForm,
  etag: string,
): Promise<Versioned<IntakeFormView>> {
  const { value, etag: next } = await request('PUT', '/api/v1/intake-form', {
    body: form,
    ifMatch: etag,
    schema: IntakeFormView,
  });
  return { value, etag: next ?? `"${value.version}"` };
}

/** What a client's link shows; no sign-in involved. */
export async function openIntakeLink(token: string, signal?: AbortSignal) {
  const { value } = await request('GET', `/api/v1/public/intake/${encodeURIComponent(token)}`, {
    schema: PublicLinkView,
    expectSignedIn: false,
    ...(signal ? { signal } : {}),
  });
  return value;
}

export async function submitIntake(token: string, answers: IntakeAnswers): Promise<void> {
  await request('POST', `/api/v1/public/intake/${encodeURIComponent(token)}`, {
    body: { answers },
    schema: z.object({ submittedAt: z.string() }),
    expectSignedIn: false,
  });
}

/** The client (or a minor's guardian) signs a consent their link asks for. */
export async function signConsentThroughLink(
  token: string,
  signature: LinkConsentSignatureInput,
): Promise<void> {
  await request('POST', `/api/v1/public/intake/${encodeURIComponent(token)}/consents`, {
    body: signature,
    schema: z.object({ consentKind: z.string(), signedAt: z.string() }),
    expectSignedIn: false,
  });
}
