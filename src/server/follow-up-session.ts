import { Conflict, Invalid } from '../domain/errors.js';
import { followUpRefusal } from '../domain/follow-ups.js';
import type { Session } from '../domain/sessions.js';
import type { Db } from '../store/database.js';
import { findSessionFollowUp } from '../store/follow-ups.js';
import { findSession } from '../store/sessions.js';

/**
 * The client's session a follow-up is about, checked the same way for a link and for a
 * follow-up staff record: it must be this client's, have taken place, and have no follow-up
 * yet. Refusals name the `sessionId` field.
 */
export async function sessionToFollowUp(
  db: Db,
  practiceId: string,
  clientId: string,
  sessionId: string,
  now: Date,
): Promise<Session> {
  const session = await findSession(db, practiceId, sessionId);
  if (!session) {
    throw new Invalid('The follow-up names no session of this practice.', [
      { field: 'sessionId', message: 'No session with this id.' },
    ]);
  }
  if (session.clientId !== clientId) {
    throw new Invalid('The session belongs to another client.', [
      { field: 'sessionId', message: 'This session belongs to another client.' },
    ]);
  }
  const refusal = followUpRefusal(session, now);
  if (refusal) throw new Conflict(refusal, [{ field: 'sessionId', message: refusal }]);
  if (await findSessionFollowUp(db, practiceId, session.id)) {
    const message = 'This session already has a follow-up.';
    throw new Conflict(message, [{ field: 'sessionId', message }]);
  }
  return session;
}
