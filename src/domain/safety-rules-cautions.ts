import type { SafetyRule } from './safety-rules.js';
import { cite, references } from './safety-sources.js';

/**
 * Cautions: massage goes ahead with adjustments. Pressure uses the note's 1–5 scale
 * (1 light … 3 firm, 4 deep, 5 very firm), so "keep pressure at 3 or lighter" is checkable:
 * a technique at 4 or 5 in the note warns, naming the technique.
 */
const pressureLimit = { on: 'pressure', atLeast: 4, regions: 'anywhere' } as const;

export const cautionRules: readonly SafetyRule[] = [
  {
    id: 'caution.blood_thinner',
    kind: 'caution',
    title: 'Blood thinner or bleeding disorder',
    when: [
      { on: 'medication', classes: ['anticoagulant', 'antiplatelet'] },
      { on: 'condition', codes: ['bleeding_disorder'] },
    ],
    onChart: true,
    inNote: [
      pressureLimit,
      {
        on: 'technique',
        codes: ['cupping', 'instrument_assisted', 'cross_fibre_friction'],
        why: 'cupping, scraping and deep friction bruise easily on a blood thinner; choose another technique.',
      },
    ],
    message:
      'Blood thinner or bleeding disorder: keep pressure at 3 (firm) or lighter and avoid cupping, scraping and deep friction, which bruise.',
    noteMessage: 'Bruising and bleeding risk: keep pressure at 3 or lighter.',
    rationale:
      'Anticoagulants and antiplatelets slow clotting, so deep or shearing work bruises easily and can bleed under the skin.',
    source: cite(
      `${references.walton}, anticoagulant therapy`,
      references.persad,
      references.werner,
    ),
  },
  {
    id: 'caution.corticosteroid',
    kind: 'caution',
    title: 'Corticosteroids',
    when: [{ on: 'medication', classes: ['corticosteroid'] }],
    onChart: true,
    inNote: [pressureLimit],
    message:
      'Corticosteroids: skin, connective tissue and bone may be fragile; keep pressure at 3 or lighter and avoid friction.',
    noteMessage: 'Tissue and bone may be fragile on steroids: keep pressure at 3 or lighter.',
    rationale:
      'Long-term steroid use thins skin and connective tissue and lowers bone density; it can also mask inflammation.',
    source: cite(references.persad, `${references.werner}, corticosteroid side effects`),
  },
  {
    id: 'caution.masked_pain',
    kind: 'caution',
    title: 'Pain relievers or muscle relaxants',
    when: [{ on: 'medication', classes: ['analgesic_nsaid', 'opioid', 'muscle_relaxant'] }],
    onChart: true,
    inNote: [pressureLimit],
    message:
      'Pain relievers or muscle relaxants: the client may not feel when pressure is too much. Work more gently than their feedback suggests, ask when they last took a dose, and help them up slowly.',
    noteMessage: 'Pain feedback may be masked by medication: keep pressure at 3 or lighter.',
    rationale:
      'Analgesics, opioids and muscle relaxants blunt the pain and guarding that warn of overtreatment; opioids and relaxants also cause drowsiness and dizziness.',
    source: cite(references.persad, references.walton),
  },
  {
    id: 'caution.blood_pressure',
    kind: 'caution',
    title: 'Blood pressure',
    when: [
      { on: 'medication', classes: ['antihypertensive'] },
      { on: 'condition', codes: ['hypertension'] },
    ],
    onChart: true,
    inNote: [],
    message:
      'Blood pressure: help the client sit up slowly and pause before standing; they may feel dizzy after the session.',
    noteMessage: null,
    rationale:
      'Blood pressure medicines and the relaxation of massage both lower blood pressure, so dizziness on getting up is common.',
    source: cite(references.persad, `${references.werner}, entry on hypertension`),
  },
  {
    id: 'caution.pregnancy',
    kind: 'caution',
    title: 'Pregnancy',
    when: [{ on: 'pregnancy', highRiskOnly: false }],
    onChart: true,
    inNote: [
      {
        on: 'pressure',
        atLeast: 4,
        regions: ['adductors_l', 'adductors_r', 'calves_l', 'calves_r'],
      },
    ],
    message:
      'Pregnancy: position side-lying or semi-reclined with support rather than flat on the back; light pressure on the inner thighs and calves; avoid essential oils commonly cautioned in pregnancy.',
    noteMessage:
      'Clots are more likely in pregnancy: use light pressure on the inner thighs and calves.',
    rationale:
      'From mid-pregnancy, lying flat can press the uterus on the large veins; pregnancy also raises the risk of clots in the legs.',
    source: cite(references.stillerman, `${references.werner}, entry on pregnancy`),
  },
  {
    id: 'caution.high_risk_pregnancy',
    kind: 'caution',
    title: 'High-risk pregnancy',
    when: [{ on: 'pregnancy', highRiskOnly: true }],
    onChart: true,
    inNote: [],
    message: 'High-risk pregnancy: massage only with the agreement of the obstetric care provider.',
    noteMessage: null,
    rationale:
      'Complications such as pre-eclampsia, placenta previa or a history of preterm labour change what is safe; the care provider knows the details.',
    source: references.stillerman,
  },
  {
    id: 'caution.pregnancy_essential_oils',
    kind: 'caution',
    title: 'Essential oil in pregnancy',
    when: [{ on: 'pregnancy', highRiskOnly: false }],
    onChart: false,
    inNote: [
      {
        on: 'ingredient',
        groups: [],
        codes: ['clary_sage_oil', 'rosemary_oil', 'peppermint_oil'],
        narrowToOil: false,
      },
    ],
    message: 'Essential oils commonly cautioned in pregnancy: clary sage, rosemary, peppermint.',
    noteMessage:
      'This oil is on common aromatherapy caution lists for pregnancy; prefer an unscented product.',
    rationale:
      'Aromatherapy teaching commonly lists clary sage, rosemary and peppermint to avoid or dilute strongly in pregnancy. The evidence is thin and Tisserand and Young restrict fewer oils, so this is a caution, not a contraindication.',
    source: cite(references.tisserand, references.stillerman),
  },
  {
    id: 'caution.osteoporosis',
    kind: 'caution',
    title: 'Osteoporosis',
    when: [{ on: 'condition', codes: ['osteoporosis'] }],
    onChart: true,
    inNote: [
      pressureLimit,
      {
        on: 'technique',
        codes: ['joint_mobilisation'],
        why: 'forceful mobilisation can fracture fragile bone; mobilise gently, within comfort.',
      },
    ],
    message:
      'Osteoporosis: bones may break under pressure; keep pressure at 3 or lighter, especially over ribs and spine, and avoid forceful joint mobilisation.',
    noteMessage: 'Fragile bones: keep pressure at 3 or lighter and mobilise gently.',
    rationale: 'Low bone density makes ribs and vertebrae liable to fracture under deep pressure.',
    source: cite(`${references.werner}, entry on osteoporosis`, references.walton),
  },
  {
    id: 'caution.reduced_sensation',
    kind: 'caution',
    title: 'Diabetes or reduced sensation',
    when: [
      { on: 'condition', codes: ['diabetes', 'peripheral_neuropathy'] },
      { on: 'medication', classes: ['insulin_diabetes'] },
    ],
    onChart: true,
    inNote: [
      {
        on: 'pressure',
        atLeast: 4,
        regions: ['foot_ankle_l', 'foot_ankle_r', 'shin_l', 'shin_r', 'calves_l', 'calves_r'],
      },
    ],
    message:
      'Diabetes or neuropathy: sensation may be reduced, especially in the feet, so the client may not feel too much pressure; avoid recent insulin injection sites; have a sugary snack at hand.',
    noteMessage:
      'Sensation in the lower legs and feet may be reduced: keep pressure at 3 or lighter.',
    rationale:
      'Neuropathy dulls the feedback that limits pressure, and skin heals slowly; massage can also lower blood sugar in clients on insulin.',
    source: cite(`${references.werner}, entry on diabetes mellitus`, references.walton),
  },
  {
    id: 'caution.recent_injury',
    kind: 'caution',
    title: 'Recent injury',
    when: [
      {
        on: 'recent',
        kinds: [
          'sprain_strain',
          'whiplash',
          'dislocation',
          'contusion',
          'concussion',
          'wound',
          'other_injury',
        ],
        withinDays: 42,
      },
    ],
    onChart: true,
    inNote: [{ on: 'pressure', atLeast: 4, regions: 'matched' }],
    message:
      'Injury in the last 6 weeks: in the first days no direct work on the injured area; afterwards work gently around it as healing allows.',
    noteMessage: 'The injured tissue is still healing: keep pressure at 3 or lighter there.',
    rationale: 'Healing tissue stays weak for about six weeks; deep pressure can re-injure it.',
    source: cite(`${references.werner}, entries on sprains and strains`, references.salvo),
  },
  {
    id: 'caution.cancer',
    kind: 'caution',
    title: 'Cancer',
    when: [{ on: 'condition', codes: ['cancer'] }],
    onChart: true,
    inNote: [pressureLimit],
    message:
      'Cancer: adapt pressure, position and sites to the treatment (tumour sites, ports, radiation areas, lymph node removal); ask about blood counts and clots.',
    noteMessage: 'During or after cancer treatment keep pressure at 3 or lighter unless cleared.',
    rationale:
      'Cancer treatment brings bleeding, clot, bone and lymphedema risks; pressure and sites follow the treatment rather than the diagnosis alone.',
    source: cite(references.walton, references.macdonald),
  },
  {
    id: 'caution.lymphedema',
    kind: 'caution',
    title: 'Lymphedema',
    when: [{ on: 'condition', codes: ['lymphedema'] }],
    onChart: true,
    inNote: [{ on: 'pressure', atLeast: 3, regions: 'matched' }],
    message:
      'Lymphedema: only light pressure on the affected limb and its quarter of the trunk; no deep work or heat there.',
    noteMessage: 'Only light pressure (1 or 2) on a limb with lymphedema.',
    rationale: 'Deep pressure and heat increase lymph load and can worsen swelling.',
    source: cite(references.walton, references.macdonald),
  },
];
