import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './dialect.js';

/**
 * A counter per client and per practice that the database itself moves on every insert,
 * update and delete of a row it covers, so the server can keep an answer it reads far more
 * often than it changes (the pre-session briefing, the timeline) and know, with one primary-key
 * read, whether anything under it changed. Triggers rather than application code: no write
 * path, present or future, hand-written SQL included, can change a record and leave a kept
 * answer standing. Several app instances sharing one PostgreSQL see the same counters.
 *
 * The list is fixed here as it stood when this migration was written; `record-stamps.test.ts`
 * fails when a client table is added without a trigger (or a reason to go without).
 */

type ScopeOfRow =
  { column: string } | { through: 'sessions' | 'client_links'; column: 'session_id' | 'link_id' };

const ofClient = { column: 'client_id' } as const;

/**
 * Every table of a client's record, except rows no shared view may show or that only follow
 * another covered row: the audit trail (every read writes it), purge records, private
 * reflections (never part of a kept answer), and the analytics rows a signing writes beside
 * the note's own update.
 */
export const clientStampedTables: ReadonlyArray<readonly [string, ScopeOfRow]> = [
  ['clients', { column: 'id' }],
  ['care_team', ofClient],
  ['consent_signatures', ofClient],
  ['consent_withdrawals', ofClient],
  ['client_links', ofClient],
  ['client_link_consents', { through: 'client_links', column: 'link_id' }],
  ['intake_submissions', ofClient],
  ['sessions', ofClient],
  ['health_history_versions', ofClient],
  ['session_health_checks', ofClient],
  ['session_safety_alerts', ofClient],
  ['safety_overrides', ofClient],
  ['session_consent_exceptions', ofClient],
  ['notes', ofClient],
  ['addenda', { through: 'sessions', column: 'session_id' }],
  ['note_versions', { through: 'sessions', column: 'session_id' }],
  ['session_follow_ups', ofClient],
  ['session_follow_up_links', { through: 'sessions', column: 'session_id' }],
  ['psfs_activities', ofClient],
  ['outcome_scores', ofClient],
  ['goals', ofClient],
  ['goal_versions', ofClient],
  ['treatment_plan_versions', ofClient],
  ['client_link_measures', { through: 'client_links', column: 'link_id' }],
  ['handoffs', ofClient],
  ['handoff_acknowledgements', ofClient],
  ['external_records', ofClient],
  ['imported_history_entries', ofClient],
  ['client_source_keys', ofClient],
];

/** The practice's own tables that kept answers show: names, settings, catalogues, measures. */
export const practiceStampedTables: ReadonlyArray<readonly [string, ScopeOfRow]> = [
  ['practices', { column: 'id' }],
  ['users', { column: 'practice_id' }],
  ['techniques', { column: 'practice_id' }],
  ['session_types', { column: 'practice_id' }],
  ['products', { column: 'practice_id' }],
  ['consent_texts', { column: 'practice_id' }],
  ['practice_safety_settings', { column: 'practice_id' }],
  ['outcome_measures', { column: 'practice_id' }],
  ['outcome_measure_versions', { column: 'practice_id' }],
];

const allStampedTables = [...clientStampedTables, ...practiceStampedTables];

function scopeOf(row: ScopeOfRow, record: 'NEW' | 'OLD'): string {
  if ('through' in row)
    return `(SELECT client_id FROM ${row.through} WHERE id = ${record}.${row.column})`;
  return `${record}.${row.column}`;
}

const operations = [
  ['insert', 'INSERT', 'NEW'],
  ['update', 'UPDATE', 'NEW'],
  ['delete', 'DELETE', 'OLD'],
] as const;

export const recordStamps: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('record_stamps')
      // A client's id or a practice's id (both UUIDv7, so they never collide).
      .addColumn('scope_id', 'text', (col) => col.primaryKey())
      .addColumn('stamp', 'bigint', (col) => col.notNull())
      .execute();
    if (isSqlite(db)) {
      for (const [table, row] of allStampedTables) {
        for (const [name, operation, record] of operations) {
          await sql`CREATE TRIGGER ${sql.id(`${table}_stamp_${name}`)}
            AFTER ${sql.raw(operation)} ON ${sql.table(table)}
            WHEN ${sql.raw(scopeOf(row, record))} IS NOT NULL
            BEGIN
              INSERT INTO record_stamps (scope_id, stamp) VALUES (${sql.raw(scopeOf(row, record))}, 1)
              ON CONFLICT (scope_id) DO UPDATE SET stamp = stamp + 1;
            END`.execute(db);
        }
      }
      return;
    }
    await sql`CREATE FUNCTION record_stamp_move(scope text) RETURNS void LANGUAGE sql AS $$
      INSERT INTO record_stamps (scope_id, stamp) SELECT scope, 1 WHERE scope IS NOT NULL
      ON CONFLICT (scope_id) DO UPDATE SET stamp = record_stamps.stamp + 1
    $$`.execute(db);
    for (const [table, row] of allStampedTables) {
      await sql`CREATE FUNCTION ${sql.id(`${table}_stamp`)}() RETURNS trigger LANGUAGE plpgsql AS ${sql.lit(`BEGIN
          IF TG_OP = 'DELETE' THEN
            PERFORM record_stamp_move(${scopeOf(row, 'OLD')});
          ELSE
            PERFORM record_stamp_move(${scopeOf(row, 'NEW')});
          END IF;
          RETURN NULL;
        END;`)}`.execute(db);
      await sql`CREATE TRIGGER ${sql.id(`${table}_stamp`)}
        AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION ${sql.id(`${table}_stamp`)}()`.execute(db);
    }
  },

  async down(db: Kysely<any>) {
    if (isSqlite(db)) {
      for (const [table] of allStampedTables) {
        for (const [name] of operations) {
          await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_stamp_${name}`)}`.execute(db);
        }
      }
    } else {
      for (const [table] of allStampedTables) {
        await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_stamp`)} ON ${sql.table(table)}`.execute(
          db,
        );
        await sql`DROP FUNCTION IF EXISTS ${sql.id(`${table}_stamp`)}()`.execute(db);
      }
      await sql`DROP FUNCTION IF EXISTS record_stamp_move(text)`.execute(db);
    }
    await db.schema.dropTable('record_stamps').execute();
  },
};
