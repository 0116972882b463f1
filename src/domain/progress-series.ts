import type { FollowUp, Reaction } from './follow-ups.js';
import type { ProgressSession, ProgressTechnique } from './progress.js';

/**
 * The series the progress charts draw, shaped from the progress, follow-up and measure
 * documents: pure, so what a chart shows for sparse or odd data is settled by unit tests.
 * Every point keeps its session, so a chart point and a table row can link to it. Time is
 * the x axis (milliseconds), so a three-month gap between visits looks like one.
 */

export interface PainPoint {
  sessionId: string;
  at: number;
  serviceDate: string;
  before: number | null;
  after: number | null;
  /** Before − after: the relief within the session, null unless both were recorded. */
  relief: number | null;
  techniques: ProgressTechnique[];
  /** The firmest pressure given, 1–5, for the session's marker; null with no technique. */
  firmestPressure: number | null;
}

/** Sessions with a pain score, oldest first; a session with neither score has nothing to draw. */
export function painSeries(sessions: readonly ProgressSession[]): PainPoint[] {
  return sessions
    .filter((session) => session.painBefore !== null || session.painAfter !== null)
    .map((session) => ({
      sessionId: session.sessionId,
      at: Date.parse(session.startsAt),
      serviceDate: session.serviceDate,
      before: session.painBefore,
      after: session.painAfter,
      relief:
        session.painBefore !== null && session.painAfter !== null
          ? session.painBefore - session.painAfter
          : null,
      techniques: session.techniques,
      firmestPressure: firmestPressure(session.techniques),
    }))
    .sort((a, b) => a.at - b.at);
}

export interface TreatmentMarker {
  sessionId: string;
  at: number;
  serviceDate: string;
  techniques: ProgressTechnique[];
  firmestPressure: number;
}

/** Every signed session that records a technique, for the markers under the pain chart. */
export function treatmentMarkers(sessions: readonly ProgressSession[]): TreatmentMarker[] {
  return sessions.flatMap((session) => {
    const firmest = firmestPressure(session.techniques);
    return firmest === null
      ? []
      : [
          {
            sessionId: session.sessionId,
            at: Date.parse(session.startsAt),
            serviceDate: session.serviceDate,
            techniques: session.techniques,
            firmestPressure: firmest,
          },
        ];
  });
}

function firmestPressure(techniques: readonly ProgressTechnique[]): number | null {
  return techniques.length === 0 ? null : Math.max(...techniques.map((use) => use.pressure));
}

/**
 * The techniques of a session in one line, each once with the pressures it was given at, in
 * the order first used: "Swedish (Light) · Trigger point therapy (Firm, Deep)".
 */
export function techniquesText(
  techniques: readonly ProgressTechnique[],
  nameOf: (code: string) => string,
  pressureName: (pressure: number) => string,
): string {
  const pressures = new Map<string, Set<number>>();
  for (const use of techniques) {
    const seen = pressures.get(use.technique) ?? new Set<number>();
    seen.add(use.pressure);
    pressures.set(use.technique, seen);
  }
  return [...pressures]
    .map(
      ([code, given]) =>
        `${nameOf(code)} (${[...given]
          .sort((a, b) => a - b)
          .map(pressureName)
          .join(', ')})`,
    )
    .join(' · ');
}

export interface RegionPainPoint {
  sessionId: string;
  at: number;
  serviceDate: string;
  region: string;
  intensity: number;
}

export interface RegionPainSeries {
  /** Regions drawn, the most often marked first (ties: the first marked first). */
  regions: string[];
  /** Regions marked too but left off the chart to keep it readable (the table lists them). */
  otherRegions: string[];
  /** The marks of the drawn regions, oldest first. */
  points: RegionPainPoint[];
}

