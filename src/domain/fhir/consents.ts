import { consentKindLabels, consentStatus, type ConsentKind } from '../consent.js';
import type { ConsentSignatureView, ConsentTextView } from '../consent-views.js';
import type { MappingContext } from './record.js';
import { coding, concept, hl7, identifier, loinc, palpateVocabulary } from './systems.js';
import type { Consent, Reference } from './types.js';

/**
 * Signatures → Consent. Each signature is one Consent carrying the exact text signed (as its
 * source attachment); the one that counts now for its kind is `active`, every other (older,
 * expired, superseded or withdrawn) is `inactive`, as `consentStatus` decides for the chart.
 */
const scopes: Record<ConsentKind, { code: string; display: string }> = {
  treatment: { code: 'treatment', display: 'Treatment' },
  guardian_for_minor: { code: 'treatment', display: 'Treatment' },
  sensitive_area: { code: 'treatment', display: 'Treatment' },
  share_records: { code: 'patient-privacy', display: 'Privacy Consent' },
  communication: { code: 'patient-privacy', display: 'Privacy Consent' },
};

/** UTF-8 text as base64 (an Attachment's data), without Node's Buffer: domain code is pure. */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: spreading a long text's bytes into one call would exceed the argument limit.
  for (let start = 0; start < bytes.length; start += 8192) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 8192));
  }
  return btoa(binary);
}

function signer(signature: ConsentSignatureView, context: MappingContext): Reference {
  if (signature.signerRole === 'client') return context.patient;
  const relationship = signature.guardianRelationship ? `, ${signature.guardianRelationship}` : '';
  return { display: `${signature.signerName} (guardian${relationship})` };
}

export function consentResource(
  signature: ConsentSignatureView,
  active: boolean,
  expiresOn: string | null,
  context: MappingContext,
): Consent {
  const scope = scopes[signature.kind];
  const kindLabel = consentKindLabels[signature.kind];
  const privacy = scope.code === 'patient-privacy';
  const end = signature.withdrawal?.at ?? expiresOn ?? undefined;
  const consent: Consent = {
    resourceType: 'Consent',
    id: signature.id,
    identifier: [identifier(context.practiceId, 'consent-signature', signature.id)],
    status: active ? 'active' : 'inactive',
    scope: concept(scope.display, coding(hl7.consentScope, scope.code, scope.display)),
    category: [
      concept(
        kindLabel,
        coding(loinc, '59284-0', 'Consent Document'),
        coding(palpateVocabulary.consentKind, signature.kind, kindLabel),
      ),
    ],
    patient: context.patient,
    dateTime: signature.signedAt,
    performer: [signer(signature, context)],
    organization: [context.organization],
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      title: `${signature.textTitle} (version ${signature.textVersion})`,
      data: utf8Base64(signature.textBody),
      creation: signature.signedAt,
    },
    // R4 requires a policy rule; opting in to disclosure is v3's OPTIN, and a treatment
    // consent's rule is the practice's own text, named in words.
    policyRule: privacy
      ? concept('Opt-in', coding(hl7.actCode, 'OPTIN', 'opt-in'))
      : concept(`${signature.textTitle}, version ${signature.textVersion}`),
    provision: {
      type: 'permit',
      period: { start: signature.signedAt, ...(end ? { end } : {}) },
    },
  };
  if (signature.kind === 'share_records' && signature.sharedWith) {
    consent.provision!.actor = [
      {
        role: concept(
          'Information recipient',
          coding(hl7.participationType, 'IRCP', 'information recipient'),
        ),
        reference: { display: signature.sharedWith },
      },
    ];
  }
  return consent;
}

/** Every signature of a client as a Consent, the current ones marked active. */
export function consentResources(
  signatures: readonly ConsentSignatureView[],
  texts: readonly ConsentTextView[],
  options: { clientDateOfBirth: string | null; today: string; timeZone: string },
  context: MappingContext,
): Consent[] {
  const status = consentStatus(signatures, texts, options);
  const current = new Set(
    status.entries.flatMap((entry) =>
      entry.signature && entry.state === 'current' ? [entry.signature.id] : [],
    ),
  );
  const expiries = new Map(
    status.entries.flatMap((entry) =>
      entry.signature ? [[entry.signature.id, entry.expiresOn] as const] : [],
    ),
  );
  return [...signatures]
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt) || a.id.localeCompare(b.id))
    .map((signature) =>
      consentResource(
        signature,
        current.has(signature.id),
        expiries.get(signature.id) ?? null,
        context,
      ),
    );
}
