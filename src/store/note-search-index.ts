import { sql, type Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { termChangesOf } from './note-search-terms.js';

/**
 * On SQLite, note text reaches the full-text index through a queue rather than in the save
 * itself. A draft is autosaved every few seconds and re-indexing its whole text on each save
 * (delete every old token, insert every new one, merge index segments inside the commit) cost
 * more than the rest of the save together. Saving a note only records its rowid in
 * `notes_fts_pending`; a search indexes what is still queued before it reads, so it never
 * misses a saved word, and the background indexer below keeps that queue short.
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
export const indexQueuedNotes = indexChunk(chunk);

/** The statements that index the queued notes `chunk` selects (by `note_rowid`). */
function indexChunk(chunk: string): string[] {
  return [
    ...termChangesOf(chunk),
    `DELETE FROM notes_fts WHERE rowid IN (${chunk})`,
    `INSERT INTO notes_fts(rowid, search_text)
       SELECT rowid, search_text FROM notes WHERE rowid IN (${chunk})`,
    `DELETE FROM notes_fts_pending WHERE note_rowid IN (${chunk})`,
  ];
}

export const notesQueued = `SELECT 1 FROM notes_fts_pending LIMIT 1`;

/** Indexes queued notes, a chunk per transaction, until the queue is empty. */
export async function indexPendingNotes(db: Db): Promise<void> {
  const run = (trx: Db) => runAll(trx, indexQueuedNotes);
  while ((await sql.raw(notesQueued).execute(db)).rows.length > 0) {
    if (db.isTransaction) await run(db);
    else await db.transaction().execute(run);
  }
}

async function runAll(db: Db, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export interface NoteIndexer {
  stop(): Promise<void>;
}

export interface NoteIndexerTiming {
  /** How often the queue is looked at. */
  intervalMs?: number;
  /**
   * How long a note must rest after its last save before the background indexes it. A note
   * being typed is autosaved every few seconds; indexing it at each save (as this did once a
   * second) spent a fifth of a busy server's time re-indexing text about to change, in bursts
   * that held up every request meanwhile. A search still indexes a resting note at once.
   */
  settleMs?: number;
  /** The clock that says when a note last changed (the server's). */
  now?: () => Date;
}

/** Queued notes read per look, so a long queue of notes being typed costs little to pass. */
const window = 128;
/** Looks per round of the background indexer; the next round goes on from where it stopped. */
const windowsPerRound = 8;
/** Notes indexed per transaction: a millisecond or two, so requests interleave. */
const chunkSize = 16;

/**
 * Rowids of queued notes after `after` (one window, in order) and whether each has rested
 * since `settledBefore`; a deleted note has, its old text waits to leave the index.
 */
async function queuedWindow(db: Db, after: number, settledBefore: string) {
  const { rows } = await sql<{ noteRowid: number; settled: number }>`
    SELECT queued.note_rowid AS "noteRowid",
      (notes.rowid IS NULL OR notes.updated_at <= ${settledBefore}) AS settled
    FROM (SELECT note_rowid FROM notes_fts_pending WHERE note_rowid > ${after}
          ORDER BY note_rowid LIMIT ${window}) AS queued
    LEFT JOIN notes ON notes.rowid = queued.note_rowid
    ORDER BY queued.note_rowid`.execute(db);
  return rows;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface IndexingPass {
  /** Notes indexed. */
  indexed: number;
  /** Where the next pass goes on: the last queued rowid read, or 0 at the end of the queue. */
  after: number;
}

/**
 * Indexes the queued notes that have rested since `settledBefore`, reading the queue a window
 * at a time from `after` (for at most `windows` windows), with a short transaction per chunk
 * and a turn of the event loop after every window and chunk, so that requests are never held
 * up by more than one of them. Notes still being typed stay queued.
 */
export async function indexSettledNotes(
  db: Kysely<Database>,
  settledBefore: string,
  { after = 0, windows = Infinity }: { after?: number; windows?: number } = {},
): Promise<IndexingPass> {
  let indexed = 0;
  let cursor = after;
  for (let read = 0; read < windows; read += 1) {
    const queued = await queuedWindow(db, cursor, settledBefore);
    await nextTurn();
    const settled = queued.filter((note) => note.settled).map((note) => note.noteRowid);
    for (let start = 0; start < settled.length; start += chunkSize) {
      const rowids = settled.slice(start, start + chunkSize);
      if (!rowids.every(Number.isSafeInteger)) throw new Error('A queued note rowid is invalid.');
      // Only what is still queued: a search may have indexed some since the window was read.
      const chunk = `SELECT note_rowid FROM notes_fts_pending
        WHERE note_rowid IN (${rowids.join(', ')})`;
      await db.transaction().execute((trx) => runAll(trx, indexChunk(chunk)));
      indexed += rowids.length;
      await nextTurn();
    }
    if (queued.length < window) return { indexed, after: 0 };
    cursor = queued.at(-1)!.noteRowid;
  }
  return { indexed, after: cursor };
}

/**
 * Indexes resting queued notes every `intervalMs` while a round finds some, and waits five
 * intervals after a round that finds none (the queue is empty, or the part of it read holds
 * only notes still being typed), since reading a long queue to find nothing is not free. A
 * failed round (the queue's table does not exist until the migrations have run) is simply
 * tried again: searches index the queue themselves.
 */
export function startNoteIndexer(
  db: Kysely<Database>,
  { intervalMs = 1_000, settleMs = 15_000, now = () => new Date() }: NoteIndexerTiming = {},
): NoteIndexer {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let after = 0;
  const round = async () => {
    let quiet = true;
    try {
      const settledBefore = new Date(now().getTime() - settleMs).toISOString();
      const pass = await indexSettledNotes(db, settledBefore, { after, windows: windowsPerRound });
      after = pass.after;
      quiet = pass.indexed === 0;
    } catch {
      after = 0;
    }
    if (!stopped) schedule(quiet ? intervalMs * 5 : intervalMs);
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = null;
      });
    }, delay);
    timer.unref();
  };
  schedule(intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
