import { z } from 'zod';
import { GoalProgress, ProgressPoint } from './goal-progress.js';
import { Comparator, GoalStatus, GoalTarget, TreatmentPlan } from './goals.js';
import { ClientLinkView } from './intake-links.js';
import { DueReason, MeasureSchedule } from './measure-schedule.js';
import { ScoreEntry } from './measure-scores.js';
import { Better, MeasureScore, MeasureView, PsfsActivity } from './outcome-measures.js';

/**
 * What the outcome-measure and goal APIs answer, shared by the server (OpenAPI) and the web
 * app. The progress charts and the pre-session briefing read the same two documents:
 * `ClientMeasuresView` (every definition version with range, direction and minimal important
 * change; every score with its date, version and session) and `ClientGoalsView`.
 */

export const DueMeasure = z.object({ measureId: z.string(), reasons: z.array(DueReason) });
export type DueMeasure = z.infer<typeof DueMeasure>;

export const ClientMeasuresView = z.object({
  clientId: z.string(),
  /** Built-ins, the practice's measures in use, and retired ones this client has scores on. */
  measures: z.array(MeasureView),
  /** The client's PSFS activities, retired ones included, oldest first. */
  activities: z.array(PsfsActivity),
  /** Every score, corrections included, oldest entry first; `effectiveScores` resolves them. */
  scores: z.array(MeasureScore),
  /** The current treatment plan's schedule. */
  schedule: z.array(MeasureSchedule),
  /**
   * What is due at the session asked about (`?sessionId=`), or else at the next visit: the
   * next booked session, or one not booked yet (sessionId null).
   */
  due: z.object({
    sessionId: z.string().nullable(),
    startsAt: z.string().nullable(),
    measures: z.array(DueMeasure),
  }),
});
export type ClientMeasuresView = z.infer<typeof ClientMeasuresView>;

export const RecordedScores = z.object({ scores: z.array(MeasureScore) });

export const GoalView = z.object({
  id: z.string(),
  clientId: z.string(),
  statement: z.string(),
  target: GoalTarget,
  /** The definition version the target was set on (null for pain from the notes). */
  measureVersion: z.number().int().nullable(),
  comparator: Comparator,
  targetValue: z.number(),
  reEvaluationDate: z.string().nullable(),
  status: GoalStatus,
  statusReason: z.string().nullable(),
  revisesGoalId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.number().int(),
  progress: GoalProgress,
  /** The scores progress was read from, oldest first: what a chart draws. */
  points: z.array(ProgressPoint),
});
export type GoalView = z.infer<typeof GoalView>;

export const GoalVersionView = z.object({
  number: z.number().int(),
  statement: z.string(),
  target: GoalTarget,
  comparator: Comparator,
  targetValue: z.number(),
  reEvaluationDate: z.string().nullable(),
  status: GoalStatus,
  statusReason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type GoalVersionView = z.infer<typeof GoalVersionView>;

/** The current plan; number 0 and a null plan before the first is saved. */
export const TreatmentPlanView = z.object({
  clientId: z.string(),
  number: z.number().int().min(0),
  plan: TreatmentPlan.nullable(),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type TreatmentPlanView = z.infer<typeof TreatmentPlanView>;

export const ClientGoalsView = z.object({
  clientId: z.string(),
  /** Active goals first, then the rest; newest first within each. */
  goals: z.array(GoalView),
  plan: TreatmentPlanView,
});
export type ClientGoalsView = z.infer<typeof ClientGoalsView>;

export const MeasuresLinkCreate = z.object({
  expiresInDays: z
    .number({ error: 'Must be a whole number of days.' })
    .int('Must be a whole number of days.')
    .min(1, 'Must be at least 1 day.')
    .max(60, 'Must be at most 60 days.')
    .default(14),
});

export const CreatedMeasuresLink = z.object({
  link: ClientLinkView,
  url: z.string(),
  qrSvg: z.string(),
  /** What the link asks for: the client-reported measures due, or else those scheduled. */
  measureIds: z.array(z.string()),
});
export type CreatedMeasuresLink = z.infer<typeof CreatedMeasuresLink>;

/** A measure as the client's phone shows it: the current definition, nothing of the record. */
export const PublicMeasure = z.object({
  id: z.string(),
  perActivity: z.boolean(),
  name: z.string(),
  unit: z.string().nullable(),
  min: z.number(),
  max: z.number(),
  decimals: z.number().int(),
  better: Better,
  question: z.string().nullable(),
});
export type PublicMeasure = z.infer<typeof PublicMeasure>;

export const PublicMeasuresView = z.object({
  practiceName: z.string(),
  firstName: z.string(),
  expiresAt: z.string(),
  measures: z.array(PublicMeasure),
  /** The client's active PSFS activities; they may name new ones up to `maxActivities`. */
  activities: z.array(z.object({ id: z.string(), description: z.string() })),
  maxActivities: z.number().int(),
});
export type PublicMeasuresView = z.infer<typeof PublicMeasuresView>;

export const PublicScoresInput = z.object({
  scores: z.array(ScoreEntry).min(1, 'Give at least one score.').max(40),
});
export type PublicScoresInput = z.infer<typeof PublicScoresInput>;
