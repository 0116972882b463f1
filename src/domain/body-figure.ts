/**
 * The body chart's figure as data: the plane every view is drawn in (a 200 × 470 figure whose
 * middle is x = 100), the outline behind the regions, and each region's shape on the front and
 * back views. The app draws these on screen and the record PDF draws them on paper, so a
 * region moved here moves in both. Front and back shapes are given for one side as (distance
 * from the midline, height) pairs and mirrored for the other; midline regions span both
 * sides. Outlines are flat lists of coordinate pairs (x1, y1, x2, y2, …), compact and
 * readable. The side views' shapes are the app's alone (web/components/body-chart).
 */
export type Point = readonly [number, number];
export type Outline = number[];

export const figureWidth = 200;
export const figureHeight = 470;

/** Points along an ellipse from one angle to another (degrees, y downwards). */
export function arc(
  cy: number,
  rx: number,
  ry: number,
  from: number,
  to: number,
  steps = 10,
): Outline {
  return Array.from({ length: steps + 1 }, (_, index) => {
    const angle = ((from + ((to - from) * index) / steps) * Math.PI) / 180;
    return [rx * Math.cos(angle), cy + ry * Math.sin(angle)];
  }).flat();
}

export function pointsOf(outline: Outline): Point[] {
  const points: Point[] = [];
  for (let index = 0; index + 1 < outline.length; index += 2) {
    points.push([outline[index] as number, outline[index + 1] as number]);
  }
  return points;
}

/** The middle of the points' bounding box. */
export function centreOf(points: Point[]): Point {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

export const headSize = { cy: 32, rx: 19, ry: 24 };
const upperArm: Outline = [46, 116, 59, 116, 62, 140, 62, 176, 50, 178, 46, 150, 44, 130];
const forearm: Outline = [50, 184, 63, 182, 68, 210, 72, 250, 62, 252, 56, 220];
const handWrist: Outline = [61, 257, 73, 255, 78, 272, 76, 292, 66, 296, 60, 280];
const deltoid: Outline = [41, 85, 48, 81, 57, 88, 61, 100, 59, 113, 47, 112, 43, 98];

/** Shapes by region code without its side (`upper_trapezius`), per view. */
export const frontBackShapes: Record<'front' | 'back', Record<string, Outline>> = {
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
export const silhouetteHalves: Outline[] = [
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
 * Regions the app draws only on the side views, placed where they would show on the front and
 * back, for a drawing that has only those two (the record PDF).
 */
const sideOnlyPlaces: Record<string, Partial<Record<'front' | 'back', Point>>> = {
  lateral_hip: { front: [43, 222], back: [43, 222] },
  peroneals: { front: [31, 400] },
};

/**
 * Where a region's marks go on the front or back view, as (distance from the midline towards
 * the side the unmirrored shape is on, height); undefined when that view does not show it.
 */
export function frontBackCentre(base: string, view: 'front' | 'back'): Point | undefined {
  const outline = frontBackShapes[view][base];
  return outline ? centreOf(pointsOf(outline)) : sideOnlyPlaces[base]?.[view];
}
