import type { ProgressPoint } from '../domain/goal-progress.js';
import type { PainMoment } from '../domain/goals.js';
import type { Visit } from '../domain/measure-schedule.js';
import type { SessionStatus } from '../domain/sessions.js';
import type { Db } from './database.js';

/**
 * What outcome measures read of a client's sessions: the visits schedules count (every
 * session but the cancelled and no-shows), and pain before or after treatment from the
 * signed notes for goals set on pain.
 */

export interface ClientVisit extends Visit {
  status: SessionStatus;
}

export async function clientVisits(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<ClientVisit[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'starts_at', 'service_date', 'status'])
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .where('status', 'not in', ['cancelled', 'no_show'])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    sessionId: row.id,
    startsAt: row.starts_at,
    serviceDate: row.service_date,
    status: row.status as SessionStatus,
  }));
}

/**
 * Pain 0–10 before or after treatment, one point per signed note that recorded it, dated by
 * the session's start. Drafts are left out: they can still change.
 */
export async function painPoints(
  db: Db,
  practiceId: string,
  clientId: string,
  moment: PainMoment,
): Promise<ProgressPoint[]> {
  const column = moment === 'before' ? 'notes.pain_before' : 'notes.pain_after';
  const rows = await db
    .selectFrom('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .select(['sessions.id', 'sessions.starts_at', `${column} as pain`])
    .where('notes.practice_id', '=', practiceId)
    .where('notes.client_id', '=', clientId)
    .where('notes.signed_at', 'is not', null)
    .where(column, 'is not', null)
    .orderBy('sessions.starts_at')
    .execute();
  return rows.map((row) => ({ at: row.starts_at, value: Number(row.pain), sessionId: row.id }));
}
