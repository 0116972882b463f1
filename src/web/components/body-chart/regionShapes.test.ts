import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pointsOf } from '../../../domain/body-figure.js';
import { bodyRegion, type BodyView } from '../../../domain/body-regions.js';
import { contains, type RegionShape } from './figureGeometry.js';
import { figureLayers } from './regionShapes.js';
import { sideArm, sideArmSilhouette, sideShapes, sideSilhouette } from './sideShapes.js';

const views: BodyView[] = ['front', 'back', 'left', 'right'];
const shapesOn = (view: BodyView) => figureLayers(view).flatMap((layer) => layer.regions);
const shapeOn = (view: BodyView, code: string): RegionShape => {
  const shape = shapesOn(view).find((candidate) => candidate.code === code);
  assert.ok(shape, `${code} on the ${view} view`);
  return shape;
};

/** Grid points, half a unit apart, that lie inside both shapes. */
function sharedPoints(a: RegionShape, b: RegionShape): number {
  const bounds = (shape: RegionShape) => {
    const xs = shape.points.map(([x]) => x);
    const ys = shape.points.map(([, y]) => y);
    return [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] as const;
  };
  const [ax0, ax1, ay0, ay1] = bounds(a);
  const [bx0, bx1, by0, by1] = bounds(b);
  let shared = 0;
  for (let x = Math.max(ax0, bx0); x <= Math.min(ax1, bx1); x += 0.5) {
    for (let y = Math.max(ay0, by0); y <= Math.min(ay1, by1); y += 0.5) {
      if (contains(a.points, [x, y]) && contains(b.points, [x, y])) shared += 1;
    }
  }
  return shared;
}

describe('side view shapes', () => {
  it('draws only regions of the vocabulary, each on the side views its region lists', () => {
    for (const base of Object.keys(sideShapes)) {
      const midline = bodyRegion(base);
      const sides = midline ? [midline] : [bodyRegion(`${base}_l`), bodyRegion(`${base}_r`)];
      for (const region of sides) {
        assert.ok(region, `${base} is not a region`);
        const expected: BodyView[] =
          region.laterality === 'midline' ? ['left', 'right'] : [region.laterality];
        for (const view of expected) {
          assert.ok(
            region.views.includes(view),
            `${region.code} is not listed on the ${view} view`,
          );
        }
      }
    }
  });

  it('shows the client’s left and the midline on the left view, their right on the right view', () => {
    const codes = (view: BodyView) => shapesOn(view).map((shape) => shape.code);
    const sideOf = (code: string) => bodyRegion(code)?.laterality;
    assert.ok(codes('left').every((code) => sideOf(code) === 'left' || sideOf(code) === 'midline'));
    assert.ok(
      codes('right').every((code) => sideOf(code) === 'right' || sideOf(code) === 'midline'),
    );
    assert.ok(codes('left').includes('lateral_hip_l') && codes('left').includes('it_band_l'));
    assert.ok(codes('right').includes('peroneals_r') && codes('right').includes('head'));
  });

  it('turns the left view to face the page’s left and the right view to face its right', () => {
    const x = (view: BodyView, code: string) => shapeOn(view, code).centre[0];
    assert.ok(x('left', 'pectorals_l') < x('left', 'rotator_cuff_l'));
    assert.ok(x('left', 'quadriceps_l') < x('left', 'hamstrings_l'));
    assert.ok(x('right', 'pectorals_r') > x('right', 'rotator_cuff_r'));
    assert.ok(x('right', 'shin_r') > x('right', 'calves_r'));
  });

  it('keeps every side region inside the body’s outline', () => {
    const outlines = [pointsOf(sideSilhouette), pointsOf(sideArmSilhouette)];
    for (const [base, outline] of Object.entries(sideShapes)) {
      for (const point of pointsOf(outline)) {
        assert.ok(
          outlines.some((silhouette) => contains(silhouette, point)),
          `${base} reaches outside the figure at ${point.join(', ')}`,
        );
      }
    }
  });

  it('hides no region under the arm, which is drawn over the trunk', () => {
    const arm = pointsOf(sideArmSilhouette);
    for (const [base, outline] of Object.entries(sideShapes)) {
      const shape = { code: base, points: pointsOf(outline), path: '', centre: [0, 0] as const };
      if (sideArm.has(base)) {
        assert.ok(
          shape.points.every((point) => contains(arm, point)),
          `${base} reaches off the arm`,
        );
      } else {
        const armShape = { code: 'arm', points: arm, path: '', centre: [0, 0] as const };
        assert.equal(sharedPoints(shape, armShape), 0, `${base} lies under the arm`);
      }
    }
  });

  it('keeps the marks of neighbouring regions from covering each other', () => {
    // A mark is drawn as a badge 20 wide and 12 high about the region's mark place.
    for (const view of ['left', 'right'] as const) {
      const shapes = shapesOn(view);
      shapes.forEach((shape, index) => {
        for (const other of shapes.slice(index + 1)) {
          const apart =
            Math.abs(shape.centre[0] - other.centre[0]) >= 20 ||
            Math.abs(shape.centre[1] - other.centre[1]) >= 12;
          assert.ok(apart, `${shape.code} and ${other.code} (${view})`);
        }
      });
    }
  });
});

describe('every view', () => {
  it('keeps its regions apart, so a tap lands on one region only', () => {
    for (const view of views) {
      const shapes = shapesOn(view);
      shapes.forEach((shape, index) => {
        for (const other of shapes.slice(index + 1)) {
          assert.equal(
            sharedPoints(shape, other),
            0,
            `${shape.code} overlaps ${other.code} (${view})`,
          );
        }
      });
    }
  });

  it('puts each region’s marks inside the region', () => {
    for (const view of views) {
      for (const shape of shapesOn(view)) {
        assert.ok(contains(shape.points, shape.centre), `${shape.code} on the ${view} view`);
      }
    }
  });
});
