import { z } from 'zod';
import { ConsentKind, ConsentSignature, ConsentState, ConsentText } from './consent.js';

/**
 * Consent as the API shows it, shared by the server (OpenAPI) and the web app (parsing).
 */
export const ConsentTextView = ConsentText.extend({
  publishedByName: z.string().nullable(),
});
export type ConsentTextView = z.infer<typeof ConsentTextView>;

export const ConsentTextList = z.object({
  /** The version clients sign now, one per kind. */
  current: z.array(ConsentTextView),
  /** Every version ever published, newest first per kind. */
  history: z.array(ConsentTextView),
});
export type ConsentTextList = z.infer<typeof ConsentTextList>;

/** A signature with the exact words signed and who recorded it. */
export const ConsentSignatureView = ConsentSignature.extend({
  textTitle: z.string(),
  textBody: z.string(),
  recordedByName: z.string().nullable(),
});
export type ConsentSignatureView = z.infer<typeof ConsentSignatureView>;

export const ConsentStatusEntryView = z.object({
  kind: ConsentKind,
  party: z.string().nullable(),
  required: z.boolean(),
  state: ConsentState,
  signature: ConsentSignatureView.nullable(),
  currentTextVersion: z.number().int().nullable(),
  expiresOn: z.string().nullable(),
  signerMustBe: z.enum(['client', 'guardian']),
});

export const ClientConsentsView = z.object({
  minor: z.boolean(),
  /** Whether a note may be signed without recording a reason. */
  treatmentConsentCurrent: z.boolean(),
  entries: z.array(ConsentStatusEntryView),
  /** Every signature of the client, newest first, withdrawn ones included. */
  signatures: z.array(ConsentSignatureView),
});
export type ClientConsentsView = z.infer<typeof ClientConsentsView>;
