import type SqliteDatabase from 'better-sqlite3';
import type { Kysely, SqliteDatabase as KyselySqliteDatabase, Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/**
 * Kysely hands a SQLite store's one connection to one query at a time through a queue, which
 * costs a few microseconds a query; an autosave runs about ten. The driver is synchronous, so
 * where nothing can interleave, a kept query (store/kept-query.ts) runs its statement on the
 * connection at once instead:
 *
 * - a read-only statement while no transaction is open: it runs to its end before anything
 *   else can. While one is open (its owner between two statements) the read would see that
 *   transaction's uncommitted writes, so it queues behind it instead;
 * - any statement given the transaction that holds the connection, while its owner runs (see
 *   holdingConnection): the owner's statements run one after another either way.
 */
interface Connection {
  connection: SqliteDatabase.Database;
  statements: KyselySqliteDatabase;
}

const connections = new WeakMap<Kysely<Database>, Connection>();
const held = new WeakMap<Transaction<Database>, Connection>();

/** Lets kept queries on `db` run at once (openSqlite; `statements` is its statement cache). */
export function runStatementsAtOnce(
  db: Kysely<Database>,
  connection: SqliteDatabase.Database,
  statements: KyselySqliteDatabase,
): void {
  connections.set(db, { connection, statements });
}

/**
 * Runs `work` with `trx` marked as holding `db`'s connection, so kept queries given `trx` run
 * at once. `trx` must be the transaction `db.transaction().execute` handed over; the mark
 * ends with `work`, before Kysely commits.
 */
export async function holdingConnection<T>(
  db: Kysely<Database>,
  trx: Transaction<Database>,
  work: () => Promise<T>,
): Promise<T> {
  const connection = connections.get(db);
  if (connection) held.set(trx, connection);
  try {
    return await work();
  } finally {
    held.delete(trx);
  }
}

/** The statement's rows when it could run at once, or undefined when it must queue. */
export function runAtOnce(
  db: Db,
  text: string,
  parameters: readonly unknown[],
): unknown[] | undefined {
  const holder = held.get(db as Transaction<Database>);
  if (holder) {
    if (!holder.connection.inTransaction) return undefined;
    const statement = statementFor(holder, text);
    if (statement.reader) return statement.all(parameters);
    statement.run(parameters);
    return [];
  }
  const idle = connections.get(db as Kysely<Database>);
  if (!idle || idle.connection.inTransaction) return undefined;
  const statement = statementFor(idle, text);
  if (!statement.readonly || !statement.reader) return undefined;
  return statement.all(parameters);
}

function statementFor({ statements }: Connection, text: string): SqliteDatabase.Statement {
  return statements.prepare(text) as unknown as SqliteDatabase.Statement;
}
