import { z } from 'zod';
import { CalendarDate, optionalText, requiredText } from './text.js';

/**
 * What goes into a client's record as a PDF (the playbook for the next clinician) and whom it
 * is for. Shared by the server (validation, OpenAPI) and the export dialog (its form), so both
 * apply the same rules and name fields the same way.
 */
export const recordSections = [
  'profile',
  'healthHistory',
  'safety',
  'consents',
  'progress',
  'effectiveness',
  'followUps',
  'notes',
] as const;
export const RecordSection = z.enum(recordSections, { error: 'Unknown section of the record.' });
export type RecordSection = z.infer<typeof RecordSection>;

/** In the order the document prints them: who the client is, what to watch for, what happened. */
export const recordSectionLabels: Record<RecordSection, string> = {
  profile: 'Demographics and contacts',
  healthHistory: 'Health history and its changes',
  safety: 'Alerts and allergies',
  consents: 'Consents',
  progress: 'Goals and progress',
  effectiveness: 'What has worked and what has not',
  followUps: 'Follow-ups after sessions',
  notes: 'Signed session notes',
};

/**
 * Whom the document is for. A copy kept by the practice needs no basis; a disclosure to anyone
 * outside it needs the client's current consent to share records with that party, or a legal
 * reason written down (a subpoena, a duty to warn), and is logged as a disclosure.
 */
export const PracticeRecipient = z.object({ kind: z.literal('practice') });
export const ExternalRecipient = z.object({
  kind: z.literal('external'),
  name: requiredText(200, 'The recipient’s name'),
  organisation: optionalText(200),
  /** Required when the client has no current consent to share records with this party. */
  legalReason: optionalText(1000),
});
export type ExternalRecipient = z.infer<typeof ExternalRecipient>;
export const RecordRecipient = z.discriminatedUnion(
  'kind',
  [PracticeRecipient, ExternalRecipient],
  {
    error: 'Say whether the record is for the practice or for someone outside it.',
  },
);
export type RecordRecipient = z.infer<typeof RecordRecipient>;

/** Dated entries (sessions, changes, scores, follow-ups) from `from` to `to`, both included. */
export const RecordPdfRequest = z
  .object({
    sections: z
      .array(RecordSection)
      .min(1, 'Choose at least one section.')
      .max(recordSections.length, 'Name each section once.'),
    from: CalendarDate.nullish().transform((value) => value ?? null),
    to: CalendarDate.nullish().transform((value) => value ?? null),
    recipient: RecordRecipient,
  })
  .superRefine((request, context) => {
    if (request.from && request.to && request.to < request.from) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Must not be before the start of the period.',
      });
    }
    if (new Set(request.sections).size !== request.sections.length) {
      context.addIssue({ code: 'custom', path: ['sections'], message: 'Name each section once.' });
    }
  });
export type RecordPdfRequest = z.infer<typeof RecordPdfRequest>;

/** Whether a local date (YYYY-MM-DD, or the date part of an ISO instant) lies in the period. */
export function inPeriod(
  date: string,
  period: { from: string | null; to: string | null },
): boolean {
  const day = date.slice(0, 10);
  return (period.from === null || day >= period.from) && (period.to === null || day <= period.to);
}

/** The sections in the document's own order, whatever order they were asked for in. */
export function orderedSections(sections: readonly RecordSection[]): RecordSection[] {
  const wanted = new Set(sections);
  return recordSections.filter((section) => wanted.has(section));
}

/** "2025-01-01 to 2026-03-31", "from …", "until …" or "the whole record". */
export function describePeriod(period: { from: string | null; to: string | null }): string {
  if (period.from && period.to) return `${period.from} to ${period.to}`;
  if (period.from) return `from ${period.from}`;
  if (period.to) return `until ${period.to}`;
  return 'the whole record';
}
