import type { Db } from './database.js';
import type { ImportTable, ImportedHistoryEntryTable } from './schema.js';

/**
 * The bookkeeping of imports from other systems: the log of each import, the keys that
 * recognise an imported client again, and which history entry each source resource became.
 * Together they make a second import of the same bundle change nothing.
 */
export async function recordImport(db: Db, row: ImportTable): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

/** The client an earlier import recognised by one of these keys, and the key that matched. */
export async function clientBySourceKeys(
  db: Db,
  practiceId: string,
  keys: string[],
): Promise<{ clientId: string; key: string } | null> {
  if (keys.length === 0) return null;
  const rows = await db
    .selectFrom('client_source_keys')
    .innerJoin('clients', 'clients.id', 'client_source_keys.client_id')
    .select(['client_source_keys.client_id', 'client_source_keys.key'])
    .where('client_source_keys.practice_id', '=', practiceId)
    .where('client_source_keys.key', 'in', keys)
    .execute();
  // Identifiers outrank the source's own record id: they name the person, not the file.
  const best =
    rows.find((row) => row.key.startsWith('identifier:')) ??
    rows.find((row) => row.key.startsWith('record:'));
  return best ? { clientId: best.client_id, key: best.key } : null;
}

/** Remembers keys for a client; keys already known (to this client) are left as they are. */
export async function addClientSourceKeys(
  db: Db,
  input: { practiceId: string; clientId: string; importId: string; keys: string[] },
): Promise<void> {
  if (input.keys.length === 0) return;
  await db
    .insertInto('client_source_keys')
    .values(
      input.keys.map((key) => ({
        practice_id: input.practiceId,
        key,
        client_id: input.clientId,
        import_id: input.importId,
      })),
    )
    .onConflict((conflict) => conflict.columns(['practice_id', 'key']).doNothing())
    .execute();
}

/** Record keys this client already has from this source, as history entries or records. */
export async function importedRecordKeys(
  db: Db,
  clientId: string,
  source: string,
): Promise<Set<string>> {
  const [entries, records] = await Promise.all([
    db
      .selectFrom('imported_history_entries')
      .select('record_key')
      .where('client_id', '=', clientId)
      .where('source', '=', source)
      .execute(),
    db
      .selectFrom('external_records')
      .select('record_key')
      .where('client_id', '=', clientId)
      .where('source', '=', source)
      .execute(),
  ]);
  return new Set([...entries, ...records].map((row) => row.record_key));
}

export async function recordImportedHistoryEntries(
  db: Db,
  rows: ImportedHistoryEntryTable[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    await db
      .insertInto('imported_history_entries')
      .values(rows.slice(start, start + 200))
      .execute();
  }
}

/** What duplicate detection compares, for every client of the practice, read once per import. */
export interface ClientMatchRow {
  id: string;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  dateOfBirth: string | null;
  phoneDigits: string | null;
  nameBirthKey: string | null;
  status: string;
}

export async function clientMatchRows(db: Db, practiceId: string): Promise<ClientMatchRow[]> {
  const rows = await db
    .selectFrom('clients')
    .select([
      'id',
      'legal_first_name',
      'legal_last_name',
      'preferred_name',
      'date_of_birth',
      'phone_digits',
      'name_birth_key',
      'status',
    ])
    .where('practice_id', '=', practiceId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    legalFirstName: row.legal_first_name,
    legalLastName: row.legal_last_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    phoneDigits: row.phone_digits,
    nameBirthKey: row.name_birth_key,
    status: row.status,
  }));
}
