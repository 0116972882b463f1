import type { LastSignedNote } from '../domain/briefing.js';
import type { NoteContent } from '../domain/notes.js';
import type { Db } from './database.js';

/**
 * The client's last signed note before a session: the one note whose text the briefing reads.
 * Only that one is parsed, however long the client's history.
 */
export async function lastSignedNoteBefore(
  db: Db,
  practiceId: string,
  clientId: string,
  startsAt: string,
): Promise<LastSignedNote | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('notes', 'notes.session_id', 'sessions.id')
    .select(['sessions.id', 'sessions.service_date', 'notes.content'])
    .where('sessions.client_id', '=', clientId)
    .where('sessions.practice_id', '=', practiceId)
    .where('sessions.starts_at', '<', startsAt)
    .where('notes.signed_at', 'is not', null)
    .orderBy('sessions.starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    sessionId: row.id,
    serviceDate: row.service_date,
    content: JSON.parse(row.content) as NoteContent,
  };
}
