import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';
import { isSqlite } from './dialect.js';

/**
 * Sessions, SOAP notes (locked once signed, by the database itself), addenda, note versions,
 * the technique rows progress will count, private reflections, the practice's catalogues, and
 * full-text search over note text (FTS5 on SQLite, a generated tsvector on PostgreSQL).
 */
export const sessionsAndNotes: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['techniques', 'session_types']) {
      let builder = db.schema
        .createTable(table)
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
        .addColumn('code', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull());
      if (table === 'session_types')
        builder = builder.addColumn('minutes', 'integer', (col) => col.notNull());
      await builder
        .addColumn('retired_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint(`${table}_code_unique`, ['practice_id', 'code'])
        .execute();
    }

    await db.schema
      .createTable('products')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('ingredients', 'text', (col) => col.notNull())
      .addColumn('retired_at', 'text')
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('products_practice')
      .on('products')
      .columns(['practice_id', 'name'])
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('therapist_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('starts_at', 'text', (col) => col.notNull())
      .addColumn('service_date', 'text', (col) => col.notNull())
      .addColumn('planned_minutes', 'integer', (col) => col.notNull())
      .addColumn('actual_minutes', 'integer')
      .addColumn('session_type', 'text', (col) => col.notNull())
      .addColumn('location', 'text')
      .addColumn('status', 'text', (col) =>
        col
          .notNull()
          .check(
            sql`status in ('booked', 'in_progress', 'signed', 'amended', 'cancelled', 'no_show')`,
          ),
      )
      .addColumn('status_reason', 'text')
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema
      .createIndex('sessions_by_therapist')
      .on('sessions')
      .columns(['practice_id', 'therapist_id', 'starts_at'])
      .execute();
    await db.schema
      .createIndex('sessions_by_client')
      .on('sessions')
      .columns(['client_id', 'starts_at', 'id'])
      .execute();
    await db.schema
      .createIndex('sessions_by_date')
      .on('sessions')
      .columns(['practice_id', 'service_date'])
      .execute();

    await db.schema
      .createTable('notes')
      .addColumn('session_id', 'text', (col) => col.primaryKey().references('sessions.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('author_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('content', 'text', (col) => col.notNull())
      .addColumn('pain_before', 'integer')
      .addColumn('pain_after', 'integer')
      .addColumn('search_text', 'text', (col) => col.notNull())
      .addColumn('signed_at', 'text')
      .addColumn('signed_by', 'text')
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('notes_by_author')
      .on('notes')
      .columns(['practice_id', 'author_id', 'signed_at'])
      .execute();
    await db.schema
      .createIndex('notes_by_client')
      .on('notes')
      .columns(['client_id', 'signed_at'])
      .execute();
    await lockSignedNotes(db);

    await db.schema
      .createTable('note_techniques')
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('practice_id', 'text', (col) => col.notNull())
      .addColumn('client_id', 'text', (col) => col.notNull())
      .addColumn('service_date', 'text', (col) => col.notNull())
      .addColumn('technique', 'text', (col) => col.notNull())
      .addColumn('minutes', 'integer', (col) => col.notNull())
      .addColumn('pressure', 'integer', (col) => col.notNull())
      .addColumn('regions', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('note_techniques_pk', ['session_id', 'position'])
      .execute();
    await db.schema
      .createIndex('note_techniques_by_client')
      .on('note_techniques')
      .columns(['client_id', 'technique'])
      .execute();
    await makeAppendOnly(db, 'note_techniques');

    await db.schema
      .createTable('addenda')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull())
      .addColumn('author_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('addenda_by_session')
      .on('addenda')
      .columns(['session_id', 'created_at'])
      .execute();
    await makeAppendOnly(db, 'addenda');

    await db.schema
      .createTable('note_versions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('content', 'text', (col) => col.notNull())
      .addColumn('addendum_id', 'text')
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addUniqueConstraint('note_versions_number', ['session_id', 'number'])
      .execute();
    await makeAppendOnly(db, 'note_versions');

    await db.schema
      .createTable('reflections')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull())
      .addColumn('author_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('session_id', 'text', (col) => col.references('sessions.id'))
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('reflections_by_author')
      .on('reflections')
      .columns(['author_id', 'client_id', 'created_at'])
      .execute();

    if (isSqlite(db)) {
      await sql`CREATE VIRTUAL TABLE notes_fts USING fts5(search_text, content='notes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
        db,
      );
      await sql`CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END`.execute(
        db,
      );
      await sql`CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO notes_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END`.execute(
        db,
      );
      // Without this a deleted draft's words stay indexed under its rowid, which SQLite hands
      // to the next note: a search would find that note by words it never contained.
      await sql`CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END`.execute(
        db,
      );
    } else {
      await sql`ALTER TABLE notes ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(
        db,
      );
      await sql`CREATE INDEX notes_search ON notes USING gin (search_vector)`.execute(db);
    }
  },

  async down(db: Kysely<any>) {
    if (isSqlite(db)) {
      await sql`DROP TRIGGER IF EXISTS notes_fts_insert`.execute(db);
      await sql`DROP TRIGGER IF EXISTS notes_fts_update`.execute(db);
      await sql`DROP TRIGGER IF EXISTS notes_fts_delete`.execute(db);
      await sql`DROP TABLE IF EXISTS notes_fts`.execute(db);
    }
    await unlockSignedNotes(db);
    for (const table of ['note_techniques', 'addenda', 'note_versions'])
      await dropAppendOnly(db, table);
    for (const table of [
      'reflections',
      'note_versions',
      'addenda',
      'note_techniques',
      'notes',
      'sessions',
      'products',
      'session_types',
      'techniques',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** A signed note never changes: UPDATE and DELETE of a signed row are refused by the database. */
async function lockSignedNotes(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`CREATE TRIGGER notes_signed_no_update BEFORE UPDATE ON notes WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'signed notes are locked'); END`.execute(db);
    await sql`CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'signed notes are locked'); END`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION notes_refuse_signed_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.signed_at IS NOT NULL THEN RAISE EXCEPTION 'signed notes are locked'; END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END; $$`.execute(db);
  await sql`CREATE TRIGGER notes_signed_locked BEFORE UPDATE OR DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION notes_refuse_signed_change()`.execute(db);
}

async function unlockSignedNotes(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS notes_signed_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS notes_signed_no_delete`.execute(db);
    return;
  }
  await sql`DROP TRIGGER IF EXISTS notes_signed_locked ON notes`.execute(db);
  await sql`DROP FUNCTION IF EXISTS notes_refuse_signed_change()`.execute(db);
}
