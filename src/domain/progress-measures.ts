import {
  comparatorSymbols,
  painMinimalImportantChange,
  type Comparator,
  type GoalStatus,
} from './goals.js';
import { effectiveScores } from './measure-scores.js';
import {
  currentDefinition,
  definitionOf,
  sameScale,
  type MeasureDefinition,
} from './outcome-measures.js';
import type { ClientMeasuresView, GoalView } from './outcome-views.js';

/**
 * Outcome-measure charts: one per measure the client has scores on, the PSFS with one line per
 * activity. Each line carries its minimal important change band — the first score ± the
 * measure's MIC, inside which a later score is no change the client would notice — and each
 * chart the lines of the goals set on it.
 */

export interface GoalLine {
  goalId: string;
  statement: string;
  comparator: Comparator;
  value: number;
  status: GoalStatus;
  /** The line it belongs to: an activity id, 'before' / 'after' for pain, null for a measure. */
  seriesKey: string | null;
  /** "Goal ≥ 8", "Goal ≤ 2 (met)" */
  label: string;
}

/** Goals still guiding care (active) or reached (met); revised and stopped ones are history. */
const drawnStatuses: ReadonlySet<GoalStatus> = new Set(['active', 'met']);

function goalLine(goal: GoalView, seriesKey: string | null): GoalLine {
  return {
    goalId: goal.id,
    statement: goal.statement,
    comparator: goal.comparator,
    value: goal.targetValue,
    status: goal.status,
    seriesKey,
    label: `Goal ${comparatorSymbols[goal.comparator]} ${goal.targetValue}${goal.status === 'met' ? ' (met)' : ''}`,
  };
}

/** Goals on pain from the notes, keyed 'before' or 'after', for the pain chart. */
export function painGoalLines(goals: readonly GoalView[]): GoalLine[] {
  return goals.flatMap((goal) =>
    goal.target.kind === 'pain' && drawnStatuses.has(goal.status)
      ? [goalLine(goal, goal.target.moment)]
      : [],
  );
}

export interface ImportantChangeBand {
  from: number;
  to: number;
}

/** The first score ± the minimal important change, kept inside the scale. */
export function importantChangeBand(
  baseline: number,
  minimalImportantChange: number,
  scale: { min: number; max: number },
): ImportantChangeBand {
  return {
    from: Math.max(scale.min, baseline - minimalImportantChange),
    to: Math.min(scale.max, baseline + minimalImportantChange),
  };
}

/** The band around the first pain-before score of the notes (NPRS: about 2 points). */
export function painBand(firstPainBefore: number | null): ImportantChangeBand | null {
  return firstPainBefore === null
    ? null
    : importantChangeBand(firstPainBefore, painMinimalImportantChange, { min: 0, max: 10 });
}

export interface MeasurePoint {
  scoreId: string;
  /** Where the score sits on the time axis: its session's start, else when it was entered. */
  at: number;
  recordedAt: string;
  /** The session's date of service when the score was taken at a session the charts know. */
  serviceDate: string | null;
  value: number;
  sessionId: string | null;
  source: 'staff' | 'client_link';
}

export interface MeasureLine {
  /** The activity id, or the measure id for a measure without activities. */
  key: string;
  label: string;
  activityId: string | null;
  retired: boolean;
  points: MeasurePoint[];
  band: ImportantChangeBand;
}

export interface MeasureChart {
  measureId: string;
  definition: MeasureDefinition;
  perActivity: boolean;
  lines: MeasureLine[];
  goals: GoalLine[];
  /** Scores kept under an earlier definition on another scale: in the record, not on this chart. */
  otherScaleScores: number;
}

/** A session a score may belong to: where on the time axis its scores go. */
export interface ScoredSession {
  sessionId: string;
  startsAt: string;
  serviceDate: string;
}

/**
 * One chart per measure with scores, in the order the measures document lists them. Scores are
 * read as they stand after corrections, and only those on the current definition's scale are
 * drawn: a score given out of 5 cannot sit on a line out of 10. A score taken at one of
 * `sessions` sits at that session's start, in line with its pain scores and follow-up, however
 * late it was typed in; any other score sits at the time it was entered.
 */
