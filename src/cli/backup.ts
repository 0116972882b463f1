import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { redactUrl } from '../store/database.js';
import { UsageError } from './environment.js';

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'palpate.sqlite');
}

export const postgresGuidance = (url: string) =>
  `This Palpate runs on PostgreSQL (${redactUrl(url)}). Back it up with PostgreSQL's own tools, e.g.\n` +
  `  pg_dump --format=custom --file=palpate-$(date +%F).dump "$DATABASE_URL"\n` +
  `and restore into an empty database with\n` +
  `  pg_restore --clean --if-exists --dbname="$DATABASE_URL" palpate-YYYY-MM-DD.dump\n`;

/**
 * A consistent snapshot while the server keeps running: SQLite's online backup API copies
 * pages under a read transaction, so writes made meanwhile are either wholly in or wholly out.
 */
export async function backupSqlite(dataDir: string, destination: string): Promise<string> {
  const source = sqliteFile(dataDir);
  if (!fs.existsSync(source))
    throw new UsageError(`No database at ${source}. Is PALPATE_DATA_DIR right?`, 1);
  const target = path.resolve(destination);
  if (fs.existsSync(target))
    throw new UsageError(`${target} already exists; choose a new file name.`, 1);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const connection = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    await connection.backup(target);
  } finally {
    connection.close();
  }
  return target;
}

/** Checks a file is an intact Palpate SQLite database before anything is replaced. */
export function checkBackupFile(file: string): void {
  if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`, 1);
  const header = Buffer.alloc(16);
  const handle = fs.openSync(file, 'r');
  fs.readSync(handle, header, 0, 16, 0);
  fs.closeSync(handle);
  if (header.toString('latin1') !== 'SQLite format 3\u0000') {
    throw new UsageError(`${file} is not a SQLite database.`, 1);
  }
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = connection.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new UsageError(`${file} is damaged: ${String(integrity)}`, 1);
    const table = connection
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!table) throw new UsageError(`${file} is a SQLite database but not a Palpate one.`, 1);
  } finally {
    connection.close();
  }
}

/**
 * Replaces the database with a backup. The current file is kept beside it, never deleted, so a
 * mistaken restore can be undone. The server must be stopped first.
 */
export function restoreSqlite(
  dataDir: string,
  backupFile: string,
  now: Date,
): { restored: string; previous: string | null } {
  const source = path.resolve(backupFile);
  checkBackupFile(source);
  const target = sqliteFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const checkpoint = new SqliteDatabase(target);
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    fs.renameSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(source, target);
  return { restored: target, previous };
}
