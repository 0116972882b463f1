import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FollowUpPoint } from '../../../domain/progress-series.js';
import type { ProgressSession } from '../../../domain/progress.js';
import { progressScope } from './progressScope.js';

const day = 86_400_000;
const latest = Date.parse('2026-11-27T15:00:00.000Z');

function session(daysAgo: number): ProgressSession {
  const startsAt = new Date(latest - daysAgo * day).toISOString();
  return {
    sessionId: `s${daysAgo}`,
    startsAt,
    serviceDate: startsAt.slice(0, 10),
    painBefore: 5,
    painAfter: 3,
    regionPain: [],
    techniques: [],
  };
}

function followUp(daysAgo: number): FollowUpPoint {
  return {
    followUpId: `f${daysAgo}`,
    sessionId: `s${daysAgo}`,
    at: latest - daysAgo * day,
    serviceDate: null,
    relief: 6,
    soreness: 2,
    reactions: [],
    reactionDetails: null,
    submittedAt: new Date(latest - daysAgo * day).toISOString(),
  };
}

describe('progressScope', () => {
  it('shows a short history whole, without offering periods', () => {
    const scope = progressScope(
      { sessions: [session(60), session(0)], charts: [], followUps: [] },
      null,
    );
    assert.deepEqual(
      [scope.period, scope.offerPeriods, scope.within, scope.sessions.length],
      ['all', false, null, 2],
    );
  });

  it('starts a long history at its last year, counted back from the latest entry', () => {
    const scope = progressScope(
      {
        sessions: [session(800), session(400), session(300), session(0)],
        charts: [],
        followUps: [followUp(500), followUp(100)],
      },
      null,
    );
    assert.deepEqual(
      [scope.period, scope.offerPeriods, scope.within],
      ['year', true, 'in the last 12 months'],
    );
    assert.deepEqual(
      scope.sessions.map((entry) => entry.sessionId),
      ['s300', 's0'],
    );
    assert.deepEqual(
      scope.followUps.map((point) => point.followUpId),
      ['f100'],
    );
    assert.ok(scope.domain && scope.domain[0] > latest - 365 * day);
    assert.deepEqual(scope.hiddenWithin, {
      sessions: 'in the last 12 months',
      regions: null,
      charts: null,
      followUps: 'in the last 12 months',
    });
  });

  it('keeps the period chosen, everything included', () => {
    const scope = progressScope(
      { sessions: [session(800), session(0)], charts: [], followUps: [] },
      'all',
    );
    assert.deepEqual([scope.within, scope.sessions.length], [null, 2]);
  });

  it('has nothing to chart and no axis for a client with no data', () => {
    const scope = progressScope({ sessions: [], charts: [], followUps: [] }, null);
    assert.deepEqual([scope.period, scope.offerPeriods, scope.domain], ['all', false, null]);
  });
});
