import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';
import { isSqlite } from './dialect.js';
import {
  appendOnlyTable,
  letPurgeDelete,
  refuseEveryDelete,
  type ProtectedTable,
} from './purge-exception.js';

/**
 * Handoffs between therapists (append-only, with the receiving therapist's acknowledgement as
 * its own row), and the purge of a client whose retention period is over: `client_purges`
 * keeps what each purge removed for good, and the database's refusals to delete clinical
 * records now yield to an unfinished purge of the same client (see purge-exception.ts).
 */
export const handoffRetention: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('handoffs')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      // Null when the client had no primary therapist before.
      .addColumn('from_therapist_id', 'text', (col) => col.references('users.id'))
      .addColumn('to_therapist_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('continue_with', 'text')
      .addColumn('avoid', 'text')
      .addColumn('handed_off_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('handed_off_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('handoffs_by_client')
      .on('handoffs')
      .columns(['client_id', 'handed_off_at'])
      .execute();
    await makeAppendOnly(db, 'handoffs');

    await db.schema
      .createTable('handoff_acknowledgements')
      .addColumn('handoff_id', 'text', (col) => col.primaryKey().references('handoffs.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('acknowledged_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('acknowledged_at', 'text', (col) => col.notNull())
      .execute();
    await makeAppendOnly(db, 'handoff_acknowledgements');

    await db.schema
      .createTable('client_purges')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      // No foreign key: the client row is what the purge deletes.
      .addColumn('client_id', 'text', (col) => col.notNull().unique())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('purged_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('started_at', 'text', (col) => col.notNull())
      // Null only inside the purge's own transaction; JSON of rows removed per table.
      .addColumn('completed_at', 'text')
      .addColumn('removed', 'text')
      .execute();
    await db.schema
      .createIndex('client_purges_by_practice')
      .on('client_purges')
      .columns(['practice_id', 'started_at'])
      .execute();
    await protectPurges(db);

    for (const table of protectedClientTables) await letPurgeDelete(db, table);
  },

  async down(db: Kysely<any>) {
    for (const table of protectedClientTables) await refuseEveryDelete(db, table);
    await unprotectPurges(db);
    await db.schema.dropTable('client_purges').execute();
    for (const table of ['handoff_acknowledgements', 'handoffs']) {
      await dropAppendOnly(db, table);
      await db.schema.dropTable(table).execute();
    }
  },
};

const byClient = { column: 'client_id' } as const;
const bySession = { through: 'sessions', column: 'session_id' } as const;
const byLink = { through: 'client_links', column: 'link_id' } as const;

/**
 * Every table whose DELETE the database refuses and that holds a client's records, named as
 * the migration that protected it did. A table added later with such a trigger needs its own
 * migration calling `letPurgeDelete` (store/client-purge.test.ts fails until a purge can
 * empty it).
 */
const protectedClientTables: ProtectedTable[] = [
  {
    table: 'notes',
    row: byClient,
    message: 'signed notes are locked',
    sqliteTrigger: 'notes_signed_no_delete',
    postgresTrigger: 'notes_signed_locked',
    postgresFunction: 'notes_refuse_signed_change',
    refuseWhen: 'OLD.signed_at IS NOT NULL',
  },
  appendOnlyTable('note_techniques', byClient),
  appendOnlyTable('addenda', bySession),
  appendOnlyTable('note_versions', bySession),
  appendOnlyTable('health_history_versions', byClient),
  {
    table: 'session_health_checks',
    row: byClient,
    message: 'a recorded health-history change is locked',
    sqliteTrigger: 'session_health_checks_no_delete',
    postgresTrigger: 'session_health_checks_locked',
    postgresFunction: 'session_health_checks_refuse_change',
  },
  appendOnlyTable('session_safety_alerts', byClient),
  appendOnlyTable('safety_overrides', byClient),
  {
    table: 'intake_submissions',
    row: byClient,
    message: 'intake submissions are immutable once reviewed',
    sqliteTrigger: 'intake_submissions_no_delete',
    postgresTrigger: 'intake_submissions_locked',
    postgresFunction: 'intake_submissions_refuse_change',
  },
  appendOnlyTable('consent_signatures', byClient),
  appendOnlyTable('consent_withdrawals', byClient),
  appendOnlyTable('session_consent_exceptions', byClient),
  appendOnlyTable('client_link_consents', byLink),
  {
    table: 'session_follow_ups',
    row: byClient,
    message: 'a follow-up is kept as reported; only its acknowledgement is recorded, once',
    sqliteTrigger: 'session_follow_ups_no_delete',
    postgresTrigger: 'session_follow_ups_locked',
    postgresFunction: 'session_follow_ups_refuse_change',
  },
  appendOnlyTable('session_follow_up_links', bySession),
  appendOnlyTable('handoffs', byClient),
  appendOnlyTable('handoff_acknowledgements', byClient),
];

/**
 * A purge record is never deleted, and changes once: its own transaction completes it with
 * what was removed. After that it stays as written.
 */
async function protectPurges(db: Kysely<any>): Promise<void> {
  const message = 'client purges are kept as recorded';
  const fixed = ['id', 'practice_id', 'client_id', 'reason', 'purged_by', 'started_at'];
  if (isSqlite(db)) {
    const changed = fixed.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
    await sql`CREATE TRIGGER client_purges_no_update BEFORE UPDATE ON client_purges
      WHEN OLD.completed_at IS NOT NULL OR ${sql.raw(changed)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    await sql`CREATE TRIGGER client_purges_no_delete BEFORE DELETE ON client_purges
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  const changed = fixed
    .map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`)
    .join(' OR ');
  await sql`CREATE OR REPLACE FUNCTION client_purges_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS ${sql.lit(`BEGIN
      IF TG_OP = 'DELETE' OR OLD.completed_at IS NOT NULL OR ${changed} THEN
        RAISE EXCEPTION '${message}';
      END IF;
      RETURN NEW;
    END;`)}`.execute(db);
  await sql`CREATE TRIGGER client_purges_locked BEFORE UPDATE OR DELETE ON client_purges
    FOR EACH ROW EXECUTE FUNCTION client_purges_refuse_change()`.execute(db);
}

async function unprotectPurges(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS client_purges_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS client_purges_no_delete`.execute(db);
    return;
  }
  await sql`DROP TRIGGER IF EXISTS client_purges_locked ON client_purges`.execute(db);
  await sql`DROP FUNCTION IF EXISTS client_purges_refuse_change()`.execute(db);
}
