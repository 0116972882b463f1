import { sql } from 'kysely';
import { painMarksOf, type ProgressSession, type ProgressTechnique } from '../domain/progress.js';
import type { Db } from './database.js';
import { isSqlite } from './migrations/dialect.js';

/**
 * A client's signed notes as progress charts read them, oldest first, in two queries whatever
 * the number of sessions: the notes' pain columns with only the body chart cut out of each
 * note's JSON by the database (a whole note is a few kilobytes; 500 of them would be sent and
 * parsed to read a handful of marks), and the client's rows of the append-only
 * `note_techniques`.
 */
export async function clientProgress(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<ProgressSession[]> {
  const [notes, uses] = await Promise.all([
    db
      .selectFrom('notes')
      .innerJoin('sessions', 'sessions.id', 'notes.session_id')
      .select([
        'sessions.id',
        'sessions.starts_at',
        'sessions.service_date',
        'notes.pain_before',
        'notes.pain_after',
        bodyChartOf(db).as('body_chart'),
      ])
      .where('notes.client_id', '=', clientId)
      .where('notes.practice_id', '=', practiceId)
      .where('notes.signed_at', 'is not', null)
      .orderBy('sessions.starts_at')
      .orderBy('sessions.id')
      .execute(),
    db
      .selectFrom('note_techniques')
      .select(['session_id', 'technique', 'minutes', 'pressure', 'regions'])
      .where('client_id', '=', clientId)
      .where('practice_id', '=', practiceId)
      .orderBy('session_id')
      .orderBy('position')
      .execute(),
  ]);
  const techniques = new Map<string, ProgressTechnique[]>();
  for (const use of uses) {
    const list = techniques.get(use.session_id) ?? [];
    list.push({
      technique: use.technique,
      minutes: use.minutes,
      pressure: use.pressure,
      regions: JSON.parse(use.regions) as string[],
    });
    techniques.set(use.session_id, list);
  }
  return notes.map((note) => ({
    sessionId: note.id,
    startsAt: note.starts_at,
    serviceDate: note.service_date,
    painBefore: note.pain_before,
    painAfter: note.pain_after,
    regionPain: painMarksOf(parsedBodyChart(note.body_chart)),
    techniques: techniques.get(note.id) ?? [],
  }));
}

/**
 * The body chart's JSON text. SQLite's json_extract is cheap; PostgreSQL would parse the whole
 * note to answer `content::json -> …` (three times slower over 500 notes), so there the array
 * is cut out as text. That is exact for what the store writes (JSON.stringify, no spaces): the
 * key `"bodyChart":` appears once, since a quote inside a text field is escaped, and a mark
 * holds only region codes, a kind and a number, never a `]`.
 */
function bodyChartOf(db: Db) {
  return isSqlite(db)
    ? sql<string | null>`json_extract(notes.content, '$.objective.bodyChart')`
    : sql<string | null>`split_part(split_part(notes.content, '"bodyChart":', 2), ']', 1) || ']'`;
}

function parsedBodyChart(text: string | null): unknown {
  if (text === null) return [];
  try {
    return JSON.parse(text);
  } catch {
    // A note written some other way: its pain columns still count, its marks are left out.
    return [];
  }
}
