import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './dialect.js';

/**
 * SQLite: every term of the note index with the number of notes that hold it, so a search can
 * turn a word being typed into the whole terms it begins (see store/note-search-terms.ts).
 * Filled from the index as it stands; the indexer keeps it in step from then on, and a term
 * goes when its last note does. PostgreSQL is unchanged.
 */
export const noteSearchTerms: Migration = {
  async up(db: Kysely<any>) {
    if (!isSqlite(db)) return;
    await db.schema
      .createTable('notes_fts_terms')
      .addColumn('term', 'text', (col) => col.primaryKey())
      .addColumn('notes', 'integer', (col) => col.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await sql`CREATE VIRTUAL TABLE temp.notes_fts_rows USING fts5vocab(main, notes_fts, row)`.execute(
      db,
    );
    await sql`INSERT INTO notes_fts_terms(term, notes) SELECT term, doc FROM temp.notes_fts_rows`.execute(
      db,
    );
    await sql`DROP TABLE temp.notes_fts_rows`.execute(db);
  },
  async down(db: Kysely<any>) {
    if (!isSqlite(db)) return;
    await db.schema.dropTable('notes_fts_terms').execute();
  },
};
