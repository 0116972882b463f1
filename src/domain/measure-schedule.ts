import { z } from 'zod';

/**
 * When a measure is due for a client: at intake (until a first score, the baseline), every N
 * sessions (N visits after the last score), and at discharge (the last session the treatment
 * plan counts on). Visits are the client's sessions that took place or are booked, in order;
 * cancelled and no-show sessions are not visits.
 */
export const MeasureSchedule = z
  .object({
    measureId: z.string().min(1).max(64),
    atIntake: z.boolean().default(false),
    everySessions: z
      .number({ error: 'Must be a whole number of sessions.' })
      .int('Must be a whole number of sessions.')
      .min(1, 'Must be at least 1.')
      .max(52, 'Must be at most 52.')
      .nullish()
      .transform((value) => value ?? null),
    atDischarge: z.boolean().default(false),
  })
  .superRefine((schedule, context) => {
    if (!schedule.atIntake && schedule.everySessions === null && !schedule.atDischarge) {
      context.addIssue({
        code: 'custom',
        path: ['atIntake'],
        message: 'Choose when: at intake, every few sessions or at discharge.',
      });
    }
  });
export type MeasureSchedule = z.infer<typeof MeasureSchedule>;

export const DueReason = z.enum(['intake', 'interval', 'discharge']);
export type DueReason = z.infer<typeof DueReason>;

export const dueReasonLabels: Record<DueReason, string> = {
  intake: 'baseline at intake',
  interval: 'every few sessions',
  discharge: 'at discharge',
};

export interface Visit {
  sessionId: string;
  startsAt: string;
  /** The practice's local date of service. */
  serviceDate: string;
}

/** When a score was taken (the practice's local date), and at which session if any. */
export interface ScoreMoment {
  measureId: string;
  sessionId: string | null;
  recordedOn: string;
}

export interface DueInput {
  schedules: readonly MeasureSchedule[];
  /** The client's visits, in any order. */
  visits: readonly Visit[];
  /** Effective scores (after corrections) of the client, any measure. */
  scores: readonly ScoreMoment[];
  /** The current plan's count of sessions and its first day, for "at discharge". */
  plan: { sessionsPlanned: number | null; startsOn: string } | null;
  /**
   * The visit in question: a session being documented, or the next visit when none is booked
   * (the chart asks "what is due next time?").
   */
  at: { sessionId: string } | { upcoming: { startsAt: string; serviceDate: string } };
}

export interface DueMeasure {
  measureId: string;
  reasons: DueReason[];
}

interface Reference {
  ordinal: number;
  serviceDate: string;
  /** The next visit, not booked yet: not among the visits. */
  upcoming: boolean;
}

/**
 * The scheduled measures due at one visit, in schedule order. A score at that visit (or
 * between the previous visit and it, from the client's link say) settles what was due, so
 * recording it clears the list.
 */
export function measuresDue(input: DueInput): DueMeasure[] {
  const visits = [...input.visits].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.sessionId.localeCompare(b.sessionId),
  );
  const ordinalOf = new Map(visits.map((visit, index) => [visit.sessionId, index + 1]));
  let reference: Reference;
  if ('sessionId' in input.at) {
    const ordinal = ordinalOf.get(input.at.sessionId);
    if (ordinal === undefined) return [];
    reference = { ordinal, serviceDate: visits[ordinal - 1]!.serviceDate, upcoming: false };
  } else {
    const upcoming = input.at.upcoming;
    reference = {
      // A visit that began at this very moment is under way: the next one comes after it.
      ordinal: visits.filter((visit) => visit.startsAt <= upcoming.startsAt).length + 1,
      serviceDate: upcoming.serviceDate,
      upcoming: true,
    };
  }

  /**
   * A score's place among visits: its session's; else the visit on the same day; else the
   * next visit after it (a score between visits prepares the next one).
   */
  const positionOf = (score: ScoreMoment): number => {
    const linked = score.sessionId !== null ? ordinalOf.get(score.sessionId) : undefined;
    if (linked !== undefined) return linked;
    const sameDay = visits.findLastIndex((visit) => visit.serviceDate === score.recordedOn);
    if (sameDay >= 0) return sameDay + 1;
    return visits.filter((visit) => visit.serviceDate < score.recordedOn).length + 1;
  };

  const discharge = dischargeOrdinal(visits, reference, input.plan);
  const due: DueMeasure[] = [];
  for (const schedule of input.schedules) {
    // Scores taken after the visit in question do not settle what was due at it.
    const positions = input.scores
      .filter((score) => score.measureId === schedule.measureId)
      .map(positionOf)
      .filter((position) => position <= reference.ordinal);
    const last = positions.length > 0 ? Math.max(...positions) : null;
    const reasons: DueReason[] = [];
    if (schedule.atIntake && last === null) reasons.push('intake');
    if (schedule.everySessions !== null) {
      const visitsSince = last === null ? reference.ordinal : reference.ordinal - last;
      if (visitsSince >= schedule.everySessions) reasons.push('interval');
    }
    if (schedule.atDischarge && discharge !== null && (last === null || last < discharge)) {
      reasons.push('discharge');
    }
    if (reasons.length > 0) due.push({ measureId: schedule.measureId, reasons });
  }
  return due;
}

/**
 * The ordinal of the plan's last counted visit when the visit in question is it or later, or
 * null: no plan, no count, or not that far yet. Visits count from the plan's first day.
 */
function dischargeOrdinal(
  visits: readonly Visit[],
  reference: Reference,
  plan: DueInput['plan'],
): number | null {
  if (!plan || plan.sessionsPlanned === null) return null;
  const before = reference.upcoming ? reference.ordinal - 1 : reference.ordinal;
  const counted = visits
    .slice(0, before)
    .filter((visit) => visit.serviceDate >= plan.startsOn).length;
  const upcomingCounts = reference.upcoming && reference.serviceDate >= plan.startsOn ? 1 : 0;
  const sincePlan = counted + upcomingCounts;
  if (sincePlan < plan.sessionsPlanned) return null;
  return reference.ordinal - (sincePlan - plan.sessionsPlanned);
}
