import { z } from 'zod';
import { foldForSearch, optionalText, requiredText } from './text.js';
import { addMonths, ageOn, localDate } from './time.js';

/**
 * Consent: versioned texts the practice publishes, and signatures that never change once
 * stored. Which consents a client has is computed from both (`consentStatus`), never stored,
 * so publishing a new text version or a birthday changes the answer without a migration.
 */
export const consentKinds = [
  'treatment',
  'guardian_for_minor',
  'sensitive_area',
  'share_records',
  'communication',
] as const;
export const ConsentKind = z.enum(consentKinds, { error: 'Unknown kind of consent.' });
export type ConsentKind = z.infer<typeof ConsentKind>;

export const consentKindLabels: Record<ConsentKind, string> = {
  treatment: 'Consent to treatment',
  guardian_for_minor: 'Guardian consent for a minor',
  sensitive_area: 'Consent to treatment of sensitive areas',
  share_records: 'Consent to share records',
  communication: 'Consent to be contacted',
};

/** What the owner writes when publishing a text; the store adds id, version and date. */
export const ConsentTextInput = z.object({
  kind: ConsentKind,
  title: requiredText(200, 'Title'),
  body: requiredText(20_000, 'Text'),
  /** Months a signature stays valid; null: until a new version asks everyone to sign again. */
  validityMonths: z
    .number()
    .int('Must be a whole number of months.')
    .min(1, 'Must be from 1 to 120 months.')
    .max(120, 'Must be from 1 to 120 months.')
    .nullable(),
  /**
   * Whether signatures of earlier versions stop counting. A wording fix leaves it off and old
   * signatures stay current; a change in substance turns it on and they become superseded.
   */
  requiresResign: z.boolean(),
});
export type ConsentTextInput = z.infer<typeof ConsentTextInput>;

export const ConsentText = ConsentTextInput.extend({
  id: z.string(),
  /** 1, 2, 3 … per kind; the highest is the one clients sign now. */
  version: z.number().int().min(1),
  publishedAt: z.string(),
});
export type ConsentText = z.infer<typeof ConsentText>;

/**
 * 200 KB of text: a signature drawn on a phone is a few KB (a PNG of a tablet-wide pad some
 * tens of KB); a photo pasted in is refused.
 */
export const maxSignatureCharacters = 200_000;

export const SignatureMark = z.discriminatedUnion(
  'method',
  [
    z.object({
      method: z.literal('drawn'),
      format: z.enum(['svg_path', 'png_data_url'], { error: 'Must be svg_path or png_data_url.' }),
      data: z
        .string()
        .max(maxSignatureCharacters, 'The drawn signature is too large; clear it and sign again.'),
    }),
    z.object({ method: z.literal('typed'), typedName: requiredText(200, 'Typed name') }),
  ],
  { error: 'Sign by drawing or by typing your name.' },
);
export type SignatureMark = z.infer<typeof SignatureMark>;

const svgPathData = /^[MmLlHhVvCcSsQqTtAaZz0-9eE.,\s+-]+$/;
const pngDataUrl = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/** What a signer fills in, whichever way the signature reaches the practice. */
const signerFields = {
  textVersion: z.number().int().min(1),
  signerName: requiredText(200, 'Name of the person signing'),
  signerRole: z.enum(['client', 'guardian'], { error: 'Must be client or guardian.' }),
  /** How a guardian is related to the client ("mother", "legal guardian"). */
  guardianRelationship: optionalText(60),
  /** The named person or organisation records may be shared with (share_records only). */
  sharedWith: optionalText(200),
  signature: SignatureMark,
};

/** Checks of a signature's parts against each other: the mark's format, the typed name. */
function refineSigner(
  input: {
    signerName: string;
    signerRole: 'client' | 'guardian';
    guardianRelationship: string | null;
    signature: SignatureMark;
  },
  context: z.core.$RefinementCtx,
): void {
  const mark = input.signature;
  if (mark.method === 'drawn') {
    const pattern = mark.format === 'svg_path' ? svgPathData : pngDataUrl;
    if (mark.data.trim() === '' || !pattern.test(mark.data)) {
      context.addIssue({
        code: 'custom',
        path: ['signature', 'data'],
        message:
          mark.format === 'svg_path'
            ? 'Must be SVG path data.'
            : 'Must be a PNG image as a data: URL.',
      });
    }
  } else if (foldForSearch(mark.typedName) !== foldForSearch(input.signerName)) {
    context.addIssue({
      code: 'custom',
      path: ['signature', 'typedName'],
      message: 'Type your name as given above.',
    });
  }
  if (input.signerRole === 'guardian' && !input.guardianRelationship) {
    context.addIssue({
      code: 'custom',
      path: ['guardianRelationship'],
      message: 'Say how you are related to the client.',
    });
  }
}

