import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centreOf, frontBackCentre, frontBackShapes, pointsOf } from './body-figure.js';
import { bodyRegions } from './body-regions.js';

const baseOf = (code: string) => code.replace(/_[lr]$/, '');

describe('the body figure shared by the app and the record PDF', () => {
  it('places every region the app shows on the front or back on that view of the PDF', () => {
    for (const region of bodyRegions) {
      for (const view of ['front', 'back'] as const) {
        if (!region.views.includes(view)) continue;
        assert.ok(frontBackCentre(baseOf(region.code), view), `${region.code} on the ${view}`);
      }
    }
  });

  it('puts a region’s marks in the middle of the shape the app draws for it', () => {
    assert.deepEqual(frontBackCentre('pectorals', 'front'), [21, 101]);
    const moved = frontBackShapes.front['knee']!;
    assert.deepEqual(frontBackCentre('knee', 'front'), centreOf(pointsOf(moved)));
  });

  it('still places the regions the app draws only from the side, on the front at least', () => {
    const sideOnly = bodyRegions.filter(
      (region) => !region.views.includes('front') && !region.views.includes('back'),
    );
    assert.ok(sideOnly.length > 0);
    for (const region of sideOnly)
      assert.ok(frontBackCentre(baseOf(region.code), 'front'), region.code);
  });
});
