import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDate } from './time.js';

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