/** What the signer submits on the practice's device; the server adds when, where and how. */
export const ConsentSignatureInput = z
  .object({ textId: z.string().min(1).max(64), ...signerFields })
  .superRefine(refineSigner);
export type ConsentSignatureInput = z.infer<typeof ConsentSignatureInput>;

/**
 * What a client (or their guardian) submits through their secure link: the kind instead of the
 * text's id, since the link offers only the current text of each kind it asks for.
 */
export const LinkConsentSignatureInput = z
  .object({ kind: ConsentKind, ...signerFields })
  .superRefine(refineSigner);
export type LinkConsentSignatureInput = z.infer<typeof LinkConsentSignatureInput>;

/** A stored signature: immutable, with the exact text version signed. */
export const ConsentSignature = z.object({
  id: z.string(),
  clientId: z.string(),
  kind: ConsentKind,
  textId: z.string(),
  textVersion: z.number().int(),
  signerName: z.string(),
  signerRole: z.enum(['client', 'guardian']),
  guardianRelationship: z.string().nullable(),
  sharedWith: z.string().nullable(),
  signature: SignatureMark,
  signedAt: z.string(),
  ip: z.string().max(64),
  userAgent: z.string().max(500),
  /** Where it was signed: on the practice's device, or by the client through their link. */
  channel: z.enum(['tablet', 'link']),
  /** A withdrawal is its own immutable record; the signature itself never changes. */
  withdrawal: z
    .object({ at: z.string(), byName: z.string().nullable(), reason: z.string() })
    .nullable(),
});
export type ConsentSignature = z.infer<typeof ConsentSignature>;

/** Why a consent is withdrawn, in the words of the client or the staff member recording it. */
export const ConsentWithdrawalInput = z.object({
  reason: requiredText(500, 'Reason'),
});
export type ConsentWithdrawalInput = z.infer<typeof ConsentWithdrawalInput>;

/**
 * Rules a signature must meet against the text it signs and the client it is for, beyond the
 * shape of the input: the exact current version, a guardian for a minor (and always for the
 * guardian consent), and a named party when records are shared. Empty when it may be stored.
 */
export function signatureIssues(
  input: ConsentSignatureInput,
  text: ConsentText,
  currentVersion: number,
  client: { minor: boolean },
): Array<{ field: string; message: string }> {
  const issues: Array<{ field: string; message: string }> = [];
  if (input.textVersion !== text.version || text.version !== currentVersion) {
    issues.push({
      field: 'textVersion',
      message: `A newer version (${currentVersion}) of this text has been published; sign that one.`,
    });
  }
  if ((client.minor || text.kind === 'guardian_for_minor') && input.signerRole !== 'guardian') {
    issues.push({
      field: 'signerRole',
      message: client.minor
        ? 'The client is under 18: a parent or guardian must sign.'
        : 'Guardian consent is signed by a parent or guardian.',
    });
  }
  if (text.kind === 'share_records' && !input.sharedWith) {
    issues.push({
      field: 'sharedWith',
      message: 'Name the person or organisation the records may be shared with.',
    });
  }
  if (text.kind !== 'share_records' && input.sharedWith) {
    issues.push({ field: 'sharedWith', message: 'Only consent to share records names a party.' });
  }
  return issues;
}

/** Under 18 on `today`; an unknown date of birth counts as an adult (so record it). */
export function isMinor(dateOfBirth: string | null, today: string): boolean {
  return dateOfBirth !== null && ageOn(dateOfBirth, today) < 18;
}

export const ConsentState = z.enum(['current', 'expired', 'missing', 'superseded', 'withdrawn']);
export type ConsentState = z.infer<typeof ConsentState>;

export interface ConsentStatusEntry<S extends ConsentSignature = ConsentSignature> {
  kind: ConsentKind;
  /** For share_records, the party records may go to; one entry per party. Otherwise null. */
  party: string | null;
  /** Needed before treatment: treatment always; guardian consent for a minor. */
  required: boolean;
  state: ConsentState;
  /** The signature the state is about (the latest that counts), or null when missing. */
  signature: S | null;
  currentTextVersion: number | null;
  /** The first day it no longer counts; null when it does not expire. */
  expiresOn: string | null;
  /** A client's own signature stops counting for a minor, and a guardian's once they are 18. */
  signerMustBe: 'client' | 'guardian';
}

export interface ConsentStatus<S extends ConsentSignature = ConsentSignature> {
  minor: boolean;
  entries: ConsentStatusEntry<S>[];
}

