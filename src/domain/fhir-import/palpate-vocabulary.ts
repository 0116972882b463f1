import { ingredientVocabulary } from '../catalogue.js';
import { palpateVocabulary } from '../fhir/systems.js';
import {
  AllergySubstance,
  ConditionCode,
  MedicationClass,
  SurgeryOrInjuryKind,
  TreeNut,
  allergySubstanceLabels,
  treeNutLabels,
} from '../health-history-vocabulary.js';
import { RegionCode } from '../notes.js';
import type { AllergyGuess } from './clinical-vocabulary.js';
import { codingsOf, conceptText, objectsOf, textOf, type FhirObject } from './fhir-json.js';

/**
 * Palpate's own codes, as its FHIR export writes them (domain/fhir/systems.ts): a record
 * moved from one Palpate practice to another comes back exactly, not guessed from its words.
 */
function codeIn(concept: unknown, system: string): string | null {
  return codingsOf(concept).find((coding) => coding.system === system)?.code ?? null;
}

function parsed<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
  value: string | null,
): T | null {
  if (value === null) return null;
  const result = schema.safeParse(value);
  return result.success ? (result.data as T) : null;
}

export function palpateConditionCode(concept: unknown): ConditionCode | null {
  return parsed(ConditionCode, codeIn(concept, palpateVocabulary.condition));
}

export function palpateMedicationClass(concept: unknown): MedicationClass | null {
  return parsed(MedicationClass, codeIn(concept, palpateVocabulary.medicationClass));
}

export function palpateInjuryKind(concept: unknown): SurgeryOrInjuryKind | null {
  return parsed(SurgeryOrInjuryKind, codeIn(concept, palpateVocabulary.surgeryOrInjury));
}

/** Body regions by Palpate's region codes; other body sites stay in words. */
export function palpateRegions(bodySites: unknown): string[] {
  return objectsOf(bodySites)
    .map((site) => parsed<string>(RegionCode, codeIn(site, palpateVocabulary.bodyRegion)))
    .filter((region): region is string => region !== null);
}

/**
 * An allergy exported by Palpate: the substance by its code, and what follows "Tree nuts: "
 * in the text as the nut, the essential oil or the name, as the export wrote it.
 */
export function palpateAllergy(concept: unknown): AllergyGuess | null {
  const substance = parsed(AllergySubstance, codeIn(concept, palpateVocabulary.allergySubstance));
  if (!substance) return null;
  const text = conceptText(concept) ?? '';
  const prefix = `${allergySubstanceLabels[substance]}: `;
  const detail = text.startsWith(prefix) ? text.slice(prefix.length).trim() : null;
  if (!detail) return { substance, nut: null, oil: null, name: null };
  if (substance === 'tree_nut') {
    const nut = TreeNut.options.find((code) => treeNutLabels[code] === detail) ?? null;
    return { substance, nut, oil: null, name: nut ? null : detail };
  }
  if (substance === 'essential_oil') {
    const oil = ingredientVocabulary.find((ingredient) => ingredient.name === detail)?.code ?? null;
    return { substance, nut: null, oil, name: oil ? null : detail };
  }
  return { substance, nut: null, oil: null, name: detail };
}

/** A resource Palpate wrote from an entry of a health history. */
export function isPalpateHistoryEntry(resource: FhirObject): boolean {
  return objectsOf(resource['identifier']).some((identifier) =>
    /^urn:palpate:practice:[^:]+:health-history-entry$/.test(textOf(identifier['system']) ?? ''),
  );
}

/** A Procedure that belongs in the surgeries of a health history rather than in visits. */
export function isSurgicalHistory(resource: FhirObject): boolean {
  if (palpateInjuryKind(resource['code'])) return true;
  const category = resource['category'];
  return (
    codingsOf(category).some((coding) => coding.code === '387713003') ||
    /^surgical (history|procedure)$/i.test(conceptText(category) ?? '')
  );
}
