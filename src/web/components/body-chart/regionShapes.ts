import {
  arc,
  centreOf,
  figureHeight,
  figureWidth,
  frontBackShapes,
  headSize,
  pointsOf,
  silhouetteHalves,
  type Point,
} from '../../../domain/body-figure.js';
import { bodyRegions, type BodyView } from '../../../domain/body-regions.js';
import { centroidOf, pathOf, type RegionShape } from './figureGeometry.js';
import {
  sideArm,
  sideArmSilhouette,
  sideMarkPlaces,
  sideShapes,
  sideSilhouette,
} from './sideShapes.js';

/**
 * The drawing of each body region. Front and back shapes are data shared with the record PDF
 * (domain/body-figure.ts), given for one side and mirrored for the other, so left and right
 * are the same shape by construction. Side shapes are given once, in profile (see
 * sideShapes.ts), and turned to face left or right. Simple polygons, placed where the muscles
 * are, are enough to point at; the region's name is what gets stored.
 */
const midline = figureWidth / 2;

/**
 * The side figure is centred on the page: its plumb line sits this far behind the middle, on
 * whichever side the back of the figure is.
 */
const sideOffset = 11;

/**
 * The part of the plane a view shows, with room at either edge for the words that say how
 * the figure is turned. A profile is narrower than the body seen from the front, so the side
 * views show less around it and draw it larger in the same space: their regions are narrow.
 */
export function viewBoxOf(view: BodyView): { x: number; width: number; height: number } {
  const margin = view === 'front' || view === 'back' ? 14 : -12;
  return { x: -margin, width: figureWidth + 2 * margin, height: figureHeight };
}

/** A paired region's code without its side (`deltoid_l` → `deltoid`). */
function baseOf(code: string): string {
  return /_[lr]$/.test(code) ? code.slice(0, -2) : code;
}

/** Where a point of an outline lands on a view's figure. */
function placer(view: BodyView, mirrored: boolean): (point: Point) => Point {
  switch (view) {
    case 'front':
    case 'back':
      return ([dx, y]) => [midline + (mirrored ? -dx : dx), y];
    // The client faces left on the left view, so forward is towards the page's left edge.
    case 'left':
      return ([forward, y]) => [midline + sideOffset - forward, y];
    case 'right':
      return ([forward, y]) => [midline - sideOffset + forward, y];
  }
}

/**
 * The shape of a region on a view, or undefined when that view does not show it. On the front
 * view the client faces you, so their right side is drawn on your left; on the back view their
 * right is on your right. A side view shows only its own side's regions and the midline ones.
 */
export function regionShape(
  region: { code: string; laterality: 'left' | 'right' | 'midline' },
  view: BodyView,
): RegionShape | undefined {
  const base = region.laterality === 'midline' ? region.code : baseOf(region.code);
  const side = view === 'left' || view === 'right';
  if (side && region.laterality !== 'midline' && region.laterality !== view) return undefined;
  const outline = side ? sideShapes[base] : frontBackShapes[view][base];
  if (!outline) return undefined;
  const mirrored =
    region.laterality !== 'midline' && (view === 'front') === (region.laterality === 'right');
  const points = pointsOf(outline).map(placer(view, mirrored));
  // Side shapes lean with the limbs, where the middle of the bounding box can miss the shape.
  const place = side ? sideMarkPlaces[base] : undefined;
  const centre = place
    ? placer(view, mirrored)(place)
    : side
      ? centroidOf(points)
      : centreOf(points);
  return { code: region.code, points, path: pathOf(points), centre };
}

/**
 * What a view draws, back to front: each layer's outline, then its regions over it. The side
 * views draw the arm as a second layer, over the trunk it hangs in front of.
 */
export interface FigureLayer {
  silhouette: string[];
  regions: RegionShape[];
}

export function figureLayers(view: BodyView): FigureLayer[] {
  const regions = bodyRegions.flatMap((region) => {
    const shape = region.views.includes(view) ? regionShape(region, view) : undefined;
    return shape ? [shape] : [];
  });
  if (view === 'front' || view === 'back') {
    const head = arc(headSize.cy, headSize.rx + 1, headSize.ry + 1, 0, 360, 36);
    const silhouette = [
      pathOf(pointsOf(head).map(placer(view, false))),
      ...silhouetteHalves.flatMap((half) => [
        pathOf(pointsOf(half).map(placer(view, false))),
        pathOf(pointsOf(half).map(placer(view, true))),
      ]),
    ];
    return [{ silhouette, regions }];
  }
  const place = placer(view, false);
  const onArm = (shape: RegionShape) => sideArm.has(baseOf(shape.code));
  return [
    {
      silhouette: [pathOf(pointsOf(sideSilhouette).map(place))],
      regions: regions.filter((shape) => !onArm(shape)),
    },
    {
      silhouette: [pathOf(pointsOf(sideArmSilhouette).map(place))],
      regions: regions.filter(onArm),
    },
  ];
}
