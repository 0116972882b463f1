import type { Db } from './database.js';

/**
 * Where a client's record stands, as the database's triggers count it (see the
 * 2026-11-30T0800 migration): one text that changes whenever any row of the client's record,
 * or of the practice's names, settings and catalogues, is written. An answer kept under an
 * earlier stamp may be stale; one kept under this stamp is not. Read it before reading what
 * the answer is built from, so a write racing the build leaves the answer under an older
 * stamp (rebuilt on the next read) and never a stale answer under a current one.
 */
export async function recordStamp(db: Db, practiceId: string, clientId: string): Promise<string> {
  const rows = await db
    .selectFrom('record_stamps')
    .select(['scope_id', 'stamp'])
    .where('scope_id', 'in', [practiceId, clientId])
    .execute();
  const of = (scope: string) => String(rows.find((row) => row.scope_id === scope)?.stamp ?? 0);
  return `${of(practiceId)}.${of(clientId)}`;
}

/** A purged client's stamp describes nothing any more. */
export async function forgetRecordStamp(db: Db, clientId: string): Promise<void> {
  await db.deleteFrom('record_stamps').where('scope_id', '=', clientId).execute();
}
