import { comparatorSymbols, type GoalInput } from './goals.js';
import { dueReasonLabels, type DueReason, type MeasureSchedule } from './measure-schedule.js';
import {
  currentDefinition,
  type MeasureDefinition,
  type MeasureView,
  type PsfsActivity,
} from './outcome-measures.js';

/** How outcome measures and goals read in words, on the chart, in a note and in Settings. */

/** A score rounded to the precision its definition keeps, without trailing zeros: 6, 6.5. */
export function formatScore(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

export function measureName(measureId: string, measures: readonly MeasureView[]): string {
  const measure = measures.find((entry) => entry.id === measureId);
  return measure ? currentDefinition(measure).name : 'A measure no longer listed';
}

/** "0–10, higher is better, MIC 2" */
export function scaleText(definition: MeasureDefinition): string {
  const unit = definition.unit ? ` ${definition.unit}` : '';
  return `${definition.min}–${definition.max}${unit}, ${definition.better} is better, minimal important change ${definition.minimalImportantChange}`;
}

/** "PSFS “Turning my head to drive” ≥ 8", "Pain after treatment ≤ 2" */
export function goalTargetText(
  goal: Pick<GoalInput, 'target' | 'comparator' | 'targetValue'>,
  measures: readonly MeasureView[],
  activities: readonly PsfsActivity[],
): string {
  const comparison = `${comparatorSymbols[goal.comparator]} ${goal.targetValue}`;
  const target = goal.target;
  if (target.kind === 'pain') {
    return `Pain ${target.moment === 'before' ? 'before' : 'after'} treatment ${comparison}`;
  }
  const measure = measures.find((entry) => entry.id === target.measureId);
  const name = measure?.perActivity ? 'PSFS' : measureName(target.measureId, measures);
  const activity = activities.find((entry) => entry.id === target.activityId);
  return `${name}${activity ? ` “${activity.description}”` : ''} ${comparison}`;
}

export function dueText(reasons: readonly DueReason[]): string {
  return reasons.map((reason) => dueReasonLabels[reason]).join(', ');
}

/** "at intake, every 3 sessions, at discharge" */
export function scheduleText(schedule: MeasureSchedule): string {
  const parts: string[] = [];
  if (schedule.atIntake) parts.push('at intake');
  if (schedule.everySessions !== null) {
    parts.push(
      schedule.everySessions === 1 ? 'every session' : `every ${schedule.everySessions} sessions`,
    );
  }
  if (schedule.atDischarge) parts.push('at discharge');
  return parts.join(', ');
}
