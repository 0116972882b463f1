import { z } from 'zod';
import { bodyRegion } from './body-regions.js';
import type { FieldIssue } from './errors.js';
import type { HealthHistory } from './health-history.js';
import type { NoteContent } from './notes.js';
import { historyMatches, sortRegions } from './safety-matching.js';
import { historyTrigger, productWarnings, techniqueWarnings } from './safety-note-warnings.js';
import {
  SafetyRuleKind,
  defaultSafetySettings,
  safetyRuleKinds,
  safetyRules,
  type SafetyRule,
  type SafetySettings,
} from './safety-rules.js';

/**
 * Safety alerts: the rule set (safety-rules.ts) evaluated on a health history and, when one is
 * being written, a note and the products it uses. Pure and deterministic, so the chart, the
 * note editor and the record kept with a session all see the same alerts in the same order.
 */
export const AlertTrigger = z.object({
  /** The history entries that made the rule apply. */
  history: z.array(
    z.object({
      section: z.enum([
        'conditions',
        'medications',
        'allergies',
        'surgeriesAndInjuries',
        'pregnancy',
        'areasToAvoid',
      ]),
      itemId: z.string().nullable(),
      label: z.string(),
    }),
  ),
  /** The technique in the note that the warning is about (its index in the note's list). */
  technique: z
    .object({
      index: z.number().int(),
      code: z.string(),
      name: z.string(),
      pressure: z.number().int(),
      regions: z.array(z.string()),
    })
    .nullable(),
  /** The product in the note, and the ingredient that matched (null: matched by its name). */
  product: z
    .object({ id: z.string(), name: z.string(), ingredient: z.string().nullable() })
    .nullable(),
});
export type AlertTrigger = z.infer<typeof AlertTrigger>;

export const SafetyAlert = z.object({
  ruleId: z.string(),
  kind: SafetyRuleKind,
  title: z.string(),
  /** What to do, in the therapist's words; a note warning names the technique or product. */
  message: z.string(),
  /** The history entries behind it, in a line: "Warfarin 5 mg — Anticoagulant (blood thinner)". */
  because: z.string(),
  rationale: z.string(),
  source: z.string(),
  /** Body regions concerned, in chart order; for a standing local alert, the regions to avoid. */
  regions: z.array(z.string()),
  /** Only absolute alerts block: the session starts after an override with a reason. */
  blocking: z.boolean(),
  /** `history`: stands while the history says so; `note`: raised by what the note contains. */
  scope: z.enum(['history', 'note']),
  trigger: AlertTrigger,
});
export type SafetyAlert = z.infer<typeof SafetyAlert>;

/** A product as the safety check needs it: the caller resolves ids from the catalogue. */
export interface ProductForSafety {
  id: string;
  name: string;
  ingredients: readonly string[];
}

export interface SafetyInput {
  history: HealthHistory;
  /** The note being written, if any: its techniques (pressure, regions) are checked. */
  note?: NoteContent | null;
  /**
   * The products to check against allergies and oil cautions: usually the note's products
   * (`productsChosenIn`), or one product being considered in a picker. Checked on every
   * evaluation, so an allergy recorded after a product was chosen still warns.
   */
  products?: readonly ProductForSafety[];
  /** The practice's local date, `YYYY-MM-DD`: "recent" is counted from it. */
  today: string;
  /** Technique code → name, for messages; the code is shown when a name is missing. */
  techniqueNames?: Readonly<Record<string, string>>;
  settings?: SafetySettings;
}

function ruleFacts(rule: SafetyRule) {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    title: rule.title,
    rationale: rule.rationale,
    source: rule.source,
  };
}

function ruleAlerts(rule: SafetyRule, input: SafetyInput): SafetyAlert[] {
  const settings = input.settings ?? defaultSafetySettings;
  if (rule.setting && !settings[rule.setting]) return [];
  const matched = rule.when.flatMap((match) => historyMatches(match, input.history, input.today));
  if (!matched.length) return [];
  const facts = ruleFacts(rule);
  const alerts: SafetyAlert[] = [];
  if (rule.onChart) {
    const regions = sortRegions(matched.flatMap((entry) => entry.regions));
    const unplaced =
      rule.kind === 'local' && !regions.length
        ? ' Record where, so the body chart can mark it.'
        : '';
    alerts.push({
      ...facts,
      message: `${rule.message}${unplaced}`,
      because: matched.map((entry) => entry.label).join('; '),
      regions,
      blocking: rule.kind === 'absolute',
      scope: 'history',
      trigger: { history: historyTrigger(matched), technique: null, product: null },
    });
  }
  const warnings = [
    ...techniqueWarnings(rule, matched, input.note ?? null, input.techniqueNames ?? {}),
    ...productWarnings(rule, matched, input.products ?? []),
  ];
  return [...alerts, ...warnings.map((warning) => ({ ...facts, ...warning }))];
}

