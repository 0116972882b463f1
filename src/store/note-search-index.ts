import { sql, type Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { termChangesOf } from './note-search-terms.js';

/**
 * On SQLite, note text reaches the full-text index through a queue rather than in the save
 * itself. A draft is autosaved every few seconds and re-indexing its whole text on each save
 * (delete every old token, insert every new one, merge index segments inside the commit) cost
 * more than the rest of the save together. Saving a note now only records its rowid in
 * `notes_fts_pending`; about once a second the queue is indexed on the same connection, in
 * short transactions between requests (a note saved ten times meanwhile is indexed once), and
 * a search indexes what is still queued before it reads, so it never misses a saved word.
 * The indexing stays on the server's own connection: a second writer (a worker thread) made
 * every save wait on SQLite's lock, with its back-off sleeps, while the worker held it.
 * PostgreSQL keeps its generated tsvector, which has no such cost to defer.
 */
const chunk = `SELECT note_rowid FROM notes_fts_pending ORDER BY note_rowid LIMIT 16`;

/**
 * Indexes up to 16 queued notes and counts their terms; run inside one write transaction.
 * Small chunks keep each transaction to a millisecond or two, so requests interleave with a
 * long queue.
 */
export const indexQueuedNotes = [
  ...termChangesOf(chunk),
  `DELETE FROM notes_fts WHERE rowid IN (${chunk})`,
  `INSERT INTO notes_fts(rowid, search_text)
     SELECT rowid, search_text FROM notes WHERE rowid IN (${chunk})`,
  `DELETE FROM notes_fts_pending WHERE note_rowid IN (${chunk})`,
];

export const notesQueued = `SELECT 1 FROM notes_fts_pending LIMIT 1`;

/** Indexes queued notes, a chunk per transaction, until the queue is empty. */
export async function indexPendingNotes(db: Db): Promise<void> {
  const run = async (trx: Db) => {
    for (const statement of indexQueuedNotes) await sql.raw(statement).execute(trx);
  };
  while ((await sql.raw(notesQueued).execute(db)).rows.length > 0) {
    if (db.isTransaction) await run(db);
    else await db.transaction().execute(run);
  }
}

export interface NoteIndexer {
  stop(): Promise<void>;
}

/**
 * Indexes the queue every `intervalMs`. A failed round (the queue's table does not exist
 * until the migrations have run) is simply tried again: searches index the queue themselves.
 */
export function startNoteIndexer(db: Kysely<Database>, intervalMs = 1_000): NoteIndexer {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= indexPendingNotes(db)
      .catch(() => {})
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
