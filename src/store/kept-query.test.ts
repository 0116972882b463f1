import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { testRuntime } from '../../test/support/clock.js';
import { storeForSuite } from '../../test/support/database.js';
import { dialects } from '../../test/support/dialects.js';
import { storedClient, storedPractice } from '../../test/support/records.js';
import { keptQuery } from './kept-query.js';

const clientByName = keptQuery(
  ['practiceId', 'lastName'],
  (db, { practiceId, lastName }: { practiceId: string; lastName: string }) =>
    db
      .selectFrom('clients')
      .select(['id', 'legal_first_name', 'legal_last_name'])
      .where('practice_id', '=', practiceId)
      .where('legal_last_name', '=', lastName)
      .orderBy('legal_first_name'),
);

const renameClient = keptQuery(
  ['id', 'firstName', 'at'],
  (db, { id, firstName, at }: { id: string; firstName: string; at: string }) =>
    db
      .updateTable('clients')
      .set({ legal_first_name: firstName, updated_at: at, version: sql`version + 1` })
      .where('id', '=', id)
      .returning(['legal_first_name', 'version']),
);

for (const { dialect, skip } of dialects) {
  describe(`kept queries on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    const suite = storeForSuite(dialect);

    it('answers like the query built afresh, for each set of values', async () => {
      const { db } = suite.store;
      const practice = await storedPractice(db, runtime);
      await storedClient(db, runtime, practice.id, {
        legalFirstName: 'Ana',
        legalLastName: 'Lima',
      });
      await storedClient(db, runtime, practice.id, { legalFirstName: 'Bo', legalLastName: 'Lima' });
      await storedClient(db, runtime, practice.id, { legalFirstName: 'Cy', legalLastName: 'Moe' });
      for (const lastName of ['Lima', 'Moe', 'Nobody']) {
        const fresh = await db
          .selectFrom('clients')
          .select(['id', 'legal_first_name', 'legal_last_name'])
          .where('practice_id', '=', practice.id)
          .where('legal_last_name', '=', lastName)
          .orderBy('legal_first_name')
          .execute();
        assert.deepEqual(await clientByName.all(db, { practiceId: practice.id, lastName }), fresh);
      }
      assert.equal(
        (await clientByName.first(db, { practiceId: practice.id, lastName: 'Moe' }))
          ?.legal_first_name,
        'Cy',
      );
      assert.equal(
        await clientByName.first(db, { practiceId: practice.id, lastName: 'Nobody' }),
        undefined,
      );
    });

    it('never reads what a transaction still open has written', async () => {
      const { db } = suite.store;
      const practice = await storedPractice(db, runtime);
      let letCommit = () => {};
      const commitAllowed = new Promise<void>((resolve) => (letCommit = resolve));
      let inserted = () => {};
      const insertDone = new Promise<void>((resolve) => (inserted = resolve));
      const transaction = db.transaction().execute(async (trx) => {
        await storedClient(trx, runtime, practice.id, { legalLastName: 'Pending' });
        inserted();
        await commitAllowed;
      });
      await insertDone;
      const read = clientByName.all(db, { practiceId: practice.id, lastName: 'Pending' });
      const readFirst = await Promise.race([
        read.then(() => 'read'),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 50)),
      ]);
      letCommit();
      await transaction;
      if (dialect === 'sqlite') {
        // One connection: the read waits its turn and then sees the committed row.
        assert.equal(readFirst, 'waiting');
        assert.equal((await read).length, 1);
      } else {
        // Another connection of the pool: the read goes ahead without the row.
        assert.equal(readFirst, 'read');
        assert.equal((await read).length, 0);
      }
    });

    it('writes inside a transaction, and nothing stays when the transaction fails', async () => {
      const { db } = suite.store;
      const practice = await storedPractice(db, runtime);
      const client = await storedClient(db, runtime, practice.id, { legalLastName: 'Kept' });
      const renamed = await db.transaction().execute((trx) =>
        renameClient.first(trx, {
          id: client.id,
          firstName: 'Ada',
          at: runtime.now().toISOString(),
        }),
      );
      assert.deepEqual(renamed, { legal_first_name: 'Ada', version: 2 });
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await renameClient.first(trx, {
            id: client.id,
            firstName: 'Eve',
            at: runtime.now().toISOString(),
          });
          throw new Error('the rest of the write failed');
        }),
        /the rest of the write failed/,
      );
      const [stored] = await clientByName.all(db, { practiceId: practice.id, lastName: 'Kept' });
      assert.equal(stored?.legal_first_name, 'Ada');
    });

    it('refuses a query that does not bind every value it is given', async () => {
      const unbound = keptQuery(['id', 'unused'], (db, { id }: { id: string; unused: string }) =>
        db.selectFrom('clients').select('id').where('id', '=', id),
      );
      await assert.rejects(
        unbound.all(suite.store.db, { id: 'x', unused: 'y' }),
        /must bind every value \(not unused\)/,
      );
    });
  });
}
