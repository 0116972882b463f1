import { z } from 'zod';
import { ConditionCode } from './health-history-vocabulary.js';
import { RegionCode } from './notes.js';

/**
 * What the effectiveness and practice-analytics API answers, shared by the server (OpenAPI)
 * and the web app (its typed client). Every figure carries the sessions behind it (or, across
 * clients, how many clients and sessions), so nothing is stated without its evidence. Kept apart
 * from the calculations, which need a t-distribution library the web app does not.
 */

/** What a row is about: a technique, a pressure level (1–5) or a product used in a session. */
export const FactorKind = z.enum(['technique', 'pressure', 'product']);
export type FactorKind = z.infer<typeof FactorKind>;

export const factorKindLabels: Record<FactorKind, string> = {
  technique: 'Technique',
  pressure: 'Pressure',
  product: 'Product',
};

/**
 * The overall reading of a row, from the difference in relief with and without it:
 * `more_relief` / `less_relief` only when the 95% interval lies on one side of zero.
 */
export const Verdict = z.enum([
  'not_enough_sessions',
  'nothing_to_compare',
  'more_relief',
  'less_relief',
  'no_clear_difference',
]);
export type Verdict = z.infer<typeof Verdict>;

/**
 * Positions in the answer's `sessions` list, oldest first. A client's figures name the same
 * sessions many times over, so each session is spelled out once and referred to by position:
 * sending every id in every figure made a 500-session answer about half a megabyte.
 */
export const SessionIndexes = z.array(z.number().int().min(0));
export type SessionIndexes = z.infer<typeof SessionIndexes>;

/** A count of sessions, with the sessions. */
export const SessionCount = z.object({
  count: z.number().int().min(0),
  sessionIndexes: SessionIndexes,
});
export type SessionCount = z.infer<typeof SessionCount>;

/** A mean in pain points with its 95% confidence interval and the sessions it comes from. */
export const MeanFigure = z.object({
  mean: z.number(),
  low: z.number(),
  high: z.number(),
  sessionIndexes: SessionIndexes,
});
export type MeanFigure = z.infer<typeof MeanFigure>;

/**
 * Mean relief with it minus mean relief without it (Welch). The sessions with it are the row's
 * `relief` sessions (a difference needs at least as many as the relief figure does), so only
 * the sessions without it are listed here.
 */
export const DifferenceFigure = z.object({
  difference: z.number(),
  low: z.number(),
  high: z.number(),
  withMean: z.number(),
  withoutMean: z.number(),
  withoutSessionIndexes: SessionIndexes,
});
export type DifferenceFigure = z.infer<typeof DifferenceFigure>;

/** What clients reported a day or two after these sessions. */
export const FollowUpFigures = z.object({
  /** Sessions with a follow-up: the denominator of the two below. */
  reported: SessionCount,
  reactions: SessionCount,
  /** Soreness of 7 or more out of 10. */
  highSoreness: SessionCount,
  /** How many sessions each kind of reaction followed (bruising, headache …). */
  reactionKinds: z.record(z.string(), z.number().int()),
});
export type FollowUpFigures = z.infer<typeof FollowUpFigures>;

export const EffectivenessRow = z.object({
  kind: FactorKind,
  /** Technique code, pressure level ("1"–"5") or product id. */
  key: z.string(),
  label: z.string(),
  sessions: SessionCount,
  /** False below the practice's minimum number of sessions: the figures below are then null. */
  enough: z.boolean(),
  /** Pain before − pain after, in sessions with both recorded. */
  relief: MeanFigure.nullable(),
  /** This visit's pain before − the next visit's pain before. */
  carryOver: MeanFigure.nullable(),
  difference: DifferenceFigure.nullable(),
  followUps: FollowUpFigures.nullable(),
  verdict: Verdict,
  /** The verdict in a few words, for a table cell. */
  summary: z.string(),
  /** Every figure in plain language ("associated with", never "causes"). */
  statements: z.array(z.string()),
});
export type EffectivenessRow = z.infer<typeof EffectivenessRow>;

export const SessionReference = z.object({
  sessionId: z.string(),
  serviceDate: z.string(),
});
export type SessionReference = z.infer<typeof SessionReference>;

export const ClientEffectiveness = z.object({
  clientId: z.string(),
  /** The practice setting: rows with fewer sessions say "not enough sessions yet". */
  minimumSessions: z.number().int(),
  confidence: z.number(),
  /** Signed (and amended) notes: drafts never count. */
  signedSessions: z.number().int(),
  /** Signed sessions with both pain before and pain after recorded. */
  sessionsWithPain: z.number().int(),
  /** Every session a figure names, with its date, oldest first: figures give positions in it. */
  sessions: z.array(SessionReference),
  rows: z.array(EffectivenessRow),
});
export type ClientEffectiveness = z.infer<typeof ClientEffectiveness>;