const kindRank = new Map(safetyRuleKinds.map((kind, index) => [kind, index]));

/**
 * Every alert the rules raise, absolute first, then local, caution and allergy; within a kind
 * in rule order, each rule's standing alert before its note warnings (in note order).
 */
export function evaluateSafety(input: SafetyInput): SafetyAlert[] {
  return safetyRules
    .flatMap((rule) => ruleAlerts(rule, input))
    .sort((a, b) => (kindRank.get(a.kind) ?? 0) - (kindRank.get(b.kind) ?? 0));
}

export const AvoidRegionView = z.object({
  region: z.string(),
  label: z.string(),
  ruleIds: z.array(z.string()),
  /** What asks to avoid it, one line per history entry: "Varicose veins (active)". */
  reasons: z.array(z.string()),
});
export type AvoidRegion = z.infer<typeof AvoidRegionView>;

/** The regions to mark "avoid" on the body chart, from the local rules, in chart order. */
export function avoidRegions(
  history: HealthHistory,
  today: string,
  settings: SafetySettings = defaultSafetySettings,
): AvoidRegion[] {
  const byRegion = new Map<string, AvoidRegion>();
  for (const rule of safetyRules) {
    if (rule.kind !== 'local' || (rule.setting && !settings[rule.setting])) continue;
    for (const entry of rule.when.flatMap((match) => historyMatches(match, history, today))) {
      for (const region of entry.regions) {
        const mark = byRegion.get(region) ?? {
          region,
          label: bodyRegion(region)?.label ?? region,
          ruleIds: [],
          reasons: [],
        };
        if (!mark.ruleIds.includes(rule.id)) mark.ruleIds.push(rule.id);
        mark.reasons.push(entry.label);
        byRegion.set(region, mark);
      }
    }
  }
  return sortRegions(byRegion.keys()).map((region) => byRegion.get(region)!);
}

/** The catalogue entries a note names, in the note's order (unknown ids are skipped). */
export function productsChosenIn<T extends ProductForSafety>(
  note: NoteContent,
  catalogue: readonly T[],
): T[] {
  const byId = new Map(catalogue.map((product) => [product.id, product]));
  return note.treatment.products.flatMap((use) => byId.get(use.productId) ?? []);
}

/** Going ahead despite an absolute contraindication: the reason is kept and audited. */
export const SafetyOverride = z.object({
  ruleId: z.string().min(1, 'Name the alert being overridden.').max(80),
  reason: z
    .string({ error: 'Say why it is safe to go ahead.' })
    .trim()
    .min(1, 'Say why it is safe to go ahead.')
    .max(500, 'Must be at most 500 characters.'),
});
export type SafetyOverride = z.infer<typeof SafetyOverride>;

/** The blocking alerts no override covers yet: a session starts only when this is empty. */
export function unresolvedBlockingAlerts(
  alerts: readonly SafetyAlert[],
  overrides: readonly SafetyOverride[],
): SafetyAlert[] {
  const overridden = new Set(overrides.map((override) => override.ruleId));
  return alerts.filter((alert) => alert.blocking && !overridden.has(alert.ruleId));
}

/** Overrides that name no blocking alert of this evaluation: refused rather than stored. */
export function overrideIssues(
  alerts: readonly SafetyAlert[],
  overrides: readonly SafetyOverride[],
  field = 'overrides',
): FieldIssue[] {
  const blocking = new Set(alerts.filter((alert) => alert.blocking).map((alert) => alert.ruleId));
  const seen = new Set<string>();
  return overrides.flatMap((override, index): FieldIssue[] => {
    const where = `${field}.${index}.ruleId`;
    if (!blocking.has(override.ruleId))
      return [{ field: where, message: 'No blocking alert with this rule to override.' }];
    if (seen.has(override.ruleId))
      return [{ field: where, message: 'This alert is already overridden.' }];
    seen.add(override.ruleId);
    return [];
  });
}
