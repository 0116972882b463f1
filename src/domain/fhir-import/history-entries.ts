import { foldForSearch } from '../text.js';
import type { BundleEntry, BundleReading } from './bundle.js';
import type { FhirObject } from './fhir-json.js';
import { readAllergy, readGoal, readMedication } from './history-allergies.js';
import { readCondition, readSurgery } from './history-conditions.js';
import {
  isPalpateAreaToAvoid,
  isPregnancy,
  readAreaToAvoid,
  readPregnancy,
} from './history-pregnancy-areas.js';
import { isPalpateHistoryEntry, isSurgicalHistory } from './palpate-vocabulary.js';
import type { HistoryEntryDraft, HistoryReading } from './history-reading.js';

export type { HistoryEntryDraft, HistoryReading, ImportedHistoryEntry } from './history-reading.js';

const historyTypes = new Set([
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
  'MedicationRequest',
]);

/**
 * Whether a resource belongs in the health history rather than in the history from other
 * providers: conditions, allergies and medications, a surgery, and a client's own goal and
 * area to avoid as Palpate exports them (another clinician's care-plan goals and flags are
 * theirs, not the client's).
 */
export function isHistoryResource(resource: FhirObject): boolean {
  const type = resource['resourceType'];
  if (typeof type !== 'string') return false;
  if (historyTypes.has(type)) return true;
  if (type === 'Procedure') return isSurgicalHistory(resource);
  // A goal the client set, not a care-plan goal of another clinician.
  if (type === 'Goal') return isPalpateHistoryEntry(resource);
  if (type === 'Flag') return isPalpateAreaToAvoid(resource);
  return false;
}

export function readHistoryEntry(
  entry: BundleEntry,
  recordKey: string,
  bundle: BundleReading,
  today: string,
): HistoryReading {
  switch (entry.resourceType) {
    case 'Condition':
      return isPregnancy(entry.resource)
        ? readPregnancy(entry, recordKey, today)
        : readCondition(entry, recordKey, today);
    case 'Flag':
      return readAreaToAvoid(entry, recordKey);
    case 'Procedure':
      return readSurgery(entry, recordKey, today);
    case 'AllergyIntolerance':
      return readAllergy(entry, recordKey);
    case 'Goal':
      return readGoal(entry, recordKey);
    default:
      return readMedication(entry, recordKey, bundle);
  }
}

/**
 * What makes an imported entry the same as one already in the history, so importing a
 * medication the client already listed at intake adds nothing.
 */
export function sameEntryKey(draft: HistoryEntryDraft): string {
  switch (draft.section) {
    case 'conditions': {
      const status =
        draft.value.status === 'resolved' ? `resolved|${draft.value.onsetDate ?? ''}` : 'current';
      return `condition|${foldForSearch(draft.value.name)}|${status}`;
    }
    case 'medications':
      return `medication|${foldForSearch(draft.value.name)}`;
    case 'allergies':
      return `allergy|${draft.value.substance}|${draft.value.nut ?? ''}|${foldForSearch(draft.value.name ?? '')}`;
    case 'surgeriesAndInjuries':
      return `injury|${draft.value.kind}|${foldForSearch(draft.value.description)}|${draft.value.date ?? ''}`;
    case 'goals':
      return `goal|${foldForSearch(draft.value.text)}`;
    case 'areasToAvoid':
      return `avoid|${[...draft.value.regions].sort().join(',')}|${foldForSearch(draft.value.reason)}`;
    // A history holds one pregnancy: a second one from the source is the same pregnancy.
    case 'pregnancy':
      return 'pregnancy';
  }
}
