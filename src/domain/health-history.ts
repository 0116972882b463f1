import { z } from 'zod';
import { ingredientVocabulary } from './catalogue.js';
import { Invalid, type FieldIssue } from './errors.js';
import {
  AllergySeverity,
  AllergySubstance,
  ConditionCode,
  ConditionStatus,
  ConversationPreference,
  MedicationClass,
  MusicPreference,
  SurgeryOrInjuryKind,
  TemperaturePreference,
  TreeNut,
} from './health-history-vocabulary.js';
import { Pressure, RegionCode } from './notes.js';
import { CalendarDate, optionalText, requiredText } from './text.js';
import { daysBetween } from './time.js';

/**
 * One version of a client's health history: what the safety rules read and what the chart
 * shows. The store keeps every version with who saved it and when; this is the content alone.
 *
 * Every entry in a list carries an id made by the app (a UUID from the web or from
 * `Runtime.newId`) and kept across versions, so a changed dose compares as a change, not as
 * one medication removed and another added.
 */
export const HistoryItemId = z.uuid({ error: 'Must be a UUID made by the app.' });

const optionalDate = CalendarDate.nullish().transform((value) => value ?? null);
const regions = z.array(RegionCode).max(63, 'Must name at most 63 regions.');

export const HealthCondition = z
  .object({
    id: HistoryItemId,
    /** Null for a condition the rules do not know by code; `name` then says what it is. */
    code: ConditionCode.nullish().transform((value) => value ?? null),
    name: requiredText(120, 'Condition name'),
    status: ConditionStatus,
    onsetDate: optionalDate,
    resolvedDate: optionalDate,
    /** Where a local condition is (varicose veins, a skin infection), for the body chart. */
    regions: regions.default([]),
    notes: optionalText(1000),
  })
  .superRefine((condition, context) => {
    if (condition.resolvedDate && condition.status !== 'resolved') {
      context.addIssue({
        code: 'custom',
        path: ['resolvedDate'],
        message: 'Only a resolved condition has a resolved date.',
      });
    }
    if (
      condition.onsetDate &&
      condition.resolvedDate &&
      condition.resolvedDate < condition.onsetDate
    ) {
      context.addIssue({
        code: 'custom',
        path: ['resolvedDate'],
        message: 'Must not be before the onset date.',
      });
    }
  });
export type HealthCondition = z.infer<typeof HealthCondition>;

export const Medication = z.object({
  id: HistoryItemId,
  name: requiredText(120, 'Medication name'),
  class: MedicationClass,
  dose: optionalText(120),
  reason: optionalText(200),
});
export type Medication = z.infer<typeof Medication>;

const essentialOilCodes = new Set(
  ingredientVocabulary
    .filter((ingredient) => ingredient.groups.includes('essential_oil'))
    .map((ingredient) => ingredient.code),
);

export const Allergy = z
  .object({
    id: HistoryItemId,
    substance: AllergySubstance,
    /** Which tree nut, when the client knows; only for `tree_nut`. */
    nut: TreeNut.nullish().transform((value) => value ?? null),
    /** Which essential oil (an ingredient code such as `lavender_oil`); only for `essential_oil`. */
    oil: z
      .string()
      .refine((code) => essentialOilCodes.has(code), 'Unknown essential oil.')
      .nullish()
      .transform((value) => value ?? null),
    /** What exactly: required for a particular skin product or an "other" substance. */
    name: optionalText(120),
    reaction: optionalText(300),
    /** Null when the client does not know how severe a reaction would be. */
    severity: AllergySeverity.nullish().transform((value) => value ?? null),
  })
  .superRefine((allergy, context) => {
    if (allergy.nut && allergy.substance !== 'tree_nut') {
      context.addIssue({
        code: 'custom',
        path: ['nut'],
        message: 'Only a tree-nut allergy names a nut.',
      });
    }
    if (allergy.oil && allergy.substance !== 'essential_oil') {
      context.addIssue({
        code: 'custom',
        path: ['oil'],
        message: 'Only an essential-oil sensitivity names an oil.',
      });
    }
    if (
      !allergy.name &&
      (allergy.substance === 'topical_product' || allergy.substance === 'other')
    ) {
      context.addIssue({
        code: 'custom',
        path: ['name'],
        message:
          allergy.substance === 'topical_product' ? 'Name the product.' : 'Name the substance.',
      });
    }
  });
export type Allergy = z.infer<typeof Allergy>;

export const SurgeryOrInjury = z.object({
  id: HistoryItemId,
  kind: SurgeryOrInjuryKind,
  description: requiredText(200, 'Description'),
  /** Null when unknown: the "recent surgery/injury" rules cannot fire without a date. */
  date: optionalDate,
  regions: regions.default([]),
  notes: optionalText(1000),
});
export type SurgeryOrInjury = z.infer<typeof SurgeryOrInjury>;

