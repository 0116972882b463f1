import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { testRuntime } from '../../test/support/clock.js';
import {
  storeForSuite,
  throwawayDatabase,
  type ThrowawayDatabase,
} from '../../test/support/database.js';
import { storedNotebook } from '../../test/support/records.js';
import { openStore, type Db, type Store } from './database.js';
import { migrateToLatest, migrator } from './migrator.js';
import { indexPendingNotes } from './note-search-index.js';
import { noteSearchMatch } from './note-search-terms.js';
import { searchNotes } from './notes.js';

async function countsOf(db: Db, terms: string[]) {
  const { rows } = await sql<{ term: string; notes: number }>`select term, notes
    from notes_fts_terms where term in (${sql.join(terms)}) order by term`.execute(db);
  return rows.map((row) => [row.term, row.notes]);
}

async function countedTerms(db: Db) {
  const { rows } = await sql<{
    term: string;
    notes: number;
  }>`select term, notes from notes_fts_terms order by term`.execute(db);
  return rows.map((row) => [row.term, row.notes]);
}

/** The terms and note counts FTS5 itself reports for the index: what the table must match. */
async function indexedTerms(db: Db) {
  await sql`create virtual table if not exists temp.notes_fts_index_terms
    using fts5vocab(main, notes_fts, row)`.execute(db);
  const { rows } = await sql<{
    term: string;
    doc: number;
  }>`select term, doc from temp.notes_fts_index_terms order by term`.execute(db);
  return rows.map((row) => [row.term, row.doc]);
}

// The terms support SQLite's FTS5 index only; PostgreSQL searches its tsvector directly.
describe('the terms of the note index on sqlite', () => {
  const runtime = testRuntime();
  const suite = storeForSuite('sqlite');

  it('counts each term with the notes that hold it', async () => {
    const { write } = await storedNotebook(suite.store.db, runtime);
    await write('Taut infraspinatus, tender teres');
    await write('Infraspinatus again and again');
    await indexPendingNotes(suite.store.db);
    assert.deepEqual(await countsOf(suite.store.db, ['again', 'infraspinatus', 'taut', 'teres']), [
      ['again', 1],
      ['infraspinatus', 2],
      ['taut', 1],
      ['teres', 1],
    ]);
  });

  it('counts a rewritten note’s new words instead of its old ones', async () => {
    const { write } = await storedNotebook(suite.store.db, runtime);
    const sessionId = await write('Guarding in the supraspinatus');
    await indexPendingNotes(suite.store.db);
    await write('Supraspinatus released', sessionId, 1);
    await indexPendingNotes(suite.store.db);
    assert.deepEqual(await countsOf(suite.store.db, ['guarding', 'released', 'supraspinatus']), [
      ['released', 1],
      ['supraspinatus', 1],
    ]);
  });

  it('forgets a term once the last note holding it is deleted, as a purge deletes them', async () => {
    const { write } = await storedNotebook(suite.store.db, runtime);
    const sessionId = await write('Subscapularis adhesions');
    await write('Subscapularis tone normal');
    await indexPendingNotes(suite.store.db);
    await sql`delete from notes where session_id = ${sessionId}`.execute(suite.store.db);
    await indexPendingNotes(suite.store.db);
    assert.deepEqual(await countsOf(suite.store.db, ['adhesions', 'subscapularis']), [
      ['subscapularis', 1],
    ]);
  });

  it('holds exactly the terms of the index, each with the notes FTS5 counts for it', async () => {
    const { write } = await storedNotebook(suite.store.db, runtime);
    await write('Épaule: Nackenschmerz, ﬁbro-flare ×3 (C5/C6)');
    await indexPendingNotes(suite.store.db);
    assert.deepEqual(await countedTerms(suite.store.db), await indexedTerms(suite.store.db));
  });
});

