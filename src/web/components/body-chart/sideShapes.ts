import type { Outline } from '../../../domain/body-figure.js';

/**
 * The body seen from its side, in profile. Outlines are (forward, height) pairs: forward is
 * the distance in front of the plumb line through ear, shoulder, hip and ankle, so the same
 * outline faces left on the left view and right on the right view. The arm hangs a little
 * forward, as it does at rest, so the side of the chest, the waist and the hip stay in sight
 * behind it.
 */

/** A limb's centreline as (forward, height, half its width) at each joint. */
type Centreline = Array<readonly [number, number, number]>;

/** The limb's front and back halves, split along its centreline so they meet exactly. */
function limbHalves(centreline: Centreline): { front: Outline; back: Outline } {
  const frontEdge: number[][] = [];
  const backEdge: number[][] = [];
  centreline.forEach(([u, y, half], index) => {
    const before = centreline[Math.max(0, index - 1)] as Centreline[number];
    const after = centreline[Math.min(centreline.length - 1, index + 1)] as Centreline[number];
    const du = after[0] - before[0];
    const dy = after[1] - before[1];
    const length = Math.hypot(du, dy);
    // Turned a quarter from the limb's direction, towards the front.
    const [nu, ny] = [dy / length, -du / length];
    frontEdge.push([u + nu * half, y + ny * half]);
    backEdge.push([u - nu * half, y - ny * half]);
  });
  const middle = centreline.flatMap(([u, y]) => [u, y]);
  return {
    front: [...middle, ...frontEdge.reverse().flat()],
    back: [...middle, ...backEdge.reverse().flat()],
  };
}

/** The limb's whole outline: down its front, back up its back. */
function limbOutline(centreline: Centreline): Outline {
  const { front, back } = limbHalves(centreline);
  const middle = centreline.length * 2;
  const frontEdge = front.slice(middle);
  const backEdge = back.slice(middle);
  const downBack: number[] = [];
  for (let index = backEdge.length - 2; index >= 0; index -= 2) {
    downBack.push(backEdge[index] as number, backEdge[index + 1] as number);
  }
  return [...downBack, ...frontEdge];
}

const upperArm = limbHalves([
  [3, 123, 8.5],
  [9, 150, 8],
  [14, 175, 7],
]);
const forearm = limbHalves([
  [15, 181, 6.5],
  [26, 208, 6],
  [38, 236, 4.5],
]);

/** Shapes by region code without its side, as seen from that side. */
export const sideShapes: Record<string, Outline> = {
  head: [
    17, 21, 14, 15, 8, 11, -3, 9, -13, 12, -21, 20, -24, 32, -22, 41, -10, 42, -5, 38, 2, 29, 9, 22,
  ],
  face_jaw: [
    18, 24, 11, 25, 4, 31, -2, 40, 0, 52, 7, 56, 13, 56, 18, 53, 20, 46, 20, 42, 23, 38, 20, 31,
  ],
  suboccipitals: [-22, 44, -10, 45, -6, 51, -12, 56, -18, 53],
  posterior_neck: [-14, 59, -8, 54, -5.5, 60, -5.5, 72, -9, 71, -15, 67],
  anterior_neck: [-3.5, 54, 0, 56, 7, 59, 9, 60.5, 8, 63, 8, 70, 10, 76, 3, 79, -3.5, 73],
  upper_trapezius: [-15, 70, -8, 73, 0, 79, 6, 83, -4, 85, -13, 89, -22, 88, -18, 79],
  deltoid: [-12, 95, -4, 90, 6, 91, 13, 99, 15, 109, 12, 120, -5, 121, -10, 111],
  pectorals: [12, 80, 20, 86, 26, 97, 28, 109, 26, 123, 21, 135, 17, 124, 18, 106, 17, 95, 11, 87],
  rotator_cuff: [-24, 94, -15, 94, -13, 110, -8, 121, -14, 126, -27, 124, -27, 108],
  upper_arm_anterior: upperArm.front,
  upper_arm_posterior: upperArm.back,
  forearm_flexors: forearm.front,
  forearm_extensors: forearm.back,
  hand_wrist: [37, 243, 43, 241, 49, 250, 53, 262, 51, 272, 46, 273, 41, 262, 37, 251],
  latissimus: [-27, 129, -15, 129, -13, 150, -11, 176, -21, 179, -25, 158],
  ribs_intercostals: [-12, 128, -8, 126, -2, 150, 4, 172, -8, 177, -10, 150],
  abdomen: [3, 181, 7, 190, 12, 201, 16, 212, 16, 218, 3, 213, -6, 199, -7, 184],
  quadratus_lumborum: [-20, 183, -10, 181, -9, 196, -3, 208, -18, 211, -20, 198],
  lateral_hip: [-17, 214, 0, 212, 15, 218, 16, 236, 7, 252, -9, 255, -15, 241],
  gluteals: [
    -23, 216, -19, 216, -17, 242, -11, 257, -9, 262, -25, 283, -29, 268, -31, 248, -29, 232,
  ],
  it_band: [-8, 260, 6, 258, 8, 290, 6, 326, -4, 326, -6, 290],
  quadriceps: [18, 237, 21, 248, 21, 270, 19, 300, 15, 326, 8, 326, 10, 290, 9, 257],
  hamstrings: [-23, 292, -10, 270, -8, 292, -6, 326, -13, 331, -17, 312],
  knee: [-13, 334, 14, 330, 15, 338, 13, 352, 10, 362, -12, 362, -13, 350],
  shin: [13, 367, 13, 392, 11, 412, 9, 428, 4, 428, 3, 398, 4, 367],
  peroneals: [2, 367, 1, 398, 2, 428, -3, 428, -6, 400, -6, 367],
  calves: [-8, 368, -19, 368, -23, 381, -21, 396, -13, 418, -7, 428, -7, 400],
  foot_ankle: [8, 434, 16, 447, 26, 455, 32, 461, 32, 466, -11, 466, -13, 458, -10, 445, -7, 434],
};

