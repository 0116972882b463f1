import { ingredientName, regionList } from './health-history-labels.js';
import { pressureLabels, type NoteContent } from './notes.js';
import {
  ingredientMatches,
  namedAllergyFinding,
  sortRegions,
  techniqueFinding,
  type MatchedEntry,
} from './safety-matching.js';
import type { SafetyRule } from './safety-rules.js';
import type { AlertTrigger, ProductForSafety, SafetyAlert } from './safety.js';

/**
 * Warnings raised by what a note contains: a technique too deep, on a region to avoid or of a
 * kind to avoid; a product with an ingredient the client reacts to. Each names the technique
 * or product, so the therapist sees at once what to change.
 */
export type NoteWarning = Omit<SafetyAlert, 'ruleId' | 'kind' | 'title' | 'rationale' | 'source'>;

export function historyTrigger(entries: readonly MatchedEntry[]): AlertTrigger['history'] {
  return entries.map(({ section, itemId, label }) => ({ section, itemId, label }));
}

function because(entries: readonly MatchedEntry[]): string {
  return entries.map((entry) => entry.label).join('; ');
}

/** One warning per technique at most per rule: the first of the rule's checks that finds it. */
export function techniqueWarnings(
  rule: SafetyRule,
  matched: readonly MatchedEntry[],
  note: NoteContent | null,
  techniqueNames: Readonly<Record<string, string>>,
): NoteWarning[] {
  if (!note) return [];
  const matchedRegions = sortRegions(matched.flatMap((entry) => entry.regions));
  return note.treatment.techniques.flatMap((use, index): NoteWarning[] => {
    for (const match of rule.inNote) {
      const finding = techniqueFinding(match, use, matchedRegions);
      if (!finding) continue;
      const name = techniqueNames[use.technique] ?? use.technique;
      const where = finding.regionBound ? ` on ${regionList(finding.regions)}` : '';
      const message =
        match.on === 'pressure'
          ? `${name} at pressure ${use.pressure} (${pressureLabels[use.pressure]})${where}. ${rule.noteMessage}`
          : match.on === 'technique'
            ? `${name}: ${match.why}`
            : `${name} treats ${regionList(finding.regions)}, marked to avoid (${rule.title}). ${rule.noteMessage}`;
      const technique = {
        index,
        code: use.technique,
        name,
        pressure: use.pressure,
        regions: use.regions,
      };
      return [
        {
          message,
          because: because(matched),
          regions: finding.regions,
          blocking: false,
          scope: 'note',
          trigger: { history: historyTrigger(matched), technique, product: null },
        },
      ];
    }
    return [];
  });
}

function productWarning(
  message: string,
  entries: readonly MatchedEntry[],
  product: ProductForSafety,
  ingredient: string | null,
): NoteWarning {
  return {
    message,
    because: because(entries),
    regions: [],
    blocking: false,
    scope: 'note',
    trigger: {
      history: historyTrigger(entries),
      technique: null,
      product: { id: product.id, name: product.name, ingredient },
    },
  };
}

/** One warning per product ingredient that a rule's checks find (or per named allergy). */
export function productWarnings(
  rule: SafetyRule,
  matched: readonly MatchedEntry[],
  products: readonly ProductForSafety[],
): NoteWarning[] {
  const warnings: NoteWarning[] = [];
  for (const product of products) {
    for (const match of rule.inNote) {
      if (match.on === 'ingredient') {
        for (const code of new Set(product.ingredients)) {
          const behind = matched.filter((entry) => ingredientMatches(match, entry, code));
          if (!behind.length) continue;
          const allergies = behind.filter((entry) => entry.allergy);
          const who = allergies.length ? ` The client has an allergy: ${because(allergies)}.` : '';
          const message = `${product.name} contains ${ingredientName(code)}.${who} ${rule.noteMessage}`;
          warnings.push(productWarning(message, behind, product, code));
        }
      } else if (match.on === 'named_product') {
        for (const entry of matched) {
          const found = entry.allergy?.name
            ? namedAllergyFinding(entry.allergy.name, product)
            : null;
          if (!found) continue;
          const what =
            found === 'name' ? product.name : `${product.name} (${ingredientName(found)})`;
          const message = `${what} matches the client’s allergy: ${entry.label}. ${rule.noteMessage}`;
          warnings.push(productWarning(message, [entry], product, found === 'name' ? null : found));
        }
      }
    }
  }
  return warnings;
}
