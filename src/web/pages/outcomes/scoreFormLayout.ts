import { effectiveScores, scoreKey } from '../../../domain/measure-scores.js';
import {
  maxActivePsfsActivities,
  type MeasureView,
  type PsfsActivity,
} from '../../../domain/outcome-measures.js';
import type { ClientMeasuresView } from '../../../domain/outcome-views.js';

/** One measure's part of the score form: the fields it shows. */
export interface ScoreBlock {
  measure: MeasureView;
  /** For the PSFS: the client's active activities not yet scored at this session. */
  activities: PsfsActivity[];
  /** For the PSFS: whether another activity may be named (five active at most). */
  canAddActivity: boolean;
}

/**
 * Which measures the score form shows, in order: those due, then the PSFS when this session
 * scored some of its activities (the others may follow), then those asked for by hand. What
 * the session already has a score for is left out: it is corrected on the chart, never
 * scored twice. `others` are the measures in use one may add.
 */
export function scoreFormLayout(
  view: ClientMeasuresView,
  sessionId: string | null,
  added: readonly string[],
): { blocks: ScoreBlock[]; others: MeasureView[] } {
  const scoredHere = new Set(
    sessionId === null
      ? []
      : effectiveScores(view.scores)
          .filter((score) => score.sessionId === sessionId)
          .map(scoreKey),
  );
  const inUse = view.measures.filter((measure) => measure.retiredAt === null);
  const startedHere = inUse.filter(
    (measure) =>
      measure.perActivity && [...scoredHere].some((key) => key.startsWith(`${measure.id}:`)),
  );
  const ids = [
    ...new Set([
      ...view.due.measures.map((entry) => entry.measureId),
      ...startedHere.map((measure) => measure.id),
      ...added,
    ]),
  ];
  const active = view.activities.filter((activity) => activity.retiredAt === null);
  const blocks = ids.flatMap((id): ScoreBlock[] => {
    const measure = inUse.find((entry) => entry.id === id);
    if (!measure) return [];
    if (!measure.perActivity) {
      const done = scoredHere.has(scoreKey({ measureId: id, activityId: null }));
      return done ? [] : [{ measure, activities: [], canAddActivity: false }];
    }
    const activities = active.filter(
      (activity) => !scoredHere.has(scoreKey({ measureId: id, activityId: activity.id })),
    );
    const canAddActivity = active.length < maxActivePsfsActivities;
    return activities.length > 0 || canAddActivity ? [{ measure, activities, canAddActivity }] : [];
  });
  const others = inUse.filter(
    (measure) =>
      !ids.includes(measure.id) &&
      !scoredHere.has(scoreKey({ measureId: measure.id, activityId: null })),
  );
  return { blocks, others };
}
