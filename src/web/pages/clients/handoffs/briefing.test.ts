import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Session } from '../../../../domain/sessions.js';
import { briefingSessionId } from './briefing.js';

function session(id: string, startsAt: string, status: Session['status'] = 'booked'): Session {
  return { id, startsAt, status } as Session;
}

const now = new Date('2026-11-27T15:00:00.000Z');

describe('the session whose briefing a handoff opens', () => {
  it('is the nearest session still to come', () => {
    const sessions = [
      session('later', '2026-12-10T15:00:00.000Z'),
      session('past', '2026-11-01T15:00:00.000Z', 'signed'),
      session('next', '2026-12-01T15:00:00.000Z'),
    ];
    assert.equal(briefingSessionId(sessions, now), 'next');
  });

  it('is the latest session held when none is to come', () => {
    const sessions = [
      session('older', '2026-10-01T15:00:00.000Z', 'signed'),
      session('latest', '2026-11-01T15:00:00.000Z', 'signed'),
      session('cancelled', '2026-12-01T15:00:00.000Z', 'cancelled'),
    ];
    assert.equal(briefingSessionId(sessions, now), 'latest');
  });

  it('is none for a client without sessions', () => {
    assert.equal(briefingSessionId([], now), null);
  });
});
