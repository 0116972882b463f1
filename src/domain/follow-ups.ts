import { z } from 'zod';
import { tookPlace, type SessionStatus } from './sessions.js';
import { optionalText } from './text.js';

/**
 * How a client felt a day or two after a session: relief and soreness (0–10) and any adverse
 * reaction, joined to the session it follows. Sent by the client through a secure link, or
 * taken by phone and recorded by staff. Progress charts and effectiveness statistics read
 * these through `listClientFollowUps` (store/follow-ups.ts), so the names here are a contract.
 */

export const reactionCodes = [
  'bruising',
  'headache',
  'flare_up',
  'skin_reaction',
  'other',
] as const;
export const Reaction = z.enum(reactionCodes, {
  error: 'Unknown reaction: use bruising, headache, flare_up, skin_reaction or other.',
});
export type Reaction = z.infer<typeof Reaction>;

export const reactionLabels: Record<Reaction, string> = {
  bruising: 'Bruising',
  headache: 'Headache',
  flare_up: 'Flare-up of symptoms',
  skin_reaction: 'Skin reaction (rash, itching)',
  other: 'Something else',
};

export const followUpSources = ['client_link', 'staff'] as const;
export const FollowUpSource = z.enum(followUpSources);
export type FollowUpSource = z.infer<typeof FollowUpSource>;

const score = z.number().int().min(0).max(10);

export const FollowUp = z.object({
  id: z.string(),
  sessionId: z.string(),
  clientId: z.string(),
  relief: score.nullable(),
  soreness: score.nullable(),
  reactions: z.array(Reaction),
  reactionDetails: z.string().nullable(),
  source: FollowUpSource,
  submittedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * Soreness from 7 up is more than the usual day-after ache of deep work: the therapist should
 * hear about it before the next visit, as with any adverse reaction.
 */
export const highSoreness = 7;

/** A follow-up the therapist should see: a reaction was reported, or soreness is high. */
export function raisesFlag(followUp: Pick<FollowUp, 'reactions' | 'soreness'>): boolean {
  return followUp.reactions.length > 0 || (followUp.soreness ?? 0) >= highSoreness;
}

/** Flagged and not yet acknowledged by a clinician. */
export function needsAttention(
  followUp: Pick<FollowUp, 'reactions' | 'soreness' | 'acknowledgedAt'>,
): boolean {
  return raisesFlag(followUp) && followUp.acknowledgedAt === null;
}

const scoreAnswer = z
  .number({ error: 'Must be a whole number from 0 to 10.' })
  .int('Must be a whole number from 0 to 10.')
  .min(0, 'Must be from 0 to 10.')
  .max(10, 'Must be from 0 to 10.')
  .nullable()
  .default(null);

const answerFields = {
  relief: scoreAnswer,
  soreness: scoreAnswer,
  // Each reaction once, in the order given: a double tap does not count a reaction twice.
  reactions: z
    .array(Reaction)
    .max(reactionCodes.length, 'Name each reaction once.')
    .default([])
    .transform((codes) => [...new Set(codes)]),
  reactionDetails: optionalText(1000),
};

type Answers = {
  relief: number | null;
  soreness: number | null;
  reactions: Reaction[];
  reactionDetails: string | null;
};

/** Rules across fields: "other" needs words, and an empty follow-up says nothing. */
function checkAnswers(answers: Answers, context: z.RefinementCtx): void {
  if (answers.reactions.includes('other') && !answers.reactionDetails) {
    context.addIssue({
      code: 'custom',
      path: ['reactionDetails'],
      message: 'Describe the other reaction.',
    });
  }
  if (answers.relief === null && answers.soreness === null && answers.reactions.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['relief'],
      message: 'Give relief or soreness from 0 to 10, or a reaction.',
    });
  }
}

/** What the client answers on their phone. */
export const FollowUpAnswers = z.object(answerFields).superRefine(checkAnswers);
export type FollowUpAnswers = z.infer<typeof FollowUpAnswers>;

/** A follow-up staff took by phone, for one of the client's sessions. */
export const FollowUpRecord = z
  .object({ sessionId: z.string().min(1).max(64), ...answerFields })
  .superRefine(checkAnswers);
export type FollowUpRecord = z.infer<typeof FollowUpRecord>;

/**
 * Why a session cannot have a follow-up (yet), or null when it can: only a session that took
 * place and has begun has an "after" to ask about.
 */
export function followUpRefusal(
  session: { status: SessionStatus; startsAt: string },
  now: Date,
): string | null {
  if (!tookPlace(session.status)) return 'A cancelled or no-show session has no follow-up.';
  if (new Date(session.startsAt) > now) return 'This session has not taken place yet.';
  return null;
}

/** "Relief 7 · soreness 3 · headache": a follow-up in one line, for lists and the timeline. */
export function followUpSummary(
  followUp: Pick<FollowUp, 'relief' | 'soreness' | 'reactions'>,
): string {
  const parts: string[] = [];
  if (followUp.relief !== null) parts.push(`Relief ${followUp.relief}/10`);
  if (followUp.soreness !== null) parts.push(`soreness ${followUp.soreness}/10`);
  parts.push(
    followUp.reactions.length === 0
      ? 'no reaction'
      : followUp.reactions.map((code) => reactionLabels[code].toLowerCase()).join(', '),
  );
  const line = parts.join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
