import { z } from 'zod';
import { requiredText } from './text.js';

/**
 * What a practice offers and uses, shipped with sensible defaults the owner can extend. Codes
 * are stored in notes for years, so they are never reused: entries are retired, not deleted.
 */
export const CatalogueCode = z
  .string()
  .trim()
  .min(2, 'Must be at least 2 characters.')
  .max(40, 'Must be at most 40 characters.')
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores, e.g. hot_stone.');

export const defaultTechniques: Array<{ code: string; name: string }> = [
  { code: 'swedish', name: 'Swedish' },
  { code: 'deep_tissue', name: 'Deep tissue' },
  { code: 'myofascial_release', name: 'Myofascial release' },
  { code: 'trigger_point', name: 'Trigger point therapy' },
  { code: 'sports', name: 'Sports massage' },
  { code: 'lymphatic_drainage', name: 'Manual lymphatic drainage' },
  { code: 'prenatal', name: 'Prenatal massage' },
  { code: 'hot_stone', name: 'Hot stone' },
  { code: 'cupping', name: 'Cupping' },
  { code: 'stretching', name: 'Assisted stretching' },
  { code: 'reflexology', name: 'Reflexology' },
  { code: 'joint_mobilisation', name: 'Joint mobilisation' },
  { code: 'cross_fibre_friction', name: 'Cross-fibre friction' },
  { code: 'instrument_assisted', name: 'Instrument-assisted soft tissue' },
];

export const defaultSessionTypes: Array<{ code: string; name: string; minutes: number }> = [
  { code: 'relaxation', name: 'Relaxation', minutes: 60 },
  { code: 'therapeutic', name: 'Therapeutic', minutes: 60 },
  { code: 'sports', name: 'Sports', minutes: 60 },
  { code: 'prenatal', name: 'Prenatal', minutes: 60 },
  { code: 'assessment', name: 'Initial assessment and treatment', minutes: 75 },
];

/**
 * Ingredients named by stable codes, so a nut allergy can be matched against every product
 * that contains a nut oil. Groups serve the allergy rules that come with health history.
 */
export const ingredientVocabulary: Array<{ code: string; name: string; groups: string[] }> = [
  { code: 'sweet_almond_oil', name: 'Sweet almond oil', groups: ['tree_nut', 'carrier_oil'] },
  { code: 'macadamia_oil', name: 'Macadamia oil', groups: ['tree_nut', 'carrier_oil'] },
  { code: 'argan_oil', name: 'Argan oil', groups: ['tree_nut', 'carrier_oil'] },
  { code: 'hazelnut_oil', name: 'Hazelnut oil', groups: ['tree_nut', 'carrier_oil'] },
  { code: 'kukui_nut_oil', name: 'Kukui nut oil', groups: ['tree_nut', 'carrier_oil'] },
  { code: 'shea_butter', name: 'Shea butter', groups: ['tree_nut'] },
  { code: 'coconut_oil', name: 'Coconut oil', groups: ['coconut', 'carrier_oil'] },
  { code: 'jojoba_oil', name: 'Jojoba oil', groups: ['carrier_oil'] },
  { code: 'grapeseed_oil', name: 'Grapeseed oil', groups: ['carrier_oil'] },
  { code: 'sunflower_oil', name: 'Sunflower oil', groups: ['carrier_oil'] },
  { code: 'peanut_oil', name: 'Peanut (arachis) oil', groups: ['peanut', 'carrier_oil'] },
  { code: 'arnica', name: 'Arnica', groups: ['botanical'] },
  { code: 'lavender_oil', name: 'Lavender essential oil', groups: ['essential_oil', 'fragrance'] },
  {
    code: 'peppermint_oil',
    name: 'Peppermint essential oil',
    groups: ['essential_oil', 'fragrance'],
  },
  {
    code: 'eucalyptus_oil',
    name: 'Eucalyptus essential oil',
    groups: ['essential_oil', 'fragrance'],
  },
  { code: 'rosemary_oil', name: 'Rosemary essential oil', groups: ['essential_oil', 'fragrance'] },
  {
    code: 'clary_sage_oil',
    name: 'Clary sage essential oil',
    groups: ['essential_oil', 'fragrance'],
  },
  { code: 'menthol', name: 'Menthol', groups: ['fragrance'] },
  { code: 'fragrance', name: 'Added fragrance', groups: ['fragrance'] },
  { code: 'lanolin', name: 'Lanolin', groups: ['wool'] },
  { code: 'beeswax', name: 'Beeswax', groups: ['bee_product'] },
];

const ingredientCodes = new Set(ingredientVocabulary.map((ingredient) => ingredient.code));

export const ProductKind = z.enum(['oil', 'lotion', 'cream', 'gel', 'balm', 'blend']);

export const ProductInput = z.object({
  name: requiredText(120, 'Product name'),
  kind: ProductKind,
  ingredients: z
    .array(z.string().refine((code) => ingredientCodes.has(code), 'Unknown ingredient code.'))
    .min(1, 'List at least one ingredient.')
    .max(30),
});
export type ProductInput = z.infer<typeof ProductInput>;

export const defaultProducts: ProductInput[] = [
  { name: 'Sweet almond oil', kind: 'oil', ingredients: ['sweet_almond_oil'] },
  {
    name: 'Almond & lavender relaxing blend',
    kind: 'blend',
    ingredients: ['sweet_almond_oil', 'lavender_oil'],
  },
  { name: 'Fractionated coconut oil', kind: 'oil', ingredients: ['coconut_oil'] },
  { name: 'Unscented jojoba oil', kind: 'oil', ingredients: ['jojoba_oil'] },
  { name: 'Grapeseed oil', kind: 'oil', ingredients: ['grapeseed_oil'] },
  { name: 'Shea massage cream', kind: 'cream', ingredients: ['shea_butter', 'sunflower_oil'] },
  { name: 'Arnica gel', kind: 'gel', ingredients: ['arnica', 'menthol'] },
  {
    name: 'Peppermint & eucalyptus sports balm',
    kind: 'balm',
    ingredients: ['beeswax', 'peppermint_oil', 'eucalyptus_oil', 'grapeseed_oil'],
  },
];

/**
 * The catalogue entries (technique codes, product ids) a note may name: every active entry,
 * and a retired one only if this note named it already. Retiring stops new use; it never
 * makes a draft that used the entry unsaveable.
 */
export function usableInNote(
  entries: ReadonlyArray<{ key: string; retiredAt: string | null }>,
  alreadyNamed: Iterable<string>,
): Set<string> {
  const named = new Set(alreadyNamed);
  return new Set(
    entries
      .filter((entry) => entry.retiredAt === null || named.has(entry.key))
      .map((entry) => entry.key),
  );
}

export const TechniqueInput = z.object({
  code: CatalogueCode,
  name: requiredText(80, 'Technique name'),
});
export const SessionTypeInput = z.object({
  code: CatalogueCode,
  name: requiredText(80, 'Session type name'),
  minutes: z.number().int().min(15).max(480),
});
