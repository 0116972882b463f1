import { sql } from 'kysely';
import type { ExternalHistory, ExternalRecord } from '../domain/external-records.js';
import type { ExternalRecordFacts } from '../domain/fhir/external-history.js';
import type { Db } from './database.js';
import type { ExternalRecordTable } from './schema.js';

/**
 * History from other providers. Rows are only ever added (the database refuses changes);
 * reading them gives the chart's read-only section, newest first, with each record's visit.
 */
export async function insertExternalRecords(db: Db, rows: ExternalRecordTable[]): Promise<void> {
  // 18 columns a row: 100 rows stay well under both engines' limits on bound parameters.
  for (let start = 0; start < rows.length; start += 100) {
    await db
      .insertInto('external_records')
      .values(rows.slice(start, start + 100))
      .execute();
  }
}

/** At most this many records are shown at once; a chart with more says so and shows the newest. */
export const externalRecordsShown = 2000;

export async function externalHistory(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<ExternalHistory> {
  const [rows, imports, count] = await Promise.all([
    db
      .selectFrom('external_records')
      .select([
        'id',
        'kind',
        'occurred_at',
        'ended_at',
        'title',
        'value',
        'detail',
        'code',
        'performer',
        'organization',
        'encounter_key',
        'record_key',
        'source',
        'import_id',
      ])
      .where('practice_id', '=', practiceId)
      .where('client_id', '=', clientId)
      // Undated records last on both engines (they sort NULL differently).
      .orderBy(sql`case when occurred_at is null then 1 else 0 end`)
      .orderBy('occurred_at', 'desc')
      // At the same moment the visit comes before what was done and measured in it.
      .orderBy(
        sql`case kind when 'encounter' then 0 when 'document' then 1 when 'procedure' then 2 else 3 end`,
      )
      .orderBy('id')
      .limit(externalRecordsShown)
      .execute(),
    db
      .selectFrom('imports')
      .leftJoin('users', 'users.id', 'imports.imported_by')
      .select([
        'imports.id',
        'imports.kind',
        'imports.source',
        'imports.imported_at',
        'users.display_name',
      ])
      .where('imports.practice_id', '=', practiceId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('external_records')
            .select('external_records.id')
            .whereRef('external_records.import_id', '=', 'imports.id')
            .where('external_records.client_id', '=', clientId),
        ),
      )
      .orderBy('imports.imported_at', 'desc')
      .execute(),
    db
      .selectFrom('external_records')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('practice_id', '=', practiceId)
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow(),
  ]);
  const encounters = new Map(
    rows
      .filter((row) => row.kind === 'encounter')
      .map((row) => [`${row.source}|${row.record_key}`, row.id]),
  );
  const records: ExternalRecord[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    endedAt: row.ended_at,
    title: row.title,
    value: row.value,
    detail: row.detail,
    code: row.code,
    performer: row.performer,
    organization: row.organization,
    encounterId: row.encounter_key
      ? (encounters.get(`${row.source}|${row.encounter_key}`) ?? null)
      : null,
    source: row.source,
    importId: row.import_id,
  }));
  return {
    clientId,
    records,
    imports: imports.map((row) => ({
      id: row.id,
      kind: row.kind,
      source: row.source,
      importedAt: row.imported_at,
      importedByName: row.display_name,
    })),
    total: Number(count.count),
  };
}

/**
 * Every record from other providers of one client, as imported, for the FHIR export: oldest
 * first (undated last), each visit before what was done and measured in it.
 */
export async function clientExternalRecords(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<ExternalRecordFacts[]> {
  const rows = await db
    .selectFrom('external_records')
    .select(['id', 'kind', 'source', 'record_key', 'encounter_key', 'resource'])
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .orderBy(sql`case when occurred_at is null then 1 else 0 end`)
    .orderBy('occurred_at')
    .orderBy(
      sql`case kind when 'encounter' then 0 when 'document' then 1 when 'procedure' then 2 else 3 end`,
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    source: row.source,
    recordKey: row.record_key,
    encounterKey: row.encounter_key,
    resource: row.resource,
  }));
}
