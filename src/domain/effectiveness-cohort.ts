import { compareRows, pressureLabel, type FactorLabels } from './effectiveness.js';
import type {
  ClientsMeanFigure,
  CohortEffectiveness,
  CohortRow,
  FactorKind,
  TherapistOutcome,
} from './effectiveness-views.js';
import { painMinimalImportantChange } from './effectiveness-views.js';
import {
  carryOverStatement,
  differenceStatement,
  differenceSummary,
  differenceVerdict,
  followUpStatements,
  plural,
  reliefStatement,
} from './effectiveness-wording.js';
import { defaultConfidence, estimateMean } from './statistics.js';

/**
 * What works across clients. Each client counts once: their own mean comes first, then the
 * mean of those client means with an interval across clients, so one client seen weekly for
 * years does not outweigh ten clients seen a few times. The input is per-client sums
 * (domain/effectiveness-totals.ts), never sessions one by one.
 */

/** One client's sums for one factor, over their signed sessions that used it. */
export interface ClientFactorTotals {
  clientId: string;
  sessions: number;
  reliefCount: number;
  reliefSum: number;
  carryOverCount: number;
  carryOverSum: number;
  followUps: number;
  reactions: number;
  highSoreness: number;
}

/** One factor and each client's sums for it. */
export interface FactorTotals {
  kind: FactorKind;
  key: string;
  clients: readonly ClientFactorTotals[];
}

/** One client's relief sums over all their signed sessions, to find "without it" by subtraction. */
export interface ClientReliefTotals {
  clientId: string;
  sessions: number;
  reliefCount: number;
  reliefSum: number;
}

const whoAcross = 'these sessions, each client counted once';

function acrossClients(
  clientMeans: readonly number[],
  sessions: number,
  minimumClients: number,
): ClientsMeanFigure | null {
  if (clientMeans.length < minimumClients) return null;
  const estimate = estimateMean(clientMeans);
  if (!estimate?.interval) return null;
  return {
    mean: estimate.mean,
    low: estimate.interval.low,
    high: estimate.interval.high,
    clients: clientMeans.length,
    sessions,
  };
}

function cohortRow(
  kind: FactorKind,
  key: string,
  label: string,
  totals: readonly ClientFactorTotals[],
  clientTotals: ReadonlyMap<string, ClientReliefTotals>,
  minimumClients: number,
): CohortRow {
  const sessions = totals.reduce((sum, client) => sum + client.sessions, 0);
  const base = { kind, key, label, clients: totals.length, sessions };
  if (totals.length < minimumClients) {
    return {
      ...base,
      enough: false,
      relief: null,
      carryOver: null,
      difference: null,
      followUps: null,
      verdict: 'not_enough_sessions',
      summary: differenceSummary('not_enough_sessions', 0, 'clients'),
      statements: [
        `Not enough clients yet: ${plural(totals.length, 'client')}, and figures need ${minimumClients}.`,
      ],
    };
  }
  const withRelief = totals.filter((client) => client.reliefCount > 0);
  const relief = acrossClients(
    withRelief.map((client) => client.reliefSum / client.reliefCount),
    withRelief.reduce((sum, client) => sum + client.reliefCount, 0),
    minimumClients,
  );
  const withCarryOver = totals.filter((client) => client.carryOverCount > 0);
  const carryOver = acrossClients(
    withCarryOver.map((client) => client.carryOverSum / client.carryOverCount),
    withCarryOver.reduce((sum, client) => sum + client.carryOverCount, 0),
    minimumClients,
  );
  // A client's difference needs relief recorded both with it and without it.
  const differences: number[] = [];
  let comparedSessions = 0;
  for (const client of withRelief) {
    const all = clientTotals.get(client.clientId);
    if (!all || all.reliefCount <= client.reliefCount) continue;
    const withoutMean = (all.reliefSum - client.reliefSum) / (all.reliefCount - client.reliefCount);
    differences.push(client.reliefSum / client.reliefCount - withoutMean);
    comparedSessions += all.reliefCount;
  }
  const difference = acrossClients(differences, comparedSessions, minimumClients);
  const followUps = {
    reported: totals.reduce((sum, client) => sum + client.followUps, 0),
    reactions: totals.reduce((sum, client) => sum + client.reactions, 0),
    highSoreness: totals.reduce((sum, client) => sum + client.highSoreness, 0),
  };
  const verdict = difference
    ? differenceVerdict(difference, difference.mean)
    : 'nothing_to_compare';
  const statements = [
    relief
      ? `${reliefStatement(relief.mean, relief, whoAcross)} ${evidence(relief)}`
      : `Too few of these clients have pain recorded before and after (figures need ${minimumClients}).`,
    ...(carryOver
      ? [`${carryOverStatement(carryOver.mean, carryOver, whoAcross)} ${evidence(carryOver)}`]
      : []),
    difference
      ? `${differenceStatement(verdict, difference.mean, difference, 'clients')} ${evidence(difference)}`
      : `Too few of these clients also had sessions without it to compare (figures need ${minimumClients}).`,
    ...followUpStatements(followUps.reported, followUps.reactions, followUps.highSoreness),
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
      ? differenceSummary(verdict, difference.mean, 'clients')
      : 'Too few clients also had sessions without it',
    statements,
  };
}

