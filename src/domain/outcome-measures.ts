import { z } from 'zod';
import { optionalText, requiredText } from './text.js';

/**
 * Outcome measures: what a therapist scores over time to see whether a client is getting
 * better. Two are built in (the Patient-Specific Functional Scale and the numeric pain rating);
 * the practice defines its own (headache days a week, cervical rotation in degrees, sleep
 * quality). A definition is versioned: once scores exist for a version, a change makes the
 * next version, and every score keeps the version it was recorded with, so its meaning —
 * range, direction, minimal important change — never shifts under it.
 */

export const Better = z.enum(['higher', 'lower'], { error: 'Must be higher or lower.' });
export type Better = z.infer<typeof Better>;

/** Who can give a score: the client themselves (from a link too), or only a clinician. */
export const ReportedBy = z.enum(['client', 'staff'], { error: 'Must be client or staff.' });
export type ReportedBy = z.infer<typeof ReportedBy>;

const boundary = z
  .number({ error: 'Must be a number.' })
  .min(-1_000_000, 'Must be at least -1,000,000.')
  .max(1_000_000, 'Must be at most 1,000,000.');

/** What a score means: the fields that make a new version once scores exist. */
export const MeasureDefinitionInput = z
  .object({
    name: requiredText(80, 'Name'),
    /** e.g. "days a week", "degrees"; null for a plain score. */
    unit: optionalText(30),
    min: boundary,
    max: boundary,
    better: Better,
    /** The smallest change a client would notice as a real difference (MCID). */
    minimalImportantChange: z
      .number({ error: 'Must be a number.' })
      .positive('Must be more than 0.'),
    /** Decimal places a score may have: 0 for whole numbers. */
    decimals: z
      .number({ error: 'Must be 0, 1 or 2.' })
      .int('Must be 0, 1 or 2.')
      .min(0, 'Must be 0, 1 or 2.')
      .max(2, 'Must be 0, 1 or 2.')
      .default(0),
    /** What the client is asked on their phone, e.g. "How many days last week…". */
    question: optionalText(300),
  })
  .superRefine((definition, context) => {
    if (definition.max <= definition.min) {
      context.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'Must be more than the minimum.',
      });
    } else if (definition.minimalImportantChange > definition.max - definition.min) {
      context.addIssue({
        code: 'custom',
        path: ['minimalImportantChange'],
        message: 'Must fit within the range.',
      });
    }
  });
export type MeasureDefinitionInput = z.infer<typeof MeasureDefinitionInput>;

export const MeasureInput = z.object({
  definition: MeasureDefinitionInput,
  reportedBy: ReportedBy.default('client'),
});
export type MeasureInput = z.infer<typeof MeasureInput>;

/** One version of a definition, as scores recorded with it read it. */
export const MeasureDefinition = z.object({
  number: z.number().int().min(1),
  name: z.string(),
  unit: z.string().nullable(),
  min: z.number(),
  max: z.number(),
  better: Better,
  minimalImportantChange: z.number(),
  decimals: z.number().int(),
  question: z.string().nullable(),
  createdAt: z.string(),
});
export type MeasureDefinition = z.infer<typeof MeasureDefinition>;

export const MeasureView = z.object({
  id: z.string(),
  builtIn: z.boolean(),
  /** PSFS: the client's own activities, each scored apart. */
  perActivity: z.boolean(),
  reportedBy: ReportedBy,
  /** The version new scores are recorded with. */
  currentNumber: z.number().int().min(1),
  /** Every version, oldest first. */
  definitions: z.array(MeasureDefinition).min(1),
  retiredAt: z.string().nullable(),
  /** The ETag of the record (changes with any edit, retiring included). */
  version: z.number().int(),
});
export type MeasureView = z.infer<typeof MeasureView>;

export const psfsMeasureId = 'psfs';
export const painMeasureId = 'nprs';
/** Stratford et al. (1995): a client names up to five activities they find hard. */
export const maxActivePsfsActivities = 5;

const builtInSince = '2026-11-30T00:00:00.000Z';

/**
 * Shipped with every practice and never changed (a change would be a new built-in). MCIDs:
 * PSFS about 2 points per activity (Horn et al. 2012); NPRS about 2 points (Farrar et al. 2001).
 */
