import { sql } from 'kysely';
import type { Session, SessionStatus } from '../domain/sessions.js';
import type { Db } from './database.js';
import { isSqlite } from './migrations/dialect.js';
import { keptQuery } from './kept-query.js';
import { onCareTeamOf, type ClientScope } from './clients.js';
import type { SessionTable } from './schema.js';
import { updateVersioned } from './versioned.js';

function sessionQuery(db: Db) {
  return db
    .selectFrom('sessions')
    .innerJoin('clients', 'clients.id', 'sessions.client_id')
    .innerJoin('users', 'users.id', 'sessions.therapist_id')
    .selectAll('sessions')
    .select([
      'clients.legal_first_name',
      'clients.legal_last_name',
      'clients.preferred_name',
      'users.display_name as therapist_name',
    ]);
}

type SessionRow = SessionTable & {
  legal_first_name: string;
  legal_last_name: string;
  preferred_name: string | null;
  therapist_name: string;
};

/** A session as the app sees it, from its row, the therapist's name and the client's. */
export function sessionFromRow(
  row: SessionTable & { therapist_name: string },
  clientName: string,
): Session {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName,
    therapistId: row.therapist_id,
    therapistName: row.therapist_name,
    startsAt: row.starts_at,
    serviceDate: row.service_date,
    plannedMinutes: row.planned_minutes,
    actualMinutes: row.actual_minutes,
    sessionType: row.session_type,
    location: row.location,
    status: row.status as SessionStatus,
    statusReason: row.status_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSession(row: SessionRow): Session {
  return sessionFromRow(
    row,
    `${row.preferred_name ?? row.legal_first_name} ${row.legal_last_name}`,
  );
}

export async function insertSession(
  db: Db,
  session: Omit<
    SessionTable,
    'version' | 'updated_at' | 'status' | 'status_reason' | 'actual_minutes'
  >,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      ...session,
      status: 'booked',
      status_reason: null,
      actual_minutes: null,
      version: 1,
      updated_at: session.created_at,
    })
    .execute();
}

export async function findSession(
  db: Db,
  practiceId: string,
  id: string,
): Promise<Session | undefined> {
  const row = await sessionQuery(db)
    .where('sessions.id', '=', id)
    .where('sessions.practice_id', '=', practiceId)
    .executeTakeFirst();
  return row ? toSession(row) : undefined;
}

/** One session of a practice with what an access check needs of its client. */
function accessQuery(db: Db, { id, practiceId }: { id: string; practiceId: string }) {
  return sessionQuery(db)
    .select('clients.primary_therapist_id as client_primary_therapist_id')
    .where('sessions.id', '=', id)
    .where('sessions.practice_id', '=', practiceId);
}

const sessionForAccess = keptQuery(['id', 'practiceId'], accessQuery);

/**
 * A session with what an access check needs to know of its client (who their primary
 * therapist is), read in one kept query: every note save and read starts here.
 */
export async function findSessionForAccess(
  db: Db,
  practiceId: string,
  id: string,
): Promise<{ session: Session; clientPrimaryTherapistId: string | null } | undefined> {
  const row = await sessionForAccess.first(db, { id, practiceId });
  return row
    ? { session: toSession(row), clientPrimaryTherapistId: row.client_primary_therapist_id }
    : undefined;
}

/** What an autosave needs of the draft already saved: who wrote it, whether it is signed, and
 * which catalogue entries it names (checked when they were added). */
export interface SavedDraftState {
  authorId: string;
  signedAt: string | null;
  techniqueCodes: string[];
  productIds: string[];
}

// The names a stored note's treatment uses, read in SQL from its JSON: an autosave needs these
// alone, not the whole note parsed. Both give a JSON array as text ('[]' for no note).
function namesInTreatment(db: Db, list: 'techniques' | 'products', field: string) {
  return isSqlite(db)
    ? sql<string>`(select json_group_array(json_extract(value, ${`$.${field}`}))
        from json_each(notes.content, ${`$.treatment.${list}`}))`
    : sql<string>`(select coalesce(json_agg(used ->> ${field}), '[]'::json)::text
        from json_array_elements((notes.content::json) -> 'treatment' -> ${list}) as used)`;
}

