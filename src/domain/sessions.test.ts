import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlappingSessions, tookPlace } from './sessions.js';

describe('tookPlace', () => {
  it('says a cancelled or no-show session did not take place', () => {
    assert.equal(tookPlace('cancelled'), false);
    assert.equal(tookPlace('no_show'), false);
  });

  it('says every other session took place or may still', () => {
    for (const status of ['booked', 'in_progress', 'signed', 'amended'] as const) {
      assert.equal(tookPlace(status), true, status);
    }
  });
});

describe('overlappingSessions', () => {
  const booked = { id: 'a', startsAt: '2026-11-27T15:00:00Z', minutes: 60 };

  it('finds a session that starts before the proposed one ends', () => {
    const proposed = { id: 'b', startsAt: '2026-11-27T15:59:00Z', minutes: 30 };
    assert.deepEqual(overlappingSessions(proposed, [booked]), [booked]);
  });

  it('lets sessions touch end to start', () => {
    const proposed = { id: 'b', startsAt: '2026-11-27T16:00:00Z', minutes: 30 };
    assert.deepEqual(overlappingSessions(proposed, [booked]), []);
  });

  it('never reports a session as overlapping itself', () => {
    assert.deepEqual(overlappingSessions(booked, [booked]), []);
  });
});
