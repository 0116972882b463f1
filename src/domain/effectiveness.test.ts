import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientEffectiveness, type SessionOutcome } from './effectiveness.js';
import { sessionIdsAt, type EffectivenessRow } from './effectiveness-views.js';

/** Reference values were computed by hand and checked with SciPy (stats.t.ppf). */
const close = (actual: number | undefined, expected: number) =>
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < 1e-6,
    `expected ${expected}, got ${actual}`,
  );

let day = 0;
function visit(
  id: string,
  painBefore: number | null,
  painAfter: number | null,
  use: Partial<Pick<SessionOutcome, 'techniques' | 'pressures' | 'products' | 'followUp'>> = {},
): SessionOutcome {
  day += 1;
  const date = `2026-01-${String(day).padStart(2, '0')}`;
  return {
    sessionId: id,
    startsAt: `${date}T15:00:00.000Z`,
    serviceDate: date,
    painBefore,
    painAfter,
    techniques: [],
    pressures: [],
    products: [],
    followUp: null,
    ...use,
  };
}

/**
 * Six visits. Relief (before − after): 3, 3, 1, 4, 1, — (no pain after at s6).
 * Carry-over (before − next before): 7−6 = 1, 6−6 = 0, 6−5 = 1, 5−5 = 0, 5−4 = 1, — (last visit).
 */
function sixVisits(): SessionOutcome[] {
  day = 0;
  return [
    visit('s1', 7, 4, {
      techniques: ['myofascial_release'],
      pressures: [3],
      products: ['arnica'],
      followUp: { soreness: 2, reactions: [] },
    }),
    visit('s2', 6, 3, {
      techniques: ['myofascial_release', 'swedish'],
      pressures: [3, 2],
      followUp: { soreness: 8, reactions: ['bruising'] },
    }),
    visit('s3', 6, 5, { techniques: ['swedish'], pressures: [2], products: ['arnica'] }),
    visit('s4', 5, 1, {
      techniques: ['myofascial_release'],
      pressures: [4],
      followUp: { soreness: 3, reactions: [] },
    }),
    visit('s5', 5, 4, {
      techniques: ['swedish'],
      pressures: [2],
      products: ['arnica'],
      followUp: { soreness: 7, reactions: ['headache', 'bruising'] },
    }),
    visit('s6', 4, null, { techniques: ['swedish'], pressures: [2] }),
  ];
}

const labels = {
  technique: (code: string) =>
    ({ myofascial_release: 'Myofascial release', swedish: 'Swedish' })[code] ?? code,
  product: (id: string) => ({ arnica: 'Arnica gel' })[id] ?? id,
};

function rowOf(rows: EffectivenessRow[], kind: string, key: string): EffectivenessRow {
  const found = rows.find((candidate) => candidate.kind === kind && candidate.key === key);
  assert.ok(found, `no row for ${kind} ${key}`);
  return found;
}

const analyse = (sessions: SessionOutcome[], minimumSessions = 3) =>
  clientEffectiveness('client-1', sessions, { minimumSessions, labels });

