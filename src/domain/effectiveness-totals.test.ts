import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  totalsByClientAndFactor,
  totalsByTherapistAndClient,
  type TechniqueUseRow,
  type VisitRow,
} from './effectiveness-totals.js';

const visit = (
  sessionId: string,
  clientId: string,
  relief: number | null,
  carryOver: number | null,
  authorId = 'maya',
): VisitRow => ({ sessionId, clientId, authorId, relief, carryOver });

const technique = (sessionId: string, name: string, pressure = 2): TechniqueUseRow => ({
  sessionId,
  technique: name,
  pressure,
});

describe('totalsByClientAndFactor', () => {
  const visits = [
    visit('a1', 'A', 3, 1),
    visit('a2', 'A', 2, null),
    visit('a3', 'A', null, 0),
    visit('b1', 'B', 4, null),
  ];
  const uses = {
    techniques: [
      technique('a1', 'swedish'),
      // The same technique on a second region of the same session counts once.
      technique('a1', 'swedish', 3),
      technique('a2', 'swedish'),
      technique('a3', 'deep_tissue'),
      technique('b1', 'swedish'),
      // A draft's or another cohort's session has no visit here and is left out.
      technique('elsewhere', 'swedish'),
    ],
    products: [{ sessionId: 'a3', productId: 'arnica' }],
  };
  const followUps = [
    { sessionId: 'a1', soreness: 7, reacted: false },
    { sessionId: 'a2', soreness: 2, reacted: true },
  ];

  it('sums relief, carry-over and follow-ups per client and factor, each session once', () => {
    const { factors } = totalsByClientAndFactor(visits, uses, followUps);
    const swedish = factors.find((factor) => factor.key === 'swedish');
    const swedishA = swedish?.clients.find((client) => client.clientId === 'A');
    assert.deepEqual(swedishA, {
      clientId: 'A',
      sessions: 2,
      reliefCount: 2,
      reliefSum: 5,
      carryOverCount: 1,
      carryOverSum: 1,
      followUps: 2,
      reactions: 1,
      highSoreness: 1,
    });
    assert.deepEqual(
      factors.map((factor) => [factor.kind, factor.key, factor.clients.length]),
      [
        ['technique', 'swedish', 2],
        ['pressure', '2', 2],
        ['pressure', '3', 1],
        ['technique', 'deep_tissue', 1],
        ['product', 'arnica', 1],
      ],
    );
  });

  it('sums relief per client over all their visits', () => {
    const { clients } = totalsByClientAndFactor(visits, uses, followUps);
    assert.deepEqual(clients, [
      { clientId: 'A', sessions: 3, reliefCount: 2, reliefSum: 5 },
      { clientId: 'B', sessions: 1, reliefCount: 1, reliefSum: 4 },
    ]);
  });
});

describe('totalsByTherapistAndClient', () => {
  it('sums each therapist’s visits per client', () => {
    const totals = totalsByTherapistAndClient(
      [visit('a1', 'A', 3, 1), visit('a2', 'A', 1, null, 'sam'), visit('b1', 'B', 2, null)],
      [],
    );
    assert.deepEqual(
      totals.map((row) => [row.therapistId, row.clientId, row.sessions, row.reliefSum]),
      [
        ['maya', 'A', 1, 3],
        ['maya', 'B', 1, 2],
        ['sam', 'A', 1, 1],
      ],
    );
  });
});
