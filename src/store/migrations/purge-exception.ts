import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.js';

/**
 * The one exception to "the database refuses to delete clinical records": the purge of a
 * client whose retention period is over. A purge first inserts its `client_purges` row with
 * `completed_at` still null, deletes, then completes the row, all in one transaction. A
 * protected table's DELETE refusal yields only while such an unfinished purge of the row's own
 * client exists, which no other transaction can see (uncommitted on PostgreSQL, one writer at
 * a time on SQLite) and which is over once the purge commits. Every other DELETE, and every
 * UPDATE, is refused exactly as before: the UPDATE rules of each table are left untouched.
 */

/** How a trigger finds the client a row belongs to: its own column, or through a parent. */
export type ClientOfRow =
  | { column: 'client_id' }
  | { through: 'sessions'; column: 'session_id' }
  | { through: 'client_links'; column: 'link_id' };

/** A table whose DELETE the database refuses, named as the migration that protected it did. */
export interface ProtectedTable {
  table: string;
  row: ClientOfRow;
  /** The refusal's message, kept word for word. */
  message: string;
  /** SQLite: the BEFORE DELETE trigger that refuses. */
  sqliteTrigger: string;
  /** PostgreSQL: the BEFORE UPDATE OR DELETE trigger, and the function it runs. */
  postgresTrigger: string;
  postgresFunction: string;
  /** When only some rows are protected (signed notes), the SQL condition on OLD. */
  refuseWhen?: string;
}

/** A table made append-only by `makeAppendOnly` (append-only.ts), named the same way. */
export function appendOnlyTable(table: string, row: ClientOfRow): ProtectedTable {
  return {
    table,
    row,
    message: `${table} is append-only`,
    sqliteTrigger: `${table}_no_delete`,
    postgresTrigger: `${table}_no_change`,
    postgresFunction: `${table}_refuse_change`,
  };
}

function clientOf(row: ClientOfRow): string {
  if ('through' in row)
    return `(SELECT client_id FROM ${row.through} WHERE id = OLD.${row.column})`;
  return `OLD.${row.column}`;
}

/** SQL that is true while a purge of the OLD row's client is under way in this transaction. */
export function purgeUnderWay(row: ClientOfRow): string {
  return `EXISTS (SELECT 1 FROM client_purges WHERE client_id = ${clientOf(row)} AND completed_at IS NULL)`;
}

function refusal(protectedTable: ProtectedTable, yieldToPurge: boolean): string {
  const conditions = [
    ...(protectedTable.refuseWhen ? [protectedTable.refuseWhen] : []),
    ...(yieldToPurge ? [`NOT ${purgeUnderWay(protectedTable.row)}`] : []),
  ];
  return conditions.join(' AND ');
}

/**
 * Makes the table's DELETE refusal yield to a purge of the row's client. On PostgreSQL the
 * table's trigger keeps its function for UPDATE only, and DELETE gets a trigger of its own.
 */
export async function letPurgeDelete(db: Kysely<any>, protectedTable: ProtectedTable) {
  const { table, message, sqliteTrigger } = protectedTable;
  const when = refusal(protectedTable, true);
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(sqliteTrigger)}`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(sqliteTrigger)} BEFORE DELETE ON ${sql.table(table)}
      WHEN ${sql.raw(when)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  const { postgresTrigger, postgresFunction } = protectedTable;
  await sql`DROP TRIGGER ${sql.id(postgresTrigger)} ON ${sql.table(table)}`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(postgresTrigger)} BEFORE UPDATE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION ${sql.id(postgresFunction)}()`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION ${sql.id(`${table}_refuse_delete`)}() RETURNS trigger
    LANGUAGE plpgsql AS ${sql.lit(`BEGIN
      IF ${when} THEN RAISE EXCEPTION '${message}'; END IF;
      RETURN OLD;
    END;`)}`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION ${sql.id(`${table}_refuse_delete`)}()`.execute(db);
}

/** Undoes `letPurgeDelete`: the table's triggers are again exactly as its own migration made them. */
export async function refuseEveryDelete(db: Kysely<any>, protectedTable: ProtectedTable) {
  const { table, message, sqliteTrigger } = protectedTable;
  if (isSqlite(db)) {
    const when = refusal(protectedTable, false);
    await sql`DROP TRIGGER IF EXISTS ${sql.id(sqliteTrigger)}`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(sqliteTrigger)} BEFORE DELETE ON ${sql.table(table)}
      ${when ? sql`WHEN ${sql.raw(when)}` : sql``}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  const { postgresTrigger, postgresFunction } = protectedTable;
  await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_no_delete`)} ON ${sql.table(table)}`.execute(
    db,
  );
  await sql`DROP FUNCTION IF EXISTS ${sql.id(`${table}_refuse_delete`)}()`.execute(db);
  await sql`DROP TRIGGER ${sql.id(postgresTrigger)} ON ${sql.table(table)}`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(postgresTrigger)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION ${sql.id(postgresFunction)}()`.execute(db);
}
