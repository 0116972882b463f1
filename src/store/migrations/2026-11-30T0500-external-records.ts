import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';
import { isSqlite } from './dialect.js';
import { appendOnlyTable, letPurgeDelete, refuseEveryDelete } from './purge-exception.js';

/** The client's rows here, like every clinical table, yield only to a purge after retention. */
const clientTables = ['client_source_keys', 'imported_history_entries', 'external_records'].map(
  (table) => appendOnlyTable(table, { column: 'client_id' }),
);

/**
 * Imports from other systems (FHIR bundles, CSV client lists): a log of each import, the
 * keys that recognise an imported patient and resource again (so a re-import changes
 * nothing), and the history from other providers, read-only and apart from the practice's
 * own sessions. Health-history versions may now say they were imported.
 */
export const externalRecords: Migration = {
  async up(db: Kysely<any>) {
    await changeHistorySources(db, ['staff', 'intake', 'session_check', 'import']);

    await db.schema
      .createTable('imports')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('fhir', 'csv')`))
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('imported_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('imported_at', 'text', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull())
      .execute();
    await makeAppendOnly(db, 'imports');

    // One row per key: `identifier:<system>|<value>` or `record:<source>|Patient/<id>`.
    await db.schema
      .createTable('client_source_keys')
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('import_id', 'text', (col) => col.notNull().references('imports.id'))
      .addPrimaryKeyConstraint('client_source_keys_pk', ['practice_id', 'key'])
      .execute();
    await makeAppendOnly(db, 'client_source_keys');

    // Which history entry a source resource became (or was merged with).
    await db.schema
      .createTable('imported_history_entries')
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('record_key', 'text', (col) => col.notNull())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('section', 'text', (col) => col.notNull())
      .addColumn('entry_id', 'text', (col) => col.notNull())
      .addColumn('merged', 'integer', (col) => col.notNull())
      .addColumn('import_id', 'text', (col) => col.notNull().references('imports.id'))
      .addPrimaryKeyConstraint('imported_history_entries_pk', ['client_id', 'source', 'record_key'])
      .execute();
    await makeAppendOnly(db, 'imported_history_entries');

    await db.schema
      .createTable('external_records')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('import_id', 'text', (col) => col.notNull().references('imports.id'))
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('record_key', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) =>
        col.notNull().check(sql`kind in ('encounter', 'procedure', 'observation', 'document')`),
      )
      .addColumn('occurred_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('value', 'text')
      .addColumn('detail', 'text')
      .addColumn('code', 'text')
      .addColumn('performer', 'text')
      .addColumn('organization', 'text')
      .addColumn('encounter_key', 'text')
      .addColumn('resource', 'text', (col) => col.notNull())
      .addUniqueConstraint('external_records_source_key', ['client_id', 'source', 'record_key'])
      .execute();
    await db.schema
      .createIndex('external_records_by_client')
      .on('external_records')
      .columns(['client_id', 'occurred_at'])
      .execute();
    // Another provider's record is kept as it came: never edited, never deleted.
    await makeAppendOnly(db, 'external_records');
    for (const table of clientTables) await letPurgeDelete(db, table);
  },

  async down(db: Kysely<any>) {
    for (const table of clientTables) await refuseEveryDelete(db, table);
    for (const table of [
      'external_records',
      'imported_history_entries',
      'client_source_keys',
      'imports',
    ]) {
      await dropAppendOnly(db, table);
      await db.schema.dropTable(table).execute();
    }
    // Fails, as it should, while imported versions exist: they cannot be un-imported.
    await changeHistorySources(db, ['staff', 'intake', 'session_check']);
  },
};

/**
 * Replaces the check on `health_history_versions.source`. PostgreSQL alters the constraint;
 * SQLite cannot, so the table is rebuilt from its own definition with the new list (keeping
 * any column, index or trigger added since), as https://sqlite.org/lang_altertable.html#otheralter
 * describes. The rows are copied as they are.
 */
async function changeHistorySources(db: Kysely<any>, sources: string[]): Promise<void> {
  const list = sql.raw(sources.map((source) => `'${source}'`).join(', '));
  if (!isSqlite(db)) {
    await sql`alter table health_history_versions
      drop constraint health_history_versions_source_check`.execute(db);
    await sql`alter table health_history_versions
      add constraint health_history_versions_source_check check (source in (${list}))`.execute(db);
    return;
  }
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master
    where tbl_name = 'health_history_versions'`.execute(db);
  const table = rows.find((row) => row.type === 'table');
  if (!table?.sql) throw new Error('health_history_versions is missing');
  const check = /check\s*\(\s*"?source"?\s+in\s*\([^)]*\)\s*\)/i;
  if (!check.test(table.sql)) throw new Error('health_history_versions has no source check');
  const rebuilt = table.sql
    .replace(
      /^create table\s+"?health_history_versions"?/i,
      'create table "health_history_versions_next"',
    )
    .replace(check, `check (source in (${sources.map((source) => `'${source}'`).join(', ')}))`);
  const others = rows.filter((row) => row.type !== 'table' && row.sql !== null);
  await sql.raw(rebuilt).execute(db);
  await sql`insert into health_history_versions_next select * from health_history_versions`.execute(
    db,
  );
  await sql`drop table health_history_versions`.execute(db);
  await sql`alter table health_history_versions_next rename to health_history_versions`.execute(db);
  for (const row of others) await sql.raw(row.sql!).execute(db);
}
