import { z } from 'zod';
import { isBodyRegionCode } from './body-regions.js';

/**
 * A client's progress as the charts read it: one entry per signed note, oldest first, with
 * pain before and after (0–10), the pain marks of its body chart by region, and the
 * techniques given with their pressure. Only signed notes count: a draft can still change, so
 * a chart drawn from it could show something the record never says.
 */

/** Body-chart pain intensity is coarse on purpose: 1 mild, 2 moderate, 3 severe. */
export const painIntensityLabels = ['', 'Mild', 'Moderate', 'Severe'] as const;

export const RegionPain = z.object({
  region: z.string(),
  intensity: z.number().int().min(1).max(3),
});
export type RegionPain = z.infer<typeof RegionPain>;

export const ProgressTechnique = z.object({
  technique: z.string(),
  minutes: z.number().int(),
  /** 1 light … 5 very firm. */
  pressure: z.number().int(),
  regions: z.array(z.string()),
});
export type ProgressTechnique = z.infer<typeof ProgressTechnique>;

export const ProgressSession = z.object({
  sessionId: z.string(),
  startsAt: z.string(),
  /** The practice's local date of service, `YYYY-MM-DD`. */
  serviceDate: z.string(),
  painBefore: z.number().int().nullable(),
  painAfter: z.number().int().nullable(),
  /** Regions marked as painful on the note's body chart, the strongest mark per region. */
  regionPain: z.array(RegionPain),
  techniques: z.array(ProgressTechnique),
});
export type ProgressSession = z.infer<typeof ProgressSession>;

export const ClientProgress = z.object({
  clientId: z.string(),
  /** Signed notes, oldest first. */
  sessions: z.array(ProgressSession),
});
export type ClientProgress = z.infer<typeof ClientProgress>;

/**
 * The pain marks of a stored body chart, one per region at its strongest intensity (a
 * therapist may mark a region twice, say front and side view), in the order first marked.
 * Marks that do not parse are skipped rather than failing the whole chart: the chart is read
 * from ten-year-old records, and one odd mark should not hide the rest.
 */
export function painMarksOf(bodyChart: unknown): RegionPain[] {
  if (!Array.isArray(bodyChart)) return [];
  const strongest = new Map<string, number>();
  // Checked by hand rather than by the BodyMark schema: this runs over every mark of 500 notes.
  for (const mark of bodyChart as Array<Partial<Record<string, unknown>> | null>) {
    if (mark?.kind !== 'pain') continue;
    const { region, intensity } = mark;
    if (typeof region !== 'string' || !isBodyRegionCode(region)) continue;
    if (intensity !== 1 && intensity !== 2 && intensity !== 3) continue;
    strongest.set(region, Math.max(strongest.get(region) ?? 0, intensity));
  }
  return [...strongest].map(([region, intensity]) => ({ region, intensity }));
}
