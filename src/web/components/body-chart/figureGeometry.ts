import type { Point } from '../../../domain/body-figure.js';

/**
 * Geometry the screen needs beyond the shared figure (domain/body-figure.ts): SVG paths, a
 * slanted shape's centre of area, and hit testing.
 */
export function pathOf(points: Point[]): string {
  return `M${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
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
