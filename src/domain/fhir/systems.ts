import type { CodeableConcept, Coding, Identifier } from './types.js';

/**
 * Code systems and identifier systems of the FHIR mapping. Standard terminologies come first;
 * Palpate's own vocabularies (body regions, condition and allergy codes) are URNs that never
 * change, so a receiving system — or Palpate's own importer — can map them back exactly.
 */
export const loinc = 'http://loinc.org';
export const snomed = 'http://snomed.info/sct';
export const ucum = 'http://unitsofmeasure.org';

const terminology = 'http://terminology.hl7.org/CodeSystem';
export const hl7 = {
  actCode: `${terminology}/v3-ActCode`,
  participationType: `${terminology}/v3-ParticipationType`,
  conditionClinical: `${terminology}/condition-clinical`,
  conditionCategory: `${terminology}/condition-category`,
  allergyClinical: `${terminology}/allergyintolerance-clinical`,
  observationCategory: `${terminology}/observation-category`,
  consentScope: `${terminology}/consentscope`,
  flagCategory: `${terminology}/flag-category`,
  goalAchievement: `${terminology}/goal-achievement`,
  roleCode: `${terminology}/v3-RoleCode`,
} as const;

/** The US National Provider Identifier, when the practice has one. */
export const npiSystem = 'http://hl7.org/fhir/sid/us-npi';

/** Vocabularies Palpate ships with the same codes in every practice. */
export const palpateVocabulary = {
  bodyRegion: 'urn:palpate:body-region',
  condition: 'urn:palpate:condition',
  allergySubstance: 'urn:palpate:allergy-substance',
  medicationClass: 'urn:palpate:medication-class',
  surgeryOrInjury: 'urn:palpate:surgery-or-injury',
  observation: 'urn:palpate:observation',
  consentKind: 'urn:palpate:consent-kind',
  noteSection: 'urn:palpate:note-section',
  /** Tags a resource that came from another provider's record (code `other-provider`). */
  recordOrigin: 'urn:palpate:record-origin',
} as const;

/**
 * Palpate's extensions, for what R4 has no element for but a Palpate practice receiving the
 * record must read back exactly: the regions and reason of an area to avoid, a due date.
 */
export const palpateExtension = {
  areaToAvoid: 'urn:palpate:extension:area-to-avoid',
  dueDate: 'urn:palpate:extension:due-date',
} as const;

/**
 * Things a practice names itself: its clients, staff, sessions and catalogue (a practice may
 * add techniques). Scoped by the practice id so two practices' records never collide.
 */
export type PracticeVocabulary =
  | 'client'
  | 'staff'
  | 'session'
  | 'technique-use'
  | 'pain-score'
  | 'note'
  | 'technique'
  | 'session-type'
  | 'health-history-entry'
  | 'consent-signature'
  | 'measure'
  | 'measure-score'
  | 'goal'
  | 'treatment-plan';

export function practiceSystem(practiceId: string, vocabulary: PracticeVocabulary): string {
  return `urn:palpate:practice:${practiceId}:${vocabulary}`;
}

export function identifier(
  practiceId: string,
  vocabulary: PracticeVocabulary,
  value: string,
): Identifier {
  return { system: practiceSystem(practiceId, vocabulary), value };
}

export function coding(system: string, code: string, display?: string): Coding {
  return display ? { system, code, display } : { system, code };
}

/** A concept with its words: `text` is what the therapist chose or wrote, always present. */
export function concept(text: string, ...codings: Coding[]): CodeableConcept {
  return codings.length > 0 ? { coding: codings, text } : { text };
}

/** Numeric Pain Rating Scale, 0–10: the LOINC code the mapping in PRODUCT.md names. */
export const painSeverityCoding = coding(
  loinc,
  '72514-3',
  'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
);

/**
 * SNOMED CT concepts the health history is written with: the reaction an allergy's severity
 * speaks of (a manifestation is required by R4), and pregnancy, plain or high-risk.
 */
export const snomedConcepts = {
  anaphylaxis: coding(snomed, '39579001', 'Anaphylaxis'),
  allergicReaction: coding(snomed, '419076005', 'Allergic reaction'),
  pregnant: coding(snomed, '77386006', 'Pregnant'),
  highRiskPregnancy: coding(snomed, '47200007', 'High risk pregnancy'),
} as const;
