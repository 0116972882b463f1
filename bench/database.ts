import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openMigratedStore, type Dialect, type Store } from '../src/store/database.js';
import { indexPendingNotes } from '../src/store/note-search-index.js';
import { scratchRoot } from './options.js';

/**
 * A database that exists only for one bench run: a SQLite file under bench/scratch/ or a
 * `palpate_bench_<random>` database on the local PostgreSQL server, dropped afterwards.
 */
export interface ScratchDatabase {
  dialect: Dialect;
  /** Where the SQLite file lives (and the server's data dir on PostgreSQL). */
  dataDir: string;
  /** DATABASE_URL for PostgreSQL. */
  databaseUrl: string | undefined;
  /** For the report: a file path or a database name, never credentials. */
  location: string;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Null when PostgreSQL answers; otherwise why it cannot be benchmarked here. */
export async function postgresUnavailable(adminUrl: string): Promise<string | null> {
  try {
    await withAdmin(adminUrl, (client) => client.query('select 1'));
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable: ${(error as Error).message}`;
  }
}

export async function createScratchDatabase(
  dialect: Dialect,
  runId: string,
  adminUrl: string,
): Promise<ScratchDatabase> {
  const dataDir = path.join(scratchRoot, runId, dialect);
  fs.mkdirSync(dataDir, { recursive: true });
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return {
      dialect,
      dataDir,
      databaseUrl: undefined,
      location: path.relative(process.cwd(), path.join(dataDir, 'palpate.sqlite')),
      open: () => openMigratedStore({ dataDir }),
      drop: removeDir,
    };
  }
  const name = `palpate_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    dialect,
    dataDir,
    databaseUrl,
    location: `${url.hostname}:${url.port || 5432}/${name}`,
    open: () => openMigratedStore({ databaseUrl, dataDir }),
    drop: async () => {
      await withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
      await removeDir();
    },
  };
}

export async function engineVersion(store: Store): Promise<string> {
  if (store.dialect === 'sqlite') {
    const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(
      store.db,
    );
    return `SQLite ${rows[0]?.version ?? '?'}`;
  }
  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(store.db);
  return `PostgreSQL ${rows[0]?.server_version ?? '?'}`;
}

/**
 * Brings a freshly loaded database to the state a running one is in: PostgreSQL as autovacuum
 * keeps it (planner statistics, visibility map for index-only scans); SQLite with every seeded
 * note indexed, as the maintenance worker keeps it, so no scenario runs beside a backlog.
 */
export async function settleAfterLoad(store: Store): Promise<void> {
  if (store.dialect === 'postgresql') await sql`vacuum analyze`.execute(store.db);
  else await indexPendingNotes(store.db);
}
