import { bodyRegion, type BodyView } from '../../../domain/body-regions.js';
import type { BodyMark } from '../../../domain/notes.js';

/**
 * The chart shows its views two at a time, so each pair fits a tablet at a size a finger can
 * hit: front and back together, or both sides together to compare left with right.
 */
export type ViewPair = 'front_back' | 'sides';

export const viewPairs: Record<ViewPair, { label: string; views: [BodyView, BodyView] }> = {
  front_back: { label: 'Front and back', views: ['front', 'back'] },
  sides: { label: 'Left and right sides', views: ['left', 'right'] },
};

function shownOn(mark: BodyMark, views: readonly BodyView[]): boolean {
  const region = bodyRegion(mark.region);
  return region !== undefined && region.views.some((view) => views.includes(view));
}

/** Marks whose region none of these views draws, so the chart can say where they are. */
export function marksOutOfView(marks: BodyMark[], views: readonly BodyView[]): BodyMark[] {
  return marks.filter((mark) => !shownOn(mark, views));
}

/**
 * The views a read-only chart draws: front and back always, and a side view only when a mark
 * sits on a region that only that side shows (the lateral hip, the peroneals), so a signed
 * note stays compact and still draws every mark.
 */
export function readOnlyViews(marks: BodyMark[]): BodyView[] {
  const hidden = marksOutOfView(marks, viewPairs.front_back.views);
  const sides = viewPairs.sides.views.filter((view) =>
    hidden.some((mark) => shownOn(mark, [view])),
  );
  return [...viewPairs.front_back.views, ...sides];
}
