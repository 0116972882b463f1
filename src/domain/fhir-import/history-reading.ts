import type { FieldIssue } from '../errors.js';
import type {
  Allergy,
  AreaToAvoid,
  CareGoal,
  HealthCondition,
  Medication,
  Pregnancy,
  SurgeryOrInjury,
} from '../health-history.js';
import type { BundleEntry } from './bundle.js';
import { calendarDay, fhirDateProblem } from './fhir-dates.js';
import { isObject, objectsOf, textOf, type FhirObject } from './fhir-json.js';

/**
 * Conditions, allergies, medications, surgeries, a client's own goals, a pregnancy and areas
 * to avoid from another system as health-history entries. Entries carry no id yet: the plan gives one to those that are new
 * to the client's history.
 */
export type HistoryEntryDraft =
  | { section: 'conditions'; value: Omit<HealthCondition, 'id'> }
  | { section: 'medications'; value: Omit<Medication, 'id'> }
  | { section: 'allergies'; value: Omit<Allergy, 'id'> }
  | { section: 'surgeriesAndInjuries'; value: Omit<SurgeryOrInjury, 'id'> }
  | { section: 'goals'; value: Omit<CareGoal, 'id'> }
  | { section: 'areasToAvoid'; value: Omit<AreaToAvoid, 'id'> }
  | { section: 'pregnancy'; value: Pregnancy };

export type ImportedHistoryEntry = HistoryEntryDraft & {
  entryIndex: number;
  /** The resource within its source, e.g. `Condition/123`. */
  recordKey: string;
};

/** Why a resource is left out of the history, or the entry it becomes. */
export type HistoryReading =
  | { kind: 'entry'; entry: ImportedHistoryEntry; warnings: FieldIssue[] }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; errors: FieldIssue[] };

export const notesOf = (resource: FhirObject) =>
  objectsOf(resource['note']).map((note) => textOf(note['text']));

/** Checks each named date element and returns its calendar day (null when partial or absent). */
export function datesOf(
  entry: BundleEntry,
  elements: string[],
  errors: FieldIssue[],
): Record<string, string | null> {
  const days: Record<string, string | null> = {};
  for (const element of elements) {
    const [name, inner] = element.split('.') as [string, string | undefined];
    const holder = inner ? entry.resource[name] : entry.resource;
    const value = isObject(holder) ? holder[inner ?? name] : undefined;
    days[element] = null;
    if (value === undefined) continue;
    const problem = fhirDateProblem(value, 'dateTime');
    if (problem) errors.push({ field: `${entry.location}.${element}`, message: problem });
    else days[element] = calendarDay(value as string);
  }
  return days;
}