function evidence(figure: ClientsMeanFigure): string {
  return `From ${plural(figure.clients, 'client')} and ${plural(figure.sessions, 'session')}.`;
}

export function cohortEffectiveness(
  factorTotals: readonly FactorTotals[],
  clientTotals: readonly ClientReliefTotals[],
  options: {
    minimumClients: number;
    labels: FactorLabels;
    region: string | null;
    condition: string | null;
  },
): CohortEffectiveness {
  const byClient = new Map(clientTotals.map((totals) => [totals.clientId, totals]));
  const clientCount = new Map(
    factorTotals.map((factor) => [`${factor.kind}:${factor.key}`, factor.clients.length]),
  );
  const rows = factorTotals.map(({ kind, key, clients }) => {
    const label =
      kind === 'technique'
        ? options.labels.technique(key)
        : kind === 'product'
          ? options.labels.product(key)
          : pressureLabel(Number(key));
    return cohortRow(kind, key, label, clients, byClient, options.minimumClients);
  });
  rows.sort((a, b) => compareRows(a, b, (row) => clientCount.get(`${row.kind}:${row.key}`)!));
  return {
    region: options.region,
    condition: options.condition,
    minimumClients: options.minimumClients,
    confidence: defaultConfidence,
    clients: clientTotals.length,
    sessions: clientTotals.reduce((sum, client) => sum + client.sessions, 0),
    rows,
  };
}

/** One therapist's sums for one client, over the signed notes they wrote. */
export interface TherapistClientTotals {
  therapistId: string;
  clientId: string;
  sessions: number;
  reliefCount: number;
  reliefSum: number;
  carryOverCount: number;
  carryOverSum: number;
  followUps: number;
  reactions: number;
  highSoreness: number;
}

export function therapistOutcomes(
  totals: readonly TherapistClientTotals[],
  therapists: ReadonlyArray<{ id: string; name: string }>,
  minimumClients: number,
): TherapistOutcome[] {
  return therapists.map((therapist) => {
    const clients = totals.filter((client) => client.therapistId === therapist.id);
    const sum = (pick: (client: TherapistClientTotals) => number) =>
      clients.reduce((total, client) => total + pick(client), 0);
    const signedSessions = sum((client) => client.sessions);
    const withRelief = clients.filter((client) => client.reliefCount > 0);
    const withCarryOver = clients.filter((client) => client.carryOverCount > 0);
    const relief = acrossClients(
      withRelief.map((client) => client.reliefSum / client.reliefCount),
      sum((client) => client.reliefCount),
      minimumClients,
    );
    const carryOver = acrossClients(
      withCarryOver.map((client) => client.carryOverSum / client.carryOverCount),
      sum((client) => client.carryOverCount),
      minimumClients,
    );
    const followUps = sum((client) => client.followUps);
    const reactions = sum((client) => client.reactions);
    const highSoreness = sum((client) => client.highSoreness);
    const who = 'their sessions, each client counted once';
    return {
      therapistId: therapist.id,
      therapistName: therapist.name,
      clients: clients.length,
      signedSessions,
      painRecorded: signedSessions === 0 ? 0 : sum((client) => client.reliefCount) / signedSessions,
      relief,
      carryOver,
      followUps,
      reactions,
      highSoreness,
      statements: [
        relief
          ? `${reliefStatement(relief.mean, relief, who)} ${evidence(relief)}`
          : `Not enough clients with pain recorded before and after yet (figures need ${minimumClients}).`,
        ...(carryOver
          ? [`${carryOverStatement(carryOver.mean, carryOver, who)} ${evidence(carryOver)}`]
          : []),
        ...followUpStatements(followUps, reactions, highSoreness),
      ],
    };
  });
}

/**
 * Whether a client's pain has not improved over their last readings of pain before: the first
 * minus the last is below the NPRS minimal important change (2 points). A rise counts too.
 */
export function hasNotImproved(
  readings: readonly number[],
  minimalChange = painMinimalImportantChange,
): boolean {
  if (readings.length < 2) return false;
  return readings[0]! - readings[readings.length - 1]! < minimalChange;
}
