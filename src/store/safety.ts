import { Conflict, StaleVersion } from '../domain/errors.js';
import { HealthHistory } from '../domain/health-history.js';
import type { SafetyAlert, SafetyOverride } from '../domain/safety.js';
import type {
  RecordedSafetyAlert,
  RecordedSafetyOverride,
  SafetyAlertStage,
  SafetySettingsView,
} from '../domain/safety-records.js';
import {
  SafetyRuleKind,
  defaultSafetySettings,
  type SafetySettings,
} from '../domain/safety-rules.js';
import type { Db } from './database.js';
import type { PracticeSafetySettingsTable } from './schema.js';
import { keptQuery } from './kept-query.js';

/**
 * Safety alerts and overrides kept with sessions (both append-only in the database), and the
 * practice's safety settings. Deciding which alerts apply is the domain's (safety.ts).
 */

function toSettings(row: Pick<PracticeSafetySettingsTable, 'coconut_with_tree_nuts'> | undefined) {
  if (!row) return { ...defaultSafetySettings };
  return { coconutWithTreeNuts: Number(row.coconut_with_tree_nuts) === 1 };
}

/** The practice's safety settings with their version (0: never saved, the defaults apply). */
export async function findSafetySettings(db: Db, practiceId: string): Promise<SafetySettingsView> {
  const row = await db
    .selectFrom('practice_safety_settings')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return { settings: toSettings(row), version: row?.version ?? 0 };
}

/** Saves the settings if the writer saw the current version; otherwise StaleVersion. */
export async function saveSafetySettings(
  db: Db,
  input: {
    practiceId: string;
    expectedVersion: number;
    settings: SafetySettings;
    userId: string;
    now: string;
  },
): Promise<SafetySettingsView> {
  const values = {
    coconut_with_tree_nuts: input.settings.coconutWithTreeNuts ? 1 : 0,
    updated_by: input.userId,
    updated_at: input.now,
  };
  const saved =
    input.expectedVersion === 0
      ? await db
          .insertInto('practice_safety_settings')
          .values({ practice_id: input.practiceId, version: 1, ...values })
          .onConflict((conflict) => conflict.column('practice_id').doNothing())
          .executeTakeFirst()
          .then((result) => Number(result.numInsertedOrUpdatedRows ?? 0))
      : await db
          .updateTable('practice_safety_settings')
          .set({ ...values, version: input.expectedVersion + 1 })
          .where('practice_id', '=', input.practiceId)
          .where('version', '=', input.expectedVersion)
          .executeTakeFirst()
          .then((result) => Number(result.numUpdatedRows));
  const current = await findSafetySettings(db, input.practiceId);
  if (saved === 0) throw new StaleVersion('safety setting', current, current.version);
  return current;
}

/**
 * What the first save of a note needs to decide whether the session may start, in one query:
 * the client's current health history (null when none is recorded), the practice's settings
 * and the rules already overridden for this session. The first save of every note runs it, so
 * it is one round trip however many overrides there are.
 */
export async function safetyAtStart(
  db: Db,
  input: { practiceId: string; clientId: string; sessionId: string },
): Promise<{ history: HealthHistory | null; settings: SafetySettings; overridden: string[] }> {
  const rows = await safetyAtStartQuery.all(db, input);
  const first = rows[0];
  const content = first?.content;
  return {
    history: content ? HealthHistory.parse(JSON.parse(content)) : null,
    settings: toSettings(
      first && first.coconut_with_tree_nuts !== null
        ? { coconut_with_tree_nuts: first.coconut_with_tree_nuts }
        : undefined,
    ),
    overridden: rows.flatMap((row) => (row.rule_id ? [row.rule_id] : [])),
  };
}

// Every first save of a note asks this (kept compiled: its joins cost more to build than run).
const safetyAtStartQuery = keptQuery(
  ['practiceId', 'clientId', 'sessionId'],
  (db, input: { practiceId: string; clientId: string; sessionId: string }) =>
    db
      .selectFrom('practices')
      .leftJoin('practice_safety_settings', 'practice_safety_settings.practice_id', 'practices.id')
      .leftJoin('health_history_versions', (join) =>
        join
          .onRef('health_history_versions.practice_id', '=', 'practices.id')
          .on('health_history_versions.client_id', '=', input.clientId)
          .on('health_history_versions.number', '=', (eb) =>
            eb
              .selectFrom('health_history_versions as latest')
              .select((inner) => inner.fn.max('latest.number').as('number'))
              .where('latest.client_id', '=', input.clientId),
          ),
      )
      .leftJoin('safety_overrides', (join) =>
        join
          .onRef('safety_overrides.practice_id', '=', 'practices.id')
          .on('safety_overrides.session_id', '=', input.sessionId),
      )
      .select([
        'health_history_versions.content',
        'practice_safety_settings.coconut_with_tree_nuts',
        'safety_overrides.rule_id',
      ])
      .where('practices.id', '=', input.practiceId),
);

