import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './dialect.js';

/**
 * SQLite: the note index becomes an FTS5 table fed from a queue of changed notes (see
 * store/note-search-index.ts) instead of triggers that re-indexed a note's whole text on every
 * autosave. The index keeps its own copy of the text it indexed, so a queued note's old tokens
 * can be deleted by rowid after the note has changed. (A contentless-delete table would save
 * that copy, but its tombstones made common-word searches six times slower after a day of
 * autosaves.) PostgreSQL is unchanged.
 */
export const noteIndexQueue: Migration = {
  async up(db: Kysely<any>) {
    if (!isSqlite(db)) return;
    for (const trigger of ['notes_fts_insert', 'notes_fts_update', 'notes_fts_delete'])
      await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
    await sql`DROP TABLE IF EXISTS notes_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE notes_fts USING fts5(search_text, tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`CREATE TABLE notes_fts_pending (note_rowid INTEGER PRIMARY KEY)`.execute(db);
    await sql`CREATE TRIGGER notes_fts_queue_insert AFTER INSERT ON notes BEGIN
      INSERT OR IGNORE INTO notes_fts_pending(note_rowid) VALUES (new.rowid); END`.execute(db);
    await sql`CREATE TRIGGER notes_fts_queue_update AFTER UPDATE OF search_text ON notes
      WHEN old.search_text IS NOT new.search_text BEGIN
      INSERT OR IGNORE INTO notes_fts_pending(note_rowid) VALUES (new.rowid); END`.execute(db);
    await sql`CREATE TRIGGER notes_fts_queue_delete AFTER DELETE ON notes BEGIN
      INSERT OR IGNORE INTO notes_fts_pending(note_rowid) VALUES (old.rowid); END`.execute(db);
    await sql`INSERT INTO notes_fts(rowid, search_text) SELECT rowid, search_text FROM notes`.execute(
      db,
    );
  },
  async down(db: Kysely<any>) {
    if (!isSqlite(db)) return;
    for (const trigger of [
      'notes_fts_queue_insert',
      'notes_fts_queue_update',
      'notes_fts_queue_delete',
    ])
      await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
    await sql`DROP TABLE IF EXISTS notes_fts_pending`.execute(db);
    await sql`DROP TABLE IF EXISTS notes_fts`.execute(db);
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
    await sql`CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
      INSERT INTO notes_fts(notes_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END`.execute(
      db,
    );
    await sql`INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')`.execute(db);
  },
};
