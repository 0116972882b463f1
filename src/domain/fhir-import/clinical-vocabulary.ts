import type { AllergySubstance, ConditionCode, TreeNut } from '../health-history-vocabulary.js';
import { foldForSearch } from '../text.js';
import type { Coding } from './fhir-json.js';

/**
 * What another system's coded condition or allergy is in Palpate's vocabulary, so the safety
 * rules can read it. Guesses are deliberately narrow: a code is given only when the words or
 * the SNOMED CT concept leave no doubt; anything else arrives by name alone, which the rules
 * do not read but the therapist does. Infections are never guessed: a years-old "active"
 * sinusitis in another system must not block today's session.
 */
const snomed = 'http://snomed.info/sct';

const conditionConcepts: Record<string, ConditionCode> = {
  '38341003': 'hypertension',
  '59621000': 'hypertension',
  '44054006': 'diabetes',
  '46635009': 'diabetes',
  '73211009': 'diabetes',
  '69896004': 'arthritis',
  '396275006': 'arthritis',
  '203082005': 'fibromyalgia',
  '37796009': 'migraine',
  '84757009': 'epilepsy',
  '64859006': 'osteoporosis',
  '128053003': 'dvt',
  '59282003': 'pulmonary_embolism',
};

const conditionWords: Array<[ConditionCode, RegExp]> = [
  ['dvt', /\b(deep (vein|venous) thrombosis|dvt)\b/],
  ['pulmonary_embolism', /\bpulmonary embol/],
  ['varicose_veins', /\bvaricose veins?\b/],
  ['lymphedema', /\blymph(o)?edema\b/],
  ['osteoporosis', /\b(osteoporosis|osteopenia)\b/],
  ['bleeding_disorder', /\b(hemophilia|haemophilia|von willebrand|bleeding disorder)\b/],
  ['peripheral_neuropathy', /\bneuropathy\b/],
  ['diabetes', /\bdiabetes\b/],
  ['hypertension', /\b(essential )?hypertension\b|\bhigh blood pressure\b/],
  [
    'heart_condition',
    /\b(heart failure|coronary|myocardial infarction|atrial fibrillation|angina|cardiomyopathy)\b/,
  ],
  ['cancer', /\b(cancer|carcinoma|malignant|lymphoma|leukemia|leukaemia|melanoma|sarcoma)\b/],
  ['fibromyalgia', /\bfibromyalgia\b/],
  ['arthritis', /\b(osteo|rheumatoid )?arthritis\b|\barthrosis\b/],
  ['migraine', /\bmigraines?\b/],
  ['epilepsy', /\b(epilepsy|seizure disorder)\b/],
  ['anxiety_depression', /\b(anxiety|depression|depressive)\b/],
];

export function guessConditionCode(name: string, codings: Coding[]): ConditionCode | null {
  for (const coding of codings) {
    if (coding.system === snomed && coding.code && conditionConcepts[coding.code]) {
      return conditionConcepts[coding.code]!;
    }
  }
  const folded = foldForSearch(name);
  if (/\bpulmonary hypertension\b/.test(folded)) return null;
  return conditionWords.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

const nutWords: Array<[TreeNut, RegExp]> = [
  ['almond', /\balmonds?\b/],
  ['cashew', /\bcashews?( nuts?)?\b/],
  ['walnut', /\bwalnuts?\b/],
  ['pecan', /\bpecans?\b/],
  ['pistachio', /\bpistachios?\b/],
  ['hazelnut', /\bhazelnuts?\b/],
  ['macadamia', /\bmacadamias?\b/],
  ['brazil_nut', /\bbrazil nuts?\b/],
  ['argan', /\bargan\b/],
  ['shea', /\bshea\b/],
  ['kukui', /\bkukui\b/],
];

const substanceWords: Array<[AllergySubstance, RegExp]> = [
  ['peanut', /\b(peanuts?|groundnuts?|arachis)\b/],
  ['coconut', /\bcoconuts?\b/],
  ['latex', /\blatex\b/],
  ['essential_oil', /\b(essential oils?|tea tree oil|lavender oil)\b/],
  ['fragrance', /\b(fragrances?|perfumes?|scents?)\b/],
  ['lanolin', /\b(lanolin|wool (fat|wax|alcohols?))\b/],
  ['bee_product', /\b(beeswax|propolis|honey|bee products?)\b/],
  ['tree_nut', /\b(tree nuts?|nuts?)\b/],
];

export interface AllergyGuess {
  substance: AllergySubstance;
  nut: TreeNut | null;
  /** An essential oil's ingredient code, when known (only Palpate's own export names it). */
  oil: string | null;
  /** The substance in a few words ("tree pollen"), without "Allergy to". */
  name: string | null;
}

/** "Allergy to tree pollen" → "tree pollen"; "Dander (animal) allergy" → "Dander (animal)". */
export function allergenName(text: string): string {
  const cleaned = text
    .replace(/^\s*(allergy|allergic|intolerance|sensitivity)( reaction)? to\s+/i, '')
    .replace(/\s+(allergy|intolerance|sensitivity)( \(disorder\)| \(finding\))?\s*$/i, '')
    .trim();
  return cleaned || text;
}

export function guessAllergy(text: string): AllergyGuess {
  const folded = foldForSearch(text);
  const nut = nutWords.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
  if (nut) return { substance: 'tree_nut', nut, oil: null, name: null };
  const substance = substanceWords.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
  // These say all there is to say; "Tree nuts (nut)" would only repeat the label.
  if (substance && ['peanut', 'coconut', 'latex', 'tree_nut'].includes(substance)) {
    return { substance, nut: null, oil: null, name: null };
  }
  if (substance) return { substance, nut: null, oil: null, name: allergenName(text) };
  return { substance: 'other', nut: null, oil: null, name: allergenName(text) };
}
