import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, instantAt, mondayOf, startOfDayIn, timeInputValue } from './format.js';

describe('instantAt', () => {
  it('reads a booking’s wall-clock time in the practice’s zone, winter and summer', () => {
    assert.equal(instantAt('2026-11-27', '14:00', 'America/Toronto'), '2026-11-27T19:00:00.000Z');
    assert.equal(instantAt('2026-07-01', '14:00', 'America/Toronto'), '2026-07-01T18:00:00.000Z');
  });

  it('turns the instant back into the same wall-clock time', () => {
    const instant = instantAt('2026-03-09', '08:30', 'Europe/Berlin');
    assert.equal(timeInputValue(instant, 'Europe/Berlin'), '08:30');
  });
});

describe('calendar days', () => {
  it('starts the schedule’s week on Monday', () => {
    assert.equal(mondayOf('2026-11-29'), '2026-11-23');
    assert.equal(mondayOf('2026-11-30'), '2026-11-30');
  });

  it('crosses month and year ends', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });

  it('ends a day at the next midnight in the zone, for an end-exclusive range', () => {
    assert.equal(startOfDayIn('2026-11-27', 'America/Toronto', true), '2026-11-28T05:00:00.000Z');
  });
});
