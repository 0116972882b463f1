import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openSqlite } from './database.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-wal-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('SQLite write-ahead log checkpoints', () => {
  it('leaves commits to the log and copies the log into the database from another thread', async () => {
    const file = path.join(scratch, 'checkpoint.sqlite');
    const store = openSqlite(file);
    try {
      const [setting] = (
        await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db)
      ).rows;
      assert.equal(setting?.wal_autocheckpoint, 0, 'commits never checkpoint on the event loop');
      await sql`create table filler (body text not null)`.execute(store.db);
      const before = sizeOf(file);
      // About 8 MB, far past the 1,000 pages at which a commit would otherwise checkpoint.
      const body = 'x'.repeat(4_000);
      await store.db.transaction().execute(async (trx) => {
        for (let row = 0; row < 2_000; row += 1)
          await sql`insert into filler (body) values (${body})`.execute(trx);
      });
      assert.ok(sizeOf(`${file}-wal`) > 4_000_000, 'the commit went to the log');
      assert.ok(
        await until(() => sizeOf(file) > before + 4_000_000, 5_000),
        'the database file grew without any commit checkpointing',
      );
    } finally {
      await store.close();
    }
    assert.equal(sizeOf(`${file}-wal`), 0, 'closing checkpoints and removes the log');
  });

  it('starts the log over while writes go on, so it does not grow for as long as they last', async () => {
    const file = path.join(scratch, 'steady.sqlite');
    const store = openSqlite(file);
    // The log's header carries a salt that SQLite changes each time it starts the log over.
    const logSalt = () => {
      const header = Buffer.alloc(24);
      const handle = fs.openSync(`${file}-wal`, 'r');
      try {
        fs.readSync(handle, header, 0, 24, 0);
      } finally {
        fs.closeSync(handle);
      }
      return header.toString('hex', 16, 24);
    };
    try {
      await sql`create table autosaves (body text not null)`.execute(store.db);
      const salts = new Set<string>();
      const body = 'x'.repeat(2_000);
      // Bursts of commits with short gaps, as a busy server's autosaves arrive: a single pass
      // of the checkpointer always overlaps a burst, so it never ends with the log all copied.
      const until = Date.now() + 3_500;
      while (Date.now() < until) {
        const burstEnd = performance.now() + 4;
        while (performance.now() < burstEnd)
          await sql`insert into autosaves (body) values (${body})`.execute(store.db);
        salts.add(logSalt());
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      assert.ok(salts.size >= 2, `the log was started over (${salts.size - 1} times)`);
    } finally {
      await store.close();
    }
  });

  it('keeps every row written before close when the file is opened again', async () => {
    const file = path.join(scratch, 'reopen.sqlite');
    const first = openSqlite(file);
    await sql`create table visits (n integer not null)`.execute(first.db);
    for (let n = 0; n < 500; n += 1)
      await sql`insert into visits (n) values (${n})`.execute(first.db);
    await first.close();
    const second = openSqlite(file);
    try {
      const { rows } = await sql<{ total: number }>`select count(*) as total from visits`.execute(
        second.db,
      );
      assert.equal(rows[0]?.total, 500);
    } finally {
      await second.close();
    }
  });
});
