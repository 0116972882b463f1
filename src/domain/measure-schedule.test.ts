import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MeasureSchedule,
  measuresDue,
  type DueInput,
  type ScoreMoment,
  type Visit,
} from './measure-schedule.js';

/** Weekly visits s1…sN on Mondays from 2 November 2026. */
function visits(count: number): Visit[] {
  return Array.from({ length: count }, (_, index) => {
    const day = String(2 + index * 7).padStart(2, '0');
    const date =
      index * 7 + 2 <= 30
        ? `2026-11-${day}`
        : `2026-12-${String(index * 7 + 2 - 30).padStart(2, '0')}`;
    return { sessionId: `s${index + 1}`, startsAt: `${date}T15:00:00.000Z`, serviceDate: date };
  });
}

const schedule = (fields: Partial<MeasureSchedule>) =>
  MeasureSchedule.parse({ measureId: 'psfs', ...fields });
const scoredAt = (sessionId: string): ScoreMoment => ({
  measureId: 'psfs',
  sessionId,
  recordedOn: '2026-01-01',
});

function dueAt(sessionId: string, input: Partial<DueInput>) {
  return measuresDue({
    schedules: [],
    visits: visits(8),
    scores: [],
    plan: null,
    at: { sessionId },
    ...input,
  });
}

describe('measures due at intake', () => {
  it('are due at the first visit', () => {
    assert.deepEqual(dueAt('s1', { schedules: [schedule({ atIntake: true })] }), [
      { measureId: 'psfs', reasons: ['intake'] },
    ]);
  });

  it('stay due until a first score, the baseline, is recorded', () => {
    assert.equal(dueAt('s3', { schedules: [schedule({ atIntake: true })] }).length, 1);
  });

  it('are settled by a score at the visit itself', () => {
    const due = dueAt('s1', {
      schedules: [schedule({ atIntake: true })],
      scores: [scoredAt('s1')],
    });
    assert.deepEqual(due, []);
  });

  it('are settled by a score the client sent from their link before the visit', () => {
    const fromLink: ScoreMoment = { measureId: 'psfs', sessionId: null, recordedOn: '2026-10-30' };
    assert.deepEqual(
      dueAt('s1', { schedules: [schedule({ atIntake: true })], scores: [fromLink] }),
      [],
    );
  });

  it('are not settled by a score taken after the visit in question', () => {
    const due = dueAt('s1', {
      schedules: [schedule({ atIntake: true })],
      scores: [scoredAt('s2')],
    });
    assert.equal(due.length, 1);
  });
});

describe('measures due every N sessions', () => {
  const everyThree = [schedule({ atIntake: true, everySessions: 3 })];

  it('fall due N visits after the last score', () => {
    const scores = [scoredAt('s1')];
    assert.deepEqual(dueAt('s3', { schedules: everyThree, scores }), []);
    assert.deepEqual(dueAt('s4', { schedules: everyThree, scores }), [
      { measureId: 'psfs', reasons: ['interval'] },
    ]);
  });

  it('count from the last score, so a missed one stays due', () => {
    const scores = [scoredAt('s1')];
    assert.equal(dueAt('s6', { schedules: everyThree, scores }).length, 1);
    assert.deepEqual(
      dueAt('s6', { schedules: everyThree, scores: [...scores, scoredAt('s5')] }),
      [],
    );
  });

  it('without intake, fall due first at visit N', () => {
    const schedules = [schedule({ everySessions: 3 })];
    assert.deepEqual(dueAt('s2', { schedules }), []);
    assert.deepEqual(dueAt('s3', { schedules }), [{ measureId: 'psfs', reasons: ['interval'] }]);
  });

  it('do not count cancelled sessions, which are not visits', () => {
    const kept = visits(8).filter((visit) => visit.sessionId !== 's3');
    const due = dueAt('s4', { schedules: everyThree, scores: [scoredAt('s1')], visits: kept });
    assert.deepEqual(due, []);
  });
});

describe('measures due at discharge', () => {
  const atDischarge = [schedule({ atDischarge: true })];
  const plan = { sessionsPlanned: 4, startsOn: '2026-11-09' };

  it('fall due at the last session the plan counts, counting from the plan’s first day', () => {
    // The plan starts at s2, so its fourth session is s5.
    assert.deepEqual(dueAt('s4', { schedules: atDischarge, plan }), []);
    assert.deepEqual(dueAt('s5', { schedules: atDischarge, plan }), [
      { measureId: 'psfs', reasons: ['discharge'] },
    ]);
  });

  it('stay due after that session until scored', () => {
    assert.equal(dueAt('s6', { schedules: atDischarge, plan }).length, 1);
    assert.deepEqual(dueAt('s6', { schedules: atDischarge, plan, scores: [scoredAt('s5')] }), []);
  });

  it('are never due without a plan that counts its sessions', () => {
    assert.deepEqual(dueAt('s8', { schedules: atDischarge }), []);
    assert.deepEqual(
      dueAt('s8', {
        schedules: atDischarge,
        plan: { sessionsPlanned: null, startsOn: '2026-11-01' },
      }),
      [],
    );
  });
});

describe('what is due at the next visit', () => {
  it('counts a visit not booked yet as the next one', () => {
    const due = measuresDue({
      schedules: [schedule({ everySessions: 2 })],
      visits: visits(3),
      scores: [scoredAt('s2')],
      plan: null,
      at: { upcoming: { startsAt: '2026-11-27T15:00:00.000Z', serviceDate: '2026-11-27' } },
    });
    assert.deepEqual(due, [{ measureId: 'psfs', reasons: ['interval'] }]);
  });

  it('counts the next visit toward the plan’s discharge', () => {
    const due = measuresDue({
      schedules: [schedule({ atDischarge: true })],
      visits: visits(3),
      scores: [],
      plan: { sessionsPlanned: 4, startsOn: '2026-11-01' },
      at: { upcoming: { startsAt: '2026-11-27T15:00:00.000Z', serviceDate: '2026-11-27' } },
    });
    assert.deepEqual(due, [{ measureId: 'psfs', reasons: ['discharge'] }]);
  });

  it('gives every reason a measure is due for', () => {
    const due = dueAt('s1', {
      schedules: [schedule({ atIntake: true, everySessions: 1 })],
    });
    assert.deepEqual(due, [{ measureId: 'psfs', reasons: ['intake', 'interval'] }]);
  });
});

describe('a schedule', () => {
  it('needs at least one moment', () => {
    const parsed = MeasureSchedule.safeParse({ measureId: 'psfs' });
    assert.equal(parsed.success, false);
  });
});
