import { z } from 'zod';
import type { FieldIssue } from './errors.js';
import { MeasureSchedule } from './measure-schedule.js';
import { RegionCode } from './notes.js';
import {
  currentDefinition,
  valueIssue,
  type MeasureView,
  type PsfsActivity,
} from './outcome-measures.js';
import { CalendarDate, optionalText, requiredText } from './text.js';

/**
 * Goals and the treatment plan. A goal is measurable: a target on a measure (a PSFS activity
 * for the PSFS), or on the pain scores of the notes ("pain ≤ 2 after desk work": pain after
 * treatment), with a comparator, a re-evaluation date and a status. A goal is versioned like
 * any record (If-Match) and every saved state is kept. The plan — how often, how many
 * sessions, where, with which techniques, which measures when — is kept as numbered versions.
 */

/** Pain from the notes: the 0–10 score before or after treatment. */
export const PainMoment = z.enum(['before', 'after']);
export type PainMoment = z.infer<typeof PainMoment>;

export const GoalTarget = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('measure'),
      measureId: z.string().min(1, 'Choose a measure.').max(64),
      /** The PSFS activity; null for other measures. */
      activityId: z
        .string()
        .min(1)
        .max(64)
        .nullish()
        .transform((value) => value ?? null),
    }),
    z.object({ kind: z.literal('pain'), moment: PainMoment }),
  ],
  { error: 'Must be a measure or pain from the notes.' },
);
export type GoalTarget = z.infer<typeof GoalTarget>;

export const Comparator = z.enum(['at_least', 'at_most'], {
  error: 'Must be at_least or at_most.',
});
export type Comparator = z.infer<typeof Comparator>;
export const comparatorSymbols: Record<Comparator, string> = { at_least: '≥', at_most: '≤' };

export const GoalStatus = z.enum(['active', 'met', 'revised', 'stopped'], {
  error: 'Must be active, met, revised or stopped.',
});
export type GoalStatus = z.infer<typeof GoalStatus>;
export const goalStatusLabels: Record<GoalStatus, string> = {
  active: 'Active',
  met: 'Met',
  revised: 'Revised',
  stopped: 'Stopped',
};

const nullableDate = CalendarDate.nullish().transform((value) => value ?? null);

const goalFields = z.object({
  statement: requiredText(300, 'Goal'),
  target: GoalTarget,
  comparator: Comparator,
  targetValue: z.number({ error: 'Must be a number.' }),
  reEvaluationDate: nullableDate,
  status: GoalStatus.default('active'),
  /** Why a goal stopped (required then), or a word on a met or revised one. */
  statusReason: optionalText(500),
});

function stoppedNeedsReason(
  goal: { status: GoalStatus; statusReason: string | null },
  context: z.RefinementCtx,
): void {
  if (goal.status === 'stopped' && goal.statusReason === null) {
    context.addIssue({
      code: 'custom',
      path: ['statusReason'],
      message: 'Say why the goal was stopped.',
    });
  }
}

export const GoalInput = goalFields.superRefine(stoppedNeedsReason);
export type GoalInput = z.infer<typeof GoalInput>;

