import { z } from 'zod';
import { HealthHistory } from './health-history.js';
import { HealthHistoryChange, HealthHistorySection } from './health-history-diff.js';

/**
 * What the health-history API answers and accepts, shared by the server (validation and
 * OpenAPI) and the web app (its typed client), so both read one contract.
 */
export const HealthHistorySource = z.enum(['staff', 'intake', 'session_check', 'import']);
export type HealthHistorySource = z.infer<typeof HealthHistorySource>;

export const healthHistorySourceLabels: Record<HealthHistorySource, string> = {
  staff: 'Edited by staff',
  intake: 'From the client’s intake',
  session_check: 'At a session',
  import: 'Imported from another record',
};

/** Who saved a version, when, and why; without the content. */
export const HealthHistoryVersionSummary = z.object({
  number: z.number().int().min(1),
  recordedAt: z.string(),
  recordedBy: z.string(),
  recordedByName: z.string().nullable(),
  source: HealthHistorySource,
  sessionId: z.string().nullable(),
  changedSections: z.array(HealthHistorySection),
});
export type HealthHistoryVersionSummary = z.infer<typeof HealthHistoryVersionSummary>;

/** One version with its content; number 0 and nulls when nothing was ever recorded. */
export const HealthHistoryView = z.object({
  clientId: z.string(),
  number: z.number().int().min(0),
  history: HealthHistory,
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
  source: HealthHistorySource.nullable(),
  sessionId: z.string().nullable(),
});
export type HealthHistoryView = z.infer<typeof HealthHistoryView>;

export const HealthHistoryComparison = z.object({
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  changes: z.array(HealthHistoryChange),
  sections: z.array(HealthHistorySection),
});
export type HealthHistoryComparison = z.infer<typeof HealthHistoryComparison>;

/** What changed since the client's last signed visit; `lastVisit` null when there was none. */
export const ChangesSinceLastVisit = HealthHistoryComparison.extend({
  lastVisit: z
    .object({ sessionId: z.string(), serviceDate: z.string(), historyNumber: z.number().int() })
    .nullable(),
});
export type ChangesSinceLastVisit = z.infer<typeof ChangesSinceLastVisit>;

export const HealthCheckOutcome = z.enum(['no_changes', 'changed']);
export type HealthCheckOutcome = z.infer<typeof HealthCheckOutcome>;

export const SessionHealthCheckView = z.object({
  sessionId: z.string(),
  clientId: z.string(),
  outcome: HealthCheckOutcome,
  historyNumber: z.number().int().min(0),
  checkedBy: z.string(),
  checkedByName: z.string().nullable(),
  checkedAt: z.string(),
});
export type SessionHealthCheckView = z.infer<typeof SessionHealthCheckView>;

/** A session's check as read: the recorded answer, if any, and the history it concerns. */
export const SessionHealthCheckState = z.object({
  check: SessionHealthCheckView.nullable(),
  current: HealthHistoryView,
  changes: ChangesSinceLastVisit,
});
export type SessionHealthCheckState = z.infer<typeof SessionHealthCheckState>;

const expectedNumber = z
  .number({ error: 'Must be the number of the history version you confirmed.' })
  .int('Must be a whole number.')
  .min(0, 'Must be 0 or more.');

/**
 * "Any changes since your last visit?": either no changes to the version the therapist saw,
 * or the changed history, saved as a new version with the check.
 */
export const SessionHealthCheckInput = z.discriminatedUnion(
  'outcome',
  [
    z.object({ outcome: z.literal('no_changes'), expectedNumber }),
    z.object({ outcome: z.literal('changed'), expectedNumber, history: HealthHistory }),
  ],
  { error: 'Must be "no_changes" or "changed".' },
);
export type SessionHealthCheckInput = z.infer<typeof SessionHealthCheckInput>;
