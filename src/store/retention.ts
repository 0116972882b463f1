import type { RecordEntries } from '../domain/retention.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** An archived client with every date their record carries, for the retention rule to weigh. */
export interface ArchivedClientEntries {
  clientId: string;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  dateOfBirth: string | null;
  archivedAt: string | null;
  entries: RecordEntries;
}

type Dated = { [T in keyof Database]: { table: T; column: keyof Database[T] & string } }[
  | 'sessions'
  | 'notes'
  | 'health_history_versions'
  | 'consent_signatures'
  | 'consent_withdrawals'
  | 'intake_submissions'
  | 'session_follow_ups'
  | 'outcome_scores'
  | 'goal_versions'
  | 'treatment_plan_versions'
  | 'handoffs'
  | 'handoff_acknowledgements'];

/**
 * What counts as an entry in the record, by table and column. Sessions count by their date of
 * service; the rest by when they were written. Archiving and changes to contact details are
 * administration, not entries, so they do not restart the period; the client's creation counts
 * so that a client with nothing else recorded still has a date.
 */
const entryInstants: Dated[] = [
  { table: 'notes', column: 'updated_at' },
  { table: 'health_history_versions', column: 'recorded_at' },
  { table: 'consent_signatures', column: 'signed_at' },
  { table: 'consent_withdrawals', column: 'withdrawn_at' },
  { table: 'intake_submissions', column: 'submitted_at' },
  { table: 'session_follow_ups', column: 'submitted_at' },
  { table: 'outcome_scores', column: 'recorded_at' },
  { table: 'goal_versions', column: 'recorded_at' },
  { table: 'treatment_plan_versions', column: 'recorded_at' },
  { table: 'handoffs', column: 'handed_off_at' },
  { table: 'handoff_acknowledgements', column: 'acknowledged_at' },
];

/**
 * Archived clients of a practice (or one of them) with the dates of their newest entries. One
 * grouped query per kind of entry, over the archived clients only.
 */
export async function archivedClientEntries(
  db: Db,
  practiceId: string,
  onlyClientId?: string,
): Promise<ArchivedClientEntries[]> {
  let archived = db
    .selectFrom('clients')
    .where('practice_id', '=', practiceId)
    .where('status', '=', 'archived');
  if (onlyClientId !== undefined) archived = archived.where('id', '=', onlyClientId);
  const rows = await archived
    .select([
      'id',
      'legal_first_name',
      'legal_last_name',
      'preferred_name',
      'date_of_birth',
      'archived_at',
      'created_at',
    ])
    .orderBy('legal_last_name')
    .orderBy('legal_first_name')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  // A subquery rather than a list of ids: a practice may have more archived clients than an
  // engine accepts parameters.
  const ids = archived.select('id');

  const latest = async (table: keyof Database, column: string) =>
    (await db
      .selectFrom(table as 'sessions')
      .select((eb) => [
        eb.ref('client_id').as('client_id'),
        eb.fn.max(eb.ref(column as 'service_date')).as('latest'),
      ])
      .where('client_id', 'in', ids)
      .groupBy('client_id')
      .execute()) as Array<{ client_id: string; latest: string | null }>;
  const addenda = db
    .selectFrom('addenda')
    .innerJoin('sessions', 'sessions.id', 'addenda.session_id')
    .select((eb) => ['sessions.client_id', eb.fn.max('addenda.created_at').as('latest')])
    .where('sessions.client_id', 'in', ids)
    .groupBy('sessions.client_id')
    .execute();
  const [serviceDates, addendumInstants, ...instants] = await Promise.all([
    latest('sessions', 'service_date'),
    addenda,
    ...entryInstants.map((source) => latest(source.table, source.column)),
  ]);

  const entries = new Map<string, RecordEntries>(
    rows.map((row) => [row.id, { dates: [], instants: [row.created_at] }]),
  );
  for (const row of serviceDates) entries.get(row.client_id)?.dates.push(row.latest);
  for (const row of [...addendumInstants, ...instants.flat()])
    entries.get(row.client_id)?.instants.push(row.latest);

  return rows.map((row) => ({
    clientId: row.id,
    legalFirstName: row.legal_first_name,
    legalLastName: row.legal_last_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    archivedAt: row.archived_at,
    entries: entries.get(row.id)!,
  }));
}
