/**
 * The plane every view is drawn in: a 200 × 470 figure whose middle is x = 100. Outlines are
 * flat lists of coordinate pairs (x1, y1, x2, y2, …), so they stay compact and readable.
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

export function pathOf(points: Point[]): string {
  return `M${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
}

/** The middle of the points' bounding box. */
export function centreOf(points: Point[]): Point {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** The polygon's centre of area, which stays inside a long, slanted shape. */
export function centroidOf(points: Point[]): Point {
  let area = 0;
  let x = 0;
  let y = 0;
  points.forEach(([x1, y1], index) => {
    const [x2, y2] = points[(index + 1) % points.length] as Point;
    const cross = x1 * y2 - x2 * y1;
    area += cross;
    x += (x1 + x2) * cross;
    y += (y1 + y2) * cross;
  });
  return [x / (3 * area), y / (3 * area)];
}

/** Whether a point lies inside a polygon (even-odd rule). */
export function contains(polygon: Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let index = 0, previous = polygon.length - 1; index < polygon.length; previous = index++) {
    const [xi, yi] = polygon[index] as Point;
    const [xj, yj] = polygon[previous] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface RegionShape {
  code: string;
  /** The outline in figure coordinates. */
  points: Point[];
  /** SVG path data of the outline. */
  path: string;
  /** Where the region's mark symbols go. */
  centre: Point;
}