function stateOf(
  signature: ConsentSignature,
  texts: readonly ConsentText[],
  options: { today: string; timeZone: string },
): Pick<ConsentStatusEntry, 'state' | 'expiresOn'> {
  const versions = texts.filter((text) => text.kind === signature.kind);
  const current = versions.reduce<ConsentText | null>(
    (latest, text) => (latest && latest.version >= text.version ? latest : text),
    null,
  );
  const resignSince = versions.some(
    (text) => text.version > signature.textVersion && text.requiresResign,
  );
  // The current text's validity is the practice's policy now: lengthening or shortening it
  // applies to every signature, not only to those signed after the change.
  const months = current?.validityMonths ?? null;
  const signedOn = localDate(new Date(signature.signedAt), options.timeZone);
  const expiresOn = months === null ? null : addMonths(signedOn, months);
  if (signature.withdrawal) return { state: 'withdrawn', expiresOn };
  if (resignSince) return { state: 'superseded', expiresOn };
  if (expiresOn !== null && options.today >= expiresOn) return { state: 'expired', expiresOn };
  return { state: 'current', expiresOn };
}

/**
 * Which consents a client has, per kind (and per named party for sharing records). A client
 * under 18 needs a guardian's signature for every kind; from 18, their own. Among signatures
 * that count, the latest decides: a withdrawn one leaves the consent withdrawn until the client
 * signs again.
 */
export function consentStatus<S extends ConsentSignature>(
  signatures: readonly S[],
  texts: readonly ConsentText[],
  options: { clientDateOfBirth: string | null; today: string; timeZone: string },
): ConsentStatus<S> {
  const minor = isMinor(options.clientDateOfBirth, options.today);
  const signerMustBe = (kind: ConsentKind): 'client' | 'guardian' =>
    minor || kind === 'guardian_for_minor' ? 'guardian' : 'client';
  const required = (kind: ConsentKind) =>
    kind === 'treatment' || (kind === 'guardian_for_minor' && minor);
  const currentVersion = (kind: ConsentKind) =>
    texts
      .filter((text) => text.kind === kind)
      .reduce<number | null>((highest, text) => Math.max(highest ?? 0, text.version), null);
  const entry = (kind: ConsentKind, party: string | null, counted: S[]): ConsentStatusEntry<S> => {
    // Ids are time-ordered (UUIDv7), so they break a tie between signatures of one instant.
    const latest =
      [...counted].sort(
        (a, b) => b.signedAt.localeCompare(a.signedAt) || b.id.localeCompare(a.id),
      )[0] ?? null;
    const base = {
      kind,
      party,
      required: required(kind),
      currentTextVersion: currentVersion(kind),
      signerMustBe: signerMustBe(kind),
    };
    if (!latest) return { ...base, state: 'missing' as const, signature: null, expiresOn: null };
    return { ...base, ...stateOf(latest, texts, options), signature: latest };
  };
  const entries: ConsentStatusEntry<S>[] = [];
  for (const kind of consentKinds) {
    const counted = signatures.filter(
      (signature) => signature.kind === kind && signature.signerRole === signerMustBe(kind),
    );
    if (kind !== 'share_records') {
      entries.push(entry(kind, null, counted));
      continue;
    }
    const parties = new Map<string, { name: string; signatures: S[] }>();
    for (const signature of counted) {
      const name = signature.sharedWith ?? 'Unnamed party';
      const key = foldForSearch(name);
      const party = parties.get(key) ?? { name, signatures: [] };
      party.signatures.push(signature);
      parties.set(key, party);
    }
    if (parties.size === 0) entries.push(entry(kind, null, []));
    for (const key of [...parties.keys()].sort()) {
      const party = parties.get(key)!;
      entries.push(entry(kind, party.name, party.signatures));
    }
  }
  return { minor, entries };
}

/** Consent to treat: current treatment consent, and for a minor current guardian consent too. */
export function treatmentConsentIsCurrent(status: ConsentStatus): boolean {
  return status.entries.every((entry) => !entry.required || entry.state === 'current');
}

/** Why a session goes ahead without current treatment consent; recorded with the session. */
export const MissingConsentReason = z
  .string()
  .trim()
  .min(1, 'Say why the session goes ahead without current consent.')
  .max(500, 'Must be at most 500 characters.');

/**
 * Whether a session may start or be signed: with current treatment consent, yes; without, only
 * with a recorded reason (e.g. verbal consent given, form to follow).
 */
export function mayStartOrSignSession(
  status: ConsentStatus,
  missingConsentReason: string | null = null,
): { allowed: boolean; reasonRequired: boolean; message: string | null } {
  if (treatmentConsentIsCurrent(status)) {
    return { allowed: true, reasonRequired: false, message: null };
  }
  const lacking = status.entries
    .filter((entry) => entry.required && entry.state !== 'current')
    .map((entry) => `${consentKindLabels[entry.kind].toLowerCase()} is ${entry.state}`)
    .join(', and ');
  const message = `Treatment consent is not current (${lacking}). Record why the session goes ahead.`;
  const reasonGiven = MissingConsentReason.safeParse(missingConsentReason ?? '').success;
  return { allowed: reasonGiven, reasonRequired: true, message };
}