const sessionForNoteSave = keptQuery(
  ['id', 'practiceId'],
  (db, values: { id: string; practiceId: string }) =>
    accessQuery(db, values)
      .leftJoin('notes', 'notes.session_id', 'sessions.id')
      .select([
        'notes.session_id as note_session_id',
        'notes.author_id as note_author_id',
        'notes.signed_at as note_signed_at',
        namesInTreatment(db, 'techniques', 'technique').as('note_technique_codes'),
        namesInTreatment(db, 'products', 'productId').as('note_product_ids'),
      ]),
);

/**
 * The session an autosave writes to, with what its access check needs and the state of the
 * draft already saved (null before the first save): one statement, as every autosave runs it.
 */
export async function findSessionForNoteSave(
  db: Db,
  practiceId: string,
  id: string,
): Promise<
  | { session: Session; clientPrimaryTherapistId: string | null; draft: SavedDraftState | null }
  | undefined
> {
  const row = await sessionForNoteSave.first(db, { id, practiceId });
  if (!row) return undefined;
  const draft =
    row.note_session_id === null
      ? null
      : {
          authorId: row.note_author_id!,
          signedAt: row.note_signed_at,
          techniqueCodes: JSON.parse(row.note_technique_codes) as string[],
          productIds: JSON.parse(row.note_product_ids) as string[],
        };
  return {
    session: toSession(row),
    clientPrimaryTherapistId: row.client_primary_therapist_id,
    draft,
  };
}

/** A therapist's (or everyone's) sessions starting in [from, to), for the day and week views. */
export async function listSessionsBetween(
  db: Db,
  practiceId: string,
  range: { from: string; to: string; therapistId?: string | undefined },
  scope: ClientScope,
): Promise<Session[]> {
  let query = sessionQuery(db)
    .where('sessions.practice_id', '=', practiceId)
    .where('sessions.starts_at', '>=', range.from)
    .where('sessions.starts_at', '<', range.to);
  if (range.therapistId) query = query.where('sessions.therapist_id', '=', range.therapistId);
  if (scope.kind === 'care_team') {
    const userId = scope.userId;
    // The therapist booked for a session sees it even when the client is not in their care.
    query = query.where((eb) =>
      eb.or([eb('sessions.therapist_id', '=', userId), onCareTeamOf(userId)(eb)]),
    );
  }
  const rows = await query
    .orderBy('sessions.starts_at')
    .orderBy('sessions.id')
    .limit(2000)
    .execute();
  return rows.map(toSession);
}

