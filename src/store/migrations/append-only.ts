import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.js';

/**
 * Makes a table refuse UPDATE and DELETE in the database itself, so neither a bug nor a
 * hand-written SQL statement can rewrite history. SQLite raises from a trigger; PostgreSQL
 * from a trigger function.
 */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (isSqlite(db)) {
    for (const operation of ['UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.id(`${table}_no_${operation.toLowerCase()}`)}
        BEFORE ${sql.raw(operation)} ON ${sql.table(table)}
        BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    }
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION ${sql.id(`${table}_refuse_change`)}() RETURNS trigger
    LANGUAGE plpgsql AS ${sql.lit(`BEGIN RAISE EXCEPTION '${message}'; END;`)}`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(`${table}_no_change`)}
    BEFORE UPDATE OR DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION ${sql.id(`${table}_refuse_change`)}()`.execute(db);
}

export async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (isSqlite(db)) {
    for (const operation of ['update', 'delete']) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_no_${operation}`)}`.execute(db);
    }
    return;
  }
  await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_no_change`)} ON ${sql.table(table)}`.execute(
    db,
  );
  await sql`DROP FUNCTION IF EXISTS ${sql.id(`${table}_refuse_change`)}()`.execute(db);
}
