import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingredientVocabulary } from './catalogue.js';
import { HealthHistory, emptyHealthHistory } from './health-history.js';
import { NoteContent } from './notes.js';
import { bodyRegions } from './body-regions.js';
import { evaluateSafety, type ProductForSafety } from './safety.js';
import { safetyRule, safetyRules } from './safety-rules.js';

/**
 * The whole rule set, rule by rule: each rule fires on a client with its condition, and a
 * client with some other condition (or none) hears nothing from it. The note used for every
 * case is the worst one possible (very firm pressure everywhere, every risky technique, one
 * product per ingredient), so a rule that stays silent stays silent for its match, not
 * because the note gave it nothing to find.
 */
const today = '2026-11-29';
let next = 0;
const newId = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

const everyProduct: ProductForSafety[] = ingredientVocabulary.map((ingredient) => ({
  id: `product-${ingredient.code}`,
  name: `Pure ${ingredient.name}`,
  ingredients: [ingredient.code],
}));

const allRegions = bodyRegions.map((region) => region.code);
const halves = [allRegions.slice(0, 36), allRegions.slice(36)];

// Techniques name at most 63 regions, so each technique is listed twice to cover them all.
const worstNote = NoteContent.parse({
  treatment: {
    techniques: ['deep_tissue', 'cupping', 'joint_mobilisation'].flatMap((technique) =>
      halves.map((regions) => ({ technique, regions, minutes: 5, pressure: 5 })),
    ),
  },
});

function firedRules(history: HealthHistory): string[] {
  const alerts = evaluateSafety({ history, note: worstNote, products: everyProduct, today });
  return [...new Set(alerts.map((alert) => alert.ruleId))].sort();
}

const condition = (code: string, regions: string[] = []) => ({
  conditions: [{ id: newId(), code, name: code, status: 'active', regions }],
});
const medication = (cls: string) => ({
  medications: [{ id: newId(), name: 'Medicine', class: cls }],
});
const allergy = (substance: string, extra: Record<string, unknown> = {}) => ({
  allergies: [{ id: newId(), substance, ...extra }],
});
const recent = (kind: string, date: string, regions = ['knee_l']) => ({
  surgeriesAndInjuries: [{ id: newId(), kind, description: 'Left knee', date, regions }],
});

