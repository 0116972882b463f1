import { z } from 'zod';
import type { HealthHistory } from './health-history.js';
import {
  describeAllergy,
  describeAllergySeverity,
  describeMedication,
  describeSurgeryOrInjury,
  ingredientName,
  regionList,
} from './health-history-labels.js';
import {
  conditionLabels,
  conditionStatusLabels,
  conversationLabels,
  medicationClassLabels,
  musicLabels,
  surgeryOrInjuryKindLabels,
  temperatureLabels,
  treeNutLabels,
  allergySubstanceLabels,
} from './health-history-vocabulary.js';
import { pressureLabels } from './notes.js';

/**
 * What changed between two versions of a health history, in words a therapist reads at a
 * glance ("Warfarin — Dose: 5 mg → 2.5 mg"), and structured so the chart can flag sections.
 * Serves "compare any two versions" and "what changed since the last visit".
 */
export const healthHistorySections = [
  'conditions',
  'medications',
  'allergies',
  'surgeriesAndInjuries',
  'pregnancy',
  'areasToAvoid',
  'preferences',
  'goals',
  'notes',
] as const;
export const HealthHistorySection = z.enum(healthHistorySections);
export type HealthHistorySection = z.infer<typeof HealthHistorySection>;

export const healthHistorySectionLabels: Record<HealthHistorySection, string> = {
  conditions: 'Conditions',
  medications: 'Medications',
  allergies: 'Allergies and sensitivities',
  surgeriesAndInjuries: 'Surgeries and injuries',
  pregnancy: 'Pregnancy',
  areasToAvoid: 'Areas to avoid',
  preferences: 'Preferences',
  goals: 'Goals for care',
  notes: 'Other notes',
};

