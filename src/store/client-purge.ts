import { sql } from 'kysely';
import type { ClientPurge } from '../domain/retention.js';
import { clientTables, type ClientTable } from './client-tables.js';
import type { Db } from './database.js';
import { isSqlite } from './migrations/dialect.js';
import { indexPendingNotes } from './note-search-index.js';
import { forgetRecordStamp } from './record-stamps.js';
import type { ClientPurgeTable } from './schema.js';

/** The tables a purge empties of a client's rows, children first (clientTables lists parents first). */
export const purgedTables: readonly ClientTable[] = clientTables
  .filter((entry) => entry.keptAfterPurge === undefined)
  .reverse();

function rowsOfClient(db: Db, entry: ClientTable, clientId: string) {
  const query = db.deleteFrom(entry.table as 'sessions');
  const { client } = entry;
  if ('through' in client) {
    return query.where(
      sql.ref(client.column),
      'in',
      db.selectFrom(client.through).select('id').where('client_id', '=', clientId),
    );
  }
  return query.where(sql.ref(client.column), '=', clientId);
}

/**
 * Takes the client row's lock until the transaction ends (PostgreSQL; SQLite has one writer),
 * so nothing can be added to the record between the retention check and the purge: every
 * insert that names the client waits on this row through its foreign key.
 */
export async function lockClientForPurge(db: Db, clientId: string): Promise<void> {
  if (isSqlite(db)) return;
  await db.selectFrom('clients').select('id').where('id', '=', clientId).forUpdate().execute();
}

/**
 * Deletes everything held about one client, in the caller's transaction, and returns the rows
 * removed per table. The purge row goes in first, unfinished: while it is, and only in this
 * transaction, the database's refusals to delete signed notes, consents, health histories and
 * other protected rows of this client yield (migrations/purge-exception.ts). It is completed
 * with the counts before the caller commits.
 */
export async function purgeClientRecords(
  db: Db,
  purge: {
    id: string;
    practiceId: string;
    clientId: string;
    reason: string;
    purgedBy: string;
    now: string;
  },
): Promise<Record<string, number>> {
  if (!db.isTransaction) throw new Error('A purge must run inside a transaction.');
  await db
    .insertInto('client_purges')
    .values({
      id: purge.id,
      practice_id: purge.practiceId,
      client_id: purge.clientId,
      reason: purge.reason,
      purged_by: purge.purgedBy,
      started_at: purge.now,
      completed_at: null,
      removed: null,
    })
    .execute();
  const removed: Record<string, number> = {};
  for (const entry of purgedTables) {
    const result = await rowsOfClient(db, entry, purge.clientId).executeTakeFirst();
    removed[entry.table] = Number(result.numDeletedRows);
  }
  // SQLite's full-text index keeps its own copy of note text: drop the purged notes' copies
  // now rather than when the indexer next runs.
  if (isSqlite(db)) await indexPendingNotes(db);
  // The deletes moved the client's record stamp; nothing is left for it to describe.
  await forgetRecordStamp(db, purge.clientId);
  await db
    .updateTable('client_purges')
    .set({ completed_at: purge.now, removed: JSON.stringify(removed) })
    .where('id', '=', purge.id)
    .execute();
  return removed;
}

function toPurge(row: ClientPurgeTable & { purged_by_name: string | null }): ClientPurge {
  return {
    id: row.id,
    clientId: row.client_id,
    reason: row.reason,
    purgedBy: row.purged_by,
    purgedByName: row.purged_by_name,
    purgedAt: row.completed_at ?? row.started_at,
    removed: JSON.parse(row.removed ?? '{}') as Record<string, number>,
  };
}

/** The practice's completed purges, newest first. */
export async function listClientPurges(db: Db, practiceId: string): Promise<ClientPurge[]> {
  const rows = await db
    .selectFrom('client_purges')
    .leftJoin('users', 'users.id', 'client_purges.purged_by')
    .selectAll('client_purges')
    .select('users.display_name as purged_by_name')
    .where('client_purges.practice_id', '=', practiceId)
    .where('client_purges.completed_at', 'is not', null)
    .orderBy('client_purges.started_at', 'desc')
    .orderBy('client_purges.id', 'desc')
    .execute();
  return rows.map(toPurge);
}
