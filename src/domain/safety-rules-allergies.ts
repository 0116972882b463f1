import type { SafetyRule } from './safety-rules.js';
import { cite, references } from './safety-sources.js';

/**
 * Allergies checked against the ingredients of the products in a note. Substances map to the
 * ingredient groups of `ingredientVocabulary` (catalogue.ts), so a product added to the
 * catalogue with its ingredients is checked without touching these rules.
 */
function ingredientRule(
  id: string,
  title: string,
  substance: 'tree_nut' | 'peanut' | 'coconut' | 'fragrance' | 'lanolin' | 'bee_product',
  groups: string[],
  message: string,
  rationale: string,
): SafetyRule {
  return {
    id,
    kind: 'allergy',
    title,
    when: [{ on: 'allergy', substances: [substance] }],
    onChart: true,
    inNote: [{ on: 'ingredient', groups, codes: [], narrowToOil: false }],
    message,
    noteMessage: 'Choose a product without it.',
    rationale,
    source: cite(references.allergenAvoidance, references.practicePolicy),
  };
}

export const allergyRules: readonly SafetyRule[] = [
  ingredientRule(
    'allergy.tree_nut',
    'Tree-nut allergy',
    'tree_nut',
    ['tree_nut'],
    'Tree-nut allergy: no products with nut oils or butters (sweet almond, macadamia, argan, hazelnut, kukui, shea).',
    'Nut oils and butters can carry nut proteins. Reactions between different tree nuts are common, so every tree-nut ingredient warns whichever nut was named; refined shea and kukui carry little protein, but a false alarm costs less than a reaction.',
  ),
  {
    ...ingredientRule(
      'allergy.tree_nut_coconut',
      'Tree-nut allergy and coconut',
      'tree_nut',
      ['coconut'],
      'Tree-nut allergy: this practice also avoids coconut for clients with a tree-nut allergy.',
      'Coconut is not botanically a tree nut and coconut allergy is rare, but some labelling and some clients count it as one; the practice decides with a setting.',
    ),
    onChart: false,
    noteMessage: 'This practice treats coconut like a tree nut: choose a product without it.',
    setting: 'coconutWithTreeNuts',
  },
  ingredientRule(
    'allergy.peanut',
    'Peanut allergy',
    'peanut',
    ['peanut'],
    'Peanut allergy: no products with peanut (arachis) oil.',
    'Unrefined peanut oil can carry peanut protein, and peanut allergy can be severe.',
  ),
  ingredientRule(
    'allergy.coconut',
    'Coconut allergy',
    'coconut',
    ['coconut'],
    'Coconut allergy: no products with coconut oil.',
    'Coconut oil, fractionated or not, can cause skin reactions in people allergic to coconut.',
  ),
  ingredientRule(
    'allergy.fragrance',
    'Fragrance sensitivity',
    'fragrance',
    ['fragrance'],
    'Fragrance sensitivity: use unscented products; no essential oils, menthol or added fragrance.',
    'Essential oils, menthol and added fragrance are the common causes of fragrance reactions, on the skin and by breathing them in.',
  ),
  {
    id: 'allergy.essential_oil',
    kind: 'allergy',
    title: 'Essential oil sensitivity',
    when: [{ on: 'allergy', substances: ['essential_oil'] }],
    onChart: true,
    inNote: [{ on: 'ingredient', groups: ['essential_oil'], codes: [], narrowToOil: true }],
    message:
      'Essential oil sensitivity: avoid the oil named, or every essential oil when none is named.',
    noteMessage: 'Choose a product without it.',
    rationale:
      'A sensitivity to one essential oil is checked against that oil; when the client cannot say which, every essential oil warns.',
    source: cite(references.tisserand, references.allergenAvoidance),
  },
  ingredientRule(
    'allergy.lanolin',
    'Lanolin / wool allergy',
    'lanolin',
    ['wool'],
    'Lanolin or wool allergy: no products with lanolin.',
    'Lanolin is wool grease and a well-known cause of contact allergy.',
  ),
  ingredientRule(
    'allergy.bee_product',
    'Bee product allergy',
    'bee_product',
    ['bee_product'],
    'Bee product allergy: no products with beeswax, propolis or honey.',
    'Beeswax and especially propolis cause contact allergy in people sensitised to bee products.',
  ),
  {
    id: 'allergy.named_product',
    kind: 'allergy',
    title: 'Allergy to a named product or substance',
    when: [{ on: 'allergy', substances: ['topical_product', 'other'] }],
    onChart: true,
    inNote: [{ on: 'named_product' }],
    message:
      'Allergy to a named product or substance: check each product’s name and ingredients before use.',
    noteMessage: 'Choose another product.',
    rationale:
      'Only the name is known, so it is matched against product and ingredient names; a product with a different name can still contain it.',
    source: cite(references.allergenAvoidance, references.practicePolicy),
  },
  {
    id: 'allergy.latex',
    kind: 'allergy',
    title: 'Latex allergy',
    when: [{ on: 'allergy', substances: ['latex'] }],
    onChart: true,
    inNote: [],
    message: 'Latex allergy: use latex-free (nitrile) gloves, and check bands and tools for latex.',
    noteMessage: null,
    rationale: 'Latex proteins cause reactions from hives to anaphylaxis on skin contact.',
    source: references.latexPrecautions,
  },
];
