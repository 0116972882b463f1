import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';
import { isSqlite } from './dialect.js';

/**
 * Follow-ups after a session: what the client reported (or told staff by phone) a day or two
 * later, one per session, and which session each follow-up link was sent for. A follow-up is
 * what the client said: the database refuses any change to it except recording, once, that a
 * clinician acknowledged its flag, and refuses deleting it. Scores are checked here too, so no
 * path around the API stores a 12.
 */
export const followUps: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('session_follow_ups')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('session_id', 'text', (col) => col.notNull().unique().references('sessions.id'))
      .addColumn('relief', 'integer', (col) => col.check(sql`relief between 0 and 10`))
      .addColumn('soreness', 'integer', (col) => col.check(sql`soreness between 0 and 10`))
      .addColumn('reactions', 'text', (col) => col.notNull())
      .addColumn('reaction_details', 'text')
      .addColumn('source', 'text', (col) =>
        col.notNull().check(sql`source in ('client_link', 'staff')`),
      )
      .addColumn('link_id', 'text', (col) => col.unique().references('client_links.id'))
      .addColumn('submitted_at', 'text', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.references('users.id'))
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_by', 'text', (col) => col.references('users.id'))
      .execute();
    await db.schema
      .createIndex('session_follow_ups_by_client')
      .on('session_follow_ups')
      .columns(['client_id', 'submitted_at'])
      .execute();
    await db.schema
      .createIndex('session_follow_ups_unacknowledged')
      .on('session_follow_ups')
      .columns(['practice_id', 'acknowledged_at', 'submitted_at'])
      .execute();
    await protectFollowUps(db);

    // Which session a follow-up link asks about; the link itself is an ordinary client link.
    await db.schema
      .createTable('session_follow_up_links')
      .addColumn('link_id', 'text', (col) => col.primaryKey().references('client_links.id'))
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .execute();
    await db.schema
      .createIndex('session_follow_up_links_by_session')
      .on('session_follow_up_links')
      .columns(['session_id'])
      .execute();
    await makeAppendOnly(db, 'session_follow_up_links');
  },

  async down(db: Kysely<any>) {
    await dropAppendOnly(db, 'session_follow_up_links');
    await db.schema.dropTable('session_follow_up_links').execute();
    await unprotectFollowUps(db);
    await db.schema.dropTable('session_follow_ups').execute();
  },
};

const message = 'a follow-up is kept as reported; only its acknowledgement is recorded, once';
const contentColumns = [
  'id',
  'practice_id',
  'client_id',
  'session_id',
  'relief',
  'soreness',
  'reactions',
  'reaction_details',
  'source',
  'link_id',
  'submitted_at',
  'recorded_by',
];

async function protectFollowUps(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    const changed = contentColumns
      .map((column) => `OLD.${column} IS NOT NEW.${column}`)
      .join(' OR ');
    await sql`CREATE TRIGGER session_follow_ups_no_update BEFORE UPDATE ON session_follow_ups
      WHEN OLD.acknowledged_at IS NOT NULL OR ${sql.raw(changed)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    await sql`CREATE TRIGGER session_follow_ups_no_delete BEFORE DELETE ON session_follow_ups
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  const changed = contentColumns
    .map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`)
    .join(' OR ');
  await sql`CREATE OR REPLACE FUNCTION session_follow_ups_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS ${sql.lit(`BEGIN
      IF TG_OP = 'DELETE' OR OLD.acknowledged_at IS NOT NULL OR ${changed} THEN
        RAISE EXCEPTION '${message}';
      END IF;
      RETURN NEW;
    END;`)}`.execute(db);
  await sql`CREATE TRIGGER session_follow_ups_locked BEFORE UPDATE OR DELETE ON session_follow_ups
    FOR EACH ROW EXECUTE FUNCTION session_follow_ups_refuse_change()`.execute(db);
}

async function unprotectFollowUps(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS session_follow_ups_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS session_follow_ups_no_delete`.execute(db);
    return;
  }
  await sql`DROP TRIGGER IF EXISTS session_follow_ups_locked ON session_follow_ups`.execute(db);
  await sql`DROP FUNCTION IF EXISTS session_follow_ups_refuse_change()`.execute(db);
}
