import type {
  ClientEffectiveness,
  DifferenceFigure,
  EffectivenessRow,
  FactorKind,
  FollowUpFigures,
  MeanFigure,
} from './effectiveness-views.js';
import {
  carryOverStatement,
  differenceStatement,
  differenceSummary,
  differenceVerdict,
  followUpStatements,
  plural,
  reliefStatement,
} from './effectiveness-wording.js';
import { pressureLabels } from './notes.js';
import { defaultConfidence, estimateMean, welchDifference } from './statistics.js';

/**
 * What works for one client: for each technique, pressure level and product used in their
 * signed sessions, the relief that went with it, the carry-over to the next visit, the
 * difference from their sessions without it, and what they reported afterwards.
 */

/** Soreness of 7 or more out of 10 reported in a follow-up counts as high. */
export const highSorenessThreshold = 7;

/** One signed session as effectiveness reads it (from note columns and per-note rows). */
export interface SessionOutcome {
  sessionId: string;
  startsAt: string;
  serviceDate: string;
  painBefore: number | null;
  painAfter: number | null;
  techniques: readonly string[];
  pressures: readonly number[];
  products: readonly string[];
  followUp: { soreness: number | null; reactions: readonly string[] } | null;
}

export interface FactorLabels {
  technique: (code: string) => string;
  product: (id: string) => string;
}

export function pressureLabel(level: number): string {
  return `Pressure ${level} (${(pressureLabels[level] ?? '').toLowerCase()})`;
}

/** A session's relief and carry-over, once the sessions are in order. */
interface SessionMeasures {
  outcome: SessionOutcome;
  /** Position in the answer's `sessions` list, which figures refer to. */
  index: number;
  relief: number | null;
  carryOver: number | null;
}

function inOrder(sessions: readonly SessionOutcome[]): SessionMeasures[] {
  const sorted = [...sessions].sort((a, b) =>
    a.startsAt === b.startsAt
      ? a.sessionId.localeCompare(b.sessionId)
      : a.startsAt.localeCompare(b.startsAt),
  );
  return sorted.map((outcome, index) => {
    const next = sorted[index + 1];
    const relief =
      outcome.painBefore !== null && outcome.painAfter !== null
        ? outcome.painBefore - outcome.painAfter
        : null;
    // Carry-over needs the very next visit: skipping one would span two treatments.
    const carryOver =
      outcome.painBefore !== null && next && next.painBefore !== null
        ? outcome.painBefore - next.painBefore
        : null;
    return { outcome, index, relief, carryOver };
  });
}

function factorsOf(outcome: SessionOutcome): Array<{ kind: FactorKind; key: string }> {
  const distinct = <T>(values: readonly T[]) => [...new Set(values)];
  return [
    ...distinct(outcome.techniques).map((key) => ({ kind: 'technique' as const, key })),
    ...distinct(outcome.pressures).map((level) => ({
      kind: 'pressure' as const,
      key: String(level),
    })),
    ...distinct(outcome.products).map((key) => ({ kind: 'product' as const, key })),
  ];
}

/** A mean figure when at least `minimum` values stand behind it. */
function meanFigure(
  measures: readonly SessionMeasures[],
  pick: (measure: SessionMeasures) => number | null,
  minimum: number,
): MeanFigure | null {
  const used = measures.filter((measure) => pick(measure) !== null);
  if (used.length < minimum) return null;
  const estimate = estimateMean(used.map((measure) => pick(measure)!));
  if (!estimate?.interval) return null;
  return {
    mean: estimate.mean,
    low: estimate.interval.low,
    high: estimate.interval.high,
    sessionIndexes: used.map((measure) => measure.index),
  };
}

function differenceFigure(
  withIt: readonly SessionMeasures[],
  withoutIt: readonly SessionMeasures[],
  minimum: number,
): DifferenceFigure | null {
  const a = withIt.filter((measure) => measure.relief !== null);
  const b = withoutIt.filter((measure) => measure.relief !== null);
  if (a.length < minimum || b.length < minimum) return null;
  const estimate = welchDifference(
    a.map((measure) => measure.relief!),
    b.map((measure) => measure.relief!),
  );
  if (!estimate) return null;
  return {
    difference: estimate.difference,
    low: estimate.interval.low,
    high: estimate.interval.high,
    withMean: estimate.firstMean,
    withoutMean: estimate.secondMean,
    // The sessions with it are exactly the relief figure's: see DifferenceFigure.
    withoutSessionIndexes: b.map((measure) => measure.index),
  };
}

function followUpFigures(measures: readonly SessionMeasures[]): FollowUpFigures {
  const reported = measures.filter((measure) => measure.outcome.followUp !== null);
  const reactions = reported.filter((measure) => measure.outcome.followUp!.reactions.length > 0);
  const sore = reported.filter(
    (measure) => (measure.outcome.followUp!.soreness ?? 0) >= highSorenessThreshold,
  );
  const reactionKinds: Record<string, number> = {};
  for (const measure of reactions) {
    for (const kind of new Set(measure.outcome.followUp!.reactions))
      reactionKinds[kind] = (reactionKinds[kind] ?? 0) + 1;
  }
  const indexes = (list: readonly SessionMeasures[]) => list.map((measure) => measure.index);
  return {
    reported: { count: reported.length, sessionIndexes: indexes(reported) },
    reactions: { count: reactions.length, sessionIndexes: indexes(reactions) },
    highSoreness: { count: sore.length, sessionIndexes: indexes(sore) },
    reactionKinds,
  };
}

