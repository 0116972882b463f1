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
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