/** Pain marks of the body charts by region, for a dot plot of region against time. */
export function regionPainSeries(
  sessions: readonly ProgressSession[],
  maxRegions: number,
): RegionPainSeries {
  const counts = new Map<string, number>();
  for (const session of sessions) {
    for (const mark of session.regionPain) {
      counts.set(mark.region, (counts.get(mark.region) ?? 0) + 1);
    }
  }
  // Map order is first-marked order, and the sort is stable, so ties keep it.
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([region]) => region);
  const regions = ranked.slice(0, maxRegions);
  const drawn = new Set(regions);
  const points = sessions
    .flatMap((session) =>
      session.regionPain
        .filter((mark) => drawn.has(mark.region))
        .map((mark) => ({
          sessionId: session.sessionId,
          at: Date.parse(session.startsAt),
          serviceDate: session.serviceDate,
          region: mark.region,
          intensity: mark.intensity,
        })),
    )
    .sort((a, b) => a.at - b.at);
  return { regions, otherRegions: ranked.slice(maxRegions), points };
}

export interface FollowUpPoint {
  followUpId: string;
  sessionId: string;
  /** The session's start when its note is signed, else when the client answered. */
  at: number;
  /** The session's date of service, or null when its note is not signed yet. */
  serviceDate: string | null;
  relief: number | null;
  soreness: number | null;
  reactions: Reaction[];
  reactionDetails: string | null;
  submittedAt: string;
}

/**
 * Follow-ups placed at the session they follow, so relief and soreness line up with that
 * session's pain scores on the charts above; oldest first.
 */
export function followUpSeries(
  followUps: readonly FollowUp[],
  sessions: readonly ProgressSession[],
): FollowUpPoint[] {
  const bySession = new Map(sessions.map((session) => [session.sessionId, session]));
  return followUps
    .map((followUp) => {
      const session = bySession.get(followUp.sessionId);
      return {
        followUpId: followUp.id,
        sessionId: followUp.sessionId,
        at: Date.parse(session?.startsAt ?? followUp.submittedAt),
        serviceDate: session?.serviceDate ?? null,
        relief: followUp.relief,
        soreness: followUp.soreness,
        reactions: followUp.reactions,
        reactionDetails: followUp.reactionDetails,
        submittedAt: followUp.submittedAt,
      };
    })
    .sort((a, b) => a.at - b.at || a.submittedAt.localeCompare(b.submittedAt));
}

const day = 86_400_000;

/**
 * The time span every chart of the page shares, so a session sits at the same place on each:
 * from the first to the last instant, widened a little so edge points are not cut in half,
 * and to two weeks around a single instant. Null when there is nothing to draw.
 */
export function sharedTimeDomain(instants: readonly number[]): [number, number] | null {
  if (instants.length === 0) return null;
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  if (last - first < day) return [first - 7 * day, last + 7 * day];
  const margin = Math.max(day, (last - first) * 0.04);
  return [first - margin, last + margin];
}

/** Evenly spaced ticks on whole days, at most `count`, inside the domain. */
export function timeTicks(domain: readonly [number, number], count: number): number[] {
  const [start, end] = domain;
  const step = Math.max(day, Math.ceil((end - start) / count / day) * day);
  const first = Math.ceil(start / day) * day;
  const ticks: number[] = [];
  for (let tick = first; tick <= end && ticks.length < count; tick += step) ticks.push(tick);
  return ticks;
}

/** How far back the charts reach: the last three months, the last year, or everything. */
export const progressPeriods = ['quarter', 'year', 'all'] as const;
export type ProgressPeriod = (typeof progressPeriods)[number];

const periodDays: Record<Exclude<ProgressPeriod, 'all'>, number> = { quarter: 91, year: 365 };

/** The first instant a period includes, counted back from the latest one charted. */
export function periodStart(latest: number, period: ProgressPeriod): number | null {
  return period === 'all' ? null : latest - periodDays[period] * day;
}

/**
 * Everything for a history of up to a year; the last year of a longer one, where weekly
 * visits would put hundreds of sessions on a chart a tablet shows in 600 pixels.
 */
export function defaultPeriod(instants: readonly number[]): ProgressPeriod {
  if (instants.length === 0) return 'all';
  return Math.max(...instants) - Math.min(...instants) > periodDays.year * day ? 'year' : 'all';
}