export function measureCharts(
  view: Pick<ClientMeasuresView, 'measures' | 'activities' | 'scores'>,
  goals: readonly GoalView[],
  sessions: readonly ScoredSession[] = [],
): MeasureChart[] {
  const scores = effectiveScores(view.scores);
  const sessionsById = new Map(sessions.map((session) => [session.sessionId, session]));
  const activities = new Map(view.activities.map((activity) => [activity.id, activity]));
  const order = view.activities.map((activity) => activity.id);
  return view.measures.flatMap((measure) => {
    const definition = currentDefinition(measure);
    const own = scores.filter((score) => score.measureId === measure.id);
    if (own.length === 0) return [];
    const onScale = own.filter((score) => {
      const recordedWith = definitionOf(measure, score.measureVersion);
      return recordedWith !== undefined && sameScale(recordedWith, definition);
    });
    const lines = new Map<string, MeasureLine>();
    for (const score of onScale) {
      const key = measure.perActivity ? (score.activityId ?? '') : measure.id;
      if (measure.perActivity && !score.activityId) continue;
      let line = lines.get(key);
      if (!line) {
        const activity = score.activityId ? activities.get(score.activityId) : undefined;
        line = {
          key,
          label: activity?.description ?? definition.name,
          activityId: measure.perActivity ? key : null,
          retired: activity ? activity.retiredAt !== null : false,
          points: [],
          band: { from: definition.min, to: definition.max },
        };
        lines.set(key, line);
      }
      const session = score.sessionId ? sessionsById.get(score.sessionId) : undefined;
      line.points.push({
        scoreId: score.id,
        at: Date.parse(session?.startsAt ?? score.recordedAt),
        recordedAt: score.recordedAt,
        serviceDate: session?.serviceDate ?? null,
        value: score.value!,
        sessionId: score.sessionId,
        source: score.source,
      });
    }
    for (const line of lines.values()) {
      // Stable: scores of one instant keep their entry order. The band is around the score
      // first on the chart, which a score typed in late for an earlier session can be.
      line.points.sort((a, b) => a.at - b.at);
      line.band = importantChangeBand(
        line.points[0]!.value,
        definition.minimalImportantChange,
        definition,
      );
    }
    const chartGoals = goals.flatMap((goal) =>
      goal.target.kind === 'measure' &&
      goal.target.measureId === measure.id &&
      drawnStatuses.has(goal.status)
        ? [goalLine(goal, measure.perActivity ? goal.target.activityId : null)]
        : [],
    );
    return [
      {
        measureId: measure.id,
        definition,
        perActivity: measure.perActivity,
        // The client's activities in the order they named them, whatever order they were scored.
        lines: [...lines.values()].sort(
          (a, b) => order.indexOf(a.activityId ?? '') - order.indexOf(b.activityId ?? ''),
        ),
        goals: chartGoals,
        otherScaleScores: own.length - onScale.length,
      },
    ];
  });
}

/**
 * The charts narrowed to scores from `from` on, for a chosen period: a line with no score left
 * goes, and so does a chart with no line. Bands keep the client's first score ever, so the
 * period chosen never moves the baseline change is measured from.
 */
export function measureChartsSince(charts: readonly MeasureChart[], from: number): MeasureChart[] {
  return charts.flatMap((chart) => {
    const lines = chart.lines
      .map((line) => ({ ...line, points: line.points.filter((point) => point.at >= from) }))
      .filter((line) => line.points.length > 0);
    return lines.length === 0 ? [] : [{ ...chart, lines }];
  });
}

export interface MeasureRow {
  at: number;
  recordedAt: string;
  /** The session's date of service, for scores placed at their session. */
  serviceDate: string | null;
  sessionId: string | null;
  /** Each line's score at this instant, by the line's key. */
  values: Record<string, number>;
}

/** One row per instant scored, with every line's score then: what the chart and table read. */
export function measureRows(chart: Pick<MeasureChart, 'lines'>): MeasureRow[] {
  const rows = new Map<number, MeasureRow>();
  for (const line of chart.lines) {
    for (const point of line.points) {
      const row = rows.get(point.at) ?? {
        at: point.at,
        recordedAt: point.recordedAt,
        serviceDate: point.serviceDate,
        sessionId: point.sessionId,
        values: {},
      };
      row.values[line.key] = point.value;
      row.sessionId ??= point.sessionId;
      row.serviceDate ??= point.serviceDate;
      rows.set(point.at, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.at - b.at);
}
