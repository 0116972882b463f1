import { sql } from 'kysely';
import type { Db } from './database.js';
import { omittedColumns, type ClientTable } from './client-tables.js';
import { isSqlite } from './migrations/dialect.js';
import type { Database } from './schema.js';

/**
 * Rows as they are stored, for the client's copy and the practice export: CSV and JSON a
 * person or another program can read without Palpate. Every query names the practice, so no
 * export can reach another practice's rows.
 */
export type StoredRow = Record<string, unknown>;

/** Tables of the practice as a whole, exported once (not per client). */
export interface PracticeTable {
  table: keyof Database;
  /** Secrets left out: nobody leaving the software needs a password hash to keep their data. */
  omit?: readonly string[];
}

export const practiceTables: readonly PracticeTable[] = [
  { table: 'practices' },
  { table: 'users', omit: ['password_hash', 'failed_logins', 'locked_until'] },
  { table: 'staff_invitations', omit: ['token_hash'] },
  { table: 'techniques' },
  { table: 'session_types' },
  { table: 'products' },
  { table: 'note_templates' },
  { table: 'intake_forms' },
  { table: 'consent_texts' },
  { table: 'practice_safety_settings' },
  { table: 'outcome_measures' },
  { table: 'outcome_measure_versions' },
  // Which imports brought records in (FHIR bundles, CSV client lists), when and by whom.
  { table: 'imports' },
];

/**
 * Tables deliberately outside every export: sign-ins and API tokens (secrets and security
 * state, worthless elsewhere), the audit chain's head (the events carry the chain), the
 * search index, its queue and its terms (rebuilt from the notes), the record stamps (counters
 * that say when kept answers went stale) and the migrations' own
 * bookkeeping.
 */
export const unexportedTables: readonly string[] = [
  'login_sessions',
  'api_tokens',
  'audit_chain',
  'notes_fts',
  'notes_fts_pending',
  'notes_fts_terms',
  'record_stamps',
  'kysely_migration',
  'kysely_migration_lock',
];

function withoutColumns(rows: StoredRow[], omit: readonly string[] = []): StoredRow[] {
  if (omit.length === 0) return rows;
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).filter(([column]) => !omit.includes(column))),
  );
}

/** Rows in a stable order (ids are time-ordered UUIDv7, the audit trail has its sequence). */
function ordered(rows: StoredRow[]): StoredRow[] {
  const key = (row: StoredRow) =>
    typeof row['seq'] === 'number' ? String(row['seq']).padStart(16, '0') : JSON.stringify(row);
  return [...rows].sort((a, b) => {
    const byId = String(a['id'] ?? '').localeCompare(String(b['id'] ?? ''));
    return byId || key(a).localeCompare(key(b));
  });
}

/** One client's rows of one table, reached through their own column or through a parent. */
export async function clientTableRows(
  db: Db,
  practiceId: string,
  clientId: string,
  entry: ClientTable,
  extraOmit: readonly string[] = [],
): Promise<StoredRow[]> {
  const table = sql.table(entry.table);
  const client = entry.client;
  const query =
    'through' in client
      ? sql<StoredRow>`SELECT t.* FROM ${table} t
          JOIN ${sql.table(client.through)} p ON p.id = t.${sql.ref(client.column)}
          WHERE p.client_id = ${clientId} AND p.practice_id = ${practiceId}`
      : sql<StoredRow>`SELECT * FROM ${table}
          WHERE ${sql.ref(client.column)} = ${clientId} AND practice_id = ${practiceId}`;
  const { rows } = await query.execute(db);
  return ordered(withoutColumns(rows, [...(omittedColumns[entry.table] ?? []), ...extraOmit]));
}

/** A practice-wide table's rows of this practice (the practice itself by its id). */
export async function practiceTableRows(
  db: Db,
  practiceId: string,
  entry: PracticeTable,
): Promise<StoredRow[]> {
  const column = entry.table === 'practices' ? 'id' : 'practice_id';
  const { rows } = await sql<StoredRow>`SELECT * FROM ${sql.table(entry.table)}
    WHERE ${sql.ref(column)} = ${practiceId}`.execute(db);
  return ordered(withoutColumns(rows, entry.omit));
}

/** Every audit event of the practice, in chain order, hashes included so it can be verified. */
export async function practiceAuditRows(db: Db, practiceId: string): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('seq')
    .execute();
  return rows as unknown as StoredRow[];
}

/** Ids of every client of the practice, archived ones included, oldest first. */
export async function practiceClientIds(db: Db, practiceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('practice_id', '=', practiceId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The columns of every table of the live database, in their defined order: the header of a
 * table's CSV even when the client has no rows in it, and the list the export-coverage test
 * checks (every table is exported or left out on purpose).
 */
export async function tableColumns(db: Db): Promise<Map<string, string[]>> {
  const query = isSqlite(db)
    ? sql<{ table_name: string; column_name: string }>`
        SELECT m.name AS table_name, c.name AS column_name
        FROM sqlite_master m JOIN pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        ORDER BY m.name, c.cid`
    : sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema()
        ORDER BY table_name, ordinal_position`;
  const { rows } = await query.execute(db);
  const tables = new Map<string, string[]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push(row.column_name);
    tables.set(row.table_name, columns);
  }
  return tables;
}
