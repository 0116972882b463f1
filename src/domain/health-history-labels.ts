import { bodyRegion } from './body-regions.js';
import { ingredientVocabulary } from './catalogue.js';
import type { Allergy, HealthCondition, Medication, SurgeryOrInjury } from './health-history.js';
import {
  allergySeverityLabels,
  allergySubstanceLabels,
  medicationClassLabels,
  surgeryOrInjuryKindLabels,
  treeNutLabels,
} from './health-history-vocabulary.js';

/**
 * How entries of a health history read in a sentence: in alerts, in "what changed" lists and
 * in review screens, so each says the same thing the same way.
 */
const ingredientNames = new Map(ingredientVocabulary.map((entry) => [entry.code, entry.name]));

export function ingredientName(code: string): string {
  return ingredientNames.get(code) ?? code;
}

export function regionList(codes: readonly string[]): string {
  return codes.map((code) => bodyRegion(code)?.label ?? code).join('; ');
}

/** "Tree nuts (almond)", "Essential oils (Lavender essential oil)", "Biofreeze gel". */
export function describeAllergy(allergy: Allergy): string {
  const substance = allergySubstanceLabels[allergy.substance];
  if (allergy.substance === 'topical_product' || allergy.substance === 'other') {
    return allergy.name ?? substance;
  }
  const detail = allergy.nut
    ? treeNutLabels[allergy.nut].toLowerCase()
    : allergy.oil
      ? ingredientName(allergy.oil)
      : allergy.name;
  return detail ? `${substance} (${detail})` : substance;
}

export function describeAllergySeverity(allergy: Allergy): string {
  return allergy.severity ? allergySeverityLabels[allergy.severity] : 'Severity not recorded';
}

/** "Warfarin 5 mg — Anticoagulant (blood thinner)". */
export function describeMedication(medication: Medication): string {
  const dose = medication.dose ? ` ${medication.dose}` : '';
  return `${medication.name}${dose} — ${medicationClassLabels[medication.class]}`;
}

export function describeCondition(condition: HealthCondition): string {
  return condition.name;
}

/** "Surgery: knee arthroscopy, 2026-10-01". */
export function describeSurgeryOrInjury(entry: SurgeryOrInjury): string {
  const date = entry.date ? `, ${entry.date}` : ', date not recorded';
  return `${surgeryOrInjuryKindLabels[entry.kind]}: ${entry.description}${date}`;
}
