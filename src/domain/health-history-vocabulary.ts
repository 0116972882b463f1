import { z } from 'zod';

/**
 * The coded words of a health history. Codes are what the safety rules match on and what is
 * stored for years, so they are never renamed or reused: add codes, never change one. Every
 * code has a label in the therapist's words; anything else is free text beside the code.
 */
function codesOf<const T extends ReadonlyArray<{ code: string }>>(entries: T) {
  return entries.map((entry) => entry.code) as unknown as [
    T[number]['code'],
    ...T[number]['code'][],
  ];
}

function labelsOf<T extends ReadonlyArray<{ code: string; label: string }>>(entries: T) {
  return Object.fromEntries(entries.map((entry) => [entry.code, entry.label])) as Record<
    T[number]['code'],
    string
  >;
}

/** Conditions the safety rules know by code, plus common ones an intake form asks about. */
export const conditionVocabulary = [
  { code: 'fever', label: 'Fever' },
  { code: 'acute_infection', label: 'Acute infection (flu, cold, other contagious illness)' },
  { code: 'dvt', label: 'Deep vein thrombosis (blood clot), suspected or recent' },
  { code: 'pulmonary_embolism', label: 'Pulmonary embolism, suspected or recent' },
  { code: 'uncontrolled_hypertension', label: 'Severe or uncontrolled high blood pressure' },
  {
    code: 'inflammatory_flare',
    label: 'Flare of an inflammatory disease (e.g. rheumatoid arthritis, lupus)',
  },
  {
    code: 'acute_inflammation',
    label: 'Acute local inflammation (e.g. bursitis, tendinitis, gout attack)',
  },
  { code: 'varicose_veins', label: 'Varicose veins' },
  { code: 'skin_infection', label: 'Skin infection (e.g. cellulitis, impetigo, ringworm)' },
  { code: 'open_wound', label: 'Open wound or sore' },
  { code: 'osteoporosis', label: 'Osteoporosis or low bone density' },
  { code: 'diabetes', label: 'Diabetes' },
  { code: 'peripheral_neuropathy', label: 'Numbness or neuropathy' },
  { code: 'bleeding_disorder', label: 'Bleeding or clotting disorder (e.g. hemophilia)' },
  { code: 'hypertension', label: 'High blood pressure, controlled' },
  { code: 'heart_condition', label: 'Heart condition' },
  { code: 'cancer', label: 'Cancer (in treatment or in the past)' },
  { code: 'lymphedema', label: 'Lymphedema' },
  { code: 'arthritis', label: 'Arthritis' },
  { code: 'fibromyalgia', label: 'Fibromyalgia' },
  { code: 'migraine', label: 'Migraines or frequent headaches' },
  { code: 'epilepsy', label: 'Epilepsy or seizures' },
  { code: 'anxiety_depression', label: 'Anxiety or depression' },
] as const;
export const ConditionCode = z.enum(codesOf(conditionVocabulary), {
  error: 'Unknown condition code. Choose one from the list, or leave the code empty and name it.',
});
export type ConditionCode = z.infer<typeof ConditionCode>;
export const conditionLabels = labelsOf(conditionVocabulary);

/** A present condition still counts for the safety rules when it is managed (e.g. on insulin). */
export const conditionStatusVocabulary = [
  { code: 'active', label: 'Active' },
  { code: 'managed', label: 'Managed' },
  { code: 'resolved', label: 'Resolved' },
] as const;
export const ConditionStatus = z.enum(codesOf(conditionStatusVocabulary), {
  error: 'Must be active, managed or resolved.',
});
export type ConditionStatus = z.infer<typeof ConditionStatus>;
export const conditionStatusLabels = labelsOf(conditionStatusVocabulary);

/** What a medicine means for massage; what each class asks of the therapist is in the rules. */
export const medicationClassVocabulary = [
  { code: 'anticoagulant', label: 'Anticoagulant (blood thinner)' },
  { code: 'antiplatelet', label: 'Antiplatelet (e.g. daily aspirin, clopidogrel)' },
  { code: 'corticosteroid', label: 'Corticosteroid (e.g. prednisone)' },
  { code: 'analgesic_nsaid', label: 'Pain reliever or anti-inflammatory (NSAID)' },
  { code: 'opioid', label: 'Opioid pain medicine' },
  { code: 'muscle_relaxant', label: 'Muscle relaxant' },
  { code: 'antihypertensive', label: 'Blood pressure medicine' },
  { code: 'antidepressant', label: 'Antidepressant' },
  { code: 'insulin_diabetes', label: 'Insulin or other diabetes medicine' },
  { code: 'other', label: 'Other' },
] as const;
export const MedicationClass = z.enum(codesOf(medicationClassVocabulary), {
  error: 'Unknown kind of medication. Choose one from the list, or "other".',
});
export type MedicationClass = z.infer<typeof MedicationClass>;
export const medicationClassLabels = labelsOf(medicationClassVocabulary);

/**
 * Allergy and sensitivity substances. Each one the safety rules can check against product
 * ingredients maps to ingredient groups of `ingredientVocabulary` (catalogue.ts) in the rules.
 */
