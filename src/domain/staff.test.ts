import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  afterFailedLogin,
  isIdleExpired,
  isLocked,
  loginLockout,
  type LoginAttemptState,
} from './staff.js';

const now = new Date('2026-11-27T15:00:00.000Z');
const fresh: LoginAttemptState = { failedLogins: 0, lockedUntil: null };

function failTimes(times: number, state = fresh): LoginAttemptState {
  let current = state;
  for (let attempt = 0; attempt < times; attempt += 1) current = afterFailedLogin(current, now);
  return current;
}

describe('afterFailedLogin', () => {
  it('counts failures without locking before the fifth', () => {
    assert.deepEqual(failTimes(4), { failedLogins: 4, lockedUntil: null });
  });

  it('locks the account for fifteen minutes at the fifth failure', () => {
    assert.equal(loginLockout.maxFailures, 5);
    assert.deepEqual(failTimes(5), { failedLogins: 0, lockedUntil: '2026-11-27T15:15:00.000Z' });
  });

  it('starts counting again from zero after a lockout', () => {
    assert.equal(failTimes(6).failedLogins, 1);
  });
});

describe('isLocked', () => {
  it('is false for an account that was never locked', () => {
    assert.equal(isLocked(fresh, now), false);
  });

  it('is true while the lock lasts', () => {
    assert.equal(isLocked({ failedLogins: 0, lockedUntil: '2026-11-27T15:14:59.999Z' }, now), true);
  });

  it('is false from the moment the lock ends', () => {
    assert.equal(isLocked({ failedLogins: 0, lockedUntil: now.toISOString() }, now), false);
  });

  it('is true right after the fifth failure', () => {
    assert.equal(isLocked(failTimes(5), now), true);
  });
});

describe('isIdleExpired', () => {
  const lastSeenAt = '2026-11-27T14:45:00.000Z';

  it('keeps a session that has been idle exactly the allowed minutes', () => {
    assert.equal(isIdleExpired(lastSeenAt, 15, now), false);
  });

  it('expires a session one millisecond past the allowed minutes', () => {
    assert.equal(isIdleExpired(lastSeenAt, 15, new Date(now.getTime() + 1)), true);
  });

  it('keeps a session that was just used', () => {
    assert.equal(isIdleExpired(now.toISOString(), 1, now), false);
  });
});
