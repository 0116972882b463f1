import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyRegion, bodyRegions, isBodyRegionCode } from './body-regions.js';

/** The regions the first release shipped: notes store these codes for years. */
const shippedPaired = [
  'face_jaw',
  'suboccipitals',
  'anterior_neck',
  'posterior_neck',
  'upper_trapezius',
  'levator_scapulae',
  'deltoid',
  'rotator_cuff',
  'pectorals',
  'upper_arm_anterior',
  'upper_arm_posterior',
  'forearm_flexors',
  'forearm_extensors',
  'hand_wrist',
  'rhomboids',
  'thoracic_erectors',
  'latissimus',
  'lumbar_erectors',
  'quadratus_lumborum',
  'ribs_intercostals',
  'gluteals',
  'hip_flexors',
  'it_band',
  'adductors',
  'quadriceps',
  'hamstrings',
  'knee',
  'shin',
  'calves',
  'foot_ankle',
];
const shippedMidline = ['head', 'abdomen', 'sacrum'];

describe('body regions', () => {
  it('keeps every code it has shipped', () => {
    const shipped = [
      ...shippedMidline,
      ...shippedPaired.flatMap((base) => [`${base}_l`, `${base}_r`]),
    ];
    assert.equal(shipped.length, 63);
    for (const code of shipped) assert.ok(isBodyRegionCode(code), code);
  });

  it('stays a vocabulary a therapist can scan: 40 to 80 regions, each code once', () => {
    const codes = bodyRegions.map((region) => region.code);
    assert.ok(codes.length >= 40 && codes.length <= 80, `${codes.length} regions`);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('names each side in the label of a paired region', () => {
    assert.equal(
      bodyRegion('lateral_hip_l')?.label,
      'Lateral hip (gluteus medius, trochanter), left',
    );
    assert.equal(bodyRegion('peroneals_r')?.label, 'Outer lower leg (peroneals), right');
  });

  it('draws a paired region on its own side view only, and a midline one on both', () => {
    for (const region of bodyRegions) {
      const sides = region.views.filter((view) => view === 'left' || view === 'right');
      if (region.laterality === 'midline') {
        assert.ok(sides.length === 0 || sides.length === 2, region.code);
      } else {
        assert.ok(
          sides.every((view) => view === region.laterality),
          region.code,
        );
      }
      assert.ok(region.views.length > 0, `${region.code} is drawn nowhere`);
    }
  });

  it('shows the lateral hip and the peroneals only from the side', () => {
    assert.deepEqual(bodyRegion('lateral_hip_l')?.views, ['left']);
    assert.deepEqual(bodyRegion('peroneals_r')?.views, ['right']);
    assert.deepEqual(bodyRegion('head')?.views, ['front', 'back', 'left', 'right']);
  });
});