function row(
  kind: FactorKind,
  key: string,
  label: string,
  withIt: readonly SessionMeasures[],
  withoutIt: readonly SessionMeasures[],
  minimum: number,
): EffectivenessRow {
  const sessions = {
    count: withIt.length,
    sessionIndexes: withIt.map((measure) => measure.index),
  };
  const base = { kind, key, label, sessions };
  if (withIt.length < minimum) {
    return {
      ...base,
      enough: false,
      relief: null,
      carryOver: null,
      difference: null,
      followUps: null,
      verdict: 'not_enough_sessions',
      summary: differenceSummary('not_enough_sessions', 0, 'client'),
      statements: [
        `Not enough sessions yet: ${plural(withIt.length, 'signed session')}, and figures need ${minimum}.`,
      ],
    };
  }
  const relief = meanFigure(withIt, (measure) => measure.relief, minimum);
  const carryOver = meanFigure(withIt, (measure) => measure.carryOver, minimum);
  const difference = differenceFigure(withIt, withoutIt, minimum);
  const followUps = followUpFigures(withIt);
  const verdict = difference
    ? differenceVerdict(difference, difference.difference)
    : 'nothing_to_compare';
  const who = 'these sessions';
  const statements = [
    relief
      ? reliefStatement(relief.mean, relief, who)
      : `Not enough of these sessions have pain recorded before and after (figures need ${minimum}).`,
    ...(carryOver ? [carryOverStatement(carryOver.mean, carryOver, who)] : []),
    difference
      ? differenceStatement(verdict, difference.difference, difference, 'client')
      : withoutIt.length === 0
        ? 'Every session included it, so there is nothing to compare it with.'
        : `Not enough sessions without it, with pain recorded, to compare (figures need ${minimum}).`,
    ...followUpStatements(
      followUps.reported.count,
      followUps.reactions.count,
      followUps.highSoreness.count,
    ),
  ];
  return {
    ...base,
    enough: true,
    relief,
    carryOver,
    difference,
    followUps,
    verdict,
    summary: difference
      ? differenceSummary(verdict, difference.difference, 'client')
      : withoutIt.length === 0
        ? 'Every session included it'
        : 'Too few sessions without it to compare',
    statements,
  };
}

const kindOrder: Record<FactorKind, number> = { technique: 0, pressure: 1, product: 2 };

/** Techniques and products most used first; pressure levels from light to very firm. */
export function compareRows(
  a: { kind: FactorKind; key: string; label: string },
  b: { kind: FactorKind; key: string; label: string },
  count: (row: { kind: FactorKind; key: string }) => number,
): number {
  if (a.kind !== b.kind) return kindOrder[a.kind] - kindOrder[b.kind];
  if (a.kind === 'pressure') return Number(a.key) - Number(b.key);
  return count(b) - count(a) || a.label.localeCompare(b.label);
}

export function clientEffectiveness(
  clientId: string,
  outcomes: readonly SessionOutcome[],
  options: { minimumSessions: number; labels: FactorLabels },
): ClientEffectiveness {
  const measures = inOrder(outcomes);
  const groups = new Map<string, { kind: FactorKind; key: string; ids: Set<string> }>();
  for (const measure of measures) {
    for (const factor of factorsOf(measure.outcome)) {
      const id = `${factor.kind}:${factor.key}`;
      const group = groups.get(id) ?? { ...factor, ids: new Set<string>() };
      group.ids.add(measure.outcome.sessionId);
      groups.set(id, group);
    }
  }
  const labelOf = (kind: FactorKind, key: string) =>
    kind === 'technique'
      ? options.labels.technique(key)
      : kind === 'product'
        ? options.labels.product(key)
        : pressureLabel(Number(key));
  const rows = [...groups.values()].map((group) =>
    row(
      group.kind,
      group.key,
      labelOf(group.kind, group.key),
      measures.filter((measure) => group.ids.has(measure.outcome.sessionId)),
      measures.filter((measure) => !group.ids.has(measure.outcome.sessionId)),
      options.minimumSessions,
    ),
  );
  rows.sort((a, b) =>
    compareRows(a, b, (other) => groups.get(`${other.kind}:${other.key}`)!.ids.size),
  );
  return {
    clientId,
    minimumSessions: options.minimumSessions,
    confidence: defaultConfidence,
    signedSessions: measures.length,
    sessionsWithPain: measures.filter((measure) => measure.relief !== null).length,
    // Every measure, in order, so a measure's index is its position here.
    sessions: measures.map((measure) => ({
      sessionId: measure.outcome.sessionId,
      serviceDate: measure.outcome.serviceDate,
    })),
    rows,
  };
}
