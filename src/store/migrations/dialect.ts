import { SqliteAdapter, type Kysely } from 'kysely';

/** Migrations are shared by both engines; the few statements that differ ask which one runs. */
export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
