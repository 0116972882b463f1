import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { after, before } from 'node:test';
import pg from 'pg';
import { openMigratedStore, type Dialect, type Store } from '../../src/store/database.js';
import { postgresAdminUrl } from './dialects.js';

export interface ThrowawayDatabase {
  dialect: Dialect;
  /** DATABASE_URL for PostgreSQL, or undefined for SQLite. */
  databaseUrl: string | undefined;
  dataDir: string;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

/**
 * A fresh database built by the real migrations: a SQLite file in a temp folder, or a new
 * PostgreSQL database on the local server, dropped afterwards. `empty` gives one with no schema
 * at all, for tests of the migrations and of a first installation.
 */
export async function throwawayDatabase(
  dialect: Dialect,
  { empty = false }: { empty?: boolean } = {},
): Promise<ThrowawayDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-test-'));
  if (dialect === 'sqlite') {
    if (!empty) fs.copyFileSync(await sqliteTemplate(), path.join(dataDir, 'palpate.sqlite'));
    return {
      dialect,
      databaseUrl: undefined,
      dataDir,
      open: () => openMigratedStore({ dataDir }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const template = empty ? 'template1' : await postgresTemplate();
  const name = `palpate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  // A throwaway database need not survive a power cut; waiting for each commit's WAL flush
  // would make a suite of thousands of small transactions mostly wait on the disk.
  await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    dialect,
    databaseUrl,
    dataDir,
    open: () => openMigratedStore({ databaseUrl, dataDir }),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await waitForConnectionsToClose(cleanup, name);
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * pg's Pool.end() resolves before its connections have finished closing. Forcing the drop
 * while one is still saying goodbye kills it mid-way, and the pool reports "terminating
 * connection due to administrator command" as an uncaught error in whichever test runs next.
 */
async function waitForConnectionsToClose(admin: pg.Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await admin.query<{ open: number }>(
      'select count(*)::int as open from pg_stat_activity where datname = $1',
      [database],
    );
    if (rows[0]?.open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Every throwaway database starts as a copy of one built by the real migrations, so a suite
 * pays for migrating once per change of the migrations rather than once per server (two
 * seconds each on PostgreSQL). The name carries a hash of the migration sources: an edited or
 * added migration gets a new template. The migrations themselves are still tested from an
 * empty database in src/store/migrator.test.ts.
 */
function migrationsFingerprint(): string {
  const storeFolder = path.resolve(import.meta.dirname, '../../src/store');
  const migrationsFolder = path.join(storeFolder, 'migrations');
  const hash = createHash('sha256');
  for (const file of [
    path.join(storeFolder, 'migrator.ts'),
    ...fs
      .readdirSync(migrationsFolder)
      .sort()
      .map((name) => path.join(migrationsFolder, name)),
  ]) {
    hash.update(path.basename(file)).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

let sqliteTemplateFile: Promise<string> | undefined;

function sqliteTemplate(): Promise<string> {
  sqliteTemplateFile ??= (async () => {
    const folder = path.join(os.tmpdir(), `palpate-template-${migrationsFingerprint()}`);
    const file = path.join(folder, 'palpate.sqlite');
    if (fs.existsSync(file)) return file;
    // Built aside and renamed into place, so a suite running beside this one never copies a
    // half-migrated file; if another suite won the race, its template is as good as ours.
    const building = fs.mkdtempSync(`${folder}-building-`);
    const store = await openMigratedStore({ dataDir: building });
    await store.close();
    // One self-contained file: the log folded in and the journal left in rollback mode (each
    // copy is opened in WAL mode again like any database).
    const connection = new SqliteDatabase(path.join(building, 'palpate.sqlite'));
    connection.pragma('journal_mode = DELETE');
    connection.close();
    for (const stale of fs.readdirSync(os.tmpdir())) {
      if (/^palpate-template-[0-9a-f]{16}$/.test(stale) && !folder.endsWith(stale)) {
        fs.rmSync(path.join(os.tmpdir(), stale), { recursive: true, force: true });
      }
    }
    try {
      fs.renameSync(building, folder);
    } catch {
      fs.rmSync(building, { recursive: true, force: true });
    }
    return file;
  })();
  return sqliteTemplateFile;
}

let postgresTemplateName: Promise<string> | undefined;

function postgresTemplate(): Promise<string> {
  postgresTemplateName ??= (async () => {
    const name = `palpate_template_${migrationsFingerprint()}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    try {
      const exists = async () =>
        (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
      if (await exists()) return name;
      const building = `${name}_b${randomBytes(4).toString('hex')}`;
      await admin.query(`create database ${building}`);
      const url = new URL(postgresAdminUrl);
      url.pathname = `/${building}`;
      const store = await openMigratedStore({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
      await store.close();
      await waitForConnectionsToClose(admin, building);
      // Templates of earlier migrations are of no further use; one still being copied from
      // refuses to go, and is left for the next time.
      const { rows: stale } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'palpate\\_template\\_%' and datname not like $1",
        [`${name}%`],
      );
      for (const { datname } of stale) {
        await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
      }
      try {
        await admin.query(`alter database ${building} rename to ${name}`);
      } catch (error) {
        await admin.query(`drop database if exists ${building} with (force)`);
        if (!(await exists())) throw error;
      }
      return name;
    } finally {
      await admin.end();
    }
  })();
  return postgresTemplateName;
}

/**
 * A throwaway database opened for the enclosing suite and dropped after it: call inside a
 * `describe`, read `.store` in its tests.
 */
export function storeForSuite(dialect: Dialect): { readonly store: Store } {
  let database: ThrowawayDatabase | undefined;
  let store: Store | undefined;
  before(async () => {
    database = await throwawayDatabase(dialect);
    store = await database.open();
  });
  after(async () => {
    await store?.close();
    await database?.drop();
  });
  return {
    get store() {
      if (!store) throw new Error('The suite’s database is not open yet.');
      return store;
    },
  };
}
