import { sql } from 'kysely';
import { NotFound, StaleVersion } from '../domain/errors.js';
import type { Db } from './database.js';

type VersionedTable =
  | 'practices'
  | 'users'
  | 'clients'
  | 'products'
  | 'sessions'
  | 'reflections'
  | 'note_templates'
  | 'intake_forms'
  | 'outcome_measures'
  | 'goals';

/**
 * Optimistic concurrency for every mutable record: the UPDATE only matches the version the
 * writer saw, and bumps it. A miss means someone saved first (StaleVersion, carrying the
 * current state) or the record is not there for this practice (NotFound). Nothing is ever
 * overwritten silently.
 */
export async function updateVersioned<T extends { version: number }>(
  db: Db,
  options: {
    table: VersionedTable;
    recordType: string;
    id: string;
    /** Restricts the update to one practice's rows; omitted only for the practice itself. */
    practiceId?: string;
    expectedVersion: number;
    values: Record<string, unknown>;
    load: (db: Db) => Promise<T | undefined>;
  },
): Promise<T> {
  let query = db
    .updateTable(options.table)
    .set({ ...options.values, version: sql`version + 1` } as never)
    .where('id', '=', options.id)
    .where('version', '=', options.expectedVersion);
  if (options.practiceId !== undefined) {
    query = query.where('practice_id' as never, '=', options.practiceId as never);
  }
  const result = await query.executeTakeFirst();
  const current = await options.load(db);
  if (current === undefined) throw new NotFound(options.recordType);
  if (Number(result.numUpdatedRows) === 0) {
    throw new StaleVersion(options.recordType, current, current.version);
  }
  return current;
}
