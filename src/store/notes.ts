import { sql } from 'kysely';
import type { NoteContent } from '../domain/notes.js';
import { noteSearchText, noteTextFields } from '../domain/notes.js';
import { foldForSearch } from '../domain/text.js';
import { displayName } from '../domain/clients.js';
import { NotFound, StaleVersion } from '../domain/errors.js';
import type { Db } from './database.js';
import { keptQuery } from './kept-query.js';
import { onCareTeamOf, type ClientScope } from './clients.js';
import type { NoteTable } from './schema.js';
import { isSqlite } from './migrations/dialect.js';
import { indexPendingNotes } from './note-search-index.js';
import { noteSearchMatch } from './note-search-terms.js';

export interface Note {
  sessionId: string;
  clientId: string;
  authorId: string;
  content: NoteContent;
  status: 'draft' | 'signed';
  signedAt: string | null;
  signedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Every column of a note but its content and search text: what a save needs back. */
const noteStateColumns = [
  'session_id',
  'client_id',
  'author_id',
  'signed_at',
  'signed_by',
  'version',
  'created_at',
  'updated_at',
] as const;

function toNote(row: Pick<NoteTable, (typeof noteStateColumns)[number] | 'content'>): Note {
  return savedNote(row, JSON.parse(row.content) as NoteContent);
}

/**
 * The note as just saved. Its content is what the caller sent, so the stored JSON is not read
 * back and parsed again: an autosave of a long note spends its time on the write alone.
 */
function savedNote(
  row: Pick<NoteTable, (typeof noteStateColumns)[number]>,
  content: NoteContent,
): Note {
  return {
    sessionId: row.session_id,
    clientId: row.client_id,
    authorId: row.author_id,
    content,
    status: row.signed_at ? 'signed' : 'draft',
    signedAt: row.signed_at,
    signedBy: row.signed_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function contentColumns(content: NoteContent) {
  return {
    content: JSON.stringify(content),
    pain_before: content.subjective.painBefore,
    pain_after: content.assessment.painAfter,
    search_text: foldForSearch(noteSearchText(content)),
  };
}

// Not the search text: as long as the note again, and only the search index reads it.
const noteBySession = keptQuery(
  ['sessionId', 'practiceId'],
  (db, { sessionId, practiceId }: { sessionId: string; practiceId: string }) =>
    db
      .selectFrom('notes')
      .select([...noteStateColumns, 'content'])
      .where('session_id', '=', sessionId)
      .where('practice_id', '=', practiceId),
);

export async function findNote(
  db: Db,
  practiceId: string,
  sessionId: string,
): Promise<Note | undefined> {
  const row = await noteBySession.first(db, { sessionId, practiceId });
  return row ? toNote(row) : undefined;
}

// The autosave: kept compiled, since a therapist's typing sends one every few seconds.
const draftUpdate = keptQuery(
  [
    'content',
    'pain_before',
    'pain_after',
    'search_text',
    'now',
    'sessionId',
    'practiceId',
    'expectedVersion',
  ],
  (
    db,
    values: ReturnType<typeof contentColumns> & {
      now: string;
      sessionId: string;
      practiceId: string;
      expectedVersion: number;
    },
  ) =>
    db
      .updateTable('notes')
      .set({
        content: values.content,
        pain_before: values.pain_before,
        pain_after: values.pain_after,
        search_text: values.search_text,
        updated_at: values.now,
        version: sql`version + 1`,
      })
      .where('session_id', '=', values.sessionId)
      .where('practice_id', '=', values.practiceId)
      .where('version', '=', values.expectedVersion)
      .where('signed_at', 'is', null)
      .returning(noteStateColumns),
);

// Every note's first save: kept compiled like the autosave's update above.
const firstDraftInsert = keptQuery(
  [
    'content',
    'pain_before',
    'pain_after',
    'search_text',
    'sessionId',
    'practiceId',
    'clientId',
    'authorId',
    'now',
  ],
  (
    db,
    values: ReturnType<typeof contentColumns> & {
      sessionId: string;
      practiceId: string;
      clientId: string;
      authorId: string;
      now: string;
    },
  ) =>
    db
      .insertInto('notes')
      .values({
        session_id: values.sessionId,
        practice_id: values.practiceId,
        client_id: values.clientId,
        author_id: values.authorId,
        content: values.content,
        pain_before: values.pain_before,
        pain_after: values.pain_after,
        search_text: values.search_text,
        signed_at: null,
        signed_by: null,
        version: 1,
        created_at: values.now,
        updated_at: values.now,
      })
      .onConflict((conflict) => conflict.column('session_id').doNothing())
      .returning(noteStateColumns),
);

/**
 * Saves a draft. The first save creates the note (expected version 0); later saves must name
 * the version they edited, so two tabs or devices can never overwrite each other silently.
 */
export async function saveDraft(
  db: Db,
  note: {
    practiceId: string;
    sessionId: string;
    clientId: string;
    authorId: string;
    content: NoteContent;
    expectedVersion: number;
    now: string;
  },
): Promise<Note> {
  const columns = contentColumns(note.content);
  const saved =
    note.expectedVersion === 0
      ? // Two devices may both send the first save at once: the insert that loses the race
        // does nothing (rather than failing on the key) and answers like any stale save.
        await firstDraftInsert.first(db, {
          ...columns,
          sessionId: note.sessionId,
          practiceId: note.practiceId,
          clientId: note.clientId,
          authorId: note.authorId,
          now: note.now,
        })
      : await draftUpdate.first(db, {
          ...columns,
          now: note.now,
          sessionId: note.sessionId,
          practiceId: note.practiceId,
          expectedVersion: note.expectedVersion,
        });
  // RETURNING hands back the saved state, so an autosave reads the note no second time.
  if (saved) return savedNote(saved, note.content);
  const current = await findNote(db, note.practiceId, note.sessionId);
  if (!current) throw new NotFound('note');
  throw new StaleVersion('note', current, current.version);
}

/**
 * Signs a draft: stamps it (after which the database refuses any change), records its
 * techniques for progress analytics, and keeps the signed content as version 1.
 */
export async function signNote(
  db: Db,
  sign: {
    practiceId: string;
    sessionId: string;
    expectedVersion: number;
    userId: string;
    serviceDate: string;
    versionId: string;
    now: string;
  },
): Promise<Note> {
  const result = await db
    .updateTable('notes')
    .set({
      signed_at: sign.now,
      signed_by: sign.userId,
      updated_at: sign.now,
      version: sql`version + 1`,
    })
    .where('session_id', '=', sign.sessionId)
    .where('practice_id', '=', sign.practiceId)
    .where('version', '=', sign.expectedVersion)
    .where('signed_at', 'is', null)
    .executeTakeFirst();
  const note = await findNote(db, sign.practiceId, sign.sessionId);
  if (!note) throw new NotFound('note');
  if (Number(result.numUpdatedRows) === 0) throw new StaleVersion('note', note, note.version);
  const techniques = note.content.treatment.techniques;
  if (techniques.length > 0) {
    await db
      .insertInto('note_techniques')
      .values(
        techniques.map((use, position) => ({
          session_id: note.sessionId,
          position,
          practice_id: sign.practiceId,
          client_id: note.clientId,
          service_date: sign.serviceDate,
          technique: use.technique,
          minutes: use.minutes,
          pressure: use.pressure,
          regions: JSON.stringify(use.regions),
        })),
      )
      .execute();
  }
  await insertAnalyticsRows(db, note, sign);
  await db
    .insertInto('note_versions')
    .values({
      id: sign.versionId,
      session_id: note.sessionId,
      number: 1,
      kind: 'signed',
      content: JSON.stringify(note.content),
      addendum_id: null,
      created_by: sign.userId,
      created_at: sign.now,
    })
    .execute();
  return note;
}

/**
 * The products and pain regions of a signed note, as rows effectiveness analytics count
 * without parsing note JSON (the 2026-11-30T0300 migration backfilled older notes alike).
 */
async function insertAnalyticsRows(
  db: Db,
  note: Note,
  sign: { practiceId: string; serviceDate: string },
): Promise<void> {
  const common = {
    session_id: note.sessionId,
    practice_id: sign.practiceId,
    client_id: note.clientId,
    service_date: sign.serviceDate,
  };
  const products = note.content.treatment.products;
  if (products.length > 0) {
    await db
      .insertInto('note_products')
      .values(products.map((use, position) => ({ ...common, position, product_id: use.productId })))
      .execute();
  }
  const painRegions = new Set(
    note.content.objective.bodyChart
      .filter((mark) => mark.kind === 'pain')
      .map((mark) => mark.region),
  );
  if (painRegions.size > 0) {
    await db
      .insertInto('note_pain_regions')
      .values([...painRegions].map((region) => ({ ...common, region })))
      .execute();
  }
}

export interface Addendum {
  id: string;
  sessionId: string;
  authorId: string;
  authorName: string;
  reason: string;
  text: string;
  createdAt: string;
}

export async function insertAddendum(
  db: Db,
  addendum: {
    id: string;
    practiceId: string;
    sessionId: string;
    authorId: string;
    reason: string;
    text: string;
    now: string;
    versionId: string;
  },
): Promise<void> {
  await db
    .insertInto('addenda')
    .values({
      id: addendum.id,
      session_id: addendum.sessionId,
      practice_id: addendum.practiceId,
      author_id: addendum.authorId,
      reason: addendum.reason,
      text: addendum.text,
      created_at: addendum.now,
    })
    .execute();
  const last = await db
    .selectFrom('note_versions')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('session_id', '=', addendum.sessionId)
    .executeTakeFirst();
  await db
    .insertInto('note_versions')
    .values({
      id: addendum.versionId,
      session_id: addendum.sessionId,
      number: Number(last?.number ?? 1) + 1,
      kind: 'addendum',
      content: JSON.stringify({ reason: addendum.reason, text: addendum.text }),
      addendum_id: addendum.id,
      created_by: addendum.authorId,
      created_at: addendum.now,
    })
    .execute();
}

export async function listAddenda(db: Db, sessionId: string): Promise<Addendum[]> {
  const rows = await db
    .selectFrom('addenda')
    .innerJoin('users', 'users.id', 'addenda.author_id')
    .selectAll('addenda')
    .select('users.display_name')
    .where('addenda.session_id', '=', sessionId)
    .orderBy('addenda.created_at')
    .orderBy('addenda.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    authorId: row.author_id,
    authorName: row.display_name,
    reason: row.reason,
    text: row.text,
    createdAt: row.created_at,
  }));
}

export interface NoteVersion {
  number: number;
  kind: 'signed' | 'addendum';
  content: unknown;
  createdBy: string;
  createdAt: string;
}

export async function listNoteVersions(db: Db, sessionId: string): Promise<NoteVersion[]> {
  const rows = await db
    .selectFrom('note_versions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('number')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    kind: row.kind as NoteVersion['kind'],
    content: JSON.parse(row.content) as unknown,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }));
}