export const HealthHistoryChange = z.object({
  section: HealthHistorySection,
  /** added/removed: a whole entry (or a value that was empty/is now empty); changed: a field. */
  kind: z.enum(['added', 'removed', 'changed']),
  /** The entry's id for list sections; null for pregnancy, preferences and notes. */
  itemId: z.string().nullable(),
  /** The field that changed (e.g. `dose`); null when a whole entry was added or removed. */
  field: z.string().nullable(),
  /** What a reader sees first: "Warfarin — Dose", or the entry itself when added/removed. */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type HealthHistoryChange = z.infer<typeof HealthHistoryChange>;

type Show<T> = (entry: T) => string | null;

interface FieldDescription<T> {
  field: string;
  label: string;
  show: Show<T>;
}

const text = (value: string | null): string | null => value;
const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
const listOrNull = (codes: readonly string[]) => (codes.length ? regionList(codes) : null);

const conditionFields: Array<FieldDescription<HealthHistory['conditions'][number]>> = [
  { field: 'name', label: 'Name', show: (entry) => entry.name },
  {
    field: 'code',
    label: 'Kind',
    show: (entry) => (entry.code ? conditionLabels[entry.code] : null),
  },
  { field: 'status', label: 'Status', show: (entry) => conditionStatusLabels[entry.status] },
  { field: 'onsetDate', label: 'Onset', show: (entry) => entry.onsetDate },
  { field: 'resolvedDate', label: 'Resolved', show: (entry) => entry.resolvedDate },
  { field: 'regions', label: 'Regions', show: (entry) => listOrNull(entry.regions) },
  { field: 'notes', label: 'Notes', show: (entry) => text(entry.notes) },
];

const medicationFields: Array<FieldDescription<HealthHistory['medications'][number]>> = [
  { field: 'name', label: 'Name', show: (entry) => entry.name },
  { field: 'class', label: 'Kind', show: (entry) => medicationClassLabels[entry.class] },
  { field: 'dose', label: 'Dose', show: (entry) => entry.dose },
  { field: 'reason', label: 'Taken for', show: (entry) => entry.reason },
];

const allergyFields: Array<FieldDescription<HealthHistory['allergies'][number]>> = [
  {
    field: 'substance',
    label: 'Substance',
    show: (entry) => allergySubstanceLabels[entry.substance],
  },
  { field: 'nut', label: 'Nut', show: (entry) => (entry.nut ? treeNutLabels[entry.nut] : null) },
  { field: 'oil', label: 'Oil', show: (entry) => (entry.oil ? ingredientName(entry.oil) : null) },
  { field: 'name', label: 'Name', show: (entry) => entry.name },
  { field: 'reaction', label: 'Reaction', show: (entry) => entry.reaction },
  { field: 'severity', label: 'Severity', show: (entry) => describeAllergySeverity(entry) },
];

const surgeryOrInjuryFields: Array<
  FieldDescription<HealthHistory['surgeriesAndInjuries'][number]>
> = [
  { field: 'kind', label: 'Kind', show: (entry) => surgeryOrInjuryKindLabels[entry.kind] },
  { field: 'description', label: 'Description', show: (entry) => entry.description },
  { field: 'date', label: 'Date', show: (entry) => entry.date },
  { field: 'regions', label: 'Regions', show: (entry) => listOrNull(entry.regions) },
  { field: 'notes', label: 'Notes', show: (entry) => entry.notes },
];

const areaFields: Array<FieldDescription<HealthHistory['areasToAvoid'][number]>> = [
  { field: 'regions', label: 'Regions', show: (entry) => regionList(entry.regions) },
  { field: 'reason', label: 'Reason', show: (entry) => entry.reason },
];

const goalFields: Array<FieldDescription<HealthHistory['goals'][number]>> = [
  { field: 'text', label: 'Goal', show: (entry) => entry.text },
];

const pregnancyFields: Array<FieldDescription<HealthHistory['pregnancy']>> = [
  { field: 'pregnant', label: 'Pregnant', show: (entry) => yesNo(entry.pregnant) },
  { field: 'dueDate', label: 'Due date', show: (entry) => entry.dueDate },
  { field: 'highRisk', label: 'High-risk pregnancy', show: (entry) => yesNo(entry.highRisk) },
];

const preferenceFields: Array<FieldDescription<HealthHistory['preferences']>> = [
  {
    field: 'pressure',
    label: 'Pressure',
    show: (entry) =>
      entry.pressure ? `${entry.pressure} (${pressureLabels[entry.pressure]})` : null,
  },
  {
    field: 'temperature',
    label: 'Temperature',
    show: (entry) => (entry.temperature ? temperatureLabels[entry.temperature] : null),
  },
  {
    field: 'music',
    label: 'Music',
    show: (entry) => (entry.music ? musicLabels[entry.music] : null),
  },
  {
    field: 'conversation',
    label: 'Conversation',
    show: (entry) => (entry.conversation ? conversationLabels[entry.conversation] : null),
  },
  { field: 'draping', label: 'Draping', show: (entry) => entry.draping },
  { field: 'notes', label: 'Other preferences', show: (entry) => entry.notes },
];

function compareFields<T>(
  section: HealthHistorySection,
  itemId: string | null,
  prefix: string,
  older: T,
  newer: T,
  fields: Array<FieldDescription<T>>,
): HealthHistoryChange[] {
  return fields.flatMap(({ field, label, show }): HealthHistoryChange[] => {
    const before = show(older);
    const after = show(newer);
    if (before === after) return [];
    const kind = before === null ? 'added' : after === null ? 'removed' : 'changed';
    return [{ section, kind, itemId, field, label: `${prefix}${label}`, before, after }];
  });
}

function compareList<T extends { id: string }>(
  section: HealthHistorySection,
  older: readonly T[],
  newer: readonly T[],
  describe: (entry: T) => string,
  name: (entry: T) => string,
  fields: Array<FieldDescription<T>>,
): HealthHistoryChange[] {
  const olderById = new Map(older.map((entry) => [entry.id, entry]));
  const newerIds = new Set(newer.map((entry) => entry.id));
  const changes: HealthHistoryChange[] = [];
  for (const entry of newer) {
    const previous = olderById.get(entry.id);
    if (!previous) {
      const label = describe(entry);
      changes.push({
        section,
        kind: 'added',
        itemId: entry.id,
        field: null,
        label,
        before: null,
        after: label,
      });
      continue;
    }
    const prefix = name(entry) ? `${name(entry)} — ` : '';
    changes.push(...compareFields(section, entry.id, prefix, previous, entry, fields));
  }
  for (const entry of older) {
    if (newerIds.has(entry.id)) continue;
    const label = describe(entry);
    changes.push({
      section,
      kind: 'removed',
      itemId: entry.id,
      field: null,
      label,
      before: label,
      after: null,
    });
  }
  return changes;
}

/**
 * Every difference from `older` to `newer`, in section order; within a list, entries in the
 * newer order, then removed ones. Entries are matched by id, so an edit stays an edit.
 */
export function compareHealthHistories(
  older: HealthHistory,
  newer: HealthHistory,
): HealthHistoryChange[] {
  return [
    ...compareList(
      'conditions',
      older.conditions,
      newer.conditions,
      (entry) => entry.name,
      (entry) => entry.name,
      conditionFields,
    ),
    ...compareList(
      'medications',
      older.medications,
      newer.medications,
      describeMedication,
      (entry) => entry.name,
      medicationFields,
    ),
    ...compareList(
      'allergies',
      older.allergies,
      newer.allergies,
      describeAllergy,
      describeAllergy,
      allergyFields,
    ),
    ...compareList(
      'surgeriesAndInjuries',
      older.surgeriesAndInjuries,
      newer.surgeriesAndInjuries,
      describeSurgeryOrInjury,
      (entry) => entry.description,
      surgeryOrInjuryFields,
    ),
    ...compareFields('pregnancy', null, '', older.pregnancy, newer.pregnancy, pregnancyFields),
    ...compareList(
      'areasToAvoid',
      older.areasToAvoid,
      newer.areasToAvoid,
      (entry) => `${regionList(entry.regions)}: ${entry.reason}`,
      (entry) => regionList(entry.regions),
      areaFields,
    ),
    ...compareFields(
      'preferences',
      null,
      '',
      older.preferences,
      newer.preferences,
      preferenceFields,
    ),
    ...compareList(
      'goals',
      older.goals,
      newer.goals,
      (entry) => entry.text,
      () => '',
      goalFields,
    ),
    ...compareFields('notes', null, '', { notes: older.notes }, { notes: newer.notes }, [
      { field: 'notes', label: 'Other notes', show: (entry) => entry.notes },
    ]),
  ];
}

/** The sections a list of changes touches, in section order: what the chart flags. */
export function changedSections(changes: readonly HealthHistoryChange[]): HealthHistorySection[] {
  const touched = new Set(changes.map((change) => change.section));
  return healthHistorySections.filter((section) => touched.has(section));
}
