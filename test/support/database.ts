import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
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
 * PostgreSQL database on the local server, dropped afterwards.
 */
export async function throwawayDatabase(dialect: Dialect): Promise<ThrowawayDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-test-'));
  if (dialect === 'sqlite') {
    return {
      dialect,
      databaseUrl: undefined,
      dataDir,
      open: () => openMigratedStore({ dataDir }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `palpate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
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
