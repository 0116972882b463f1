import type {
  ClientFactorTotals,
  ClientReliefTotals,
  FactorTotals,
  TherapistClientTotals,
} from './effectiveness-cohort.js';
import type { FactorKind } from './effectiveness-views.js';
import { highSorenessThreshold } from './effectiveness.js';

/**
 * Per-client sums for practice-wide tables, from one row per signed visit, one per technique
 * or product use and one per follow-up. Summing here rather than in SQL keeps one code path for
 * both engines: with a client's mean per factor, the answer has about as many rows as the
 * sessions behind it, so aggregating in the database saved no transfer and cost sorts on text
 * keys. A practice of 200,000 sessions passes through in one loop over each list, with factors
 * numbered and visits indexed so the inner work is array access, not string keys.
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

export interface TechniqueUseRow {
  sessionId: string;
  technique: string;
  pressure: number;
}

export interface ProductUseRow {
  sessionId: string;
  productId: string;
}

export interface FollowUpRow {
  sessionId: string;
  soreness: number | null;
  /** Whether any adverse reaction was reported. */
  reacted: boolean;
}

type Sums = Omit<ClientFactorTotals, 'clientId'>;

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

/** Numbers each factor the first time it is seen, so a visit's factors are a few integers. */
class FactorNumbers {
  readonly factors: Array<{ kind: FactorKind; key: string }> = [];
  private readonly numbers: Record<FactorKind, Map<string, number>> = {
    technique: new Map(),
    pressure: new Map(),
    product: new Map(),
  };

  of(kind: FactorKind, key: string): number {
    let number = this.numbers[kind].get(key);
    if (number === undefined) {
      number = this.factors.length;
      this.numbers[kind].set(key, number);
      this.factors.push({ kind, key });
    }
    return number;
  }
}

/**
 * Each visit's factors as one flat list of factor numbers, visit by visit (a counting sort by
 * visit), so hundreds of thousands of visits need no array each; a visit's duplicates (a
 * technique on two regions) are still in its slice and are skipped when summing.
 */
function factorsByVisit(
  visits: readonly VisitRow[],
  uses: { techniques: readonly TechniqueUseRow[]; products: readonly ProductUseRow[] },
) {
  const position = new Map<string, number>();
  visits.forEach((visit, index) => position.set(visit.sessionId, index));
  const numbers = new FactorNumbers();
  const useCount = uses.techniques.length * 2 + uses.products.length;
  const useVisit = new Int32Array(useCount).fill(-1);
  const useFactor = new Int32Array(useCount);
  let at = 0;
  const record = (sessionId: string, factor: number) => {
    // A use of a session outside the visits (another cohort's) stays at -1 and is left out.
    useVisit[at] = position.get(sessionId) ?? -1;
    useFactor[at] = factor;
    at += 1;
  };
  for (const use of uses.techniques) {
    record(use.sessionId, numbers.of('technique', use.technique));
    record(use.sessionId, numbers.of('pressure', String(use.pressure)));
  }
  for (const use of uses.products) record(use.sessionId, numbers.of('product', use.productId));
  const start = new Int32Array(visits.length + 1);
  for (const visit of useVisit) if (visit >= 0) start[visit + 1]! += 1;
  for (let index = 0; index < visits.length; index += 1) start[index + 1]! += start[index]!;
  const flat = new Int32Array(start[visits.length]!);
  const filled = start.slice(0, visits.length);
  useVisit.forEach((visit, use) => {
    if (visit < 0) return;
    flat[filled[visit]!] = useFactor[use]!;
    filled[visit]! += 1;
  });
  return { factors: numbers.factors, start, flat };
}

/** Whether `factor` is among flat[from…to), a visit's factors before this one. */
function seenEarlier(flat: Int32Array, from: number, to: number, factor: number): boolean {
  for (let at = from; at < to; at += 1) if (flat[at] === factor) return true;
  return false;
}

/** Sums per client and factor (each factor once a session), and per client over all visits. */
export function totalsByClientAndFactor(
  visits: readonly VisitRow[],
  uses: { techniques: readonly TechniqueUseRow[]; products: readonly ProductUseRow[] },
  followUps: readonly FollowUpRow[],
): { factors: FactorTotals[]; clients: ClientReliefTotals[] } {
  const { factors, start, flat } = factorsByVisit(visits, uses);
  const followUpBySession = new Map(followUps.map((followUp) => [followUp.sessionId, followUp]));
  const byFactor: ClientFactorTotals[][] = factors.map(() => []);
  const byClient = new Map<string, { all: Sums; factors: Array<Sums | undefined> }>();
  visits.forEach((visit, index) => {
    let client = byClient.get(visit.clientId);
    if (!client) {
      client = { all: noSums(), factors: [] };
      byClient.set(visit.clientId, client);
    }
    const followUp = followUpBySession.get(visit.sessionId);
    add(client.all, visit, followUp);
    for (let at = start[index]!; at < start[index + 1]!; at += 1) {
      const factor = flat[at]!;
      if (seenEarlier(flat, start[index]!, at, factor)) continue;
      let sums = client.factors[factor];
      if (!sums) {
        sums = noSums();
        client.factors[factor] = sums;
        byFactor[factor]!.push(Object.assign(sums, { clientId: visit.clientId }));
      }
      add(sums, visit, followUp);
    }
  });
  const clients: ClientReliefTotals[] = [];
  for (const [clientId, { all }] of byClient) {
    clients.push({
      clientId,
      sessions: all.sessions,
      reliefCount: all.reliefCount,
      reliefSum: all.reliefSum,
    });
  }
  return {
    factors: factors.map((factor, number) => ({ ...factor, clients: byFactor[number]! })),
    clients,
  };
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
