import { z } from 'zod';
import type { Comparator } from './goals.js';

/**
 * Progress toward a goal, from the scores its target reads: the baseline (the last score on or
 * before the day the goal was set, else the first after), the latest score, and whether the
 * change between them is one the client would notice — at least the measure's minimal
 * important change, in the direction of the target. Reaching the target is reported apart
 * from the goal's status: marking a goal met stays the therapist's decision.
 */

export const ProgressPoint = z.object({
  /** When the score was taken (an instant). */
  at: z.string(),
  value: z.number(),
  sessionId: z.string().nullable(),
});
export type ProgressPoint = z.infer<typeof ProgressPoint>;

export const ProgressState = z.enum([
  'no_scores',
  'baseline_only',
  'target_reached',
  'improving',
  'no_important_change',
  'worsening',
]);
export type ProgressState = z.infer<typeof ProgressState>;

export const progressStateLabels: Record<ProgressState, string> = {
  no_scores: 'No scores yet',
  baseline_only: 'Baseline only',
  target_reached: 'Target reached',
  improving: 'Improving',
  no_important_change: 'No important change',
  worsening: 'Worse',
};

export const GoalProgress = z.object({
  state: ProgressState,
  baseline: ProgressPoint.nullable(),
  latest: ProgressPoint.nullable(),
  /** Latest minus baseline, in the measure's units; null before a second score. */
  change: z.number().nullable(),
  /** How far from the baseline to the target the latest score is, 0 to 1. */
  towardTarget: z.number().min(0).max(1).nullable(),
  minimalImportantChange: z.number(),
  /** Scores the progress was read from. */
  scoreCount: z.number().int(),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export function meetsTarget(value: number, comparator: Comparator, target: number): boolean {
  return comparator === 'at_least' ? value >= target : value <= target;
}

// Scores are stored as doubles: 0.1 + 0.2 must count as 0.3 when compared with a change of 0.3.
const tolerance = 1e-9;

export function goalProgress(
  goal: { comparator: Comparator; targetValue: number; setAt: string },
  points: readonly ProgressPoint[],
  minimalImportantChange: number,
): GoalProgress {
  const ordered = [...points].sort((a, b) => a.at.localeCompare(b.at));
  const empty = {
    baseline: null,
    latest: null,
    change: null,
    towardTarget: null,
    minimalImportantChange,
    scoreCount: 0,
  };
  if (ordered.length === 0) return { state: 'no_scores', ...empty };
  const beforeSet = ordered.filter((point) => point.at <= goal.setAt);
  const baselineIndex = beforeSet.length > 0 ? beforeSet.length - 1 : 0;
  const baseline = ordered[baselineIndex]!;
  const latest = ordered.at(-1)!;
  const reached = meetsTarget(latest.value, goal.comparator, goal.targetValue);
  const base = { baseline, latest, minimalImportantChange, scoreCount: ordered.length };
  if (baselineIndex === ordered.length - 1) {
    return {
      ...base,
      state: reached ? 'target_reached' : 'baseline_only',
      change: null,
      towardTarget: reached ? 1 : 0,
    };
  }
  const change = latest.value - baseline.value;
  const sign = goal.comparator === 'at_least' ? 1 : -1;
  const gap = sign * (goal.targetValue - baseline.value);
  const towardTarget = gap <= 0 ? 1 : Math.min(1, Math.max(0, (sign * change) / gap));
  const improvement = sign * change;
  const state: ProgressState = reached
    ? 'target_reached'
    : improvement >= minimalImportantChange - tolerance
      ? 'improving'
      : improvement <= -minimalImportantChange + tolerance
        ? 'worsening'
        : 'no_important_change';
  return { ...base, state, change, towardTarget };
}
