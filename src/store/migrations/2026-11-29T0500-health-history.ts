import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';
import { isSqlite } from './dialect.js';

/**
 * A client's health history as numbered, immutable versions (a change is a new row, so "who
 * changed what, when" can always be answered), and the "any changes since your last visit?"
 * check recorded once per session.
 */
export const healthHistory: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('health_history_versions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('content', 'text', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('recorded_at', 'text', (col) => col.notNull())
      .addColumn('source', 'text', (col) =>
        col.notNull().check(sql`source in ('staff', 'intake', 'session_check')`),
      )
      .addColumn('session_id', 'text', (col) => col.references('sessions.id'))
      .addColumn('summary', 'text')
      .addUniqueConstraint('health_history_versions_number', ['client_id', 'number'])
      .execute();
    await makeAppendOnly(db, 'health_history_versions');

    await db.schema
      .createTable('session_health_checks')
      .addColumn('session_id', 'text', (col) => col.primaryKey().references('sessions.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('outcome', 'text', (col) =>
        col.notNull().check(sql`outcome in ('no_changes', 'changed')`),
      )
      .addColumn('history_number', 'integer', (col) => col.notNull())
      .addColumn('checked_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('checked_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('session_health_checks_by_client')
      .on('session_health_checks')
      .columns(['client_id', 'outcome'])
      .execute();
    await lockRecordedChanges(db);
  },

  async down(db: Kysely<any>) {
    await unlockRecordedChanges(db);
    await dropAppendOnly(db, 'health_history_versions');
    await db.schema.dropTable('session_health_checks').execute();
    await db.schema.dropTable('health_history_versions').execute();
  },
};

/**
 * A check is never deleted, and once it recorded changes it stays as recorded (the version it
 * made is immutable too). A "no changes" check may still become "changed" when the client
 * remembers something mid-session.
 */
async function lockRecordedChanges(db: Kysely<any>): Promise<void> {
  const message = 'a recorded health-history change is locked';
  if (isSqlite(db)) {
    await sql`CREATE TRIGGER session_health_checks_no_update
      BEFORE UPDATE ON session_health_checks WHEN OLD.outcome = 'changed'
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    await sql`CREATE TRIGGER session_health_checks_no_delete
      BEFORE DELETE ON session_health_checks
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION session_health_checks_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR OLD.outcome = 'changed' THEN
        RAISE EXCEPTION 'a recorded health-history change is locked';
      END IF;
      RETURN NEW;
    END; $$`.execute(db);
  await sql`CREATE TRIGGER session_health_checks_locked
    BEFORE UPDATE OR DELETE ON session_health_checks
    FOR EACH ROW EXECUTE FUNCTION session_health_checks_refuse_change()`.execute(db);
}

async function unlockRecordedChanges(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS session_health_checks_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS session_health_checks_no_delete`.execute(db);
    return;
  }
  await sql`DROP TRIGGER IF EXISTS session_health_checks_locked ON session_health_checks`.execute(
    db,
  );
  await sql`DROP FUNCTION IF EXISTS session_health_checks_refuse_change()`.execute(db);
}