/** The arm's regions, drawn over the trunk as the arm hangs in front of it. */
export const sideArm: ReadonlySet<string> = new Set([
  'deltoid',
  'upper_arm_anterior',
  'upper_arm_posterior',
  'forearm_flexors',
  'forearm_extensors',
  'hand_wrist',
]);

/** The outline drawn behind the regions: head, trunk and leg in one piece. */
export const sideSilhouette: Outline = [
  // Crown, face and throat
  -3, 7, 9, 9, 16, 14, 20, 23, 21, 31, 25, 37, 22, 41, 22, 46, 20, 52, 14, 57, 10, 61, 10, 70,
  // Chest, belly and the front of the leg
  13, 77, 20, 83, 27, 95, 30, 108, 28, 124, 23, 145, 22, 170, 24, 192, 24, 206, 20, 218, 23, 240,
  23, 270, 21, 300, 17, 326, 17, 338, 15, 353, 15, 366, 15, 392, 13, 412, 10, 430,
  // Foot
  18, 445, 28, 454, 34, 460, 34, 468, -13, 468, -15, 458, -12, 444, -10, 434,
  // Calf, thigh and buttock
  -14, 420, -23, 396, -25, 380, -21, 366, -15, 352, -15, 335, -19, 310, -24, 289, -30, 268, -32,
  248, -30, 230, -25, 214,
  // Back, neck and the back of the head
  -22, 198, -22, 182, -26, 160, -29, 138, -30, 118, -28, 100, -23, 87, -17, 75, -15, 62, -19, 54,
  -24, 44, -26, 32, -23, 19, -15, 10,
];

/** The arm's outline, drawn over the trunk's regions so the arm reads as in front. */
export const sideArmSilhouette: Outline = limbOutline([
  [-1, 87, 5],
  [0, 90, 11.5],
  [1, 98, 14.5],
  [2, 110, 13.5],
  [3, 123, 10],
  [9, 150, 9.5],
  [14, 176, 8.5],
  [26, 208, 7.5],
  [38, 236, 6],
  [43, 248, 8],
  [47, 261, 8.5],
  [48, 276, 3.5],
]);

/**
 * Where marks go where the middle of a region would put them over a neighbour's: the narrow
 * regions side by side across the neck, the chest, the thigh and the lower leg take turns
 * higher and lower, so marks on all of them can be read at once.
 */
export const sideMarkPlaces: Record<string, readonly [number, number]> = {
  suboccipitals: [-15, 48],
  posterior_neck: [-10, 60],
  anterior_neck: [2, 72],
  upper_trapezius: [-10, 84],
  pectorals: [23, 112],
  upper_arm_anterior: [9.5, 134],
  ribs_intercostals: [-6, 147],
  upper_arm_posterior: [7, 160],
  latissimus: [-17, 163],
  forearm_flexors: [24.5, 197],
  forearm_extensors: [29, 223],
  quadratus_lumborum: [-13, 192],
  abdomen: [4, 206],
  quadriceps: [15, 280],
  it_band: [1, 295],
  hamstrings: [-12, 310],
  shin: [8, 385],
  peroneals: [-1.5, 400],
  calves: [-15, 385],
};
