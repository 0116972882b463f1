import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BodyMark } from '../../../domain/notes.js';
import { marksOutOfView, readOnlyViews } from './bodyViews.js';

const pain = (region: string): BodyMark => ({ region, kind: 'pain', intensity: 2 });

describe('readOnlyViews', () => {
  it('draws front and back alone when they show every mark', () => {
    assert.deepEqual(readOnlyViews([pain('deltoid_l'), pain('it_band_r'), pain('calves_l')]), [
      'front',
      'back',
    ]);
  });

  it('adds the side view that alone shows a marked region', () => {
    assert.deepEqual(readOnlyViews([pain('lateral_hip_l'), pain('deltoid_r')]), [
      'front',
      'back',
      'left',
    ]);
    assert.deepEqual(readOnlyViews([pain('peroneals_r')]), ['front', 'back', 'right']);
  });

  it('adds both side views when each has such a mark', () => {
    assert.deepEqual(readOnlyViews([pain('peroneals_r'), pain('lateral_hip_l')]), [
      'front',
      'back',
      'left',
      'right',
    ]);
  });
});

describe('marksOutOfView', () => {
  it('finds the marks that the views shown do not draw', () => {
    const marks = [pain('lateral_hip_r'), pain('rhomboids_l'), pain('deltoid_l')];
    assert.deepEqual(marksOutOfView(marks, ['front', 'back']), [pain('lateral_hip_r')]);
    assert.deepEqual(marksOutOfView(marks, ['left', 'right']), [pain('rhomboids_l')]);
  });
});