/** Unsigned notes of an author, oldest first, for the dashboard. */
export async function unsignedNotes(db: Db, practiceId: string, authorId: string) {
  return db
    .selectFrom('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .innerJoin('clients', 'clients.id', 'notes.client_id')
    .select([
      'notes.session_id',
      'notes.updated_at',
      'sessions.starts_at',
      'clients.legal_first_name',
      'clients.legal_last_name',
      'clients.preferred_name',
    ])
    .where('notes.practice_id', '=', practiceId)
    .where('notes.author_id', '=', authorId)
    .where('notes.signed_at', 'is', null)
    .where('sessions.status', 'not in', ['cancelled', 'no_show'])
    .orderBy('sessions.starts_at')
    .limit(200)
    .execute();
}

export interface NoteHit {
  sessionId: string;
  clientId: string;
  clientName: string;
  startsAt: string;
  /** The note's `noteTextFields` as written, for the excerpt. */
  text: string;
}

/**
 * Full-text search over note text, within the clients the reader may see, most recently
 * written first. Matches are walked in that order and the walk stops at `limit`, so a word
 * found in tens of thousands of notes costs no more than a rare one.
 */
export async function searchNotes(
  db: Db,
  practiceId: string,
  scope: ClientScope,
  query: string,
  limit: number,
): Promise<NoteHit[]> {
  // Split where the indexes split (both break words at anything not a letter or digit), so
  // "levator-scapulae" searches for both of its words rather than for "levatorscapulae".
  const words = foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return [];
  const rows = isSqlite(db)
    ? await sqliteMatches(db, practiceId, scope, words, limit)
    : await postgresMatches(db, practiceId, scope, words, limit);
  return rows.map((row) => ({
    sessionId: row.session_id,
    clientId: row.client_id,
    clientName: displayName({
      legalFirstName: row.legal_first_name,
      legalLastName: row.legal_last_name,
      preferredName: row.preferred_name,
    }),
    startsAt: row.starts_at,
    text: row.note_text,
  }));
}

const hitColumns = [
  'notes.session_id',
  'notes.client_id',
  'sessions.starts_at',
  'clients.legal_first_name',
  'clients.legal_last_name',
  'clients.preferred_name',
] as const;

/**
 * A hit's text fields, read out of the stored JSON by the database: parsing each whole note
 * (body chart, techniques and all) for its excerpt was a tenth of a search's time.
 */
function noteTextOf(db: Db) {
  const fields = noteTextFields.map(([section, field]) =>
    isSqlite(db)
      ? sql<string | null>`json_extract(notes.content, ${sql.lit(`$.${section}.${field}`)})`
      : sql<string | null>`notes.content::json -> ${sql.lit(section)} ->> ${sql.lit(field)}`,
  );
  return sql<string>`concat_ws(${sql.lit('\n')}, ${sql.join(fields)})`.as('note_text');
}

async function sqliteMatches(
  db: Db,
  practiceId: string,
  scope: ClientScope,
  words: string[],
  limit: number,
) {
  // The terms counted must include every saved word, and the index every saved note.
  await indexPendingNotes(db);
  const match = await noteSearchMatch(db, words);
  if (match === null) return [];
  // CROSS JOIN keeps the FTS index as the outer loop, walked by rowid from the newest note.
  let select = db
    .selectFrom('notes_fts')
    .crossJoin('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .innerJoin('clients', 'clients.id', 'notes.client_id')
    .select(hitColumns)
    .select(noteTextOf(db))
    .where(sql<boolean>`notes_fts match ${match}`)
    .where(sql<boolean>`notes.rowid = notes_fts.rowid`)
    .where('notes.practice_id', '=', practiceId);
  if (scope.kind === 'care_team') select = select.where(onCareTeamOf(scope.userId));
  return select
    .orderBy(sql`notes_fts.rowid`, 'desc')
    .limit(limit)
    .execute();
}

/**
 * PostgreSQL answers a word that few notes hold through its GIN index, and one that many hold by
 * walking the practice's notes newest first (notes_by_recency) until the page is full. Its
 * statistics cannot tell the two apart for a prefix (`word:*`), and a walk for a word no note
 * holds reads every note of the practice: a typo took 0.8 to 1.8 s at 175,000 notes. So the
 * search first asks for at most `fewMatches` matches, a bounded question whatever plan answers
 * it; when that is all of them, the page is read from those notes alone, and only a word held
 * by more notes is walked for, which then finds its page soon.
 */
export const fewMatches = 500;

async function postgresMatches(
  db: Db,
  practiceId: string,
  scope: ClientScope,
  words: string[],
  limit: number,
) {
  const tsquery = words.map((word) => `${word}:*`).join(' & ');
  const matches = sql<boolean>`notes.search_vector @@ to_tsquery('simple', ${tsquery})`;
  const few = await db
    .selectFrom('notes')
    .select('notes.session_id')
    .where('notes.practice_id', '=', practiceId)
    .where(matches)
    .limit(fewMatches + 1)
    .execute();
  if (few.length === 0) return [];
  const sessionIds = few.map((note) => note.session_id);
  let select = db
    .selectFrom('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .innerJoin('clients', 'clients.id', 'notes.client_id')
    .select(hitColumns)
    .select(noteTextOf(db))
    .where('notes.practice_id', '=', practiceId)
    .where(
      few.length <= fewMatches
        ? sql<boolean>`notes.session_id = any(${sessionIds}::text[])`
        : matches,
    );
  if (scope.kind === 'care_team') select = select.where(onCareTeamOf(scope.userId));
  return select
    .orderBy('notes.created_at', 'desc')
    .orderBy('notes.session_id', 'desc')
    .limit(limit)
    .execute();
}
