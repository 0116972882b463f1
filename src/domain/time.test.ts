import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, ageOn, daysBetween, localDate } from './time.js';

describe('localDate', () => {
  it('gives the practice’s date when the UTC date has already moved on', () => {
    assert.equal(localDate(new Date('2026-11-28T03:00:00Z'), 'America/Toronto'), '2026-11-27');
  });

  it('gives the practice’s date when it is ahead of the UTC date', () => {
    assert.equal(localDate(new Date('2026-11-27T20:00:00Z'), 'Pacific/Auckland'), '2026-11-28');
  });

  it('agrees with UTC when the zone is UTC', () => {
    assert.equal(localDate(new Date('2026-11-28T03:00:00Z'), 'UTC'), '2026-11-28');
  });

  it('changes date exactly at local midnight', () => {
    // Toronto is UTC-5 in November, so local midnight is 05:00 UTC.
    assert.equal(localDate(new Date('2026-11-28T04:59:59.999Z'), 'America/Toronto'), '2026-11-27');
    assert.equal(localDate(new Date('2026-11-28T05:00:00.000Z'), 'America/Toronto'), '2026-11-28');
  });

  it('writes single-digit months and days with a leading zero', () => {
    assert.equal(localDate(new Date('2026-03-05T12:00:00Z'), 'Europe/London'), '2026-03-05');
  });
});

describe('daysBetween', () => {
  it('counts whole days forward and backward', () => {
    assert.equal(daysBetween('2026-11-01', '2026-11-27'), 26);
    assert.equal(daysBetween('2026-11-27', '2026-11-01'), -26);
  });

  it('is not thrown off by a daylight-saving change or a leap day', () => {
    assert.equal(daysBetween('2026-03-01', '2026-04-01'), 31);
    assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });
});

describe('addMonths', () => {
  it('keeps the day of the month', () => {
    assert.equal(addMonths('2026-01-15', 12), '2027-01-15');
  });

  it('falls on the last day of a shorter month', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-02-29', 12), '2029-02-28');
  });
});

describe('ageOn', () => {
  it('turns a year older on the birthday, not the day before', () => {
    assert.equal(ageOn('2008-11-27', '2026-11-26'), 17);
    assert.equal(ageOn('2008-11-27', '2026-11-27'), 18);
  });

  it('lets a 29 February birthday count from 1 March in other years', () => {
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
  });
});
