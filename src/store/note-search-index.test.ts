import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { testRuntime } from '../../test/support/clock.js';
import { storeForSuite } from '../../test/support/database.js';
import { storedNotebook } from '../../test/support/records.js';
import type { Db } from './database.js';
import { indexPendingNotes, indexSettledNotes, startNoteIndexer } from './note-search-index.js';

/** Session ids of the notes still queued for the index. */
async function queued(db: Db): Promise<string[]> {
  const { rows } = await sql<{ session_id: string }>`select notes.session_id from notes_fts_pending
    join notes on notes.rowid = notes_fts_pending.note_rowid order by notes.rowid`.execute(db);
  return rows.map((row) => row.session_id);
}

/** Whether the index itself (not the queue) answers `word` with the note of `sessionId`. */
async function indexed(db: Db, word: string, sessionId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from notes_fts join notes on notes.rowid = notes_fts.rowid
    where notes_fts match ${word} and notes.session_id = ${sessionId}`.execute(db);
  return rows.length > 0;
}

const iso = (date: Date) => date.toISOString();

// The queue exists on SQLite only; PostgreSQL's tsvector is written with the note.
describe('the background note indexer on sqlite', () => {
  // Ahead of the real clock, so the store's own background indexer (which counts rest on the
  // real clock) leaves these notes alone and only the calls below index them.
  const runtime = testRuntime(new Date(Date.now() + 7 * 24 * 3_600_000));
  const suite = storeForSuite('sqlite');

  it('indexes notes that have rested and leaves a note still being typed queued', async () => {
    const db = suite.store.db;
    const { write } = await storedNotebook(db, runtime);
    const rested = await write('Trapezius guarding eased');
    runtime.advanceMinutes(1);
    const typing = await write('Piriformis tender');
    const settledBefore = new Date(runtime.now().getTime() - 30_000);

    assert.equal((await indexSettledNotes(db, iso(settledBefore))).indexed, 1);
    assert.deepEqual(await queued(db), [typing]);
    assert.equal(await indexed(db, 'trapezius', rested), true);
    assert.equal(await indexed(db, 'piriformis', typing), false);

    // Saved again, the note is still being typed: it stays queued, with its newest text.
    await write('Piriformis released', typing, 1);
    assert.equal((await indexSettledNotes(db, iso(settledBefore))).indexed, 0);
    // A search indexes whatever is queued, rested or not.
    await indexPendingNotes(db);
    assert.deepEqual(await queued(db), []);
    assert.equal(await indexed(db, 'released', typing), true);
    assert.equal(await indexed(db, 'tender', typing), false);
  });

  it('passes over a queue longer than the window it reads at a time', async () => {
    const db = suite.store.db;
    runtime.advanceMinutes(10);
    const { write } = await storedNotebook(db, runtime);
    const rested: string[] = [];
    for (let index = 0; index < 300; index += 1) rested.push(await write(`Rested note ${index}`));
    runtime.advanceMinutes(1);
    const typing = await write('Still typing this one');
    const settledBefore = new Date(runtime.now().getTime() - 30_000);

    // Two windows read, then the rest of the queue on the next pass.
    const first = await indexSettledNotes(db, iso(settledBefore), { windows: 2 });
    assert.equal(first.indexed, 256);
    assert.ok(first.after > 0);
    assert.deepEqual(
      await indexSettledNotes(db, iso(settledBefore), { after: first.after, windows: 2 }),
      { indexed: 44, after: 0 },
    );
    assert.deepEqual(await queued(db), [typing]);
    assert.equal(await indexed(db, 'rested', rested.at(-1)!), true);
  });

  it('indexes a deleted note’s removal without waiting', async () => {
    const db = suite.store.db;
    runtime.advanceMinutes(10);
    const { write } = await storedNotebook(db, runtime);
    const sessionId = await write('Scalenes hypertonic');
    await indexPendingNotes(db);
    await sql`delete from notes where session_id = ${sessionId}`.execute(db);
    const { rows } = await sql`select 1 from notes_fts_pending`.execute(db);
    assert.equal(rows.length, 1);
    // The note was written just now by the clock, yet a deletion has nothing left to type.
    assert.equal((await indexSettledNotes(db, iso(new Date(0)))).indexed, 1);
    const { rows: left } =
      await sql`select 1 from notes_fts where notes_fts match 'scalenes'`.execute(db);
    assert.equal(left.length, 0);
  });

  it('runs on its own, by the clock it is given, once a note has rested', async () => {
    const db = suite.store.db;
    runtime.advanceMinutes(10);
    const { write } = await storedNotebook(db, runtime);
    const sessionId = await write('Gastrocnemius cramping');
    const indexer = startNoteIndexer(db, { intervalMs: 5, settleMs: 60_000, now: runtime.now });
    try {
      await sleep(60);
      assert.deepEqual(await queued(db), [sessionId], 'indexed before it rested');
      runtime.advanceMinutes(2);
      const deadline = Date.now() + 5_000;
      while ((await queued(db)).length > 0 && Date.now() < deadline) await sleep(5);
      assert.deepEqual(await queued(db), []);
      assert.equal(await indexed(db, 'gastrocnemius', sessionId), true);
    } finally {
      await indexer.stop();
    }
  });
});
