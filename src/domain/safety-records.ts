import { z } from 'zod';
import { AvoidRegionView, SafetyAlert, SafetyOverride } from './safety.js';
import { SafetyRuleKind, SafetySettings } from './safety-rules.js';

/**
 * What the record keeps of safety alerts: the alerts a session started with and those that
 * applied to its signed note (with the rule-set version that produced them, since rules
 * change), and the overrides that let a session start despite an absolute contraindication.
 */
export const SafetyAlertStage = z.enum(['start', 'sign']);
export type SafetyAlertStage = z.infer<typeof SafetyAlertStage>;

export const RecordedSafetyAlert = z.object({
  stage: SafetyAlertStage,
  ruleId: z.string(),
  ruleSetVersion: z.string(),
  kind: SafetyRuleKind,
  title: z.string(),
  message: z.string(),
  because: z.string(),
  regions: z.array(z.string()),
  evaluatedAt: z.string(),
});
export type RecordedSafetyAlert = z.infer<typeof RecordedSafetyAlert>;

export const RecordedSafetyOverride = z.object({
  id: z.string(),
  ruleId: z.string(),
  reason: z.string(),
  overriddenBy: z.string(),
  overriddenByName: z.string().nullable(),
  overriddenAt: z.string(),
});
export type RecordedSafetyOverride = z.infer<typeof RecordedSafetyOverride>;

export const SessionSafetyRecord = z.object({
  alerts: z.array(RecordedSafetyAlert),
  overrides: z.array(RecordedSafetyOverride),
});
export type SessionSafetyRecord = z.infer<typeof SessionSafetyRecord>;

/** Going ahead despite one or more absolute contraindications: one reason per alert. */
export const SafetyOverridesInput = z.object({
  overrides: z
    .array(SafetyOverride, { error: 'List the alerts being overridden, each with a reason.' })
    .min(1, 'List the alerts being overridden, each with a reason.')
    .max(20, 'Must list at most 20 overrides.'),
});
export type SafetyOverridesInput = z.infer<typeof SafetyOverridesInput>;

/** A client's alerts on the current health history, as the chart banner shows them. */
export const ClientSafetyAlerts = z.object({
  /** The health-history version evaluated; null when no history is recorded yet. */
  historyNumber: z.number().int().nullable(),
  ruleSetVersion: z.string(),
  evaluatedOn: z.string(),
  alerts: z.array(SafetyAlert),
  avoidRegions: z.array(AvoidRegionView),
  settings: SafetySettings,
});
export type ClientSafetyAlerts = z.infer<typeof ClientSafetyAlerts>;

export const SafetySettingsView = z.object({
  settings: SafetySettings,
  version: z.number().int(),
});
export type SafetySettingsView = z.infer<typeof SafetySettingsView>;

/** The settings as the owner sends them: every field required, so nothing is set by default. */
export const SafetySettingsInput = z.object({
  coconutWithTreeNuts: z.boolean({ error: 'Answer yes or no.' }),
});