/** For each rule: a client it is about, and every rule that client's history fires. */
const cases: Array<{ rule: string; client: string; history: unknown; fires: string[] }> = [
  {
    rule: 'absolute.fever',
    client: 'a client with a fever',
    history: condition('fever'),
    fires: ['absolute.fever'],
  },
  {
    rule: 'absolute.acute_infection',
    client: 'a client with the flu',
    history: condition('acute_infection'),
    fires: ['absolute.acute_infection'],
  },
  {
    rule: 'absolute.dvt_pe',
    client: 'a client with a suspected DVT',
    history: condition('dvt', ['calves_l']),
    fires: ['absolute.dvt_pe'],
  },
  {
    rule: 'absolute.dvt_pe',
    client: 'a client with a recent pulmonary embolism',
    history: condition('pulmonary_embolism'),
    fires: ['absolute.dvt_pe'],
  },
  {
    rule: 'absolute.uncontrolled_hypertension',
    client: 'a client with uncontrolled blood pressure',
    history: condition('uncontrolled_hypertension'),
    fires: ['absolute.uncontrolled_hypertension'],
  },
  {
    rule: 'absolute.inflammatory_flare',
    client: 'a client in a lupus flare',
    history: condition('inflammatory_flare'),
    fires: ['absolute.inflammatory_flare'],
  },
  {
    rule: 'local.varicose_veins',
    client: 'a client with varicose veins',
    history: condition('varicose_veins', ['calves_r']),
    fires: ['local.varicose_veins'],
  },
  {
    rule: 'local.skin_infection',
    client: 'a client with cellulitis',
    history: condition('skin_infection', ['shin_l']),
    fires: ['local.skin_infection'],
  },
  {
    rule: 'local.open_wound',
    client: 'a client with an open sore',
    history: condition('open_wound', ['hand_wrist_r']),
    fires: ['local.open_wound'],
  },
  {
    rule: 'local.acute_inflammation',
    client: 'a client with bursitis',
    history: condition('acute_inflammation', ['lateral_hip_l']),
    fires: ['local.acute_inflammation'],
  },
  {
    rule: 'local.recent_surgery',
    client: 'a client operated on a month ago',
    history: recent('surgery', '2026-10-29'),
    fires: ['local.recent_surgery'],
  },
  {
    rule: 'local.recent_fracture',
    client: 'a client with a fracture three weeks ago',
    history: recent('fracture', '2026-11-08'),
    fires: ['local.recent_fracture'],
  },
  {
    rule: 'local.recent_burn',
    client: 'a client burned last month',
    history: recent('burn', '2026-10-20'),
    fires: ['local.recent_burn'],
  },
  {
    rule: 'local.area_to_avoid',
    client: 'a client who asks to leave the abdomen alone',
    history: { areasToAvoid: [{ id: newId(), regions: ['abdomen'], reason: 'Client prefers' }] },
    fires: ['local.area_to_avoid'],
  },
  {
    rule: 'caution.blood_thinner',
    client: 'a client on warfarin',
    history: medication('anticoagulant'),
    fires: ['caution.blood_thinner'],
  },
  {
    rule: 'caution.blood_thinner',
    client: 'a client on daily aspirin',
    history: medication('antiplatelet'),
    fires: ['caution.blood_thinner'],
  },
  {
    rule: 'caution.blood_thinner',
    client: 'a client with hemophilia',
    history: condition('bleeding_disorder'),
    fires: ['caution.blood_thinner'],
  },
  {
    rule: 'caution.corticosteroid',
    client: 'a client on prednisone',
    history: medication('corticosteroid'),
    fires: ['caution.corticosteroid'],
  },
  {
    rule: 'caution.masked_pain',
    client: 'a client on ibuprofen',
    history: medication('analgesic_nsaid'),
    fires: ['caution.masked_pain'],
  },
  {
    rule: 'caution.masked_pain',
    client: 'a client on an opioid',
    history: medication('opioid'),
    fires: ['caution.masked_pain'],
  },
  {
    rule: 'caution.masked_pain',
    client: 'a client on a muscle relaxant',
    history: medication('muscle_relaxant'),
    fires: ['caution.masked_pain'],
  },
  {
    rule: 'caution.blood_pressure',
    client: 'a client on blood pressure medicine',
    history: medication('antihypertensive'),
    fires: ['caution.blood_pressure'],
  },
  {
    rule: 'caution.blood_pressure',
    client: 'a client with controlled high blood pressure',
    history: condition('hypertension'),
    fires: ['caution.blood_pressure'],
  },
  {
    rule: 'caution.pregnancy',
    client: 'a pregnant client',
    history: { pregnancy: { pregnant: true, dueDate: '2027-04-01' } },
    fires: ['caution.pregnancy', 'caution.pregnancy_essential_oils'],
  },
  {
    rule: 'caution.high_risk_pregnancy',
    client: 'a client with a high-risk pregnancy',
    history: { pregnancy: { pregnant: true, highRisk: true } },
    fires: ['caution.high_risk_pregnancy', 'caution.pregnancy', 'caution.pregnancy_essential_oils'],
  },
  {
    rule: 'caution.osteoporosis',
    client: 'a client with osteoporosis',
    history: condition('osteoporosis'),
    fires: ['caution.osteoporosis'],
  },
  {
    rule: 'caution.reduced_sensation',
    client: 'a client with diabetes',
    history: condition('diabetes'),
    fires: ['caution.reduced_sensation'],
  },
  {
    rule: 'caution.reduced_sensation',
    client: 'a client with neuropathy',
    history: condition('peripheral_neuropathy'),
    fires: ['caution.reduced_sensation'],
  },
  {
    rule: 'caution.reduced_sensation',
    client: 'a client on insulin',
    history: medication('insulin_diabetes'),
    fires: ['caution.reduced_sensation'],
  },
  {
    rule: 'caution.recent_injury',
    client: 'a client who sprained an ankle two weeks ago',
    history: recent('sprain_strain', '2026-11-15', ['foot_ankle_l']),
    fires: ['caution.recent_injury'],
  },
  {
    rule: 'caution.cancer',
    client: 'a client in cancer treatment',
    history: condition('cancer'),
    fires: ['caution.cancer'],
  },
  {
    rule: 'caution.lymphedema',
    client: 'a client with lymphedema of the left arm',
    history: condition('lymphedema', ['upper_arm_anterior_l']),
    fires: ['caution.lymphedema'],
  },
  {
    rule: 'allergy.tree_nut',
    client: 'a client with a tree-nut allergy',
    history: allergy('tree_nut', { nut: 'almond', severity: 'severe' }),
    fires: ['allergy.tree_nut', 'allergy.tree_nut_coconut'],
  },
  {
    rule: 'allergy.peanut',
    client: 'a client with a peanut allergy',
    history: allergy('peanut'),
    fires: ['allergy.peanut'],
  },
  {
    rule: 'allergy.coconut',
    client: 'a client allergic to coconut',
    history: allergy('coconut'),
    fires: ['allergy.coconut'],
  },
  {
    rule: 'allergy.fragrance',
    client: 'a client sensitive to fragrance',
    history: allergy('fragrance'),
    fires: ['allergy.fragrance'],
  },
  {
    rule: 'allergy.essential_oil',
    client: 'a client sensitive to lavender oil',
    history: allergy('essential_oil', { oil: 'lavender_oil' }),
    fires: ['allergy.essential_oil'],
  },
  {
    rule: 'allergy.lanolin',
    client: 'a client allergic to lanolin',
    history: allergy('lanolin'),
    fires: ['allergy.lanolin'],
  },
  {
    rule: 'allergy.bee_product',
    client: 'a client allergic to beeswax',
    history: allergy('bee_product'),
    fires: ['allergy.bee_product'],
  },
  {
    rule: 'allergy.named_product',
    client: 'a client allergic to arnica',
    history: allergy('other', { name: 'Arnica' }),
    fires: ['allergy.named_product'],
  },
  {
    rule: 'allergy.latex',
    client: 'a client allergic to latex',
    history: allergy('latex'),
    fires: ['allergy.latex'],
  },
];

