import { bodyRegions } from './body-regions.js';
import { ingredientVocabulary } from './catalogue.js';
import type { Allergy, HealthHistory } from './health-history.js';
import {
  describeAllergy,
  describeAllergySeverity,
  describeMedication,
  describeSurgeryOrInjury,
} from './health-history-labels.js';
import { conditionStatusLabels } from './health-history-vocabulary.js';
import type { TechniqueUse } from './notes.js';
import type { HistoryMatch, NoteMatch } from './safety-rules.js';
import { foldForSearch } from './text.js';
import { daysBetween } from './time.js';

/**
 * The matching half of the safety rules: which history entries a rule's `when` finds, and
 * which techniques and ingredients of a note its `inNote` finds. `safety.ts` turns the
 * matches into alerts.
 */
export type HistorySection =
  | 'conditions'
  | 'medications'
  | 'allergies'
  | 'surgeriesAndInjuries'
  | 'pregnancy'
  | 'areasToAvoid';

export interface MatchedEntry {
  section: HistorySection;
  itemId: string | null;
  label: string;
  regions: string[];
  allergy: Allergy | null;
}

const regionOrder = new Map(bodyRegions.map((region, index) => [region.code, index]));

/** Unique region codes in body-chart order, so alerts and the chart list them alike. */
export function sortRegions(codes: Iterable<string>): string[] {
  const order = (code: string) => regionOrder.get(code) ?? Number.MAX_SAFE_INTEGER;
  return [...new Set(codes)].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

function stillPresent(status: string): boolean {
  return status === 'active' || status === 'managed';
}

export function historyMatches(
  match: HistoryMatch,
  history: HealthHistory,
  today: string,
): MatchedEntry[] {
  switch (match.on) {
    case 'condition':
      return history.conditions
        .filter(
          (entry) => entry.code && match.codes.includes(entry.code) && stillPresent(entry.status),
        )
        .map((entry) => ({
          section: 'conditions',
          itemId: entry.id,
          label: `${entry.name} (${conditionStatusLabels[entry.status].toLowerCase()})`,
          regions: entry.regions,
          allergy: null,
        }));
    case 'medication':
      return history.medications
        .filter((entry) => match.classes.includes(entry.class))
        .map((entry) => ({
          section: 'medications',
          itemId: entry.id,
          label: describeMedication(entry),
          regions: [],
          allergy: null,
        }));
    case 'pregnancy': {
      const pregnancy = history.pregnancy;
      if (!pregnancy.pregnant || (match.highRiskOnly && !pregnancy.highRisk)) return [];
      const due = pregnancy.dueDate ? `, due ${pregnancy.dueDate}` : '';
      const label = `${pregnancy.highRisk ? 'High-risk pregnancy' : 'Pregnant'}${due}`;
      return [{ section: 'pregnancy', itemId: null, label, regions: [], allergy: null }];
    }
    case 'recent':
      return history.surgeriesAndInjuries.flatMap((entry): MatchedEntry[] => {
        if (!match.kinds.includes(entry.kind) || entry.date === null) return [];
        const daysAgo = daysBetween(entry.date, today);
        if (daysAgo < 0 || daysAgo > match.withinDays) return [];
        const ago = daysAgo === 0 ? 'today' : daysAgo === 1 ? '1 day ago' : `${daysAgo} days ago`;
        return [
          {
            section: 'surgeriesAndInjuries',
            itemId: entry.id,
            label: `${describeSurgeryOrInjury(entry)} (${ago})`,
            regions: entry.regions,
            allergy: null,
          },
        ];
      });
    case 'allergy':
      return history.allergies
        .filter((entry) => match.substances.includes(entry.substance))
        .map((entry) => ({
          section: 'allergies',
          itemId: entry.id,
          label: `${describeAllergy(entry)}, ${describeAllergySeverity(entry).toLowerCase()}`,
          regions: [],
          allergy: entry,
        }));
    case 'area_to_avoid':
      return history.areasToAvoid.map((entry) => ({
        section: 'areasToAvoid',
        itemId: entry.id,
        label: entry.reason,
        regions: entry.regions,
        allergy: null,
      }));
  }
}

/**
 * The regions of a technique a note check finds (possibly none named), or null when the
 * check does not find this technique.
 */
export function techniqueFinding(
  match: NoteMatch,
  use: TechniqueUse,
  matchedRegions: readonly string[],
): { regions: string[]; regionBound: boolean } | null {
  const within = (wanted: readonly string[]) => {
    const hit = use.regions.filter((region) => wanted.includes(region));
    return hit.length ? { regions: sortRegions(hit), regionBound: true } : null;
  };
  switch (match.on) {
    case 'pressure': {
      if (use.pressure < match.atLeast) return null;
      const wanted =
        match.regions === 'anywhere'
          ? null
          : match.regions === 'matched'
            ? matchedRegions.length
              ? matchedRegions
              : null
            : match.regions;
      return wanted ? within(wanted) : { regions: sortRegions(use.regions), regionBound: false };
    }
    case 'technique':
      return match.codes.includes(use.technique)
        ? { regions: sortRegions(use.regions), regionBound: false }
        : null;
    case 'treated_region':
      return within(matchedRegions);
    case 'ingredient':
    case 'named_product':
      return null;
  }
}

const ingredientGroups = new Map(
  ingredientVocabulary.map((ingredient) => [ingredient.code, ingredient.groups]),
);
const ingredientNames = new Map(
  ingredientVocabulary.map((ingredient) => [ingredient.code, ingredient.name]),
);

/** Whether an ingredient code is one an `ingredient` check looks for, for this history entry. */
export function ingredientMatches(
  match: Extract<NoteMatch, { on: 'ingredient' }>,
  entry: MatchedEntry,
  code: string,
): boolean {
  if (match.narrowToOil && entry.allergy?.oil) return code === entry.allergy.oil;
  const groups = ingredientGroups.get(code) ?? [];
  return match.codes.includes(code) || groups.some((group) => match.groups.includes(group));
}

function words(text: string): string {
  return ` ${foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Where a named allergy ("arnica", "Biofreeze") appears as whole words in a product's name or
 * in one of its ingredients' names: `'name'`, an ingredient code, or null when it does not.
 */
export function namedAllergyFinding(
  allergyName: string,
  product: { name: string; ingredients: readonly string[] },
): string | null {
  const wanted = words(allergyName);
  if (wanted.trim().length < 3) return null;
  if (words(product.name).includes(wanted)) return 'name';
  return (
    product.ingredients.find((code) => words(ingredientNames.get(code) ?? code).includes(wanted)) ??
    null
  );
}
