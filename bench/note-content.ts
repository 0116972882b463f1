/**
 * What the bench's notes say: valid `NoteContent` built with the domain schema from a seeded
 * random source, with the words the note-search scenario looks for, pain marked where each
 * complaint hurts (how analytics find clients with a similar complaint), and for each client
 * the habits a therapist falls into with them (complaint, techniques, pressure, products).
 */
import { pick } from '../src/cli/demo-names.js';
import { bodyRegions } from '../src/domain/body-regions.js';
import { defaultTechniques } from '../src/domain/catalogue.js';
import { NoteContent } from '../src/domain/notes.js';

/**
 * Words a therapist writes and later searches for (a few are rare on purpose), each complaint
 * with the regions its body chart marks as pain: how analytics find clients with a similar
 * complaint. The neck complaints share `similarComplaintRegion`, the region marked most often.
 */
const complaints: Array<{ words: string; pain: string[] }> = [
  { words: 'neck stiffness after long desk days', pain: ['posterior_neck_r', 'upper_trapezius_r'] },
  { words: 'low back pain when gardening', pain: ['lumbar_erectors_l', 'quadratus_lumborum_l'] },
  { words: 'tension headache behind the eyes', pain: ['suboccipitals_l', 'suboccipitals_r'] },
  { words: 'sciatica down the left leg', pain: ['gluteals_l', 'hamstrings_l'] },
  { words: 'plantar fasciitis from marathon training', pain: ['foot_ankle_r', 'calves_r'] },
  { words: 'rotator cuff strain from swimming', pain: ['rotator_cuff_r', 'deltoid_r'] },
  {
    words: 'whiplash follow-up after a car accident',
    pain: ['posterior_neck_l', 'posterior_neck_r'],
  },
  { words: 'jaw clenching and temporomandibular pain', pain: ['face_jaw_l', 'face_jaw_r'] },
  { words: 'hamstring tightness from cycling', pain: ['hamstrings_l', 'hamstrings_r'] },
  { words: 'insomnia and general stress', pain: ['upper_trapezius_l', 'upper_trapezius_r'] },
  { words: 'carpal tunnel symptoms from typing', pain: ['hand_wrist_r', 'forearm_flexors_r'] },
  { words: 'piriformis syndrome when sitting', pain: ['gluteals_r'] },
];
/** Marked as pain by the neck-stiffness and whiplash complaints: the bench's cohort region. */
export const similarComplaintRegion = 'posterior_neck_r';
const findings = [
  'hypertonic upper trapezius and levator scapulae',
  'trigger points in the quadratus lumborum',
  'adhesions along the iliotibial band',
  'restricted cervical rotation to the right',
  'tender gastrocnemius and soleus',
  'guarding in the rhomboids',
  'forward head posture with rounded shoulders',
  'reduced hip flexion on the left',
];
const responses = [
  'tissue softened well, client relaxed',
  'some soreness expected, pressure tolerated',
  'range of motion improved noticeably',
  'client reported immediate relief',
  'fell asleep halfway through',
];
const homeCare = [
  'doorway pectoral stretch twice daily',
  'heat pack in the evening',
  'chin tucks every hour at the desk',
  'foam roller on the calves',
  'hydrate and walk daily',
];
const rareWords = ['kinesiotape', 'osteopenia', 'fibromyalgia', 'scoliosis', 'bursitis'];

/** `q` values for the note-search scenario: whole words, prefixes, pairs, rare and absent. */
export const noteSearchQueries: string[] = [
  'neck',
  'trapezius',
  'levator scapulae',
  'sciatica',
  'plantar',
  'fasc',
  'rotator cuff',
  'whiplash',
  'headache',
  'piriformis',
  'hamstr',
  'quadratus lumborum',
  'gastrocnemius',
  'foam roller',
  'kinesiotape',
  'osteopenia',
  'fibromyalgia',
  'scoliosis',
  'bursitis',
  'marathon',
  'insomnia',
  'carpal',
  'iliotibial',
  'rhomboids',
  'zzyzx',
  'temporomandibular',
];

const regionCodes = bodyRegions.map((region) => region.code);
const techniqueCodes = defaultTechniques.map((technique) => technique.code);

/**
 * What a therapist usually does with one client: the complaint most visits are about, a
 * handful of techniques from the catalogue, a pressure the client likes (give or take one)
 * and the two products used on them. Long-term clients look like this, not like a random
 * draw from the whole catalogue at every visit.
 */
