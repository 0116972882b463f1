import { bodyRegions, type BodyView } from '../../../domain/body-regions.js';
import {
  arc,
  centreOf,
  centroidOf,
  figureHeight,
  figureWidth,
  pathOf,
  pointsOf,
  type Outline,
  type Point,
  type RegionShape,
} from './figureGeometry.js';
import {
  sideArm,
  sideArmSilhouette,
  sideMarkPlaces,
  sideShapes,
  sideSilhouette,
} from './sideShapes.js';

/**
 * The drawing of each body region. Front and back shapes are given for one side as
 * (distance from the midline, height) pairs and mirrored for the other, so left and right are
 * the same shape by construction; midline regions span both sides. Side shapes are given once,
 * in profile (see sideShapes.ts), and turned to face left or right. Simple polygons, placed
 * where the muscles are, are enough to point at; the region's name is what gets stored.
 */
const midline = figureWidth / 2;

const headSize = { cy: 32, rx: 19, ry: 24 };
const upperArm: Outline = [46, 116, 59, 116, 62, 140, 62, 176, 50, 178, 46, 150, 44, 130];
const forearm: Outline = [50, 184, 63, 182, 68, 210, 72, 250, 62, 252, 56, 220];
const handWrist: Outline = [61, 257, 73, 255, 78, 272, 76, 292, 66, 296, 60, 280];
const deltoid: Outline = [41, 85, 48, 81, 57, 88, 61, 100, 59, 113, 47, 112, 43, 98];

/** Shapes by region code without its side (`upper_trapezius`), per view. */
const shapes: Record<'front' | 'back', Record<string, Outline>> = {
  front: {
    head: arc(headSize.cy, headSize.rx, headSize.ry, 180, 360),
    face_jaw: [0, headSize.cy, ...arc(headSize.cy, headSize.rx, headSize.ry, 0, 90)],
    anterior_neck: [0, 57, 10, 54.5, 12, 72, 0, 76],
    upper_trapezius: [11, 62, 13, 74, 40, 84, 47, 80, 28, 68],
    deltoid,
    pectorals: [2, 82, 14, 76, 38, 86, 40, 100, 36, 118, 22, 126, 2, 124],
    upper_arm_anterior: upperArm,
    forearm_flexors: forearm,
    hand_wrist: handWrist,
    ribs_intercostals: [25, 131, 38, 123, 40, 140, 37, 172, 25, 176],
    abdomen: [-21, 131, 21, 131, 23, 176, 21, 204, -21, 204, -23, 176],
    hip_flexors: [6, 210, 28, 208, 36, 217, 22, 238, 8, 232],
    adductors: [4, 244, 12, 240, 16, 256, 14, 300, 10, 318, 5, 296],
    quadriceps: [18, 246, 26, 242, 36, 232, 35, 290, 32, 326, 15, 326, 18, 300],
    it_band: [38, 227, 45, 236, 43, 290, 38, 326, 34, 326, 37, 290],
    knee: [14, 332, 34, 332, 35, 348, 32, 364, 16, 364, 12, 348],
    shin: [16, 370, 31, 370, 30, 400, 27, 428, 19, 428, 17, 400],
    foot_ankle: [17, 434, 29, 434, 33, 450, 34, 462, 14, 462, 15, 448],
  },
  back: {
    head: arc(headSize.cy, headSize.rx, headSize.ry, 150, 390),
    suboccipitals: [0, 44, ...arc(headSize.cy, headSize.rx, headSize.ry, 30, 90)],
    posterior_neck: [0, 58, 10, 54, 12, 76, 0, 80],
    upper_trapezius: [12, 62, 14, 78, 34, 88, 39, 84, 38, 77, 26, 69],
    levator_scapulae: [15, 82, 27, 87, 27, 94, 16, 93],
    deltoid,
    rotator_cuff: [23, 100, 38, 90, 42, 100, 40, 124, 30, 132, 23, 122],
    upper_arm_posterior: upperArm,
    forearm_extensors: forearm,
    hand_wrist: handWrist,
    thoracic_erectors: [1, 84, 8, 84, 8, 182, 1, 182],
    rhomboids: [10, 92, 21, 98, 21, 126, 10, 138],
    latissimus: [10, 142, 24, 135, 40, 128, 39, 152, 35, 181, 10, 181],
    lumbar_erectors: [1, 186, 10, 186, 10, 222, 1, 222],
    quadratus_lumborum: [12, 186, 34, 186, 37, 210, 33, 220, 12, 220],
    sacrum: [-11, 226, 11, 226, 8, 246, 0, 258, -8, 246],
    gluteals: [13, 225, 38, 220, 46, 238, 45, 262, 36, 278, 3, 280, 2, 262, 10, 248],
    hamstrings: [4, 284, 34, 284, 34, 310, 30, 352, 12, 352, 6, 320],
    it_band: [37, 282, 45, 276, 42, 320, 38, 352, 33, 352, 36, 312],
    calves: [14, 364, 32, 364, 34, 390, 28, 424, 18, 424, 13, 392],
    foot_ankle: [17, 432, 29, 432, 31, 448, 28, 462, 17, 462, 15, 448],
  },
};

/** The outline drawn behind the regions: trunk and legs, and an arm, for each side. */
const silhouetteHalves: Outline[] = [
  [
    0, 50, 11, 51, 12, 72, 42, 80, 53, 85, 45, 118, 41, 150, 37, 190, 43, 215, 47, 238, 45, 300, 39,
    332, 36, 352, 33, 372, 32, 402, 30, 430, 36, 464, 12, 464, 13, 432, 14, 402, 11, 352, 8, 322, 3,
    254, 0, 250,
  ],
  [
    43, 84, 57, 86, 63, 100, 64, 176, 70, 210, 74, 250, 80, 272, 78, 294, 65, 299, 58, 280, 59, 257,
    54, 222, 48, 184, 44, 150, 42, 116,
  ],
];

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
  const outline = side ? sideShapes[base] : shapes[view][base];
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