describe('the safety rule set', () => {
  it('fires every rule in at least one case below, so no rule ships untested', () => {
    const fired = new Set(cases.flatMap((entry) => entry.fires));
    assert.deepEqual(
      safetyRules.map((rule) => rule.id).filter((id) => !fired.has(id)),
      [],
    );
  });

  it('gives every rule a rationale and a source', () => {
    for (const rule of safetyRules) {
      assert.ok(rule.rationale.trim().length >= 20, `${rule.id} needs a rationale`);
      assert.ok(rule.source.trim().length >= 20, `${rule.id} needs a source`);
      assert.ok(rule.message.trim().length > 0, `${rule.id} needs a message`);
    }
  });

  it('never reuses a rule id', () => {
    const ids = safetyRules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.equal(safetyRule(id)?.id, id);
  });

  it('gives every rule checked in a note the words to end its warning', () => {
    for (const rule of safetyRules) {
      const needsWords = rule.inNote.some((match) => match.on !== 'technique');
      if (needsWords) assert.ok(rule.noteMessage, `${rule.id} needs a note message`);
    }
  });

  it('raises nothing for a healthy client, even for the deepest work with every product', () => {
    assert.deepEqual(firedRules(emptyHealthHistory()), []);
  });

  for (const entry of cases) {
    it(`${entry.rule} fires for ${entry.client}, and no unrelated rule does`, () => {
      assert.deepEqual(firedRules(HealthHistory.parse(entry.history)), [...entry.fires].sort());
    });
  }

  it('keeps every rule silent once its condition is resolved', () => {
    for (const entry of cases) {
      const history = HealthHistory.parse(entry.history);
      if (!history.conditions.length) continue;
      const resolved = HealthHistory.parse({
        conditions: history.conditions.map((item) => ({ ...item, status: 'resolved' })),
      });
      assert.deepEqual(firedRules(resolved), [], `${entry.client}, resolved`);
    }
  });

  it('still counts a managed condition', () => {
    const history = HealthHistory.parse({
      conditions: [{ id: newId(), code: 'diabetes', name: 'Type 2', status: 'managed' }],
    });
    assert.deepEqual(firedRules(history), ['caution.reduced_sensation']);
  });

  it('ignores a condition recorded without a code', () => {
    const history = HealthHistory.parse({
      conditions: [{ id: newId(), code: null, name: 'Fever last week', status: 'active' }],
    });
    assert.deepEqual(firedRules(history), []);
  });
});
