import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { openSqlite, sqlitePageCacheKib } from './database.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-db-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('SQLite transactions beside another connection', () => {
  it('never fails a transaction that reads and then writes because another connection wrote in between', async () => {
    const file = path.join(scratch, 'immediate.sqlite');
    const store = openSqlite(file);
    // A second connection, as the maintenance worker has, that gives up at once when locked.
    const other = new SqliteDatabase(file);
    other.pragma('busy_timeout = 0');
    try {
      await sql`create table counter (id integer primary key, value integer not null)`.execute(
        store.db,
      );
      await sql`insert into counter (id, value) values (1, 0)`.execute(store.db);
      let otherWrote = true;
      await store.db.transaction().execute(async (trx) => {
        const [row] = (
          await sql<{ value: number }>`select value from counter where id = 1`.execute(trx)
        ).rows;
        // While this transaction is open, the other connection tries to write. Under a
        // deferred BEGIN it would succeed and this transaction's write below would fail with
        // SQLITE_BUSY (stale snapshot); the transaction must hold the write lock instead.
        try {
          other.prepare('update counter set value = value + 100 where id = 1').run();
        } catch (error) {
          otherWrote = false;
          assert.equal((error as { code?: string }).code, 'SQLITE_BUSY');
        }
        await sql`update counter set value = ${row!.value + 1} where id = 1`.execute(trx);
      });
      assert.equal(otherWrote, false, 'the other connection waited for the transaction');
      const [after] = (await sql<{ value: number }>`select value from counter`.execute(store.db))
        .rows;
      assert.equal(after?.value, 1);
    } finally {
      other.close();
      await store.close();
    }
  });
});

describe('SQLite connection settings', () => {
  it('keeps a page cache large enough for a practice’s working set, in WAL mode', async () => {
    const store = openSqlite(path.join(scratch, 'settings.sqlite'));
    try {
      const setting = async (name: string) =>
        Object.values(
          (
            await sql<Record<string, unknown>>`select * from ${sql.raw(`pragma_${name}`)}`.execute(
              store.db,
            )
          ).rows[0] ?? {},
        )[0];
      // A negative cache_size is a size in KiB; the default, -2000, is 2 MB.
      assert.equal(await setting('cache_size'), -sqlitePageCacheKib);
      assert.ok(sqlitePageCacheKib >= 32 * 1024);
      assert.equal(await setting('journal_mode'), 'wal');
      assert.equal(await setting('foreign_keys'), 1);
    } finally {
      await store.close();
    }
  });
});