/** The session ids at these positions in a client's effectiveness `sessions` list. */
export function sessionIdsAt(
  effectiveness: { sessions: readonly SessionReference[] },
  indexes: readonly number[],
): string[] {
  return indexes.map((index) => {
    const session = effectiveness.sessions[index];
    if (!session) throw new Error(`No session at position ${index}`);
    return session.sessionId;
  });
}

/** A mean across clients of each client's own mean (each client counts once). */
export const ClientsMeanFigure = z.object({
  mean: z.number(),
  low: z.number(),
  high: z.number(),
  clients: z.number().int(),
  sessions: z.number().int(),
});
export type ClientsMeanFigure = z.infer<typeof ClientsMeanFigure>;

export const CohortRow = z.object({
  kind: FactorKind,
  key: z.string(),
  label: z.string(),
  clients: z.number().int(),
  sessions: z.number().int(),
  /** False below the minimum number of clients: the figures below are then null. */
  enough: z.boolean(),
  relief: ClientsMeanFigure.nullable(),
  carryOver: ClientsMeanFigure.nullable(),
  /** Mean across clients of (relief with it − relief without it), per client. */
  difference: ClientsMeanFigure.nullable(),
  followUps: z
    .object({
      reported: z.number().int(),
      reactions: z.number().int(),
      highSoreness: z.number().int(),
    })
    .nullable(),
  verdict: Verdict,
  summary: z.string(),
  statements: z.array(z.string()),
});
export type CohortRow = z.infer<typeof CohortRow>;

/** Which clients a practice-wide table is about. */
export const CohortQuery = z.object({
  /** Clients with pain marked at this body region in a signed note. */
  region: RegionCode.optional(),
  /** Clients whose current health history records this condition. */
  condition: ConditionCode.optional(),
});
export type CohortQuery = z.infer<typeof CohortQuery>;

export const CohortEffectiveness = z.object({
  region: z.string().nullable(),
  condition: z.string().nullable(),
  /** The minimum number of clients behind a row's figures (the practice setting). */
  minimumClients: z.number().int(),
  confidence: z.number(),
  clients: z.number().int(),
  sessions: z.number().int(),
  rows: z.array(CohortRow),
});
export type CohortEffectiveness = z.infer<typeof CohortEffectiveness>;

export const TherapistOutcome = z.object({
  therapistId: z.string(),
  therapistName: z.string(),
  clients: z.number().int(),
  signedSessions: z.number().int(),
  /** Signed sessions with both pain scores, as a share of signed sessions (0–1). */
  painRecorded: z.number(),
  relief: ClientsMeanFigure.nullable(),
  carryOver: ClientsMeanFigure.nullable(),
  followUps: z.number().int(),
  reactions: z.number().int(),
  highSoreness: z.number().int(),
  statements: z.array(z.string()),
});
export type TherapistOutcome = z.infer<typeof TherapistOutcome>;

export const TherapistOutcomes = z.object({
  minimumClients: z.number().int(),
  therapists: z.array(TherapistOutcome),
});
export type TherapistOutcomes = z.infer<typeof TherapistOutcomes>;

/** NPRS minimal clinically important change: about 2 points (see PRODUCT.md). */
export const painMinimalImportantChange = 2;
export const defaultPlateauSessions = 5;

export const PlateauQuery = z.object({
  sessions: z.coerce
    .number({ error: 'Must be a whole number of sessions.' })
    .int('Must be a whole number of sessions.')
    .min(2, 'Must be at least 2 sessions.')
    .max(20, 'Must be at most 20 sessions.')
    .default(defaultPlateauSessions),
});

export const PainReading = z.object({
  sessionId: z.string(),
  serviceDate: z.string(),
  painBefore: z.number().int(),
});
export type PainReading = z.infer<typeof PainReading>;

export const ClientNotImproving = z.object({
  clientId: z.string(),
  clientName: z.string(),
  primaryTherapistId: z.string().nullable(),
  /** The last N pain-before readings, oldest first. */
  readings: z.array(PainReading),
  /** First reading − last reading: below 2 points means no important improvement. */
  decrease: z.number().int(),
});
export type ClientNotImproving = z.infer<typeof ClientNotImproving>;

export const ClientsNotImproving = z.object({
  sessions: z.number().int(),
  minimalImportantChange: z.number(),
  clients: z.array(ClientNotImproving),
});
export type ClientsNotImproving = z.infer<typeof ClientsNotImproving>;
