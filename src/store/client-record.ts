import type { NoteContent } from '../domain/notes.js';
import { NoteContent as NoteContentSchema } from '../domain/notes.js';
import { inPeriod } from '../domain/record-export.js';
import type { Session } from '../domain/sessions.js';
import type { Db } from './database.js';
import type { Addendum } from './notes.js';
import { sessionFromRow } from './sessions.js';

/** A signed note of the record's PDF: its session, content, signer and addenda. */
export interface SignedNoteEntry {
  session: Session;
  content: NoteContent;
  signedAt: string;
  signedByName: string;
  addenda: Addendum[];
}

/**
 * A client's signed notes whose date of service falls in the period, in the order the
 * sessions happened, each with its addenda. Drafts and private reflections are never read.
 */
export async function signedNotesOfClient(
  db: Db,
  practiceId: string,
  clientId: string,
  period: { from: string | null; to: string | null },
): Promise<SignedNoteEntry[]> {
  let query = db
    .selectFrom('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .innerJoin('clients', 'clients.id', 'notes.client_id')
    .innerJoin('users as therapist', 'therapist.id', 'sessions.therapist_id')
    .leftJoin('users as signer', 'signer.id', 'notes.signed_by')
    .selectAll('sessions')
    .select([
      'notes.content',
      'notes.signed_at',
      'clients.legal_first_name',
      'clients.legal_last_name',
      'clients.preferred_name',
      'therapist.display_name as therapist_name',
      'signer.display_name as signer_name',
    ])
    .where('notes.practice_id', '=', practiceId)
    .where('notes.client_id', '=', clientId)
    .where('notes.signed_at', 'is not', null);
  if (period.from !== null) query = query.where('sessions.service_date', '>=', period.from);
  if (period.to !== null) query = query.where('sessions.service_date', '<=', period.to);
  const rows = await query.orderBy('sessions.starts_at').orderBy('sessions.id').execute();
  const notes = rows.filter((row) => inPeriod(row.service_date, period));
  if (notes.length === 0) return [];
  const addenda = await db
    .selectFrom('addenda')
    .innerJoin('users', 'users.id', 'addenda.author_id')
    .selectAll('addenda')
    .select('users.display_name')
    .where('addenda.practice_id', '=', practiceId)
    .where(
      'addenda.session_id',
      'in',
      notes.map((row) => row.id),
    )
    .orderBy('addenda.created_at')
    .orderBy('addenda.id')
    .execute();
  return notes.map((row) => ({
    session: sessionFromRow(
      row,
      `${row.preferred_name ?? row.legal_first_name} ${row.legal_last_name}`,
    ),
    content: NoteContentSchema.parse(JSON.parse(row.content)),
    signedAt: row.signed_at!,
    signedByName: row.signer_name ?? '',
    addenda: addenda
      .filter((addendum) => addendum.session_id === row.id)
      .map((addendum) => ({
        id: addendum.id,
        sessionId: addendum.session_id,
        authorId: addendum.author_id,
        authorName: addendum.display_name,
        reason: addendum.reason,
        text: addendum.text,
        createdAt: addendum.created_at,
      })),
  }));
}
