import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase, type ThrowawayDatabase } from '../../test/support/database.js';
import { openStore, type Store } from './database.js';
import { migrateToLatest, migrations, migrator } from './migrator.js';

const allMigrations = Object.keys(migrations);

async function undoEveryMigration(store: Store): Promise<string[]> {
  const undone: string[] = [];
  for (;;) {
    const { error, results = [] } = await migrator(store.db).migrateDown();
    if (error) throw error;
    if (results.length === 0) return undone;
    undone.push(...results.map((step) => step.migrationName));
  }
}

async function tableNames(store: Store): Promise<string[]> {
  const tables = await store.db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

for (const { dialect, skip } of dialects) {
  describe(`migrations on ${dialect}`, { skip }, () => {
    let database: ThrowawayDatabase;
    let store: Store;
    before(async () => {
      database = await throwawayDatabase(dialect, { empty: true });
      // Opened without migrating, so the first test starts from an empty database.
      store = openStore({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    it('applies every migration, in order, to an empty database', async () => {
      assert.deepEqual(await tableNames(store), []);
      const result = await migrateToLatest(store.db);
      assert.deepEqual(
        result.results?.map((step) => [step.migrationName, step.status]),
        allMigrations.map((name) => [name, 'Success']),
      );
      assert.ok((await tableNames(store)).includes('audit_events'));
    });

    it('has nothing left to apply once the database is up to date', async () => {
      await migrateToLatest(store.db);
      const again = await migrateToLatest(store.db);
      assert.deepEqual(again.results, []);
    });

    it('undoes every migration, newest first, leaving no tables behind', async () => {
      await migrateToLatest(store.db);
      const undone = await undoEveryMigration(store);
      assert.deepEqual(undone, [...allMigrations].reverse());
      assert.deepEqual(await tableNames(store), []);
    });

    it('applies every migration again after all were undone', async () => {
      await migrateToLatest(store.db);
      await undoEveryMigration(store);
      const result = await migrateToLatest(store.db);
      assert.deepEqual(
        result.results?.map((step) => step.status),
        allMigrations.map(() => 'Success'),
      );
    });

    it('makes the audit trail append-only again after a full down and up', async () => {
      await migrateToLatest(store.db);
      await undoEveryMigration(store);
      await migrateToLatest(store.db);
      await sql`insert into audit_events (id, seq, at, action, outcome, prev_hash, hash)
        values ('event-1', 1, '2026-11-27T15:00:00.000Z', 'test', 'success', 'x', 'y')`.execute(
        store.db,
      );
      await assert.rejects(
        sql`update audit_events set action = 'changed'`.execute(store.db),
        /append-only/,
      );
    });
  });
}
