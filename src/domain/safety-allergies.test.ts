import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HealthHistory } from './health-history.js';
import { evaluateSafety, type ProductForSafety } from './safety.js';
import type { SafetySettings } from './safety-rules.js';

/** Allergies and sensitivities checked against the ingredients of the products in a note. */
const today = '2026-11-29';
let next = 0;
const newId = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

function allergic(...allergies: Array<Record<string, unknown>>): HealthHistory {
  return HealthHistory.parse({
    allergies: allergies.map((allergy) => ({ id: newId(), ...allergy })),
  });
}

const oil = (ingredient: string): ProductForSafety => ({
  id: `product-${ingredient}`,
  name: `Pure ${ingredient}`,
  ingredients: [ingredient],
});

/** The ingredients that warn: one product per ingredient, so each warning names its own. */
function warnedIngredients(
  history: HealthHistory,
  ingredients: string[],
  settings?: SafetySettings,
): string[] {
  return evaluateSafety({ history, products: ingredients.map(oil), today, settings })
    .filter((alert) => alert.scope === 'note')
    .map((alert) => alert.trigger.product?.ingredient ?? 'name');
}

const treeNutOils = [
  'sweet_almond_oil',
  'macadamia_oil',
  'argan_oil',
  'hazelnut_oil',
  'kukui_nut_oil',
  'shea_butter',
];
const safeCarriers = ['jojoba_oil', 'grapeseed_oil', 'sunflower_oil'];
const essentialOils = [
  'lavender_oil',
  'peppermint_oil',
  'eucalyptus_oil',
  'rosemary_oil',
  'clary_sage_oil',
];

describe('a tree-nut allergy', () => {
  const nutAllergy = allergic({ substance: 'tree_nut', nut: 'almond', severity: 'anaphylaxis' });

  it('warns about every tree-nut oil and butter, whichever nut was named', () => {
    assert.deepEqual(warnedIngredients(nutAllergy, [...treeNutOils, ...safeCarriers]), treeNutOils);
  });

  it('names the product, the ingredient and the allergy', () => {
    const [warning] = evaluateSafety({
      history: nutAllergy,
      products: [
        {
          id: 'blend',
          name: 'Almond & lavender relaxing blend',
          ingredients: ['sweet_almond_oil', 'lavender_oil'],
        },
      ],
      today,
    }).filter((alert) => alert.scope === 'note');
    assert.equal(
      warning?.message,
      'Almond & lavender relaxing blend contains Sweet almond oil. The client has an allergy: Tree nuts (almond), anaphylaxis. Choose a product without it.',
    );
    assert.equal(warning?.kind, 'allergy');
    assert.equal(warning?.blocking, false);
  });

  it('warns about coconut while the practice counts coconut as a tree nut', () => {
    assert.deepEqual(warnedIngredients(nutAllergy, ['coconut_oil']), ['coconut_oil']);
    assert.deepEqual(
      warnedIngredients(nutAllergy, ['coconut_oil'], { coconutWithTreeNuts: true }),
      ['coconut_oil'],
    );
  });

  it('does not warn about coconut when the practice setting is off', () => {
    assert.deepEqual(
      warnedIngredients(nutAllergy, ['coconut_oil'], { coconutWithTreeNuts: false }),
      [],
    );
  });

  it('does not warn about peanut oil, a legume', () => {
    assert.deepEqual(warnedIngredients(nutAllergy, ['peanut_oil']), []);
  });

  it('warns about an allergy recorded after the product was chosen', () => {
    const products = [oil('macadamia_oil')];
    assert.deepEqual(evaluateSafety({ history: HealthHistory.parse({}), products, today }), []);
    const later = evaluateSafety({ history: nutAllergy, products, today });
    assert.ok(later.some((alert) => alert.trigger.product?.id === 'product-macadamia_oil'));
  });
});