describe('a searched word on sqlite', () => {
  const runtime = testRuntime();
  const suite = storeForSuite('sqlite');

  /** Sets how many notes hold a term, as a practice's years of notes would. */
  async function heldBy(term: string, notes: number) {
    await sql`insert into notes_fts_terms (term, notes) values (${term}, ${notes})
      on conflict (term) do update set notes = excluded.notes`.execute(suite.store.db);
  }

  it('becomes the whole terms it begins when many notes hold them', async () => {
    await heldBy('sciatic', 4_000);
    await heldBy('sciatica', 9_000);
    await heldBy('scoliosis', 3_000);
    assert.equal(await noteSearchMatch(suite.store.db, ['sciat']), '("sciatic" OR "sciatica")');
  });

  it('requires every word', async () => {
    await heldBy('levator', 5_000);
    await heldBy('scapulae', 5_000);
    assert.equal(
      await noteSearchMatch(suite.store.db, ['levator', 'scap']),
      '("levator") AND ("scapulae")',
    );
  });

  it('stays a prefix when few notes hold its terms, as reading them costs less', async () => {
    await heldBy('bursa', 30);
    await heldBy('bursitis', 40);
    assert.equal(await noteSearchMatch(suite.store.db, ['burs']), '"burs"*');
  });

  it('stays a prefix when it begins more terms than are worth opening', async () => {
    for (let index = 0; index < 65; index += 1) await heldBy(`zed${index}`, 100_000);
    assert.equal(await noteSearchMatch(suite.store.db, ['zed']), '"zed"*');
  });

  it('stays a prefix in letters the index may fold or split otherwise', async () => {
    await heldBy('ωμοπλατη', 5_000);
    assert.equal(await noteSearchMatch(suite.store.db, ['ωμο']), '"ωμο"*');
  });

  it('matches nothing when it begins no term of the index', async () => {
    await heldBy('neck', 5_000);
    assert.equal(await noteSearchMatch(suite.store.db, ['neck', 'zzyzx']), null);
  });

  it('finds the same notes, newest first, whether searched by terms or by prefix', async () => {
    const { practice, write } = await storedNotebook(suite.store.db, runtime);
    const piriformis = await write('Taut piriformis');
    await write('Tender pirate');
    const piriform = await write('Piriform fossa');
    const search = async () =>
      (await searchNotes(suite.store.db, practice.id, { kind: 'practice' }, 'piri', 25)).map(
        (hit) => hit.sessionId,
      );
    assert.deepEqual(await search(), [piriform, piriformis]);
    assert.equal(await noteSearchMatch(suite.store.db, ['piri']), '"piri"*');
    await sql`update notes_fts_terms set notes = notes + 10000 where term like 'piri%'`.execute(
      suite.store.db,
    );
    assert.equal(await noteSearchMatch(suite.store.db, ['piri']), '("piriform" OR "piriformis")');
    assert.deepEqual(await search(), [piriform, piriformis]);
  });
});

describe('the note-search-terms migration on sqlite', () => {
  const runtime = testRuntime();
  let database: ThrowawayDatabase;
  let store: Store;
  before(async () => {
    database = await throwawayDatabase('sqlite', { empty: true });
    // Opened without migrating: the test stops just before the migration under test.
    store = openStore({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  });
  after(async () => {
    await store?.close();
    await database?.drop();
  });

  it('counts the terms of notes indexed before it', async () => {
    const { error } = await migrator(store.db).migrateTo('2026-11-30T0600-outcome-indexes');
    if (error) throw error;
    const { write } = await storedNotebook(store.db, runtime);
    await write('Hypertonic levator scapulae');
    await write('Levator scapulae released');
    // As the indexer of the time did it, before there were terms to count.
    await sql`insert into notes_fts (rowid, search_text) select rowid, search_text from notes`.execute(
      store.db,
    );
    await sql`delete from notes_fts_pending`.execute(store.db);
    await migrateToLatest(store.db);
    assert.deepEqual(await countedTerms(store.db), [
      ['hypertonic', 1],
      ['levator', 2],
      ['released', 1],
      ['scapulae', 2],
    ]);
  });
});
