import { z } from 'zod';
import type {
  AllergySubstance,
  ConditionCode,
  MedicationClass,
  SurgeryOrInjuryKind,
} from './health-history-vocabulary.js';
import { contraindicationRules } from './safety-rules-contraindications.js';
import { allergyRules } from './safety-rules-allergies.js';
import { cautionRules } from './safety-rules-cautions.js';

/**
 * The safety rule set, kept as data a clinician can review in one place: what each rule
 * matches, what the therapist is told, why, and where that comes from. `safety.ts` evaluates
 * it; nothing else decides what is contraindicated. Change a rule here, with its source, and
 * bump `safetyRuleSetVersion` so alerts recorded with sessions say which rules produced them.
 *
 * - absolute: no massage today; a blocking alert that only an override with a reason passes.
 * - local: the regions are marked "avoid" on the body chart; treating them in a note warns.
 * - caution: massage with adjustments; specific note choices (pressure ≥ 4, an oil) warn.
 * - allergy: a product in the note whose ingredients match a recorded allergy warns.
 */
export const safetyRuleSetVersion = '2026-11-27';

export const safetyRuleKinds = ['absolute', 'local', 'caution', 'allergy'] as const;
export const SafetyRuleKind = z.enum(safetyRuleKinds);
export type SafetyRuleKind = z.infer<typeof SafetyRuleKind>;

/**
 * What in the health history makes a rule apply; a rule applies when any of its matches does.
 * Conditions count while active or managed, never once resolved. A "recent" surgery or injury
 * is one dated from `withinDays` days ago up to today, both ends included; undated ones never
 * count as recent.
 */
export type HistoryMatch =
  | { on: 'condition'; codes: readonly ConditionCode[] }
  | { on: 'medication'; classes: readonly MedicationClass[] }
  | { on: 'pregnancy'; highRiskOnly: boolean }
  | { on: 'recent'; kinds: readonly SurgeryOrInjuryKind[]; withinDays: number }
  | { on: 'allergy'; substances: readonly AllergySubstance[] }
  | { on: 'area_to_avoid' };

/**
 * What in the note being written turns a rule into a specific warning. Region-bound checks
 * only look at techniques that name regions: a technique without regions is not assumed to
 * cover a region. `regions: 'matched'` means the regions of the history entries that matched
 * (anywhere, when none were recorded).
 */
export type NoteMatch =
  | { on: 'pressure'; atLeast: number; regions: 'anywhere' | 'matched' | readonly string[] }
  | { on: 'technique'; codes: readonly string[]; why: string }
  | { on: 'treated_region' }
  | { on: 'ingredient'; groups: readonly string[]; codes: readonly string[]; narrowToOil: boolean }
  | { on: 'named_product' };

/** Practice-wide choices the rules consult. */
export const SafetySettings = z.object({
  /** Coconut is not botanically a tree nut, but some labelling and some clients count it as one. */
  coconutWithTreeNuts: z.boolean().default(true),
});
export type SafetySettings = z.infer<typeof SafetySettings>;
export const defaultSafetySettings: SafetySettings = { coconutWithTreeNuts: true };

export interface SafetyRule {
  /** Stable: recorded with sessions and overrides. Never reuse an id for a different rule. */
  id: string;
  kind: SafetyRuleKind;
  /** A few words for a banner: "Blood thinner". */
  title: string;
  when: readonly HistoryMatch[];
  /** Raises a standing alert from the history alone (chart banner, top of the note). */
  onChart: boolean;
  inNote: readonly NoteMatch[];
  /** The standing alert's advice to the therapist. */
  message: string;
  /** Ends a note warning, after what in the note triggered it ("keep pressure at 3 or lighter"). */
  noteMessage: string | null;
  rationale: string;
  source: string;
  /** The rule applies only while this practice setting is on. */
  setting?: keyof SafetySettings;
}

/** Absolute first, then local, caution and allergy: the order alerts are shown in. */
export const safetyRules: readonly SafetyRule[] = [
  ...contraindicationRules,
  ...cautionRules,
  ...allergyRules,
];

const rulesById = new Map(safetyRules.map((rule) => [rule.id, rule]));

export function safetyRule(id: string): SafetyRule | undefined {
  return rulesById.get(id);
}

/**
 * What a kind of medication means for massage, from the rules that match it: shown beside a
 * medication in the health history. Empty when no rule asks anything of the therapist.
 */
export function whatItMeansForMassage(
  medicationClass: MedicationClass,
): Array<{ ruleId: string; title: string; message: string }> {
  return safetyRules
    .filter((rule) =>
      rule.when.some(
        (match) => match.on === 'medication' && match.classes.includes(medicationClass),
      ),
    )
    .map((rule) => ({ ruleId: rule.id, title: rule.title, message: rule.message }));
}
