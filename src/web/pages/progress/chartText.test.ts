import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changeText,
  count,
  scaleTicks,
  scoreChange,
  techniqueInitials,
  timeTickFormatter,
} from './chartText.js';

describe('techniqueInitials', () => {
  it('takes the initials of several words and two letters of one', () => {
    const initials = techniqueInitials(['Myofascial release', 'Swedish', 'Trigger point therapy']);
    assert.deepEqual([...initials.values()], ['MR', 'Sw', 'TPT']);
  });

  it('gives names that would share initials more letters until they differ', () => {
    const initials = techniqueInitials(['Deep tissue', 'Deep touch', 'Deep tissue']);
    assert.deepEqual(
      [...initials],
      [
        ['Deep tissue', 'DT'],
        ['Deep touch', 'DTo'],
      ],
    );
  });
});

describe('timeTickFormatter', () => {
  it('writes day and month over weeks, month and year over years', () => {
    const day = 86_400_000;
    const at = Date.parse('2026-11-03T00:00:00.000Z');
    assert.match(timeTickFormatter([at, at + 30 * day])(at), /3/);
    assert.doesNotMatch(timeTickFormatter([at, at + 30 * day])(at), /2026/);
    assert.match(timeTickFormatter([at, at + 400 * day])(at), /2026/);
  });
});

describe('scoreChange', () => {
  it('counts a fall in pain of the minimal important change as better', () => {
    assert.equal(scoreChange(7, 5, 2, 'lower').verdict, 'better');
    assert.equal(scoreChange(7, 9, 2, 'lower').verdict, 'worse');
    assert.equal(scoreChange(7, 6, 2, 'lower').verdict, 'no_important_change');
  });

  it('counts a rise as better where higher is better', () => {
    assert.deepEqual(scoreChange(3, 6, 2, 'higher'), {
      first: 3,
      last: 6,
      change: 3,
      verdict: 'better',
    });
  });

  it('copes with decimal scores at the edge of the minimal important change', () => {
    assert.equal(scoreChange(0.1, 0.4, 0.3, 'higher').verdict, 'better');
  });
});

describe('changeText', () => {
  it('says where a series started and ended, and whether that matters', () => {
    assert.equal(
      changeText([7, 5, 3], 2, 'lower'),
      'from 7 to 3 (better by at least the minimal important change of 2)',
    );
    assert.equal(
      changeText([4, 5], 2, 'lower'),
      'from 4 to 5 (less than the minimal important change of 2)',
    );
  });

  it('says a single score was given once, and nothing of no scores', () => {
    assert.equal(changeText([6], 2, 'lower'), '6, once');
    assert.equal(changeText([], 2, 'lower'), null);
  });
});

describe('count', () => {
  it('agrees the noun with the number', () => {
    assert.equal(count(1, 'session'), '1 session');
    assert.equal(count(3, 'session'), '3 sessions');
  });
});

describe('scaleTicks', () => {
  it("puts round-numbered ticks on a measure's scale, at most six", () => {
    assert.deepEqual(scaleTicks(0, 10), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(scaleTicks(0, 7), [0, 2, 4, 6]);
    assert.deepEqual(scaleTicks(0, 180), [0, 50, 100, 150]);
    assert.deepEqual(scaleTicks(-5, 5), [-4, -2, 0, 2, 4]);
    assert.deepEqual(scaleTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