describe('other allergies and sensitivities', () => {
  it('a peanut allergy warns about peanut oil and no tree nut', () => {
    assert.deepEqual(
      warnedIngredients(allergic({ substance: 'peanut' }), ['peanut_oil', ...treeNutOils]),
      ['peanut_oil'],
    );
  });

  it('a coconut allergy warns about coconut whatever the tree-nut setting', () => {
    const coconut = allergic({ substance: 'coconut' });
    for (const coconutWithTreeNuts of [true, false]) {
      assert.deepEqual(
        warnedIngredients(coconut, ['coconut_oil', 'sweet_almond_oil'], { coconutWithTreeNuts }),
        ['coconut_oil'],
      );
    }
  });

  it('a fragrance sensitivity warns about essential oils, menthol and added fragrance', () => {
    assert.deepEqual(
      warnedIngredients(allergic({ substance: 'fragrance' }), [
        ...essentialOils,
        'menthol',
        'fragrance',
        ...safeCarriers,
        'arnica',
      ]),
      [...essentialOils, 'menthol', 'fragrance'],
    );
  });

  it('a sensitivity to one essential oil warns about that oil only', () => {
    assert.deepEqual(
      warnedIngredients(allergic({ substance: 'essential_oil', oil: 'peppermint_oil' }), [
        ...essentialOils,
        'menthol',
      ]),
      ['peppermint_oil'],
    );
  });

  it('an essential-oil sensitivity without a named oil warns about every essential oil', () => {
    assert.deepEqual(
      warnedIngredients(allergic({ substance: 'essential_oil' }), [
        ...essentialOils,
        'menthol',
        'jojoba_oil',
      ]),
      essentialOils,
    );
  });

  it('lanolin and bee-product allergies warn about lanolin and beeswax', () => {
    assert.deepEqual(
      warnedIngredients(allergic({ substance: 'lanolin' }), ['lanolin', 'beeswax']),
      ['lanolin'],
    );
    assert.deepEqual(
      warnedIngredients(allergic({ substance: 'bee_product' }), ['lanolin', 'beeswax']),
      ['beeswax'],
    );
  });

  it('an allergy to a named substance warns about a product containing it', () => {
    const arnica = allergic({ substance: 'other', name: 'arnica' });
    const products = [
      { id: 'gel', name: 'Sore muscle gel', ingredients: ['arnica', 'menthol'] },
      { id: 'oil', name: 'Jojoba', ingredients: ['jojoba_oil'] },
    ];
    const warnings = evaluateSafety({ history: arnica, products, today }).filter(
      (alert) => alert.scope === 'note',
    );
    assert.deepEqual(
      warnings.map((warning) => warning.trigger.product),
      [{ id: 'gel', name: 'Sore muscle gel', ingredient: 'arnica' }],
    );
  });

  it('an allergy to a named product warns about that product by its name', () => {
    const biofreeze = allergic({ substance: 'topical_product', name: 'Biofreeze' });
    const warnings = evaluateSafety({
      history: biofreeze,
      products: [{ id: 'bf', name: 'Biofreeze roll-on', ingredients: ['menthol'] }],
      today,
    }).filter((alert) => alert.scope === 'note');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.trigger.product?.ingredient, null);
  });

  it('a latex allergy stands on the chart and checks no product', () => {
    const alerts = evaluateSafety({
      history: allergic({ substance: 'latex' }),
      products: [oil('sweet_almond_oil'), oil('lavender_oil')],
      today,
    });
    assert.deepEqual(
      alerts.map((alert) => [alert.ruleId, alert.scope]),
      [['allergy.latex', 'history']],
    );
  });

  it('no allergy recorded: no product warns', () => {
    assert.deepEqual(
      warnedIngredients(HealthHistory.parse({}), [
        ...treeNutOils,
        ...essentialOils,
        'coconut_oil',
        'peanut_oil',
        'lanolin',
        'beeswax',
        'menthol',
        'fragrance',
        'arnica',
      ]),
      [],
    );
  });
});
