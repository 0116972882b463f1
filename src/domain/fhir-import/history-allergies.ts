import type { FieldIssue } from '../errors.js';
import { guessMedicationClass } from '../health-history-guesses.js';
import type { AllergySeverity } from '../health-history-vocabulary.js';
import type { BundleEntry, BundleReading } from './bundle.js';
import { snomedConcepts } from '../fhir/systems.js';
import { guessAllergy } from './clinical-vocabulary.js';
import {
  clip,
  codingsOf,
  conceptText,
  firstCode,
  isObject,
  joinParts,
  objectsOf,
  textOf,
} from './fhir-json.js';
import { datesOf, type HistoryReading } from './history-reading.js';
import { palpateAllergy, palpateMedicationClass } from './palpate-vocabulary.js';

/**
 * Allergies (the substance as the safety rules know it, the worst reaction as severity),
 * current medications with a likely class, and a client's own goals, as health-history
 * entries. What is no longer true (a resolved allergy, a stopped medicine) is left out.
 */
const severityOrder: AllergySeverity[] = ['mild', 'moderate', 'severe'];

/**
 * Without a reaction's severity, criticality is the source's word on how bad a reaction could
 * be: high reads as severe, which errs toward care. Low says only "not life-threatening", so
 * it is left unsaid, except from Palpate's own export, which writes a mild or moderate
 * allergy as low and reads best back as mild.
 */
function severityOf(
  fromReactions: AllergySeverity | null,
  criticality: string | null,
  fromPalpate: boolean,
): AllergySeverity | null {
  if (fromReactions) return fromReactions;
  if (criticality === 'high') return 'severe';
  return criticality === 'low' && fromPalpate ? 'mild' : null;
}

/**
 * A manifestation that only restates the severity: anaphylaxis, or the general "allergic
 * reaction" Palpate writes when the client named no reaction. Its words add nothing to the
 * severity, so they are not repeated as the reaction.
 */
function restatesSeverity(manifestation: unknown, text: string | null): boolean {
  return [snomedConcepts.anaphylaxis, snomedConcepts.allergicReaction].some(
    (concept) =>
      codingsOf(manifestation).some(
        (coding) => coding.system === concept.system && coding.code === concept.code,
      ) &&
      (text === null || text === concept.display),
  );
}

const isAnaphylaxis = (manifestation: unknown, text: string | null) =>
  (text !== null && /anaphyla/i.test(text)) ||
  codingsOf(manifestation).some(
    (coding) =>
      coding.system === snomedConcepts.anaphylaxis.system &&
      coding.code === snomedConcepts.anaphylaxis.code,
  );

export function readAllergy(entry: BundleEntry, recordKey: string): HistoryReading {
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
    objectsOf(reaction['manifestation']).map((concept) => ({
      concept,
      text: conceptText(concept),
    })),
  );
  const anaphylaxis = manifestations.some(({ concept, text }) => isAnaphylaxis(concept, text));
  const worst = reactions
    .map((reaction) => severityOrder.indexOf(textOf(reaction['severity']) as AllergySeverity))
    .reduce((most, index) => Math.max(most, index), -1);
  const reaction = joinParts([
    joinParts(
      manifestations
        .filter(({ concept, text }) => !restatesSeverity(concept, text))
        .map(({ text }) => text),
      ', ',
    ),
    ...reactions.map((entry) => textOf(entry['description'])),
  ]);
  const palpate = palpateAllergy(resource['code']);
  const guess = palpate ?? guessAllergy(text);
  const severity = severityOf(
    anaphylaxis ? 'anaphylaxis' : (severityOrder[worst] ?? null),
    textOf(resource['criticality']),
    palpate !== null,
  );
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
        oil: guess.oil,
        name: guess.name ? clip(guess.name, 120) : null,
        reaction: reaction ? clip(reaction, 300) : null,
        severity,
      },
    },
  };
}

/** Statuses that mean the client takes the medicine now (R4 MedicationStatement/Request). */
const currentStatuses = new Set(['active', 'intended', 'on-hold', 'unknown']);

export function readMedication(
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
        class:
          palpateMedicationClass(resource['medicationCodeableConcept']) ??
          guessMedicationClass(name) ??
          'other',
        dose: dose ? clip(dose, 120) : null,
        reason: reason ? clip(reason, 200) : null,
      },
    },
  };
}

/** A goal the client set, as Palpate's export writes it: its words alone. */
export function readGoal(entry: BundleEntry, recordKey: string): HistoryReading {
  const text = conceptText(entry.resource['description']);
  if (!text) return { kind: 'ignored', reason: 'The goal has no description.' };
  return {
    kind: 'entry',
    warnings: [],
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'goals',
      value: { text: clip(text, 300) },
    },
  };
}
