import { z } from 'zod';
import type { FieldIssue } from './errors.js';
import {
  PsfsActivityDescription,
  currentDefinition,
  definitionOf,
  maxActivePsfsActivities,
  valueIssue,
  type MeasureScore,
  type MeasureView,
  type PsfsActivity,
} from './outcome-measures.js';
import { requiredText } from './text.js';

/**
 * Recording scores: what staff send from the chart or a note, and the client from their
 * link. A batch is checked whole against the definitions and the client's activities before
 * anything is stored, so a refused batch stores nothing.
 */

const nullableId = z
  .string()
  .min(1)
  .max(64)
  .nullish()
  .transform((value) => value ?? null);

export const ScoreEntry = z
  .object({
    measureId: z.string({ error: 'Name the measure.' }).min(1, 'Name the measure.').max(64),
    /** The PSFS activity scored; null for other measures. */
    activityId: nullableId,
    /** A PSFS activity named and scored in one go. */
    newActivity: PsfsActivityDescription.nullish().transform((value) => value ?? null),
    value: z.number({ error: 'Must be a number.' }),
  })
  .superRefine((entry, context) => {
    if (entry.activityId && entry.newActivity) {
      context.addIssue({
        code: 'custom',
        path: ['newActivity'],
        message: 'Score either an existing activity or a new one, not both.',
      });
    }
  });
export type ScoreEntry = z.infer<typeof ScoreEntry>;

export const ScoresInput = z.object({
  /** The session the scores were taken at; the chart records them without one. */
  sessionId: nullableId,
  scores: z.array(ScoreEntry).min(1, 'Give at least one score.').max(40),
});
export type ScoresInput = z.infer<typeof ScoresInput>;

/** A correction: the right value (null: the score was entered in error) and why. */
export const ScoreCorrection = z.object({
  value: z.number({ error: 'Must be a number, or null to strike the score out.' }).nullable(),
  reason: requiredText(500, 'Reason'),
});
export type ScoreCorrection = z.infer<typeof ScoreCorrection>;

export interface ScoringContext {
  measures: ReadonlyMap<string, MeasureView>;
  /** The client's PSFS activities by id, retired ones included. */
  activities: ReadonlyMap<string, PsfsActivity>;
  /** When given, only these measures may be scored (what a client's link asks for). */
  allowedMeasureIds?: ReadonlySet<string>;
  /** What the session already has a score for (`scoreKey`): corrected, never scored twice. */
  scoredAtSession?: ReadonlySet<string>;
}

/** What one score is of: a measure, or for the PSFS one of the client's activities. */
export function scoreKey(score: { measureId: string; activityId: string | null }): string {
  return `${score.measureId}:${score.activityId ?? ''}`;
}

/**
 * Everything wrong with a batch, each under its field (`scores.2.value`): an unknown or
 * retired measure, a PSFS score without its activity (or an activity on another measure), a
 * retired or unknown activity, more than five active activities, the same thing scored twice,
 * and values outside the current definition's range or precision.
 */
export function scoreIssues(entries: readonly ScoreEntry[], context: ScoringContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  let activeActivities = [...context.activities.values()].filter(
    (activity) => activity.retiredAt === null,
  ).length;
  entries.forEach((entry, index) => {
    const at = (field: string) => `scores.${index}.${field}`;
    const measure = context.measures.get(entry.measureId);
    if (!measure || (context.allowedMeasureIds && !context.allowedMeasureIds.has(measure.id))) {
      issues.push({ field: at('measureId'), message: 'Unknown measure.' });
      return;
    }
    if (measure.retiredAt !== null) {
      issues.push({
        field: at('measureId'),
        message: 'This measure is retired: it takes no new scores.',
      });
      return;
    }
    if (measure.perActivity) {
      if (entry.activityId) {
        const activity = context.activities.get(entry.activityId);
        if (!activity) {
          issues.push({ field: at('activityId'), message: 'Unknown activity for this client.' });
        } else if (activity.retiredAt !== null) {
          issues.push({
            field: at('activityId'),
            message: 'This activity is retired: it takes no new scores.',
          });
        }
      } else if (entry.newActivity) {
        activeActivities += 1;
        if (activeActivities > maxActivePsfsActivities) {
          issues.push({
            field: at('newActivity'),
            message: `A client names at most ${maxActivePsfsActivities} activities at a time: retire one first.`,
          });
        }
      } else {
        issues.push({ field: at('activityId'), message: 'Name the activity this score is for.' });
      }
    } else if (entry.activityId || entry.newActivity) {
      issues.push({
        field: at(entry.activityId ? 'activityId' : 'newActivity'),
        message: 'Only the Patient-Specific Functional Scale scores activities.',
      });
    }
    const key = `${measure.id}:${entry.activityId ?? (entry.newActivity ? `new:${index}` : '')}`;
    if (seen.has(key)) {
      issues.push({ field: at('measureId'), message: 'Scored twice in one go.' });
    } else if (context.scoredAtSession?.has(key)) {
      issues.push({
        field: at(entry.activityId ? 'activityId' : 'measureId'),
        message: 'Already scored at this session: correct that score instead.',
      });
    }
    seen.add(key);
    const problem = valueIssue(entry.value, currentDefinition(measure));
    if (problem) issues.push({ field: at('value'), message: problem });
  });
  return issues;
}

/** A correction's value against the version the original was recorded with. */
export function correctionIssues(
  correction: ScoreCorrection,
  original: MeasureScore,
  measure: MeasureView,
): FieldIssue[] {
  if (correction.value === null) return [];
  const definition = definitionOf(measure, original.measureVersion);
  if (!definition) return [{ field: 'value', message: 'Unknown measure version.' }];
  const problem = valueIssue(correction.value, definition);
  return problem ? [{ field: 'value', message: problem }] : [];
}

/**
 * The scores as they stand after corrections: each original replaced by its latest
 * correction, struck-out ones left out, oldest measurement first. What progress reads.
 */
export function effectiveScores(scores: readonly MeasureScore[]): MeasureScore[] {
  const corrected = new Set(
    scores.flatMap((score) => (score.correctsId === null ? [] : [score.correctsId])),
  );
  return scores
    .filter((score) => !corrected.has(score.id) && score.value !== null)
    .sort(
      (a, b) =>
        a.recordedAt.localeCompare(b.recordedAt) ||
        a.enteredAt.localeCompare(b.enteredAt) ||
        a.id.localeCompare(b.id),
    );
}