/** Keeps the alerts of one evaluation with the session, in the order they were shown. */
export async function recordSessionAlerts(
  db: Db,
  input: {
    practiceId: string;
    clientId: string;
    sessionId: string;
    stage: SafetyAlertStage;
    ruleSetVersion: string;
    alerts: readonly SafetyAlert[];
    evaluatedAt: string;
    newId: () => string;
  },
): Promise<void> {
  if (!input.alerts.length) return;
  await db
    .insertInto('session_safety_alerts')
    .values(
      input.alerts.map((alert, position) => ({
        id: input.newId(),
        session_id: input.sessionId,
        practice_id: input.practiceId,
        client_id: input.clientId,
        stage: input.stage,
        position,
        rule_id: alert.ruleId,
        rule_set_version: input.ruleSetVersion,
        kind: alert.kind,
        title: alert.title,
        message: alert.message,
        because: alert.because,
        regions: JSON.stringify(alert.regions),
        evaluated_at: input.evaluatedAt,
      })),
    )
    .execute();
}

/** Stores overrides; a rule already overridden for this session is a Conflict. */
export async function insertSafetyOverrides(
  db: Db,
  input: {
    practiceId: string;
    clientId: string;
    sessionId: string;
    overrides: readonly SafetyOverride[];
    userId: string;
    now: string;
    newId: () => string;
  },
): Promise<RecordedSafetyOverride[]> {
  const existing = await db
    .selectFrom('safety_overrides')
    .select('rule_id')
    .where('session_id', '=', input.sessionId)
    .where(
      'rule_id',
      'in',
      input.overrides.map((override) => override.ruleId),
    )
    .execute();
  if (existing.length) {
    throw new Conflict(
      'This alert is already overridden for this session.',
      input.overrides.flatMap((override, index) =>
        existing.some((row) => row.rule_id === override.ruleId)
          ? [{ field: `overrides.${index}.ruleId`, message: 'This alert is already overridden.' }]
          : [],
      ),
    );
  }
  const rows = input.overrides.map((override) => ({
    id: input.newId(),
    session_id: input.sessionId,
    practice_id: input.practiceId,
    client_id: input.clientId,
    rule_id: override.ruleId,
    reason: override.reason,
    overridden_by: input.userId,
    overridden_at: input.now,
  }));
  await db.insertInto('safety_overrides').values(rows).execute();
  return (await sessionSafetyRecord(db, input.practiceId, input.sessionId)).overrides.filter(
    (override) => rows.some((row) => row.id === override.id),
  );
}

/** Everything kept about safety with one session: alerts (start, then sign) and overrides. */
export async function sessionSafetyRecord(
  db: Db,
  practiceId: string,
  sessionId: string,
): Promise<{ alerts: RecordedSafetyAlert[]; overrides: RecordedSafetyOverride[] }> {
  // One after the other: inside a transaction both run on the same connection anyway.
  const alerts = await db
    .selectFrom('session_safety_alerts')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('session_id', '=', sessionId)
    .orderBy('evaluated_at')
    .orderBy('stage')
    .orderBy('position')
    .execute();
  const overrides = await db
    .selectFrom('safety_overrides')
    .leftJoin('users', 'users.id', 'safety_overrides.overridden_by')
    .selectAll('safety_overrides')
    .select('users.display_name')
    .where('safety_overrides.practice_id', '=', practiceId)
    .where('safety_overrides.session_id', '=', sessionId)
    .orderBy('safety_overrides.overridden_at')
    .orderBy('safety_overrides.rule_id')
    .execute();
  return {
    alerts: alerts.map((row) => ({
      stage: row.stage,
      ruleId: row.rule_id,
      ruleSetVersion: row.rule_set_version,
      kind: SafetyRuleKind.parse(row.kind),
      title: row.title,
      message: row.message,
      because: row.because,
      regions: JSON.parse(row.regions) as string[],
      evaluatedAt: row.evaluated_at,
    })),
    overrides: overrides.map((row) => ({
      id: row.id,
      ruleId: row.rule_id,
      reason: row.reason,
      overriddenBy: row.overridden_by,
      overriddenByName: row.display_name,
      overriddenAt: row.overridden_at,
    })),
  };
}
