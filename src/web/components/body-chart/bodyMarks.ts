import { bodyRegion } from '../../../domain/body-regions.js';
import { markKinds, type BodyMark, type MarkKind } from '../../../domain/notes.js';
import { intensityLabels } from './markStyles.js';

export type Intensity = 1 | 2 | 3;

/**
 * Tapping a region with a kind chosen: adds the mark, or changes its intensity, or (tapped
 * again with the same intensity) takes it away. A region may carry several kinds at once.
 */
export function toggleMark(
  marks: BodyMark[],
  region: string,
  kind: MarkKind,
  intensity: Intensity,
): { marks: BodyMark[]; change: 'added' | 'changed' | 'removed' } {
  const existing = marks.find((mark) => mark.region === region && mark.kind === kind);
  if (!existing) return { marks: [...marks, { region, kind, intensity }], change: 'added' };
  if (existing.intensity === intensity) {
    return { marks: marks.filter((mark) => mark !== existing), change: 'removed' };
  }
  return {
    marks: marks.map((mark) => (mark === existing ? { ...mark, intensity } : mark)),
    change: 'changed',
  };
}

/** Adds the mark, or sets its intensity when the region already has that kind. */
export function setMark(marks: BodyMark[], mark: BodyMark): BodyMark[] {
  const others = marks.filter(
    (other) => !(other.region === mark.region && other.kind === mark.kind),
  );
  return [...others, mark];
}

export function regionLabel(code: string): string {
  return bodyRegion(code)?.label ?? code;
}

/** The kinds as said in a sentence ("Neck, left: tension, moderate"). */
export const spokenKinds: Record<MarkKind, string> = {
  pain: 'pain',
  tension: 'tension',
  trigger_point: 'trigger point',
  numbness: 'numbness or tingling',
  treated: 'treated',
  avoid: 'avoid',
};

/** "tension, moderate" */
export function describeMark(mark: Pick<BodyMark, 'kind' | 'intensity'>): string {
  return `${spokenKinds[mark.kind]}, ${intensityLabels[mark.intensity] ?? ''}`;
}

/** "Upper trapezius, left: tension, moderate; pain, mild", or "…: no marks". */
export function describeRegion(code: string, marks: BodyMark[]): string {
  const here = marksIn(code, marks);
  const said = here.length === 0 ? 'no marks' : here.map(describeMark).join('; ');
  return `${regionLabel(code)}: ${said}`;
}

/** A region's marks in the fixed order of kinds, so drawings and lists read the same. */
export function marksIn(code: string, marks: BodyMark[]): BodyMark[] {
  return marks
    .filter((mark) => mark.region === code)
    .sort((a, b) => markKinds.indexOf(a.kind) - markKinds.indexOf(b.kind));
}
