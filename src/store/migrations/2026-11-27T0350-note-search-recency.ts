import type { Kysely, Migration } from 'kysely';
import { isSqlite } from './dialect.js';

/**
 * Note search answers newest-written first and stops at the page size. A common word matches a
 * large share of ten years of notes, so the search must walk matches in that order and stop,
 * never collect and sort them all. SQLite walks the FTS index by rowid (insertion order) and
 * needs nothing more; PostgreSQL gets an index in the same order to walk and filter by the
 * tsvector, which its planner prefers when a word is common and the GIN index when it is rare.
 */
export const noteSearchRecency: Migration = {
  async up(db: Kysely<any>) {
    if (isSqlite(db)) return;
    await db.schema
      .createIndex('notes_by_recency')
      .on('notes')
      .columns(['practice_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<any>) {
    if (isSqlite(db)) return;
    await db.schema.dropIndex('notes_by_recency').execute();
  },
};
