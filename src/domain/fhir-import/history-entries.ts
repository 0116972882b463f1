import type { FieldIssue } from '../errors.js';
import type { Allergy, HealthCondition, Medication, SurgeryOrInjury } from '../health-history.js';
import { guessInjuryKind, guessMedicationClass } from '../health-history-guesses.js';
import type { AllergySeverity } from '../health-history-vocabulary.js';
import { foldForSearch } from '../text.js';
import type { BundleEntry, BundleReading } from './bundle.js';
import { guessAllergy, guessConditionCode } from './clinical-vocabulary.js';
import { calendarDay, fhirDateProblem } from './fhir-dates.js';
import {
  clip,
  codingsOf,
  conceptText,
  firstCode,
  isObject,
  joinParts,
  objectsOf,
  textOf,
  type FhirObject,
} from './fhir-json.js';

/**
 * Conditions, allergies and medications from another system as health-history entries. An
 * injury written as a Condition (Synthea's "Sprain of ankle") becomes a surgery-or-injury
 * entry, since that is where the recent-injury rules look. Entries carry no id yet: the plan
 * gives one to those that are new to the client's history.
 */
export type HistoryEntryDraft =
  | { section: 'conditions'; value: Omit<HealthCondition, 'id'> }
  | { section: 'medications'; value: Omit<Medication, 'id'> }
  | { section: 'allergies'; value: Omit<Allergy, 'id'> }
  | { section: 'surgeriesAndInjuries'; value: Omit<SurgeryOrInjury, 'id'> };

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

/** Checks each named date element and returns its calendar day (null when partial or absent). */
function datesOf(
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

const notes = (resource: FhirObject) =>
  objectsOf(resource['note']).map((note) => textOf(note['text']));

function readCondition(entry: BundleEntry, recordKey: string, today: string): HistoryReading {
  const resource = entry.resource;
  const verification = firstCode(resource['verificationStatus']);
  if (verification === 'refuted' || verification === 'entered-in-error') {
    return { kind: 'ignored', reason: `Marked ${verification} in the source.` };
  }
  const name = conceptText(resource['code']);
  if (!name) return { kind: 'ignored', reason: 'No code or text says what the condition is.' };
  const errors: FieldIssue[] = [];
  const days = datesOf(
    entry,
    ['onsetDateTime', 'abatementDateTime', 'onsetPeriod.start', 'recordedDate'],
    errors,
  );
  if (errors.length) return { kind: 'invalid', errors };
  const warnings: FieldIssue[] = [];
  const clinical = firstCode(resource['clinicalStatus']);
  const resolved =
    clinical === 'resolved' ||
    clinical === 'inactive' ||
    clinical === 'remission' ||
    (clinical === null && resource['abatementDateTime'] !== undefined);
  let onsetDate = days['onsetDateTime'] ?? days['onsetPeriod.start'] ?? null;
  let resolvedDate = resolved ? (days['abatementDateTime'] ?? null) : null;
  const dropFuture = (date: string | null, element: string) => {
    if (date === null || date <= today) return date;
    warnings.push({
      field: `${entry.location}.${element}`,
      message: `${date} is in the future; the entry is imported without it.`,
    });
    return null;
  };
  onsetDate = dropFuture(onsetDate, 'onsetDateTime');
  resolvedDate = dropFuture(resolvedDate, 'abatementDateTime');
  if (onsetDate && resolvedDate && resolvedDate < onsetDate) resolvedDate = null;
  const bodySites = objectsOf(resource['bodySite']).map(conceptText);
  const detail = joinParts([
    name.length > 120 ? name : null,
    bodySites.length ? `Body site: ${joinParts(bodySites, ', ')}` : null,
    conceptText(resource['severity']) ? `Severity: ${conceptText(resource['severity'])}` : null,
    clinical && !['active', 'resolved'].includes(clinical)
      ? `Status in the source: ${clinical}`
      : null,
    ...notes(resource),
  ]);

  if (guessInjuryKind(name) !== 'other_injury') {
    return {
      kind: 'entry',
      warnings,
      entry: {
        entryIndex: entry.index,
        recordKey,
        section: 'surgeriesAndInjuries',
        value: {
          kind: guessInjuryKind(name),
          description: clip(name, 200),
          date: onsetDate,
          regions: [],
          notes: detail ? clip(detail, 1000) : null,
        },
      },
    };
  }
  return {
    kind: 'entry',
    warnings,
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'conditions',
      value: {
        code: guessConditionCode(name, codingsOf(resource['code'])),
        name: clip(name, 120),
        status: resolved ? 'resolved' : 'active',
        onsetDate,
        resolvedDate,
        regions: [],
        notes: detail ? clip(detail, 1000) : null,
      },
    },
  };
}