export interface ClientHabits {
  complaint: number;
  techniques: readonly string[];
  pressure: number;
  productIds: readonly string[];
}

export function clientHabits(random: () => number, productIds: readonly string[]): ClientHabits {
  const first = Math.floor(random() * techniqueCodes.length);
  return {
    complaint: Math.floor(random() * complaints.length),
    techniques: [0, 3, 5, 8, 11].map(
      (step) => techniqueCodes[(first + step) % techniqueCodes.length]!,
    ),
    pressure: 2 + Math.floor(random() * 3),
    productIds: productIds.length
      ? [pick(random, productIds), pick(random, productIds)].filter(
          (id, index, ids) => ids.indexOf(id) === index,
        )
      : [],
  };
}

/**
 * The timeline client comes about a stiff neck (so they belong to the cohort the
 * practice-wide scenario asks about) and is treated as their plan says, with `productIds`.
 */
export function timelineHabits(productIds: readonly string[]): ClientHabits {
  return {
    complaint: 0,
    techniques: ['myofascial_release', 'trigger_point', 'swedish', 'deep_tissue', 'stretching'],
    pressure: 3,
    productIds,
  };
}

/**
 * A valid note for visit number `visit`, following the client's `habits` when given (signed
 * history) and otherwise varied over the whole catalogue, without products (the draft-save
 * bodies).
 */
export function syntheticNote(
  random: () => number,
  visit: number,
  habits?: ClientHabits,
): NoteContent {
  const techniques = [];
  const count = 1 + Math.floor(random() * 3);
  for (let index = 0; index < count; index += 1) {
    const regions = new Set<string>();
    const regionCount = 1 + Math.floor(random() * 4);
    while (regions.size < regionCount) regions.add(pick(random, regionCodes));
    const spread = Math.floor(random() * 3) - 1;
    techniques.push({
      technique: habits
        ? habits.techniques[(visit + index * 2) % habits.techniques.length]!
        : techniqueCodes[(visit + index * 5) % techniqueCodes.length]!,
      regions: [...regions],
      minutes: 10 + Math.floor(random() * 10),
      pressure: habits
        ? Math.min(5, Math.max(1, habits.pressure + spread))
        : 1 + Math.floor(random() * 5),
    });
  }
  const complaint =
    habits && random() < 0.85 ? complaints[habits.complaint]! : pick(random, complaints);
  const products = [];
  if (habits && habits.productIds.length > 0) {
    const roll = random();
    const used = Math.min(habits.productIds.length, roll < 0.2 ? 0 : roll < 0.9 ? 1 : 2);
    const first = Math.floor(random() * habits.productIds.length);
    for (let index = 0; index < used; index += 1)
      products.push({
        productId: habits.productIds[(first + index) % habits.productIds.length]!,
      });
  }
  const painBefore = 3 + Math.floor(random() * 6);
  // A modest planted effect, so "what works" has something to find: myofascial release is
  // followed by a point more relief than the rest.
  const myofascial = techniques.some((use) => use.technique === 'myofascial_release') ? 1 : 0;
  return NoteContent.parse({
    subjective: {
      reasonForVisit: complaint.words,
      symptoms: `${pick(random, complaints).words}; worse in the morning`,
      changesSinceLastVisit: random() < 0.05 ? `new: ${pick(random, rareWords)}` : '',
      painBefore,
      stress: Math.floor(random() * 11),
      sleepQuality: null,
    },
    objective: {
      posture: random() < 0.5 ? 'forward head posture' : '',
      palpation: pick(random, findings),
      rangeOfMotion: 'cervical rotation within normal limits',
      bodyChart: [
        ...complaint.pain.map((region) => ({
          region,
          kind: 'pain',
          intensity: painBefore >= 7 ? 3 : painBefore >= 5 ? 2 : 1,
        })),
        ...techniques[0]!.regions.map((region) => ({
          region,
          kind: 'tension',
          intensity: 1 + Math.floor(random() * 3),
        })),
      ],
    },
    treatment: {
      techniques,
      products,
      heatCold: random() < 0.3 ? 'heat' : 'none',
      clientResponse: pick(random, responses),
    },
    assessment: {
      responseToTreatment: pick(random, responses),
      painAfter: Math.max(0, painBefore - 1 - myofascial - Math.floor(random() * 3)),
      tissueChanges: 'less guarding',
    },
    plan: {
      frequency: 'every two weeks',
      homeCare: pick(random, homeCare),
      focusNextTime: pick(random, findings),
    },
  });
}
