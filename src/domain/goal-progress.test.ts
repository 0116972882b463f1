import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goalProgress, meetsTarget, type ProgressPoint } from './goal-progress.js';

const setAt = '2026-11-10T12:00:00.000Z';
const point = (day: number, value: number): ProgressPoint => ({
  at: `2026-11-${String(day).padStart(2, '0')}T15:00:00.000Z`,
  value,
  sessionId: `s${day}`,
});
/** "PSFS 'turning head to drive' ≥ 8", MIC 2. */
const psfsGoal = { comparator: 'at_least' as const, targetValue: 8, setAt };
/** "Pain ≤ 2 after desk work", MIC 2. */
const painGoal = { comparator: 'at_most' as const, targetValue: 2, setAt };

describe('progress toward a goal', () => {
  it('says so when there are no scores yet', () => {
    const progress = goalProgress(psfsGoal, [], 2);
    assert.equal(progress.state, 'no_scores');
    assert.equal(progress.baseline, null);
    assert.equal(progress.latest, null);
  });

  it('takes the last score on or before the day the goal was set as the baseline', () => {
    const progress = goalProgress(psfsGoal, [point(3, 2), point(9, 3), point(20, 6)], 2);
    assert.equal(progress.baseline?.value, 3);
    assert.equal(progress.latest?.value, 6);
    assert.equal(progress.change, 3);
  });

  it('takes the first score as the baseline when none came before the goal', () => {
    const progress = goalProgress(psfsGoal, [point(20, 4), point(27, 5)], 2);
    assert.equal(progress.baseline?.value, 4);
  });

  it('reports only a baseline until a second score', () => {
    const progress = goalProgress(psfsGoal, [point(9, 3)], 2);
    assert.equal(progress.state, 'baseline_only');
    assert.equal(progress.change, null);
    assert.equal(progress.towardTarget, 0);
  });

  it('calls a change of at least the minimal important change toward the target improving', () => {
    const progress = goalProgress(psfsGoal, [point(9, 3), point(20, 5)], 2);
    assert.equal(progress.state, 'improving');
    // 3 → 5 of 3 → 8: two fifths of the way.
    assert.equal(progress.towardTarget, 0.4);
  });

  it('calls a smaller change no important change', () => {
    const progress = goalProgress(psfsGoal, [point(9, 3), point(20, 4)], 2);
    assert.equal(progress.state, 'no_important_change');
  });

  it('calls an important change away from the target worse, and keeps the way at 0', () => {
    const progress = goalProgress(psfsGoal, [point(9, 5), point(20, 3)], 2);
    assert.equal(progress.state, 'worsening');
    assert.equal(progress.towardTarget, 0);
  });

  it('reads "at most" targets downward: pain falling is improvement', () => {
    const improving = goalProgress(painGoal, [point(9, 7), point(20, 4)], 2);
    assert.equal(improving.state, 'improving');
    assert.equal(improving.towardTarget, 0.6);
    const worse = goalProgress(painGoal, [point(9, 4), point(20, 6)], 2);
    assert.equal(worse.state, 'worsening');
  });

  it('reports the target reached whatever the size of the change', () => {
    const progress = goalProgress(painGoal, [point(9, 3), point(20, 2)], 2);
    assert.equal(progress.state, 'target_reached');
    assert.equal(progress.towardTarget, 1);
  });

  it('reports a baseline that already meets the target as reached', () => {
    const progress = goalProgress(psfsGoal, [point(9, 9)], 2);
    assert.equal(progress.state, 'target_reached');
  });

  it('counts a change exactly the size of the MIC despite floating point', () => {
    const progress = goalProgress(
      { comparator: 'at_least', targetValue: 1, setAt },
      [point(9, 0.1), point(20, 0.1 + 0.3)],
      0.3,
    );
    assert.equal(progress.state, 'improving');
  });

  it('orders scores by date whatever order they come in', () => {
    const progress = goalProgress(psfsGoal, [point(20, 6), point(9, 3)], 2);
    assert.equal(progress.baseline?.value, 3);
    assert.equal(progress.latest?.value, 6);
    assert.equal(progress.scoreCount, 2);
  });
});

describe('meeting a target', () => {
  it('compares at least and at most inclusively', () => {
    assert.equal(meetsTarget(8, 'at_least', 8), true);
    assert.equal(meetsTarget(7, 'at_least', 8), false);
    assert.equal(meetsTarget(2, 'at_most', 2), true);
    assert.equal(meetsTarget(3, 'at_most', 2), false);
  });
});
