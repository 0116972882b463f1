import { z } from 'zod';
import { FollowUp } from './follow-ups.js';
import { ClientLinkView, LinkState } from './intake-links.js';

/**
 * What the follow-up operations take and answer, beside the contract type in follow-ups.ts:
 * the link staff send, the page the client opens, and the two lists on the Today page.
 */

/**
 * A week: asked a day or two after the session, with room for a client who answers late;
 * longer and the answer no longer says much about that session.
 */
export const defaultFollowUpLinkDays = 7;

export const FollowUpLinkCreate = z.object({
  sessionId: z.string({ error: 'Name the session the follow-up is about.' }).min(1).max(64),
  expiresInDays: z
    .number({ error: 'Must be a whole number of days.' })
    .int('Must be a whole number of days.')
    .min(1, 'Must be at least 1 day.')
    .max(30, 'Must be at most 30 days.')
    .default(defaultFollowUpLinkDays),
});
export type FollowUpLinkCreate = z.infer<typeof FollowUpLinkCreate>;

export const CreatedFollowUpLink = z.object({
  link: ClientLinkView,
  url: z.string(),
  qrSvg: z.string(),
});
export type CreatedFollowUpLink = z.infer<typeof CreatedFollowUpLink>;

/**
 * What the client's phone shows: whom the practice greets and which visit the questions are
 * about (its date and the therapist's first name), nothing clinical.
 */
export const PublicFollowUpView = z.object({
  practiceName: z.string(),
  firstName: z.string(),
  expiresAt: z.string(),
  visit: z.object({ date: z.string(), therapistFirstName: z.string() }),
});
export type PublicFollowUpView = z.infer<typeof PublicFollowUpView>;

/** A session's follow-up as its page shows it, with the links sent for it. */
export const SessionFollowUpView = z.object({
  followUp: FollowUp.nullable(),
  links: z.array(ClientLinkView),
  /** Why no link can be sent for this session (yet), or null when one can. */
  linkRefusal: z.string().nullable(),
});
export type SessionFollowUpView = z.infer<typeof SessionFollowUpView>;

/** A flagged follow-up not yet acknowledged, with what the Today list names. */
export const FollowUpNeedingAttention = z.object({
  followUp: FollowUp,
  clientName: z.string(),
  sessionStartsAt: z.string(),
  therapistName: z.string(),
});
export type FollowUpNeedingAttention = z.infer<typeof FollowUpNeedingAttention>;

/** The last N days, 7 unless asked otherwise. */
export const MissingFollowUpsQuery = z.object({
  days: z.coerce
    .number({ error: 'Must be a whole number of days.' })
    .int('Must be a whole number of days.')
    .min(1, 'Must be at least 1 day.')
    .max(90, 'Must be at most 90 days.')
    .default(7),
});

export const MissingReason = z.enum(['no_link', 'link_unanswered']);
export type MissingReason = z.infer<typeof MissingReason>;

/** A session that took place recently with no follow-up: no link sent, or none answered. */
export const MissingFollowUp = z.object({
  sessionId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  therapistId: z.string(),
  therapistName: z.string(),
  startsAt: z.string(),
  reason: MissingReason,
  /** The latest link sent for the session, if any. */
  lastLink: z
    .object({ id: z.string(), state: LinkState, createdAt: z.string(), expiresAt: z.string() })
    .nullable(),
});
export type MissingFollowUp = z.infer<typeof MissingFollowUp>;