export const allergySubstanceVocabulary = [
  { code: 'tree_nut', label: 'Tree nuts' },
  { code: 'peanut', label: 'Peanuts' },
  { code: 'coconut', label: 'Coconut' },
  { code: 'latex', label: 'Latex' },
  { code: 'fragrance', label: 'Fragrance' },
  { code: 'essential_oil', label: 'Essential oils' },
  { code: 'lanolin', label: 'Lanolin / wool' },
  { code: 'bee_product', label: 'Bee products (beeswax, propolis, honey)' },
  { code: 'topical_product', label: 'A particular skin product' },
  { code: 'other', label: 'Other' },
] as const;
export const AllergySubstance = z.enum(codesOf(allergySubstanceVocabulary), {
  error: 'Unknown allergy. Choose one from the list, or "other" and name it.',
});
export type AllergySubstance = z.infer<typeof AllergySubstance>;
export const allergySubstanceLabels = labelsOf(allergySubstanceVocabulary);

/** `ingredient` names the catalogue ingredient made from that nut, where one exists. */
export const treeNutVocabulary = [
  { code: 'almond', label: 'Almond', ingredient: 'sweet_almond_oil' },
  { code: 'macadamia', label: 'Macadamia', ingredient: 'macadamia_oil' },
  { code: 'argan', label: 'Argan', ingredient: 'argan_oil' },
  { code: 'hazelnut', label: 'Hazelnut', ingredient: 'hazelnut_oil' },
  { code: 'kukui', label: 'Kukui', ingredient: 'kukui_nut_oil' },
  { code: 'shea', label: 'Shea', ingredient: 'shea_butter' },
  { code: 'walnut', label: 'Walnut', ingredient: null },
  { code: 'cashew', label: 'Cashew', ingredient: null },
  { code: 'pecan', label: 'Pecan', ingredient: null },
  { code: 'pistachio', label: 'Pistachio', ingredient: null },
  { code: 'brazil_nut', label: 'Brazil nut', ingredient: null },
] as const;
export const TreeNut = z.enum(codesOf(treeNutVocabulary), {
  error: 'Unknown tree nut. Choose one from the list, or leave it empty.',
});
export type TreeNut = z.infer<typeof TreeNut>;
export const treeNutLabels = labelsOf(treeNutVocabulary);

export const allergySeverityVocabulary = [
  { code: 'mild', label: 'Mild' },
  { code: 'moderate', label: 'Moderate' },
  { code: 'severe', label: 'Severe' },
  { code: 'anaphylaxis', label: 'Anaphylaxis' },
] as const;
export const AllergySeverity = z.enum(codesOf(allergySeverityVocabulary), {
  error: 'Must be mild, moderate, severe or anaphylaxis.',
});
export type AllergySeverity = z.infer<typeof AllergySeverity>;
export const allergySeverityLabels = labelsOf(allergySeverityVocabulary);

/** Fractures and burns have their own local rules; the other injuries share one caution. */
export const surgeryOrInjuryKindVocabulary = [
  { code: 'surgery', label: 'Surgery' },
  { code: 'fracture', label: 'Fracture' },
  { code: 'burn', label: 'Burn' },
  { code: 'sprain_strain', label: 'Sprain or strain' },
  { code: 'whiplash', label: 'Whiplash' },
  { code: 'dislocation', label: 'Dislocation' },
  { code: 'contusion', label: 'Bruise (contusion)' },
  { code: 'concussion', label: 'Concussion' },
  { code: 'wound', label: 'Cut or wound' },
  { code: 'other_injury', label: 'Other injury' },
] as const;
export const SurgeryOrInjuryKind = z.enum(codesOf(surgeryOrInjuryKindVocabulary), {
  error: 'Unknown kind of surgery or injury.',
});
export type SurgeryOrInjuryKind = z.infer<typeof SurgeryOrInjuryKind>;
export const surgeryOrInjuryKindLabels = labelsOf(surgeryOrInjuryKindVocabulary);

export const temperatureVocabulary = [
  { code: 'cooler', label: 'Cooler' },
  { code: 'neutral', label: 'No preference' },
  { code: 'warmer', label: 'Warmer' },
] as const;
export const TemperaturePreference = z.enum(codesOf(temperatureVocabulary), {
  error: 'Must be cooler, neutral or warmer.',
});
export const temperatureLabels = labelsOf(temperatureVocabulary);

export const musicVocabulary = [
  { code: 'none', label: 'No music' },
  { code: 'soft', label: 'Soft music' },
  { code: 'own_choice', label: 'Music of my choice' },
] as const;
export const MusicPreference = z.enum(codesOf(musicVocabulary), {
  error: 'Must be none, soft or own_choice.',
});
export const musicLabels = labelsOf(musicVocabulary);

export const conversationVocabulary = [
  { code: 'quiet', label: 'Quiet, please' },
  { code: 'some', label: 'A little conversation' },
  { code: 'happy_to_talk', label: 'Happy to talk' },
] as const;
export const ConversationPreference = z.enum(codesOf(conversationVocabulary), {
  error: 'Must be quiet, some or happy_to_talk.',
});
export const conversationLabels = labelsOf(conversationVocabulary);
