import type {
  ClientFactorTotals,
  ClientReliefTotals,
  TherapistClientTotals,
} from './effectiveness-cohort.js';
import type { FactorKind } from './effectiveness-views.js';
import { highSorenessThreshold } from './effectiveness.js';

/**
 * Per-client sums for practice-wide tables, from one row per signed visit, one per factor use
 * and one per follow-up. Summing here rather than in SQL keeps one code path for both engines:
 * with a client's mean per factor, the answer has about as many rows as the sessions behind
 * it, so aggregating in the database saved no transfer and cost sorts on text keys.
 */

export interface VisitRow {
  sessionId: string;
  clientId: string;
  authorId: string;
  /** Pain before − pain after; null unless both were recorded. */
  relief: number | null;
  /** This visit's pain before − the next visit's; null for the last visit or missing pain. */
  carryOver: number | null;
}

export interface FactorUseRow {
  sessionId: string;
  kind: FactorKind;
  key: string;
}

export interface FollowUpRow {
  sessionId: string;
  soreness: number | null;
  /** Whether any adverse reaction was reported. */
  reacted: boolean;
}

interface Sums {
  sessions: number;
  reliefCount: number;
  reliefSum: number;
  carryOverCount: number;
  carryOverSum: number;
  followUps: number;
  reactions: number;
  highSoreness: number;
}

const noSums = (): Sums => ({
  sessions: 0,
  reliefCount: 0,
  reliefSum: 0,
  carryOverCount: 0,
  carryOverSum: 0,
  followUps: 0,
  reactions: 0,
  highSoreness: 0,
});

function add(sums: Sums, visit: VisitRow, followUp: FollowUpRow | undefined): void {
  sums.sessions += 1;
  if (visit.relief !== null) {
    sums.reliefCount += 1;
    sums.reliefSum += visit.relief;
  }
  if (visit.carryOver !== null) {
    sums.carryOverCount += 1;
    sums.carryOverSum += visit.carryOver;
  }
  if (followUp) {
    sums.followUps += 1;
    if (followUp.reacted) sums.reactions += 1;
    if ((followUp.soreness ?? 0) >= highSorenessThreshold) sums.highSoreness += 1;
  }
}

/** Sums per client and factor (each factor once a session), and per client over all visits. */
export function totalsByClientAndFactor(
  visits: readonly VisitRow[],
  uses: readonly FactorUseRow[],
  followUps: readonly FollowUpRow[],
): { factors: ClientFactorTotals[]; clients: ClientReliefTotals[] } {
  // Factors get small numbers, so a visit's list of factors is a short array of integers.
  const factorIds = new Map<string, number>();
  const factorOf: Array<{ kind: FactorKind; key: string }> = [];
  const factorsBySession = new Map<string, number[]>();
  for (const use of uses) {
    const name = `${use.kind}\u0000${use.key}`;
    let id = factorIds.get(name);
    if (id === undefined) {
      id = factorOf.length;
      factorIds.set(name, id);
      factorOf.push({ kind: use.kind, key: use.key });
    }
    const list = factorsBySession.get(use.sessionId);
    if (!list) factorsBySession.set(use.sessionId, [id]);
    else if (!list.includes(id)) list.push(id);
  }
  const followUpBySession = new Map(followUps.map((followUp) => [followUp.sessionId, followUp]));
  const byClient = new Map<string, { all: Sums; factors: Map<number, Sums> }>();
  for (const visit of visits) {
    let client = byClient.get(visit.clientId);
    if (!client) {
      client = { all: noSums(), factors: new Map() };
      byClient.set(visit.clientId, client);
    }
    const followUp = followUpBySession.get(visit.sessionId);
    add(client.all, visit, followUp);
    for (const id of factorsBySession.get(visit.sessionId) ?? []) {
      let sums = client.factors.get(id);
      if (!sums) {
        sums = noSums();
        client.factors.set(id, sums);
      }
      add(sums, visit, followUp);
    }
  }
  const factors: ClientFactorTotals[] = [];
  const clients: ClientReliefTotals[] = [];
  for (const [clientId, client] of byClient) {
    clients.push({
      clientId,
      sessions: client.all.sessions,
      reliefCount: client.all.reliefCount,
      reliefSum: client.all.reliefSum,
    });
    for (const [id, sums] of client.factors) factors.push({ clientId, ...factorOf[id]!, ...sums });
  }
  return { factors, clients };
}

/** Sums per therapist (the note's author) and client. */
export function totalsByTherapistAndClient(
  visits: readonly VisitRow[],
  followUps: readonly FollowUpRow[],
): TherapistClientTotals[] {
  const followUpBySession = new Map(followUps.map((followUp) => [followUp.sessionId, followUp]));
  const sums = new Map<string, Map<string, Sums>>();
  for (const visit of visits) {
    let therapist = sums.get(visit.authorId);
    if (!therapist) {
      therapist = new Map();
      sums.set(visit.authorId, therapist);
    }
    let client = therapist.get(visit.clientId);
    if (!client) {
      client = noSums();
      therapist.set(visit.clientId, client);
    }
    add(client, visit, followUpBySession.get(visit.sessionId));
  }
  return [...sums].flatMap(([therapistId, clients]) =>
    [...clients].map(([clientId, client]) => ({ therapistId, clientId, ...client })),
  );
}
