import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyRegions } from '../../../domain/body-regions.js';
import { describeRegion, toggleMark } from './bodyMarks.js';
import { regionShape } from './regionShapes.js';

describe('toggleMark', () => {
  it('adds a mark to an unmarked region', () => {
    const { marks, change } = toggleMark([], 'calves_r', 'tension', 2);
    assert.equal(change, 'added');
    assert.deepEqual(marks, [{ region: 'calves_r', kind: 'tension', intensity: 2 }]);
  });

  it('takes the mark away when tapped again with the same intensity', () => {
    const first = toggleMark([], 'calves_r', 'tension', 2).marks;
    assert.deepEqual(toggleMark(first, 'calves_r', 'tension', 2), { marks: [], change: 'removed' });
  });

  it('changes the intensity when tapped with another one', () => {
    const first = toggleMark([], 'calves_r', 'tension', 2).marks;
    const { marks, change } = toggleMark(first, 'calves_r', 'tension', 3);
    assert.equal(change, 'changed');
    assert.deepEqual(marks, [{ region: 'calves_r', kind: 'tension', intensity: 3 }]);
  });

  it('lets one region carry several kinds of mark', () => {
    const first = toggleMark([], 'gluteals_l', 'pain', 1).marks;
    assert.equal(toggleMark(first, 'gluteals_l', 'trigger_point', 3).marks.length, 2);
  });
});

describe('describeRegion', () => {
  it('names the region, its side and each mark in words', () => {
    const marks = [{ region: 'upper_trapezius_l', kind: 'tension' as const, intensity: 2 }];
    assert.equal(
      describeRegion('upper_trapezius_l', marks),
      'Upper trapezius, left: tension, moderate',
    );
    assert.equal(describeRegion('upper_trapezius_r', marks), 'Upper trapezius, right: no marks');
  });
});

describe('regionShape', () => {
  it('draws every region on each view that shows it', () => {
    for (const region of bodyRegions) {
      for (const view of region.views) {
        assert.ok(regionShape(region, view), `${region.code} on the ${view} view`);
      }
    }
  });

  it('puts the client’s left on the viewer’s right from the front, and on the left from behind', () => {
    const left = bodyRegions.find((region) => region.code === 'deltoid_l');
    assert.ok(left);
    assert.ok((regionShape(left, 'front')?.centre[0] ?? 0) > 100);
    assert.ok((regionShape(left, 'back')?.centre[0] ?? 200) < 100);
  });
});
