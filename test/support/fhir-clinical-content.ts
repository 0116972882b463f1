import { resourcesIn } from './fhir-assertions.js';
import type { Json } from './http.js';

/*
 * The clinical content of a FHIR export, without the ids, dates and links that belong to the
 * practice holding it: what a round trip through another practice must keep.
 */

/** A bundle's own resources of one type (not those inside a note's document). */
export const resources = (bundle: Json, type: string): Json[] =>
  bundle.entry
    .map((entry: Json) => entry.resource)
    .filter((resource: Json) => resource.resourceType === type);

/** Codes of Palpate's own vocabularies and of standard terminologies; not practice ids. */
const sharedCodes = (concept: Json) =>
  (concept?.coding ?? [])
    .filter((coding: Json) => !String(coding.system).startsWith('urn:palpate:practice:'))
    .map((coding: Json) => `${coding.system}|${coding.code}`)
    .sort();

/**
 * What a clinician receiving the record reads, without the ids and dates that belong to the
 * practice holding it: the person, and each allergy, condition, medication, surgery or
 * injury, and goal of their health history.
 */
export function clinicalContent(bundle: Json) {
  const [patient] = resources(bundle, 'Patient');
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    patient: {
      name: patient.name?.map((name: Json) => [name.family, name.given]),
      birthDate: patient.birthDate,
      telecom: patient.telecom?.map((point: Json) => [point.system, point.value]).sort(),
    },
    allergies: sorted(
      resources(bundle, 'AllergyIntolerance').map((allergy) => [
        allergy.code.text,
        sharedCodes(allergy.code),
        allergy.criticality ?? null,
        allergy.reaction ?? null,
      ]),
    ),
    conditions: sorted(
      resources(bundle, 'Condition').map((condition) => [
        condition.code.text,
        sharedCodes(condition.code),
        sharedCodes(condition.clinicalStatus),
        condition.onsetDateTime ?? null,
        condition.abatementDateTime ?? null,
        (condition.bodySite ?? []).map(sharedCodes),
      ]),
    ),
    medications: sorted(
      resources(bundle, 'MedicationStatement').map((medication) => [
        medication.medicationCodeableConcept.text,
        sharedCodes(medication.medicationCodeableConcept),
        medication.status,
        medication.dosage ?? null,
        medication.reasonCode ?? null,
      ]),
    ),
    surgeries: sorted(
      resources(bundle, 'Procedure')
        .filter((procedure) => procedure.category?.text === 'Surgical history')
        .map((procedure) => [
          procedure.code.text,
          sharedCodes(procedure.code),
          procedure.performedDateTime,
        ]),
    ),
    areasToAvoid: sorted(
      resources(bundle, 'Flag').map((flag) => [flag.code.text, flag.extension ?? null]),
    ),
    goals: sorted(
      resources(bundle, 'Goal')
        .filter((goal) =>
          goal.identifier?.some((identifier: Json) =>
            String(identifier.system).endsWith(':health-history-entry'),
          ),
        )
        .map((goal) => goal.description.text),
    ),
  };
}

/** The names behind references, which travel when the resources they point at do not. */
const displays = (references: Json[] | undefined) =>
  (references ?? []).map((reference: Json) => reference?.display ?? null);

/** A narrative section and those inside it: title and words as the reader sees them. */
const sectionText = (sections: Json[] | undefined): unknown[] =>
  (sections ?? []).map((section: Json) => [
    section.title,
    section.text?.div ?? null,
    sectionText(section.section),
  ]);

/** An Observation's result, whichever value[x] it uses, with its parts. */
const observed = (observation: Json) =>
  Object.fromEntries(
    Object.entries(observation).filter(
      ([key]) => key.startsWith('value') || key === 'component' || key === 'interpretation',
    ),
  );

/**
 * What was done and found at each visit, without the ids and links that belong to the
 * practice holding it: the visit, each technique with its body sites, each pain score and
 * measure, and the signed note's words with its addendum. Notes are read inside their
 * documents as well as on their own.
 */
export function visitContent(bundle: Json) {
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    encounters: sorted(
      resources(bundle, 'Encounter').map((encounter) => [
        encounter.status,
        encounter.class,
        encounter.type,
        encounter.period,
        encounter.length ?? null,
        (encounter.participant ?? []).map((participant: Json) => participant.individual?.display),
      ]),
    ),
    procedures: sorted(
      resources(bundle, 'Procedure')
        .filter((procedure) => procedure.category?.text !== 'Surgical history')
        .map((procedure) => [
          procedure.status,
          procedure.category ?? null,
          procedure.code,
          procedure.performedDateTime ?? procedure.performedPeriod ?? null,
          procedure.bodySite ?? null,
          procedure.note ?? null,
          displays((procedure.performer ?? []).map((performer: Json) => performer.actor)),
        ]),
    ),
    observations: sorted(
      resources(bundle, 'Observation').map((observation) => [
        observation.status,
        observation.category ?? null,
        observation.code,
        observation.effectiveDateTime ?? observation.effectivePeriod ?? null,
        observed(observation),
        observation.note ?? null,
      ]),
    ),
    notes: sorted(
      resourcesIn(bundle)
        .filter((resource) => resource.resourceType === 'Composition')
        .map((composition) => [
          composition.status,
          composition.type,
          composition.title,
          composition.date,
          displays(composition.author),
          composition.attester?.map((attester: Json) => [attester.mode, attester.time]) ?? null,
          sectionText(composition.section),
        ]),
    ),
  };
}
