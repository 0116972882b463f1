import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRuntime } from '../../test/support/clock.js';
import { storeForSuite } from '../../test/support/database.js';
import { dialects } from '../../test/support/dialects.js';
import { storedNotebook } from '../../test/support/records.js';
import { fewMatches, searchNotes } from './notes.js';

/**
 * Note search in the store, on a notebook large enough that a common word is held by more
 * notes than PostgreSQL reads through its index before walking newest first, while a rare word
 * and a word no note holds are answered from the index alone.
 */
for (const { dialect, skip } of dialects) {
  describe(`searching many notes on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    const suite = storeForSuite(dialect);
    let practiceId: string;
    let common: string[];
    let rare: string[];

    it('writes a notebook with a common word in every note and a rare one in three', async () => {
      const { practice, write } = await storedNotebook(suite.store.db, runtime);
      practiceId = practice.id;
      common = [];
      rare = [];
      for (let note = 0; note < fewMatches + 20; note += 1) {
        runtime.advanceMinutes(1);
        const findings = note % 200 === 7 ? 'Tendon tender, bursitis suspected' : 'Tendon tender';
        const sessionId = await write(findings);
        common.push(sessionId);
        if (findings.includes('bursitis')) rare.push(sessionId);
      }
      assert.equal(rare.length, 3);
    });

    const search = (query: string, limit: number) =>
      searchNotes(suite.store.db, practiceId, { kind: 'practice' }, query, limit);

    it('answers a word held by more notes than the index is asked for with the newest page', async () => {
      const hits = await search('tend', 5);
      assert.deepEqual(
        hits.map((hit) => hit.sessionId),
        common.slice(-5).reverse(),
      );
    });

    it('answers a rare word with every note that holds it, newest first', async () => {
      const hits = await search('bursit', 20);
      assert.deepEqual(
        hits.map((hit) => hit.sessionId),
        [...rare].reverse(),
      );
      assert.match(hits[0]!.text, /bursitis suspected/);
    });

    it('answers a word no note holds with nothing', async () => {
      assert.deepEqual(await search('zzyzx', 20), []);
      assert.deepEqual(await search('tendon zzyzx', 20), []);
    });
  });
}
