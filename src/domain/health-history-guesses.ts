import { foldForSearch } from './text.js';
import type { MedicationClass, SurgeryOrInjuryKind } from './health-history-vocabulary.js';

/**
 * Common generic and brand names, so a medicine a client writes on an intake form arrives
 * with a likely class for the therapist to confirm. A guess never replaces that review.
 */
const medicationNames: Record<Exclude<MedicationClass, 'other'>, string[]> = {
  anticoagulant: [
    'warfarin',
    'coumadin',
    'apixaban',
    'eliquis',
    'rivaroxaban',
    'xarelto',
    'dabigatran',
    'pradaxa',
    'edoxaban',
    'heparin',
    'enoxaparin',
    'lovenox',
    'blood thinner',
  ],
  antiplatelet: ['clopidogrel', 'plavix', 'ticagrelor', 'brilinta', 'prasugrel', 'aspirin'],
  corticosteroid: [
    'prednisone',
    'prednisolone',
    'dexamethasone',
    'methylprednisolone',
    'hydrocortisone',
    'cortisone',
    'steroid',
  ],
  analgesic_nsaid: [
    'ibuprofen',
    'advil',
    'motrin',
    'naproxen',
    'aleve',
    'diclofenac',
    'voltaren',
    'celecoxib',
    'celebrex',
    'meloxicam',
    'acetaminophen',
    'paracetamol',
    'tylenol',
  ],
  opioid: [
    'oxycodone',
    'hydrocodone',
    'morphine',
    'codeine',
    'tramadol',
    'fentanyl',
    'hydromorphone',
  ],
  muscle_relaxant: [
    'cyclobenzaprine',
    'flexeril',
    'methocarbamol',
    'robaxin',
    'baclofen',
    'tizanidine',
    'carisoprodol',
    'muscle relaxant',
  ],
  antihypertensive: [
    'lisinopril',
    'amlodipine',
    'losartan',
    'metoprolol',
    'hydrochlorothiazide',
    'ramipril',
    'atenolol',
    'valsartan',
  ],
  antidepressant: [
    'sertraline',
    'zoloft',
    'fluoxetine',
    'prozac',
    'citalopram',
    'escitalopram',
    'venlafaxine',
    'duloxetine',
    'cymbalta',
    'amitriptyline',
    'bupropion',
  ],
  insulin_diabetes: ['insulin', 'metformin', 'semaglutide', 'ozempic', 'glipizide', 'gliclazide'],
};

/** The likely class of a medicine named in free text, or null when the name is not known. */
export function guessMedicationClass(name: string): Exclude<MedicationClass, 'other'> | null {
  const words = ` ${foldForSearch(name).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const [medicationClass, names] of Object.entries(medicationNames)) {
    if (names.some((known) => words.includes(` ${known} `))) {
      return medicationClass as Exclude<MedicationClass, 'other'>;
    }
  }
  return null;
}

const injuryWords: Array<[SurgeryOrInjuryKind, RegExp]> = [
  ['fracture', /\b(fracture|fractured|broke|broken)\b/],
  ['burn', /\b(burn|burns|burned|burnt|scald)\b/],
  ['whiplash', /\bwhiplash\b/],
  ['dislocation', /\b(dislocation|dislocated)\b/],
  ['concussion', /\bconcussion\b/],
  ['sprain_strain', /\b(sprain|sprained|strain|strained|tear|torn)\b/],
  ['contusion', /\b(bruise|bruised|contusion)\b/],
  ['wound', /\b(cut|laceration|wound|stitches)\b/],
];

/** The likely kind of an injury described in free text; `other_injury` when no word fits. */
export function guessInjuryKind(description: string): SurgeryOrInjuryKind {
  const folded = foldForSearch(description);
  return injuryWords.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'other_injury';
}
