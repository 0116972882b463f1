import { measureChartsSince, type MeasureChart } from '../../../domain/progress-measures.js';
import {
  defaultPeriod,
  periodStart,
  sharedTimeDomain,
  type FollowUpPoint,
  type ProgressPeriod,
} from '../../../domain/progress-series.js';
import type { ProgressSession } from '../../../domain/progress.js';

export const periodLabels: Record<ProgressPeriod, string> = {
  quarter: '3 months',
  year: '12 months',
  all: 'All',
};

const periodWords: Record<ProgressPeriod, string | null> = {
  quarter: 'in the last 3 months',
  year: 'in the last 12 months',
  all: null,
};

/** Histories shorter than this are shown whole, without asking which period. */
const quarterMs = 91 * 86_400_000;

export interface ProgressScope {
  period: ProgressPeriod;
  /** Whether the history is long enough for a choice of period to mean anything. */
  offerPeriods: boolean;
  /** "in the last 12 months", or null for everything. */
  within: string | null;
  /**
   * Per section, the period's words when it leaves out some of that section's entries, so an
   * empty section can say "none in the last 12 months" rather than "none yet".
   */
  hiddenWithin: Record<'sessions' | 'regions' | 'charts' | 'followUps', string | null>;
  sessions: ProgressSession[];
  charts: MeasureChart[];
  followUps: FollowUpPoint[];
  /** The time axis all charts share, over what is left. */
  domain: [number, number] | null;
}

/**
 * What the page charts for the period chosen (or, before a choice, the default for the
 * history's length): everything from the period's start, counted back from the latest
 * session, score or follow-up, on one time axis.
 */
export function progressScope(
  all: { sessions: ProgressSession[]; charts: MeasureChart[]; followUps: FollowUpPoint[] },
  chosen: ProgressPeriod | null,
): ProgressScope {
  const instantsOf = (scope: Pick<ProgressScope, 'sessions' | 'charts' | 'followUps'>) => [
    ...scope.sessions.map((session) => Date.parse(session.startsAt)),
    ...scope.charts.flatMap((chart) =>
      chart.lines.flatMap((line) => line.points.map((point) => point.at)),
    ),
    ...scope.followUps.map((point) => point.at),
  ];
  const instants = instantsOf(all);
  const period = chosen ?? defaultPeriod(instants);
  const offerPeriods =
    instants.length > 0 && Math.max(...instants) - Math.min(...instants) > quarterMs;
  const from = instants.length > 0 ? periodStart(Math.max(...instants), period) : null;
  const kept =
    from === null
      ? all
      : {
          sessions: all.sessions.filter((session) => Date.parse(session.startsAt) >= from),
          charts: measureChartsSince(all.charts, from),
          followUps: all.followUps.filter((point) => point.at >= from),
        };
  const within = from === null ? null : periodWords[period];
  const marked = (sessions: ProgressSession[]) =>
    sessions.filter((session) => session.regionPain.length > 0).length;
  const hidden = (before: number, after: number) => (after < before ? within : null);
  return {
    period,
    offerPeriods,
    within,
    hiddenWithin: {
      sessions: hidden(all.sessions.length, kept.sessions.length),
      regions: hidden(marked(all.sessions), marked(kept.sessions)),
      charts: hidden(all.charts.length, kept.charts.length),
      followUps: hidden(all.followUps.length, kept.followUps.length),
    },
    ...kept,
    domain: sharedTimeDomain(instantsOf(kept)),
  };
}