export const Pregnancy = z
  .object({
    pregnant: z.boolean({ error: 'Answer yes or no.' }),
    dueDate: optionalDate,
    /** Complications (e.g. pre-eclampsia, placenta previa) that call for medical clearance. */
    highRisk: z.boolean().default(false),
  })
  .superRefine((pregnancy, context) => {
    if (!pregnancy.pregnant && pregnancy.dueDate) {
      context.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: 'Only a pregnancy has a due date.',
      });
    }
    if (!pregnancy.pregnant && pregnancy.highRisk) {
      context.addIssue({
        code: 'custom',
        path: ['highRisk'],
        message: 'Only a pregnancy can be high-risk.',
      });
    }
  });
export type Pregnancy = z.infer<typeof Pregnancy>;

export const AreaToAvoid = z.object({
  id: HistoryItemId,
  regions: regions.min(1, 'Mark at least one region.'),
  reason: requiredText(200, 'Reason'),
});
export type AreaToAvoid = z.infer<typeof AreaToAvoid>;

/** The client's comfort preferences; null means "not said". Pressure uses the note's 1–5. */
export const ComfortPreferences = z.object({
  pressure: Pressure.nullish().transform((value) => value ?? null),
  temperature: TemperaturePreference.nullish().transform((value) => value ?? null),
  music: MusicPreference.nullish().transform((value) => value ?? null),
  conversation: ConversationPreference.nullish().transform((value) => value ?? null),
  draping: optionalText(300),
  notes: optionalText(1000),
});
export type ComfortPreferences = z.infer<typeof ComfortPreferences>;

export const CareGoal = z.object({ id: HistoryItemId, text: requiredText(300, 'Goal') });
export type CareGoal = z.infer<typeof CareGoal>;

const noPreferences: ComfortPreferences = {
  pressure: null,
  temperature: null,
  music: null,
  conversation: null,
  draping: null,
  notes: null,
};

/** The sections that are lists of entries with ids. */
export const listSections = [
  'conditions',
  'medications',
  'allergies',
  'surgeriesAndInjuries',
  'areasToAvoid',
  'goals',
] as const;

export const HealthHistory = z
  .object({
    conditions: z.array(HealthCondition).max(50, 'Must list at most 50 conditions.').default([]),
    medications: z.array(Medication).max(50, 'Must list at most 50 medications.').default([]),
    allergies: z.array(Allergy).max(50, 'Must list at most 50 allergies.').default([]),
    surgeriesAndInjuries: z
      .array(SurgeryOrInjury)
      .max(50, 'Must list at most 50 surgeries and injuries.')
      .default([]),
    pregnancy: Pregnancy.default({ pregnant: false, dueDate: null, highRisk: false }),
    areasToAvoid: z.array(AreaToAvoid).max(40, 'Must list at most 40 areas.').default([]),
    preferences: ComfortPreferences.default(noPreferences),
    goals: z.array(CareGoal).max(20, 'Must list at most 20 goals.').default([]),
    /** Anything else the therapist should know that has no place above. */
    notes: optionalText(2000),
  })
  .superRefine((history, context) => {
    const seen = new Set<string>();
    for (const section of listSections) {
      history[section].forEach((entry, index) => {
        if (seen.has(entry.id)) {
          context.addIssue({
            code: 'custom',
            path: [section, index, 'id'],
            message: 'Each entry needs its own id.',
          });
        }
        seen.add(entry.id);
      });
    }
  });
export type HealthHistory = z.infer<typeof HealthHistory>;

/** A fresh, empty history (a new object each call, so callers never share its arrays). */
export function emptyHealthHistory(): HealthHistory {
  return HealthHistory.parse({});
}

/**
 * Checks that need today's date: past events cannot be in the future, and a due date more
 * than ten months away is a typing mistake. Paths match the schema's, like zod's issues.
 */
export function healthHistoryIssues(history: HealthHistory, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const notFuture = (date: string | null, field: string) => {
    if (date !== null && date > today)
      issues.push({ field, message: 'Must not be in the future.' });
  };
  history.conditions.forEach((condition, index) => {
    notFuture(condition.onsetDate, `conditions.${index}.onsetDate`);
    notFuture(condition.resolvedDate, `conditions.${index}.resolvedDate`);
  });
  history.surgeriesAndInjuries.forEach((entry, index) => {
    notFuture(entry.date, `surgeriesAndInjuries.${index}.date`);
  });
  const dueDate = history.pregnancy.dueDate;
  if (dueDate !== null && daysBetween(today, dueDate) > 300) {
    issues.push({ field: 'pregnancy.dueDate', message: 'Must be within the next ten months.' });
  }
  return issues;
}

/**
 * A history as saved: the schema's checks and the dated ones together, so no caller can store
 * one without the other. Throws Invalid with every field's message at once.
 */
export function validHealthHistory(input: unknown, today: string): HealthHistory {
  const parsed = HealthHistory.safeParse(input);
  if (!parsed.success) {
    throw new Invalid(
      'The health history has invalid fields.',
      parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || '(history)',
        message: issue.message,
      })),
    );
  }
  const issues = healthHistoryIssues(parsed.data, today);
  if (issues.length) throw new Invalid('The health history has invalid fields.', issues);
  return parsed.data;
}
