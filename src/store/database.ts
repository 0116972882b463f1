import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as KyselySqliteDatabase,
  type Transaction,
} from 'kysely';
import type { Database } from './schema.js';
import { migrateToLatest } from './migrator.js';
import { startNoteIndexer } from './note-search-index.js';
import { startWalCheckpointer } from './wal-checkpointer.js';
import { runStatementsAtOnce } from './statements-at-once.js';

export type Dialect = 'sqlite' | 'postgresql';
export type Db = Kysely<Database> | Transaction<Database>;

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for messages and backups: a file path or a redacted URL. */
  location: string;
  close(): Promise<void>;
}

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

// int8 (COUNT(*), bigint sequence numbers) arrives as a string by default; our counts fit in
// a double, and one numeric type keeps the repositories identical on both engines.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * Kysely's SQLite driver prepares every query afresh, and for our small indexed queries
 * compiling the SQL costs more than running it. Statements are therefore kept per SQL text
 * (bounded, least recently used first out) and reused; one still iterating a streamed result
 * is never handed out twice.
 */
export function withStatementCache(
  connection: SqliteDatabase.Database,
  capacity = 256,
): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare: (text) => {
      // Kysely opens every transaction with a plain (deferred) BEGIN. A deferred transaction
      // that reads and then writes fails at once with SQLITE_BUSY if another connection (a
      // second process, the `palpate` command) committed in between, because its snapshot is
      // stale and no busy wait can help. IMMEDIATE takes the write lock up front and waits its
      // turn; with one connection per process it serialises nothing that was not serial.
      const sql = text === 'begin' ? 'begin immediate' : text;
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql);
      if (cached) return statement;
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

/** The most page cache one SQLite connection keeps, in KiB (see openSqlite). */
export const sqlitePageCacheKib = 64 * 1024;

export function openSqlite(file: string): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file);
  // WAL lets readers proceed during a write; NORMAL sync is durable across app crashes and
  // loses at most the last transaction on power loss, the usual trade-off for WAL.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // A multi-row INSERT (group-committed audit events) keeps a statement journal; on disk that
  // is a temporary file created and deleted for every statement. In memory it costs nothing.
  connection.pragma('temp_store = MEMORY');
  // The log is reset after each full checkpoint; this caps the file it leaves behind.
  connection.pragma('journal_size_limit = 67108864');
  // SQLite keeps 2 MB of pages by default. A practice's working set (the open drafts, their
  // sessions and clients, the newest audit pages) is larger, and each page missed is a read
  // from the file: about ten a save at 200,000 sessions. 64 MB (an upper bound, filled only as
  // pages are read) keeps it in the process; it cut the server's CPU per autosave by a tenth.
  connection.pragma(`cache_size = ${-sqlitePageCacheKib}`);
  const checkpointer = startWalCheckpointer(connection, file);
  const statements = withStatementCache(connection);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  runStatementsAtOnce(db, connection, statements);
  const indexer = startNoteIndexer(db);
  return {
    db,
    dialect: 'sqlite',
    location: file,
    close: async () => {
      await indexer.stop();
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

export function openPostgres(url: string, maxConnections = 10): Store {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgresql',
    location: redactUrl(url),
    close: () => db.destroy(),
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql';
  }
}

export function openStore(config: StoreConfig): Store {
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    return openPostgres(config.databaseUrl, config.maxConnections);
  }
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return openSqlite(path.join(config.dataDir, 'palpate.sqlite'));
}

/** Opens the store and brings its schema up to date: what `serve` and most commands need. */
export async function openMigratedStore(config: StoreConfig): Promise<Store> {
  const store = openStore(config);
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** A cheap round trip proving the database answers. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('audit_chain').select('id').limit(1).execute();
}
