import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { storeForSuite } from '../../test/support/database.js';
import { dialects } from '../../test/support/dialects.js';
import type { Db } from './database.js';
import { keptQuery } from './kept-query.js';
import { inWriteTransaction, writeGroupsCommitted } from './write-groups.js';

/** Writes a stamp row: the smallest write every engine has. */
async function stamp(db: Db, scope: string): Promise<string> {
  await sql`insert into record_stamps (scope_id, stamp) values (${scope}, 1)`.execute(db);
  return scope;
}

async function stamped(db: Db, prefix: string): Promise<string[]> {
  const { rows } = await sql<{ scope_id: string }>`select scope_id from record_stamps
    where scope_id like ${`${prefix}%`} order by scope_id`.execute(db);
  return rows.map((row) => row.scope_id);
}

const keptStamp = keptQuery(['scope'], (db, { scope }: { scope: string }) =>
  db.insertInto('record_stamps').values({ scope_id: scope, stamp: 1 }),
);
const keptStampOf = keptQuery(['scope'], (db, { scope }: { scope: string }) =>
  db.selectFrom('record_stamps').select('stamp').where('scope_id', '=', scope),
);

for (const { dialect, skip } of dialects) {
  describe(`clinical writes on ${dialect}`, { skip }, () => {
    const suite = storeForSuite(dialect);

    it('commits every write sent together and hands each caller its own answer', async () => {
      const db = suite.store.db;
      const scopes = ['together-1', 'together-2', 'together-3', 'together-4'];
      const answers = await Promise.all(
        scopes.map((scope) => inWriteTransaction(db, (trx) => stamp(trx, scope))),
      );
      assert.deepEqual(answers, scopes);
      assert.deepEqual(await stamped(db, 'together-'), scopes);
    });

    it('undoes a write that fails, alone, and hands its caller the error', async () => {
      const db = suite.store.db;
      const refused = new Error('refused: the note changed meanwhile');
      const [first, failed, last] = await Promise.allSettled([
        inWriteTransaction(db, (trx) => stamp(trx, 'apart-1')),
        inWriteTransaction(db, async (trx) => {
          await stamp(trx, 'apart-2');
          throw refused;
        }),
        inWriteTransaction(db, (trx) => stamp(trx, 'apart-3')),
      ]);
      assert.deepEqual(first, { status: 'fulfilled', value: 'apart-1' });
      assert.deepEqual(failed, { status: 'rejected', reason: refused });
      assert.deepEqual(last, { status: 'fulfilled', value: 'apart-3' });
      assert.deepEqual(await stamped(db, 'apart-'), ['apart-1', 'apart-3']);
    });

    it('runs kept queries inside each write: it reads its own writes, and a failed one keeps none', async () => {
      const db = suite.store.db;
      const refused = new Error('refused after writing');
      const writeAndRead = (scope: string, fail = false) =>
        inWriteTransaction(db, async (trx) => {
          await keptStamp.all(trx, { scope });
          const own = await keptStampOf.first(trx, { scope });
          if (fail) throw refused;
          return own?.stamp;
        });
      const outcomes = await Promise.allSettled([
        writeAndRead('kept-1'),
        writeAndRead('kept-2', true),
        writeAndRead('kept-3'),
      ]);
      assert.deepEqual(outcomes, [
        { status: 'fulfilled', value: 1 },
        { status: 'rejected', reason: refused },
        { status: 'fulfilled', value: 1 },
      ]);
      assert.deepEqual(await stamped(db, 'kept-'), ['kept-1', 'kept-3']);
      assert.equal(await keptStampOf.first(db, { scope: 'kept-2' }), undefined);
    });
  });
}

describe('clinical writes on sqlite, grouped', () => {
  const suite = storeForSuite('sqlite');

  it('share one commit when they arrive together, and one alone has its own', async () => {
    const db = suite.store.db;
    const before = writeGroupsCommitted(db);
    await Promise.all(
      ['shared-1', 'shared-2', 'shared-3'].map((scope) =>
        inWriteTransaction(db, (trx) => stamp(trx, scope)),
      ),
    );
    assert.equal(writeGroupsCommitted(db), before + 1);
    await inWriteTransaction(db, (trx) => stamp(trx, 'shared-alone'));
    assert.equal(writeGroupsCommitted(db), before + 2);
    assert.deepEqual(await stamped(db, 'shared-'), [
      'shared-1',
      'shared-2',
      'shared-3',
      'shared-alone',
    ]);
  });

  it('tries each write again alone when the group cannot commit, so one keeps none back', async () => {
    const db = suite.store.db;
    // A foreign key checked at commit: this write passes its savepoint and fails the commit.
    const dangling = (trx: Db) =>
      sql`insert into session_follow_up_links (link_id, session_id, practice_id)
        values ('no-such-link', 'no-such-session', 'no-such-practice')`.execute(trx);
    const before = writeGroupsCommitted(db);
    const [first, failed, last] = await Promise.allSettled([
      inWriteTransaction(db, (trx) => stamp(trx, 'retried-1')),
      inWriteTransaction(db, async (trx) => {
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await dangling(trx);
      }),
      inWriteTransaction(db, (trx) => stamp(trx, 'retried-2')),
    ]);
    assert.deepEqual(first, { status: 'fulfilled', value: 'retried-1' });
    assert.equal(failed.status, 'rejected');
    assert.match(String((failed as PromiseRejectedResult).reason), /FOREIGN KEY/);
    assert.deepEqual(last, { status: 'fulfilled', value: 'retried-2' });
    assert.deepEqual(await stamped(db, 'retried-'), ['retried-1', 'retried-2']);
    // The group did not commit; the two good writes then did, each alone.
    assert.equal(writeGroupsCommitted(db), before + 2);
    const { rows } = await sql`select 1 from session_follow_up_links
      where link_id = 'no-such-link'`.execute(db);
    assert.equal(rows.length, 0);
  });
});
