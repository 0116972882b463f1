import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase, type ThrowawayDatabase } from '../../test/support/database.js';
import { clientTables } from './client-tables.js';
import type { Store } from './database.js';
import { practiceTables, tableColumns, unexportedTables } from './export-rows.js';

/** SQLite keeps a full-text index in shadow tables of its own (notes_fts_data, …). */
const isSearchIndex = (table: string) => table.startsWith('notes_fts');

for (const { dialect, skip } of dialects) {
  describe(`the tables of a client and of the practice on ${dialect}`, { skip }, () => {
    let database: ThrowawayDatabase;
    let store: Store;
    let columns: Map<string, string[]>;
    before(async () => {
      database = await throwawayDatabase(dialect);
      store = await database.open();
      columns = await tableColumns(store.db);
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    it('lists every table with a client_id column as a client table', () => {
      const listed = new Set<string>(clientTables.map((entry) => entry.table));
      const missing = [...columns]
        .filter(([table, names]) => names.includes('client_id') && !listed.has(table))
        .map(([table]) => table);
      assert.deepEqual(missing, [], 'add these to clientTables in store/client-tables.ts');
    });

    it('names only tables that exist, each reached through a column it has', () => {
      for (const entry of clientTables) {
        const names = columns.get(entry.table);
        assert.ok(names, `${entry.table} does not exist`);
        assert.ok(names.includes(entry.client.column), `${entry.table}.${entry.client.column}`);
      }
    });

    it('exports every table of the database, or leaves it out on purpose', () => {
      const accounted = new Set<string>([
        ...clientTables.map((entry) => entry.table),
        ...practiceTables.map((entry) => entry.table),
        ...unexportedTables,
      ]);
      const forgotten = [...columns.keys()].filter(
        (table) => !accounted.has(table) && !isSearchIndex(table),
      );
      assert.deepEqual(
        forgotten,
        [],
        'add these to clientTables (store/client-tables.ts), practiceTables or unexportedTables (store/export-rows.ts)',
      );
    });
  });
}