describe('clientEffectiveness', () => {
  it('gives mean relief during the sessions with a technique, with its 95% interval', () => {
    const relief = rowOf(analyse(sixVisits()).rows, 'technique', 'myofascial_release').relief;
    // relief 3, 3, 4: mean 3.333, s = 0.577, t(0.975, 2) = 4.303
    close(relief?.mean, 10 / 3);
    close(relief?.low, 1.899116);
    close(relief?.high, 4.767551);
    // Positions in the answer's sessions list, which holds s1–s6 in order.
    assert.deepEqual(relief?.sessionIndexes, [0, 1, 3]);
  });

  it('gives mean carry-over to the next visit', () => {
    const carryOver = rowOf(analyse(sixVisits()).rows, 'technique', 'myofascial_release').carryOver;
    // 1, 0, 0
    close(carryOver?.mean, 1 / 3);
    close(carryOver?.low, -1.100884);
    close(carryOver?.high, 1.767551);
  });

  it('leaves out a session without pain after from relief but keeps it in the count', () => {
    const swedish = rowOf(analyse(sixVisits()).rows, 'technique', 'swedish');
    assert.equal(swedish.sessions.count, 4);
    assert.deepEqual(swedish.relief?.sessionIndexes, [1, 2, 4]);
    close(swedish.relief?.mean, 5 / 3);
    close(swedish.relief?.low, -1.201768);
  });

  it('gives the last visit no carry-over, since there is no next visit yet', () => {
    const swedish = rowOf(analyse(sixVisits()).rows, 'technique', 'swedish');
    assert.deepEqual(swedish.carryOver?.sessionIndexes, [1, 2, 4]);
    close(swedish.carryOver?.mean, 2 / 3);
    close(swedish.carryOver?.high, 2.100884);
  });

  it('compares relief with the client’s sessions without it (Welch)', () => {
    const row = rowOf(analyse(sixVisits(), 2).rows, 'technique', 'myofascial_release');
    // with: 3, 3, 4; without: 1, 1 (s6 has no pain after); df = 2
    close(row.difference?.difference, 7 / 3);
    close(row.difference?.low, 0.899116);
    close(row.difference?.high, 3.767551);
    assert.deepEqual(row.difference?.withoutSessionIndexes, [2, 4]);
    assert.equal(row.verdict, 'more_relief');
    assert.equal(row.summary, 'Associated with 2.3 more points of relief');
  });

  it('words a difference whose interval crosses zero as no clear difference', () => {
    const row = rowOf(analyse(sixVisits(), 2).rows, 'technique', 'swedish');
    // with: 3, 1, 1; without: 3, 4; df = 2.990
    close(row.difference?.difference, -11 / 6);
    close(row.difference?.low, -4.490179);
    close(row.difference?.high, 0.823513);
    assert.equal(row.verdict, 'no_clear_difference');
    assert.ok(
      row.statements.includes(
        'No clear difference in relief from this client’s sessions without it (95% CI −4.5 to 0.8).',
      ),
      row.statements.join('\n'),
    );
  });

  it('says there is nothing to compare when too few sessions lack it', () => {
    const row = rowOf(analyse(sixVisits()).rows, 'technique', 'myofascial_release');
    assert.equal(row.difference, null);
    assert.equal(row.verdict, 'nothing_to_compare');
    assert.equal(row.summary, 'Too few sessions without it to compare');
  });

  it('counts adverse reactions and high soreness reported after the sessions', () => {
    const followUps = rowOf(analyse(sixVisits()).rows, 'product', 'arnica').followUps;
    assert.deepEqual(followUps?.reported, { count: 2, sessionIndexes: [0, 4] });
    assert.deepEqual(followUps?.reactions, { count: 1, sessionIndexes: [4] });
    assert.deepEqual(followUps?.highSoreness, { count: 1, sessionIndexes: [4] });
    assert.deepEqual(followUps?.reactionKinds, { headache: 1, bruising: 1 });
  });

  it('says "not enough sessions yet" below the minimum and gives no figures', () => {
    const row = rowOf(analyse(sixVisits()).rows, 'pressure', '3');
    assert.equal(row.enough, false);
    assert.deepEqual(row.sessions, { count: 2, sessionIndexes: [0, 1] });
    assert.equal(row.relief, null);
    assert.equal(row.carryOver, null);
    assert.equal(row.difference, null);
    assert.equal(row.followUps, null);
    assert.equal(row.verdict, 'not_enough_sessions');
    assert.equal(row.summary, 'Not enough sessions yet');
  });

  it('names each session once and refers to it by position, oldest first', () => {
    const shuffled = sixVisits().reverse();
    const result = analyse(shuffled, 2);
    assert.deepEqual(
      result.sessions.map((session) => session.sessionId),
      ['s1', 's2', 's3', 's4', 's5', 's6'],
    );
    const row = rowOf(result.rows, 'technique', 'myofascial_release');
    assert.deepEqual(sessionIdsAt(result, row.sessions.sessionIndexes), ['s1', 's2', 's4']);
    assert.deepEqual(sessionIdsAt(result, row.difference!.withoutSessionIndexes), ['s3', 's5']);
    assert.throws(() => sessionIdsAt(result, [6]), /No session at position 6/);
  });

  it('compares exactly the relief figure’s sessions with the sessions without it', () => {
    // The difference lists only the sessions without it, on this promise.
    for (const row of analyse(sixVisits(), 2).rows) {
      if (!row.difference) continue;
      assert.ok(row.relief, `${row.key} has a difference but no relief`);
      close(row.difference.withMean, row.relief.mean);
    }
  });

  it('follows the practice’s minimum', () => {
    assert.equal(rowOf(analyse(sixVisits(), 2).rows, 'pressure', '3').enough, true);
    assert.equal(rowOf(analyse(sixVisits(), 5).rows, 'technique', 'swedish').enough, false);
  });

  it('lists techniques by use, pressure from light to firm, then products', () => {
    const rows = analyse(sixVisits()).rows.map((row) => `${row.kind}:${row.key}`);
    assert.deepEqual(rows, [
      'technique:swedish',
      'technique:myofascial_release',
      'pressure:2',
      'pressure:3',
      'pressure:4',
      'product:arnica',
    ]);
  });

  it('names pressure levels in words', () => {
    assert.equal(rowOf(analyse(sixVisits()).rows, 'pressure', '2').label, 'Pressure 2 (moderate)');
  });

  it('never says a treatment causes anything', () => {
    for (const row of analyse(sixVisits(), 2).rows) {
      for (const statement of [row.summary, ...row.statements])
        assert.doesNotMatch(statement, /caus/i);
    }
  });

  it('handles a single session without a figure or a crash', () => {
    day = 0;
    const result = analyse([visit('only', 6, 2, { techniques: ['swedish'], pressures: [2] })]);
    assert.equal(result.signedSessions, 1);
    assert.ok(result.rows.every((row) => row.verdict === 'not_enough_sessions'));
  });

  it('gives an interval of no width when every session had the same relief', () => {
    day = 0;
    const same = ['a', 'b', 'c'].map((id) =>
      visit(id, 6, 4, { techniques: ['swedish'], pressures: [2] }),
    );
    const row = rowOf(analyse(same).rows, 'technique', 'swedish');
    assert.deepEqual(
      { mean: row.relief?.mean, low: row.relief?.low, high: row.relief?.high },
      { mean: 2, low: 2, high: 2 },
    );
    assert.equal(row.verdict, 'nothing_to_compare');
    assert.equal(row.summary, 'Every session included it');
    assert.ok(
      row.statements.includes('Every session included it, so there is nothing to compare it with.'),
    );
  });

  it('handles a client with no pain recorded at all', () => {
    day = 0;
    const painless = ['a', 'b', 'c', 'd'].map((id) =>
      visit(id, null, null, { techniques: ['swedish'], pressures: [2] }),
    );
    const result = analyse(painless);
    assert.equal(result.sessionsWithPain, 0);
    const row = rowOf(result.rows, 'technique', 'swedish');
    assert.equal(row.enough, true);
    assert.equal(row.relief, null);
    assert.equal(row.carryOver, null);
    assert.equal(row.verdict, 'nothing_to_compare');
  });

  it('handles a client with no sessions', () => {
    const result = analyse([]);
    assert.deepEqual(
      { signed: result.signedSessions, rows: result.rows, sessions: result.sessions },
      { signed: 0, rows: [], sessions: [] },
    );
  });

  it('counts a technique once per session even when used on two regions', () => {
    day = 0;
    const twice = ['a', 'b', 'c'].map((id) =>
      visit(id, 6, 3, { techniques: ['swedish', 'swedish'], pressures: [2, 2] }),
    );
    assert.equal(rowOf(analyse(twice).rows, 'technique', 'swedish').sessions.count, 3);
  });
});
