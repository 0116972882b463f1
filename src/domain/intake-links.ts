import { z } from 'zod';
import { ConsentLinkStep } from './consent-link.js';
import { HealthHistory } from './health-history.js';
import { HealthHistoryChange } from './health-history-diff.js';
import type { IntakeAnswers } from './intake-answers.js';
import { IntakeForm } from './intake-forms.js';
import { optionalText } from './text.js';

/**
 * Links a client opens without an account, and what they sent through them. A link serves one
 * purpose for one client, expires, can be revoked, and is used once; the token itself is never
 * stored, so the link cannot be rebuilt from the database.
 */
export const linkPurposes = ['intake', 'follow_up', 'measures'] as const;
export const LinkPurpose = z.enum(linkPurposes);
export type LinkPurpose = z.infer<typeof LinkPurpose>;

/** Two weeks: long enough for a client booked next week, short enough that old links die. */
export const defaultLinkDays = 14;

export const ClientLinkCreate = z.object({
  // A follow-up link belongs to a session and is made from it (domain/follow-up-views.ts); a
  // measures link asks for the measures due (domain/outcome-views.ts MeasuresLinkCreate).
  purpose: z
    .enum(['intake'], {
      error:
        'Must be intake; a follow-up link is made from its session, a measures link from the client’s measures.',
    })
    .default('intake'),
  expiresInDays: z
    .number({ error: 'Must be a whole number of days.' })
    .int('Must be a whole number of days.')
    .min(1, 'Must be at least 1 day.')
    .max(60, 'Must be at most 60 days.')
    .default(defaultLinkDays),
});
export type ClientLinkCreate = z.infer<typeof ClientLinkCreate>;

export const LinkState = z.enum(['active', 'used', 'expired', 'revoked']);
export type LinkState = z.infer<typeof LinkState>;

export const ClientLinkView = z.object({
  id: z.string(),
  clientId: z.string(),
  purpose: LinkPurpose,
  state: LinkState,
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  usedAt: z.string().nullable(),
});
export type ClientLinkView = z.infer<typeof ClientLinkView>;

export function linkState(
  link: { usedAt: string | null; revokedAt: string | null; expiresAt: string },
  now: Date,
): LinkState {
  if (link.revokedAt) return 'revoked';
  if (link.usedAt) return 'used';
  if (new Date(link.expiresAt) <= now) return 'expired';
  return 'active';
}

export function linkExpiry(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/**
 * What the client sees when opening a link: the steps to complete, the client's first name
 * and the practice's name, and nothing else about the record or the practice's other clients.
 * Steps are a list so further ones (consent) can follow the intake form on the same page.
 */
export const PublicLinkStep = z.discriminatedUnion('kind', [
  ConsentLinkStep,
  z.object({ kind: z.literal('intake'), done: z.boolean(), form: IntakeForm }),
]);
export type PublicLinkStep = z.infer<typeof PublicLinkStep>;

export const PublicLinkView = z.object({
  practiceName: z.string(),
  firstName: z.string(),
  expiresAt: z.string(),
  steps: z.array(PublicLinkStep),
});
export type PublicLinkView = z.infer<typeof PublicLinkView>;

/** The message for an unknown, expired, revoked, used-up or altered link, alike. */
export const deadLinkMessage = 'This link is not valid any more. Ask the practice for a new one.';

export const SubmissionStatus = z.enum(['to_review', 'accepted', 'rejected']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const IntakeSubmissionSummary = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  status: SubmissionStatus,
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type IntakeSubmissionSummary = z.infer<typeof IntakeSubmissionSummary>;

export const ProposedClientChangeView = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string(),
});

export const IntakeAttentionView = z.object({
  section: z.string(),
  itemId: z.string().nullable(),
  message: z.string(),
});

/** A submission with the changes accepting it would make to the record as it is now. */
export const IntakeSubmissionReview = IntakeSubmissionSummary.extend({
  form: IntakeForm,
  answers: z.record(z.string(), z.unknown()),
  /** The history version the proposal was made against; accepting names it. */
  historyNumber: z.number().int(),
  clientVersion: z.number().int(),
  proposal: z
    .object({
      history: HealthHistory,
      historyChanges: z.array(HealthHistoryChange),
      clientChanges: z.array(ProposedClientChangeView),
      attention: z.array(IntakeAttentionView),
    })
    .nullable(),
});
export type IntakeSubmissionReview = z.infer<typeof IntakeSubmissionReview>;

export const IntakeAccept = z.object({
  historyNumber: z.number({ error: 'Give the history version you reviewed.' }).int().min(0),
  clientVersion: z.number({ error: 'Give the client version you reviewed.' }).int().min(1),
});
export type IntakeAccept = z.infer<typeof IntakeAccept>;

export const IntakeReject = z.object({
  note: optionalText(1000),
});
export type IntakeReject = z.infer<typeof IntakeReject>;

/** A submission as the store keeps it. */
export interface IntakeSubmission {
  id: string;
  linkId: string;
  practiceId: string;
  clientId: string;
  formVersion: number;
  form: IntakeForm;
  answers: IntakeAnswers;
  submittedAt: string;
  status: SubmissionStatus;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}