/** The therapist's other sessions near a time, to warn about double booking. */
export async function therapistSessionsAround(
  db: Db,
  practiceId: string,
  therapistId: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom('sessions')
    .select(['id', 'starts_at', 'planned_minutes', 'actual_minutes'])
    .where('practice_id', '=', practiceId)
    .where('therapist_id', '=', therapistId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .where('status', 'not in', ['cancelled', 'no_show'])
    .execute();
}

export async function updateSession(
  db: Db,
  practiceId: string,
  id: string,
  expectedVersion: number,
  values: Partial<
    Pick<
      SessionTable,
      | 'therapist_id'
      | 'starts_at'
      | 'service_date'
      | 'planned_minutes'
      | 'actual_minutes'
      | 'session_type'
      | 'location'
      | 'status'
      | 'status_reason'
    >
  >,
  now: string,
): Promise<Session> {
  return updateVersioned(db, {
    table: 'sessions',
    recordType: 'session',
    id,
    practiceId,
    expectedVersion,
    values: { ...values, updated_at: now },
    load: (current) => findSession(current, practiceId, id),
  });
}

/** Status changes made by the note's own lifecycle (draft started, signed, amended): not user edits. */
export async function setSessionStatus(
  db: Db,
  id: string,
  status: SessionStatus,
  now: string,
): Promise<void> {
  await sessionStatusUpdate.all(db, { id, status, now });
}

// The first save of every note moves its session on, so this stays compiled.
const sessionStatusUpdate = keptQuery(
  ['id', 'status', 'now'],
  (db, { id, status, now }: { id: string; status: SessionStatus; now: string }) =>
    db
      .updateTable('sessions')
      .set({ status, updated_at: now, version: sql`version + 1` })
      .where('id', '=', id),
);

export interface TimelineEntry {
  session: Session;
  painBefore: number | null;
  painAfter: number | null;
  techniques: string[];
  regions: string[];
  /** The session's "any changes since your last visit?" check recorded changes. */
  healthHistoryChanged: boolean;
}

/**
 * A client's sessions, newest first, a page at a time by keyset (starts_at, id), so the tenth
 * year of weekly sessions opens as fast as the first.
 */
export async function clientTimeline(
  db: Db,
  practiceId: string,
  clientId: string,
  page: { limit: number; before?: { startsAt: string; id: string } | undefined },
): Promise<TimelineEntry[]> {
  // Every row has the same client and nearly always the same therapist or two: their names
  // are read once below rather than joined into each of the page's rows.
  let query = db
    .selectFrom('sessions')
    .leftJoin('notes', 'notes.session_id', 'sessions.id')
    .selectAll('sessions')
    .select([
      'notes.pain_before',
      'notes.pain_after',
      'notes.signed_at as note_signed_at',
      'notes.session_id as note_session_id',
    ])
    .leftJoin('session_health_checks', 'session_health_checks.session_id', 'sessions.id')
    .select('session_health_checks.outcome as health_check_outcome')
    .where('sessions.client_id', '=', clientId)
    .where('sessions.practice_id', '=', practiceId);
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('sessions.starts_at', '<', before.startsAt),
        eb.and([eb('sessions.starts_at', '=', before.startsAt), eb('sessions.id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('sessions.starts_at', 'desc')
    .orderBy('sessions.id', 'desc')
    .limit(page.limit)
    .execute();
  if (rows.length === 0) return [];
  const [client, therapists] = await Promise.all([
    db
      .selectFrom('clients')
      .select(['legal_first_name', 'legal_last_name', 'preferred_name'])
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [...new Set(rows.map((row) => row.therapist_id))])
      .execute(),
  ]);
  const therapistNames = new Map(therapists.map((user) => [user.id, user.display_name]));
  // A note's JSON is a few kilobytes and a page holds 50 of them: a signed note's techniques
  // come from note_techniques, and only drafts (rarely more than one) have their JSON read.
  const signedIds = rows.filter((row) => row.note_signed_at).map((row) => row.id);
  const draftIds = rows
    .filter((row) => row.note_session_id && !row.note_signed_at)
    .map((row) => row.id);
  const draftUses = new Map<string, TechniqueSummary[]>();
  if (draftIds.length > 0) {
    const drafts = await db
      .selectFrom('notes')
      .select(['session_id', 'content'])
      .where('session_id', 'in', draftIds)
      .execute();
    for (const draft of drafts) draftUses.set(draft.session_id, draftTechniques(draft.content));
  }
  const signedUses = new Map<string, TechniqueSummary[]>();
  if (signedIds.length > 0) {
    const uses = await db
      .selectFrom('note_techniques')
      .select(['session_id', 'technique', 'regions'])
      .where('session_id', 'in', signedIds)
      .orderBy('session_id')
      .orderBy('position')
      .execute();
    for (const use of uses) {
      const list = signedUses.get(use.session_id) ?? [];
      list.push({ technique: use.technique, regions: JSON.parse(use.regions) as string[] });
      signedUses.set(use.session_id, list);
    }
  }
  return rows.map((row) => {
    const uses = (row.note_signed_at ? signedUses : draftUses).get(row.id) ?? [];
    return {
      session: toSession({
        ...row,
        ...client,
        therapist_name: therapistNames.get(row.therapist_id) ?? '',
      }),
      painBefore: row.pain_before ?? null,
      painAfter: row.pain_after ?? null,
      techniques: [...new Set(uses.map((use) => use.technique))],
      regions: [...new Set(uses.flatMap((use) => use.regions))],
      healthHistoryChanged: row.health_check_outcome === 'changed',
    };
  });
}

interface TechniqueSummary {
  technique: string;
  regions: string[];
}

function draftTechniques(content: string): TechniqueSummary[] {
  const draft = JSON.parse(content) as { treatment?: { techniques?: TechniqueSummary[] } };
  return draft.treatment?.techniques ?? [];
}