/** A new goal; naming the goal it revises marks that one revised in the same write. */
export const GoalCreate = goalFields
  .extend({
    revisesGoalId: z
      .string()
      .min(1)
      .max(64)
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine(stoppedNeedsReason);
export type GoalCreate = z.infer<typeof GoalCreate>;

export const painScale = { min: 0, max: 10, unit: null, decimals: 0 } as const;
/** NPRS: about 2 points is a change clients notice (Farrar et al. 2001). */
export const painMinimalImportantChange = 2;

/**
 * What the goal's target needs from the record: its measure in use (not retired) and, for
 * the PSFS, an activity of this client still scored; a target value the scale allows.
 * `targetChanged` is false for an edit that keeps the target, so a goal on a measure retired
 * since can still be marked met or stopped.
 */
export function goalIssues(
  goal: GoalInput,
  context: {
    measures: ReadonlyMap<string, MeasureView>;
    activities: ReadonlyMap<string, PsfsActivity>;
    targetChanged: boolean;
  },
): FieldIssue[] {
  const target = goal.target;
  if (target.kind === 'pain') {
    const problem = valueIssue(goal.targetValue, painScale);
    return problem ? [{ field: 'targetValue', message: problem }] : [];
  }
  const measure = context.measures.get(target.measureId);
  if (!measure) return [{ field: 'target.measureId', message: 'Unknown measure.' }];
  const issues: FieldIssue[] = [];
  if (context.targetChanged && measure.retiredAt !== null) {
    issues.push({
      field: 'target.measureId',
      message: 'This measure is retired: set the goal on a measure still in use.',
    });
  }
  if (measure.perActivity) {
    const activity = target.activityId ? context.activities.get(target.activityId) : undefined;
    if (!target.activityId) {
      issues.push({ field: 'target.activityId', message: 'Choose the activity.' });
    } else if (!activity) {
      issues.push({ field: 'target.activityId', message: 'Unknown activity for this client.' });
    } else if (context.targetChanged && activity.retiredAt !== null) {
      issues.push({
        field: 'target.activityId',
        message: 'This activity is retired: set the goal on one still scored.',
      });
    }
  } else if (target.activityId) {
    issues.push({
      field: 'target.activityId',
      message: 'Only the Patient-Specific Functional Scale has activities.',
    });
  }
  const problem = valueIssue(goal.targetValue, currentDefinition(measure));
  if (problem) issues.push({ field: 'targetValue', message: problem });
  return issues;
}

export function sameTarget(a: GoalInput, b: GoalInput): boolean {
  return (
    JSON.stringify(a.target) === JSON.stringify(b.target) &&
    a.comparator === b.comparator &&
    a.targetValue === b.targetValue
  );
}

export const FrequencyPeriod = z.enum(['week', 'two_weeks', 'month']);
export type FrequencyPeriod = z.infer<typeof FrequencyPeriod>;
const periodWords: Record<FrequencyPeriod, string> = {
  week: 'a week',
  two_weeks: 'every two weeks',
  month: 'a month',
};

export const TreatmentPlan = z
  .object({
    /** Visits count toward the plan (and its discharge) from this day. */
    startsOn: CalendarDate,
    frequency: z
      .object({
        sessions: z
          .number({ error: 'Must be a whole number from 1 to 7.' })
          .int('Must be a whole number from 1 to 7.')
          .min(1, 'Must be a whole number from 1 to 7.')
          .max(7, 'Must be a whole number from 1 to 7.'),
        per: FrequencyPeriod,
      })
      .nullish()
      .transform((value) => value ?? null),
    sessionsPlanned: z
      .number({ error: 'Must be a whole number of sessions.' })
      .int('Must be a whole number of sessions.')
      .min(1, 'Must be at least 1.')
      .max(100, 'Must be at most 100.')
      .nullish()
      .transform((value) => value ?? null),
    focusRegions: z.array(RegionCode).max(63, 'Must name at most 63 regions.').default([]),
    /** Technique codes from the practice's catalogue. */
    techniques: z.array(z.string().min(1).max(40)).max(20, 'Must name at most 20.').default([]),
    reEvaluationDate: nullableDate,
    notes: optionalText(1000),
    /** Which measures are taken when. */
    measures: z.array(MeasureSchedule).max(20, 'Must schedule at most 20 measures.').default([]),
  })
  .superRefine((plan, context) => {
    if (plan.reEvaluationDate !== null && plan.reEvaluationDate < plan.startsOn) {
      context.addIssue({
        code: 'custom',
        path: ['reEvaluationDate'],
        message: 'Must not be before the plan starts.',
      });
    }
    const seen = new Set<string>();
    plan.measures.forEach((schedule, index) => {
      if (seen.has(schedule.measureId)) {
        context.addIssue({
          code: 'custom',
          path: ['measures', index, 'measureId'],
          message: 'Scheduled twice.',
        });
      }
      seen.add(schedule.measureId);
    });
  });
export type TreatmentPlan = z.infer<typeof TreatmentPlan>;

/**
 * What the plan names from the practice's lists: techniques of the catalogue and measures in
 * use. A retired technique or measure the previous version already named may stay; a plan is
 * never made unsaveable by a retirement.
 */
export function planIssues(
  plan: TreatmentPlan,
  context: {
    techniques: ReadonlyMap<string, { retiredAt: string | null }>;
    measures: ReadonlyMap<string, MeasureView>;
    previous: TreatmentPlan | null;
  },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const hadTechnique = new Set(context.previous?.techniques ?? []);
  plan.techniques.forEach((code, index) => {
    const technique = context.techniques.get(code);
    if (!technique) {
      issues.push({ field: `techniques.${index}`, message: 'Unknown technique code.' });
    } else if (technique.retiredAt !== null && !hadTechnique.has(code)) {
      issues.push({ field: `techniques.${index}`, message: 'This technique is retired.' });
    }
  });
  const hadMeasure = new Set(context.previous?.measures.map((schedule) => schedule.measureId));
  plan.measures.forEach((schedule, index) => {
    const measure = context.measures.get(schedule.measureId);
    const field = `measures.${index}.measureId`;
    if (!measure) issues.push({ field, message: 'Unknown measure.' });
    else if (measure.retiredAt !== null && !hadMeasure.has(measure.id)) {
      issues.push({ field, message: 'This measure is retired: schedule one still in use.' });
    }
  });
  return issues;
}

/** "2 sessions a week, 6 sessions in all" — the plan's rhythm in words. */
export function frequencyText(plan: Pick<TreatmentPlan, 'frequency' | 'sessionsPlanned'>): string {
  const parts: string[] = [];
  if (plan.frequency) {
    const { sessions, per } = plan.frequency;
    parts.push(`${sessions} session${sessions === 1 ? '' : 's'} ${periodWords[per]}`);
  }
  if (plan.sessionsPlanned !== null) {
    parts.push(`${plan.sessionsPlanned} session${plan.sessionsPlanned === 1 ? '' : 's'} in all`);
  }
  return parts.join(', ');
}