const severityOrder: AllergySeverity[] = ['mild', 'moderate', 'severe'];

function readAllergy(entry: BundleEntry, recordKey: string): HistoryReading {
  const resource = entry.resource;
  const verification = firstCode(resource['verificationStatus']);
  if (verification === 'refuted' || verification === 'entered-in-error') {
    return { kind: 'ignored', reason: `Marked ${verification} in the source.` };
  }
  const clinical = firstCode(resource['clinicalStatus']);
  if (clinical === 'inactive' || clinical === 'resolved') {
    return { kind: 'ignored', reason: `No longer active in the source (${clinical}).` };
  }
  const errors: FieldIssue[] = [];
  datesOf(entry, ['onsetDateTime', 'recordedDate', 'lastOccurrence'], errors);
  if (errors.length) return { kind: 'invalid', errors };
  const text = conceptText(resource['code']);
  if (!text) return { kind: 'ignored', reason: 'No code or text says what the allergy is to.' };
  const reactions = objectsOf(resource['reaction']);
  const manifestations = reactions.flatMap((reaction) =>
    objectsOf(reaction['manifestation']).map(conceptText),
  );
  const anaphylaxis = manifestations.some((text) => text && /anaphyla/i.test(text));
  const worst = reactions
    .map((reaction) => severityOrder.indexOf(textOf(reaction['severity']) as AllergySeverity))
    .reduce((most, index) => Math.max(most, index), -1);
  const criticality = textOf(resource['criticality']);
  const reaction = joinParts([
    joinParts(manifestations, ', '),
    ...reactions.map((entry) => textOf(entry['description'])),
    criticality === 'high' ? 'Criticality high in the source' : null,
  ]);
  const guess = guessAllergy(text);
  return {
    kind: 'entry',
    warnings: [],
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'allergies',
      value: {
        substance: guess.substance,
        nut: guess.nut,
        oil: null,
        name: guess.name ? clip(guess.name, 120) : null,
        reaction: reaction ? clip(reaction, 300) : null,
        severity: anaphylaxis ? 'anaphylaxis' : (severityOrder[worst] ?? null),
      },
    },
  };
}

/** Statuses that mean the client takes the medicine now (R4 MedicationStatement/Request). */
const currentStatuses = new Set(['active', 'intended', 'on-hold', 'unknown']);

function readMedication(
  entry: BundleEntry,
  recordKey: string,
  bundle: BundleReading,
): HistoryReading {
  const resource = entry.resource;
  const status = textOf(resource['status']);
  if (status && !currentStatuses.has(status)) {
    return { kind: 'ignored', reason: `Not a current medication (status ${status}).` };
  }
  const errors: FieldIssue[] = [];
  datesOf(
    entry,
    ['effectiveDateTime', 'dateAsserted', 'authoredOn', 'effectivePeriod.start'],
    errors,
  );
  if (errors.length) return { kind: 'invalid', errors };
  let name = conceptText(resource['medicationCodeableConcept']);
  const reference = resource['medicationReference'];
  if (!name && isObject(reference)) {
    const target = bundle.resolve(reference, entry);
    const medication =
      target.kind === 'entry'
        ? target.entry.resource
        : target.kind === 'contained'
          ? target.resource
          : null;
    name = (medication && conceptText(medication['code'])) ?? textOf(reference['display']);
  }
  if (!name) return { kind: 'ignored', reason: 'No code or text names the medication.' };
  const dosage = [...objectsOf(resource['dosage']), ...objectsOf(resource['dosageInstruction'])];
  const dose = dosage.map((instruction) => textOf(instruction['text'])).find(Boolean) ?? null;
  const reasons = [
    ...objectsOf(resource['reasonCode']).map(conceptText),
    ...objectsOf(resource['reasonReference']).map((reason) => {
      const target = bundle.resolve(reason, entry);
      return target.kind === 'entry'
        ? conceptText(target.entry.resource['code'])
        : textOf(reason['display']);
    }),
  ];
  const reason = joinParts(reasons, ', ');
  return {
    kind: 'entry',
    warnings: [],
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'medications',
      value: {
        name: clip(name, 120),
        class: guessMedicationClass(name) ?? 'other',
        dose: dose ? clip(dose, 120) : null,
        reason: reason ? clip(reason, 200) : null,
      },
    },
  };
}

export const historyResourceTypes = new Set([
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
  'MedicationRequest',
]);

export function readHistoryEntry(
  entry: BundleEntry,
  recordKey: string,
  bundle: BundleReading,
  today: string,
): HistoryReading {
  switch (entry.resourceType) {
    case 'Condition':
      return readCondition(entry, recordKey, today);
    case 'AllergyIntolerance':
      return readAllergy(entry, recordKey);
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
  }
}