export const builtInMeasures: MeasureView[] = [
  {
    id: psfsMeasureId,
    builtIn: true,
    perActivity: true,
    reportedBy: 'client',
    currentNumber: 1,
    definitions: [
      {
        number: 1,
        name: 'Patient-Specific Functional Scale',
        unit: null,
        min: 0,
        max: 10,
        better: 'higher',
        minimalImportantChange: 2,
        decimals: 0,
        question:
          'How able are you to do this activity today? 0 means unable to do it, 10 means able to do it as well as before.',
        createdAt: builtInSince,
      },
    ],
    retiredAt: null,
    version: 1,
  },
  {
    id: painMeasureId,
    builtIn: true,
    perActivity: false,
    reportedBy: 'client',
    currentNumber: 1,
    definitions: [
      {
        number: 1,
        name: 'Pain now (0–10)',
        unit: null,
        min: 0,
        max: 10,
        better: 'lower',
        minimalImportantChange: 2,
        decimals: 0,
        question: 'How much pain do you have right now? 0 is no pain, 10 the worst imaginable.',
        createdAt: builtInSince,
      },
    ],
    retiredAt: null,
    version: 1,
  },
];

export function isBuiltInMeasure(id: string): boolean {
  return builtInMeasures.some((measure) => measure.id === id);
}

/** The definition a version number names, or undefined. */
export function definitionOf(measure: MeasureView, number: number): MeasureDefinition | undefined {
  return measure.definitions.find((definition) => definition.number === number);
}

export function currentDefinition(measure: MeasureView): MeasureDefinition {
  return definitionOf(measure, measure.currentNumber) ?? measure.definitions.at(-1)!;
}

const meaningFields = [
  'name',
  'unit',
  'min',
  'max',
  'better',
  'minimalImportantChange',
  'decimals',
  'question',
] as const;

/** The fields of a definition an edit changes; empty when it changes none. */
export function changedDefinitionFields(
  current: Omit<MeasureDefinition, 'number' | 'createdAt'>,
  proposed: MeasureDefinitionInput,
): Array<(typeof meaningFields)[number]> {
  return meaningFields.filter((field) => current[field] !== proposed[field]);
}

/**
 * What an edit of a definition does: nothing when no field changed; the current version is
 * corrected in place while no score uses it; otherwise it makes the next version.
 */
export function definitionChange(
  changedFields: readonly string[],
  currentVersionHasScores: boolean,
): 'none' | 'in_place' | 'new_version' {
  if (changedFields.length === 0) return 'none';
  return currentVersionHasScores ? 'new_version' : 'in_place';
}

/**
 * Two versions whose scores can sit on one line: same range, direction and unit. Progress
 * toward a goal reads only scores on the scale its target was set on.
 */
export function sameScale(a: MeasureDefinition, b: MeasureDefinition): boolean {
  return a.min === b.min && a.max === b.max && a.better === b.better && a.unit === b.unit;
}

/** "from 0 to 10", "from 0 to 7 days a week" */
export function rangeText(definition: Pick<MeasureDefinition, 'min' | 'max' | 'unit'>): string {
  return `from ${definition.min} to ${definition.max}${definition.unit ? ` ${definition.unit}` : ''}`;
}

/** The message for a value a definition does not allow, or null when it is allowed. */
export function valueIssue(
  value: number,
  definition: Pick<MeasureDefinition, 'min' | 'max' | 'unit' | 'decimals'>,
): string | null {
  if (!Number.isFinite(value)) return 'Must be a number.';
  if (value < definition.min || value > definition.max) return `Must be ${rangeText(definition)}.`;
  const scaled = value * 10 ** definition.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-9) {
    return definition.decimals === 0
      ? 'Must be a whole number.'
      : `Must have at most ${definition.decimals} decimal place${definition.decimals === 1 ? '' : 's'}.`;
  }
  return null;
}

/** One of the client's PSFS activities, e.g. "turning my head to reverse the car". */
export const PsfsActivity = z.object({
  id: z.string(),
  clientId: z.string(),
  description: z.string(),
  createdAt: z.string(),
  /** Null when the client named it through their link. */
  createdBy: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type PsfsActivity = z.infer<typeof PsfsActivity>;

export const PsfsActivityDescription = requiredText(120, 'Activity');
export const PsfsActivityInput = z.object({ description: PsfsActivityDescription });

export const ScoreSource = z.enum(['staff', 'client_link']);
export type ScoreSource = z.infer<typeof ScoreSource>;

/**
 * A score as recorded. Scores are never changed or deleted: a correction is a new score that
 * names the one it corrects (`correctsId`) with a reason, keeps its measure version, activity,
 * session and `recordedAt`, and carries its own `enteredAt`; a null value strikes the
 * original out as entered in error. `recordedAt` is when the measurement was taken.
 */
export const MeasureScore = z.object({
  id: z.string(),
  clientId: z.string(),
  measureId: z.string(),
  measureVersion: z.number().int(),
  activityId: z.string().nullable(),
  value: z.number().nullable(),
  sessionId: z.string().nullable(),
  recordedAt: z.string(),
  enteredAt: z.string(),
  /** Null for a score the client sent through their link. */
  recordedBy: z.string().nullable(),
  source: ScoreSource,
  correctsId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type MeasureScore = z.infer<typeof MeasureScore>;
