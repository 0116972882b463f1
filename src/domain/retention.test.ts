import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPracticeSettings } from './practice.js';
import {
  addYearsNoEarlier,
  isPastRetention,
  lastEntryOn,
  purgeRefusal,
  retentionEnd,
  retentionRule,
  type RetentionRule,
} from './retention.js';

const ontario: RetentionRule = retentionRule(defaultPracticeSettings);
const newYork: RetentionRule = { yearsAfterLastEntry: 6, yearsAfterMajority: 4, ageOfMajority: 18 };

describe('the retention rule', () => {
  it('defaults to 10 years after the last entry, and 10 years after turning 18', () => {
    assert.deepEqual(ontario, {
      yearsAfterLastEntry: 10,
      yearsAfterMajority: 10,
      ageOfMajority: 18,
    });
  });

  it('keeps an adult’s record 10 years after the last entry', () => {
    assert.deepEqual(
      retentionEnd({ lastEntryOn: '2016-05-10', dateOfBirth: '1970-01-01' }, ontario),
      {
        retainedUntil: '2026-05-10',
        because: 'last_entry',
      },
    );
  });

  it('keeps a minor’s record until 10 years after they turn 18 when that is later', () => {
    assert.deepEqual(
      retentionEnd({ lastEntryOn: '2015-03-01', dateOfBirth: '2010-07-15' }, ontario),
      {
        retainedUntil: '2038-07-15',
        because: 'minor',
      },
    );
  });

  it('keeps a former minor’s record 10 years after the last entry when that is later', () => {
    assert.deepEqual(
      retentionEnd({ lastEntryOn: '2031-02-01', dateOfBirth: '2010-07-15' }, ontario),
      {
        retainedUntil: '2041-02-01',
        because: 'last_entry',
      },
    );
  });

  it('applies another jurisdiction’s numbers (New York: 6 years, or until age 22)', () => {
    assert.deepEqual(
      retentionEnd({ lastEntryOn: '2020-01-10', dateOfBirth: '2005-09-01' }, newYork),
      {
        retainedUntil: '2027-09-01',
        because: 'minor',
      },
    );
  });

  it('counts from the last entry alone when the date of birth is unknown', () => {
    assert.deepEqual(retentionEnd({ lastEntryOn: '2016-05-10', dateOfBirth: null }, ontario), {
      retainedUntil: '2026-05-10',
      because: 'last_entry',
    });
  });

  it('is past retention only from the day after the last day kept', () => {
    assert.equal(isPastRetention('2026-05-10', '2026-05-10'), false);
    assert.equal(isPastRetention('2026-05-10', '2026-05-11'), true);
  });
});

describe('leap days', () => {
  it('moves 29 February to 1 March in a common year, never to 28 February', () => {
    assert.equal(addYearsNoEarlier('2016-02-29', 10), '2026-03-01');
  });

  it('keeps 29 February in a leap year', () => {
    assert.equal(addYearsNoEarlier('2016-02-29', 12), '2028-02-29');
  });

  it('treats 2100 as a common year', () => {
    assert.equal(addYearsNoEarlier('2096-02-29', 4), '2100-03-01');
  });

  it('keeps a last entry on 29 February until 1 March ten years on', () => {
    const end = retentionEnd({ lastEntryOn: '2024-02-29', dateOfBirth: '1980-01-01' }, ontario);
    assert.equal(end.retainedUntil, '2034-03-01');
    assert.equal(isPastRetention(end.retainedUntil, '2034-02-28'), false);
  });

  it('counts a minor born on 29 February as turning 18 on 1 March', () => {
    const end = retentionEnd({ lastEntryOn: '2020-06-01', dateOfBirth: '2008-02-29' }, ontario);
    assert.deepEqual(end, { retainedUntil: '2036-02-29', because: 'minor' });
    const common = retentionEnd(
      { lastEntryOn: '2020-06-01', dateOfBirth: '2008-02-29' },
      { ...ontario, yearsAfterMajority: 9 },
    );
    assert.equal(common.retainedUntil, '2035-03-01');
  });
});

describe('the last entry', () => {
  it('is the newest of dates of service and instants, as local dates of the practice', () => {
    const day = lastEntryOn(
      {
        dates: ['2019-04-01', null],
        // 02:30 UTC on 2 May is still 1 May in Toronto.
        instants: ['2019-03-01T12:00:00.000Z', '2019-05-02T02:30:00.000Z', null],
      },
      'America/Toronto',
    );
    assert.equal(day, '2019-05-01');
  });

  it('is the day the client was added when nothing else was recorded (no sessions)', () => {
    assert.equal(
      lastEntryOn({ dates: [], instants: ['2018-11-27T15:00:00.000Z'] }, 'America/Toronto'),
      '2018-11-27',
    );
  });

  it('is unknown when there is no entry at all', () => {
    assert.equal(lastEntryOn({ dates: [null], instants: [] }, 'UTC'), null);
  });
});

describe('what a purge refuses', () => {
  const over = { retainedUntil: '2026-01-01', because: 'last_entry' as const };

  it('refuses an active client even after the period', () => {
    assert.deepEqual(purgeRefusal({ status: 'active' }, over, '2030-01-01'), { kind: 'active' });
  });

  it('refuses an archived client inside the period, saying until when', () => {
    assert.deepEqual(purgeRefusal({ status: 'archived' }, over, '2026-01-01'), {
      kind: 'retained',
      retainedUntil: '2026-01-01',
      because: 'last_entry',
    });
  });

  it('allows an archived client after the period', () => {
    assert.equal(purgeRefusal({ status: 'archived' }, over, '2026-01-02'), null);
  });
});
