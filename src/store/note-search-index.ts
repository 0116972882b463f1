import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * On SQLite, note text reaches the full-text index through a queue rather than in the save
 * itself. A draft is autosaved every few seconds and re-indexing its whole text on each save
 * (delete every old token, insert every new one, then merge index segments inside the commit)
 * cost more than the rest of the save together. Saving a note now only records its rowid in
 * `notes_fts_pending`; the maintenance worker indexes the queue about once a second, and a
 * search indexes what is still queued before it reads, so a search never misses a saved word.
 * PostgreSQL keeps its generated tsvector, which has no such cost to defer.
 */
const chunk = `SELECT note_rowid FROM notes_fts_pending ORDER BY note_rowid LIMIT 64`;

/**
 * Indexes up to 64 queued notes; run inside one write transaction. Chunks keep each
 * transaction short, so a save waiting for the write lock behind the worker waits briefly.
 */
export const indexQueuedNotes = [
  `DELETE FROM notes_fts WHERE rowid IN (${chunk})`,
  `INSERT INTO notes_fts(rowid, search_text)
     SELECT rowid, search_text FROM notes WHERE rowid IN (${chunk})`,
  `DELETE FROM notes_fts_pending WHERE note_rowid IN (${chunk})`,
];

export const notesQueued = `SELECT 1 FROM notes_fts_pending LIMIT 1`;

/** Indexes every queued note before a search reads the index. */
export async function indexPendingNotes(db: Db): Promise<void> {
  const run = async (trx: Db) => {
    for (const statement of indexQueuedNotes) await sql.raw(statement).execute(trx);
  };
  while ((await sql.raw(notesQueued).execute(db)).rows.length > 0) {
    if (db.isTransaction) await run(db);
    else await db.transaction().execute(run);
  }
}
