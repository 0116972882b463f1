import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cohortEffectiveness,
  hasNotImproved,
  therapistOutcomes,
  type ClientFactorTotals,
  type ClientReliefTotals,
  type FactorTotals,
} from './effectiveness-cohort.js';

const close = (actual: number | undefined, expected: number) =>
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < 1e-6,
    `expected ${expected}, got ${actual}`,
  );

const labels = { technique: (code: string) => code, product: (id: string) => id };

function swedish(
  clientId: string,
  sessions: number,
  reliefSum: number,
  extra: Partial<ClientFactorTotals> = {},
): ClientFactorTotals {
  return {
    clientId,
    sessions,
    reliefCount: sessions,
    reliefSum,
    carryOverCount: 0,
    carryOverSum: 0,
    followUps: 0,
    reactions: 0,
    highSoreness: 0,
    ...extra,
  };
}

/** Swedish across the clients given. */
const swedishFor = (clients: ClientFactorTotals[]): FactorTotals[] => [
  { kind: 'technique', key: 'swedish', clients },
];

const total = (clientId: string, reliefCount: number, reliefSum: number): ClientReliefTotals => ({
  clientId,
  sessions: reliefCount,
  reliefCount,
  reliefSum,
});

/**
 * A: 10 Swedish sessions, relief 3 each time, and 2 others with relief 1 (difference 2).
 * B: 2 Swedish sessions with relief 1 in all, 2 others with none (difference 1).
 * C: 1 Swedish session with relief 2, 2 others with none (difference 2).
 */
const totals = [swedish('A', 10, 30), swedish('B', 2, 2), swedish('C', 1, 2)];
const clients = [total('A', 12, 32), total('B', 4, 2), total('C', 3, 2)];
const analyse = (minimumClients = 3) =>
  cohortEffectiveness(swedishFor(totals), clients, {
    minimumClients,
    labels,
    region: null,
    condition: null,
  });

describe('cohortEffectiveness', () => {
  it('weights each client equally: the mean of client means, with an interval across clients', () => {
    const relief = analyse().rows[0]!.relief;
    // client means 3, 1, 2 (a session-weighted mean would be 34/13 = 2.6)
    close(relief?.mean, 2);
    close(relief?.low, -0.484138);
    close(relief?.high, 4.484138);
    assert.equal(relief?.clients, 3);
    assert.equal(relief?.sessions, 13);
  });

  it('compares each client’s relief with and without it, then averages across clients', () => {
    const row = analyse().rows[0]!;
    // per-client differences 2, 1, 2
    close(row.difference?.mean, 5 / 3);
    close(row.difference?.low, 0.232449);
    close(row.difference?.high, 3.100884);
    assert.equal(row.verdict, 'more_relief');
    assert.match(row.statements.join(' '), /the same clients’ sessions without it/);
  });

  it('leaves out of the difference a client who always had it', () => {
    const row = cohortEffectiveness(
      swedishFor([...totals, swedish('D', 3, 9)]),
      [...clients, total('D', 3, 9)],
      { minimumClients: 3, labels, region: null, condition: null },
    ).rows[0]!;
    assert.equal(row.clients, 4);
    assert.equal(row.relief?.clients, 4);
    assert.equal(row.difference?.clients, 3);
  });

  it('says "not enough clients yet" below the minimum and gives no figures', () => {
    const row = analyse(4).rows[0]!;
    assert.equal(row.enough, false);
    assert.equal(row.relief, null);
    assert.equal(row.difference, null);
    assert.equal(row.summary, 'Not enough clients yet');
  });

  it('adds up follow-ups across clients', () => {
    const row = cohortEffectiveness(
      swedishFor([
        swedish('A', 3, 6, { followUps: 2, reactions: 1, highSoreness: 1 }),
        swedish('B', 3, 6, { followUps: 1, reactions: 1 }),
      ]),
      [total('A', 3, 6), total('B', 3, 6)],
      { minimumClients: 2, labels, region: null, condition: null },
    ).rows[0]!;
    assert.deepEqual(row.followUps, { reported: 3, reactions: 2, highSoreness: 1 });
  });

  it('handles a practice with no pain data at all', () => {
    const result = cohortEffectiveness(
      swedishFor(['A', 'B', 'C'].map((id) => swedish(id, 4, 0, { reliefCount: 0 }))),
      ['A', 'B', 'C'].map((id) => ({ clientId: id, sessions: 4, reliefCount: 0, reliefSum: 0 })),
      { minimumClients: 3, labels, region: null, condition: null },
    );
    const row = result.rows[0]!;
    assert.equal(row.relief, null);
    assert.equal(row.verdict, 'nothing_to_compare');
    assert.equal(result.sessions, 12);
  });
});

describe('therapistOutcomes', () => {
  it('summarises each therapist’s clients, each client counted once', () => {
    const [maya, sam] = therapistOutcomes(
      [
        { ...swedish('A', 4, 12), therapistId: 'maya' },
        { ...swedish('B', 2, 2), therapistId: 'maya' },
        { ...swedish('C', 2, 4, { reliefCount: 1, reliefSum: 2 }), therapistId: 'maya' },
      ],
      [
        { id: 'maya', name: 'Maya' },
        { id: 'sam', name: 'Sam' },
      ],
      3,
    );
    // client means 3, 1, 2
    close(maya?.relief?.mean, 2);
    assert.equal(maya?.clients, 3);
    assert.equal(maya?.signedSessions, 8);
    close(maya?.painRecorded, 7 / 8);
    assert.equal(sam?.clients, 0);
    assert.equal(sam?.relief, null);
  });
});

describe('hasNotImproved', () => {
  it('flags pain that fell by less than the 2-point minimal important change', () => {
    assert.equal(hasNotImproved([6, 6, 5, 6, 5]), true);
  });

  it('flags pain that rose', () => {
    assert.equal(hasNotImproved([4, 5, 6, 6, 7]), true);
  });

  it('flags pain that came back after falling', () => {
    assert.equal(hasNotImproved([7, 3, 3, 4, 7]), true);
  });

  it('does not flag a fall of 2 points or more', () => {
    assert.equal(hasNotImproved([7, 7, 6, 6, 5]), false);
  });

  it('does not judge a single reading', () => {
    assert.equal(hasNotImproved([7]), false);
  });
});
