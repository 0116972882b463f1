import type { SafetyRule } from './safety-rules.js';
import { cite, references } from './safety-sources.js';

/**
 * Absolute and local contraindications. Reviewed as data: each rule says what it matches, what
 * the therapist is told, why, and where it comes from (see safety-rules.ts for the shape).
 */
const absolute: SafetyRule[] = [
  {
    id: 'absolute.fever',
    kind: 'absolute',
    title: 'Fever',
    when: [{ on: 'condition', codes: ['fever'] }],
    onChart: true,
    inNote: [],
    message: 'Fever: no massage today. Rebook once the fever has been gone for at least a day.',
    noteMessage: null,
    rationale:
      'A fever means the body is fighting an infection. Massage adds to the load on the circulation and may spread a contagious illness to the therapist and other clients.',
    source: cite(`${references.werner}, entry on fever`, references.batavia),
  },
  {
    id: 'absolute.acute_infection',
    kind: 'absolute',
    title: 'Acute infection',
    when: [{ on: 'condition', codes: ['acute_infection'] }],
    onChart: true,
    inNote: [],
    message: 'Acute infection (e.g. flu): no massage until the client has recovered.',
    noteMessage: null,
    rationale:
      'During an acute systemic infection massage can make the client feel worse and exposes the therapist and later clients to a contagious illness.',
    source: cite(`${references.werner}, infectious conditions`, references.salvo),
  },
  {
    id: 'absolute.dvt_pe',
    kind: 'absolute',
    title: 'Blood clot (DVT or pulmonary embolism)',
    when: [{ on: 'condition', codes: ['dvt', 'pulmonary_embolism'] }],
    onChart: true,
    inNote: [],
    message:
      'Suspected or recent blood clot: no massage until a physician has cleared the client. One calf swollen, warm and painful, or sudden breathlessness, needs medical care now.',
    noteMessage: null,
    rationale:
      'Pressure or movement over a deep vein thrombosis could dislodge the clot; a clot that reaches the lungs (pulmonary embolism) can be fatal.',
    source: cite(`${references.werner}, entry on deep vein thrombosis`, references.walton),
  },
  {
    id: 'absolute.uncontrolled_hypertension',
    kind: 'absolute',
    title: 'Uncontrolled high blood pressure',
    when: [{ on: 'condition', codes: ['uncontrolled_hypertension'] }],
    onChart: true,
    inNote: [],
    message:
      'Severe or uncontrolled high blood pressure: no massage until it is under medical control.',
    noteMessage: null,
    rationale:
      'Blood pressure this high carries a risk of stroke and heart events; vigorous work and changes of position add strain.',
    source: cite(`${references.werner}, entry on hypertension`, references.batavia),
  },
  {
    id: 'absolute.inflammatory_flare',
    kind: 'absolute',
    title: 'Inflammatory disease flare',
    when: [{ on: 'condition', codes: ['inflammatory_flare'] }],
    onChart: true,
    inNote: [],
    message:
      'Acute flare of an inflammatory disease (e.g. rheumatoid arthritis, lupus): no massage during the flare; resume gently once it settles.',
    noteMessage: null,
    rationale:
      'During a systemic flare the joints and tissues are acutely inflamed and the client is often feverish and exhausted; massage can worsen the inflammation.',
    source: cite(
      `${references.werner}, entries on rheumatoid arthritis and lupus`,
      references.salvo,
    ),
  },
];

const local: SafetyRule[] = [
  {
    id: 'local.varicose_veins',
    kind: 'local',
    title: 'Varicose veins',
    when: [{ on: 'condition', codes: ['varicose_veins'] }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message:
      'Varicose veins: no pressure on the affected veins; work around them with light strokes.',
    noteMessage: 'Use light strokes around the veins, never pressure on them.',
    rationale:
      'Distended veins have weak walls, bruise easily and can hide small clots; pressure may damage them.',
    source: cite(`${references.werner}, entry on varicose veins`, references.salvo),
  },
  {
    id: 'local.skin_infection',
    kind: 'local',
    title: 'Skin infection',
    when: [{ on: 'condition', codes: ['skin_infection'] }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message:
      'Skin infection: do not touch the affected area. If it is spreading or with fever, no massage at all.',
    noteMessage: 'Leave the infected skin untouched.',
    rationale:
      'Many skin infections are contagious (impetigo, fungal infections) and some spread through the lymph (cellulitis).',
    source: cite(`${references.werner}, skin infections`, references.salvo),
  },
  {
    id: 'local.open_wound',
    kind: 'local',
    title: 'Open wound',
    when: [{ on: 'condition', codes: ['open_wound'] }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message: 'Open wound or sore: avoid the area until it has closed.',
    noteMessage: 'Work around the wound, not on it.',
    rationale: 'Broken skin lets infection in both ways and tears further under pressure.',
    source: cite(`${references.werner}, entry on wounds`, references.salvo),
  },
  {
    id: 'local.acute_inflammation',
    kind: 'local',
    title: 'Acute inflammation',
    when: [{ on: 'condition', codes: ['acute_inflammation'] }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message: 'Acute local inflammation: no direct work on the inflamed area; work around it.',
    noteMessage: 'Work around the inflamed area, not on it.',
    rationale: 'Pressure and heat on acutely inflamed tissue add to swelling and pain.',
    source: cite(`${references.werner}, acute stage of bursitis and tendinopathies`),
  },
  {
    id: 'local.recent_surgery',
    kind: 'local',
    title: 'Recent surgery',
    when: [{ on: 'recent', kinds: ['surgery'], withinDays: 90 }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message:
      'Surgery in the last 90 days: avoid the surgical site and scar until healed and cleared by the surgeon; watch for signs of a clot in the legs.',
    noteMessage: 'Keep off the surgical site until the surgeon has cleared it.',
    rationale:
      'An incision needs weeks to regain strength; pressure risks reopening it and infection. Clots are more likely in the weeks after surgery.',
    source: cite(`${references.werner}, post-surgical situations`, references.walton),
  },
  {
    id: 'local.recent_fracture',
    kind: 'local',
    title: 'Recent fracture',
    when: [{ on: 'recent', kinds: ['fracture'], withinDays: 56 }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message:
      'Fracture in the last 8 weeks: no pressure on the fracture site; gentle work elsewhere.',
    noteMessage: 'No pressure on the fracture site while the bone heals.',
    rationale: 'Bone takes about six to eight weeks to knit; pressure or movement can displace it.',
    source: cite(`${references.werner}, entry on fractures`, references.salvo),
  },
  {
    id: 'local.recent_burn',
    kind: 'local',
    title: 'Recent burn',
    when: [{ on: 'recent', kinds: ['burn'], withinDays: 90 }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message: 'Burn in the last 90 days: avoid the burn and any graft until fully healed.',
    noteMessage: 'Keep off the healing burn.',
    rationale: 'Healing skin is fragile and prone to infection; grafts must not be sheared.',
    source: cite(`${references.werner}, entry on burns`, references.salvo),
  },
  {
    id: 'local.area_to_avoid',
    kind: 'local',
    title: 'Area to avoid',
    when: [{ on: 'area_to_avoid' }],
    onChart: true,
    inNote: [{ on: 'treated_region' }],
    message: 'The health history asks to avoid these areas.',
    noteMessage: 'The health history asks to avoid it.',
    rationale: 'The client or a therapist recorded a reason to leave these areas alone.',
    source: references.clientInstruction,
  },
];

export const contraindicationRules: readonly SafetyRule[] = [...absolute, ...local];
