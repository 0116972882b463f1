import type { ExpressionBuilder } from 'kysely';
import { highSoreness, type FollowUp } from '../domain/follow-ups.js';
import { onCareTeamOf, type ClientScope } from './clients.js';
import type { Db } from './database.js';
import { toFollowUp } from './follow-ups.js';
import { toLink, type StoredClientLink } from './intake.js';
import type { Database } from './schema.js';

/**
 * The follow-up lists of the Today page, across the practice or a therapist's own sessions and
 * clients: flags waiting for a clinician, and recent sessions without a follow-up.
 */

type SessionsWithClients = ExpressionBuilder<Database, 'sessions' | 'clients'>;

/**
 * "Their own" for a therapist: sessions they gave, and clients they are primary therapist or
 * on the care team of, whatever the care model; the owner oversees the whole practice.
 */
function ownSessions(scope: ClientScope) {
  return (eb: SessionsWithClients) =>
    scope.kind === 'practice'
      ? eb.lit(true)
      : eb.or([eb('sessions.therapist_id', '=', scope.userId), onCareTeamOf(scope.userId)(eb)]);
}

export interface FollowUpNeedingAttentionRow {
  followUp: FollowUp;
  clientName: string;
  sessionStartsAt: string;
  therapistName: string;
}

/** Flagged follow-ups nobody acknowledged yet, oldest first (the longest waiting on top). */
export async function followUpsNeedingAttention(
  db: Db,
  practiceId: string,
  scope: ClientScope,
): Promise<FollowUpNeedingAttentionRow[]> {
  const rows = await db
    .selectFrom('session_follow_ups')
    .innerJoin('sessions', 'sessions.id', 'session_follow_ups.session_id')
    .innerJoin('clients', 'clients.id', 'session_follow_ups.client_id')
    .innerJoin('users', 'users.id', 'sessions.therapist_id')
    .selectAll('session_follow_ups')
    .select([
      'sessions.starts_at as session_starts_at',
      'clients.legal_first_name',
      'clients.legal_last_name',
      'clients.preferred_name',
      'users.display_name as therapist_name',
    ])
    .where('session_follow_ups.practice_id', '=', practiceId)
    .where('session_follow_ups.acknowledged_at', 'is', null)
    // The flag rule of domain/follow-ups.ts (raisesFlag), in SQL.
    .where((eb) =>
      eb.or([
        eb('session_follow_ups.reactions', '<>', '[]'),
        eb('session_follow_ups.soreness', '>=', highSoreness),
      ]),
    )
    .where(ownSessions(scope))
    .orderBy('session_follow_ups.submitted_at')
    .orderBy('session_follow_ups.id')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    followUp: toFollowUp(row),
    clientName: `${row.preferred_name ?? row.legal_first_name} ${row.legal_last_name}`,
    sessionStartsAt: row.session_starts_at,
    therapistName: row.therapist_name,
  }));
}

export interface SessionWithoutFollowUp {
  sessionId: string;
  clientId: string;
  clientName: string;
  therapistId: string;
  therapistName: string;
  startsAt: string;
  links: StoredClientLink[];
}

/**
 * Sessions that began in [since, until], took place and have no follow-up, newest first,
 * each with the follow-up links sent for it (newest first). Archived clients are left out:
 * nobody is following them up.
 */
export async function sessionsWithoutFollowUp(
  db: Db,
  practiceId: string,
  range: { since: string; until: string },
  scope: ClientScope,
): Promise<SessionWithoutFollowUp[]> {
  const sessions = await db
    .selectFrom('sessions')
    .innerJoin('clients', 'clients.id', 'sessions.client_id')
    .innerJoin('users', 'users.id', 'sessions.therapist_id')
    .select([
      'sessions.id',
      'sessions.client_id',
      'sessions.therapist_id',
      'sessions.starts_at',
      'clients.legal_first_name',
      'clients.legal_last_name',
      'clients.preferred_name',
      'users.display_name as therapist_name',
    ])
    .where('sessions.practice_id', '=', practiceId)
    .where('sessions.starts_at', '>=', range.since)
    .where('sessions.starts_at', '<=', range.until)
    .where('sessions.status', 'not in', ['cancelled', 'no_show'])
    .where('clients.status', '<>', 'archived')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('session_follow_ups')
            .select('session_follow_ups.id')
            .whereRef('session_follow_ups.session_id', '=', 'sessions.id'),
        ),
      ),
    )
    .where(ownSessions(scope))
    .orderBy('sessions.starts_at', 'desc')
    .orderBy('sessions.id', 'desc')
    .limit(500)
    .execute();
  const links = new Map<string, StoredClientLink[]>();
  if (sessions.length > 0) {
    const rows = await db
      .selectFrom('session_follow_up_links')
      .innerJoin('client_links', 'client_links.id', 'session_follow_up_links.link_id')
      .selectAll('client_links')
      .select('session_follow_up_links.session_id')
      .where(
        'session_follow_up_links.session_id',
        'in',
        sessions.map((session) => session.id),
      )
      .orderBy('client_links.created_at', 'desc')
      .orderBy('client_links.id', 'desc')
      .execute();
    for (const row of rows) {
      const list = links.get(row.session_id) ?? [];
      list.push(toLink(row));
      links.set(row.session_id, list);
    }
  }
  return sessions.map((row) => ({
    sessionId: row.id,
    clientId: row.client_id,
    clientName: `${row.preferred_name ?? row.legal_first_name} ${row.legal_last_name}`,
    therapistId: row.therapist_id,
    therapistName: row.therapist_name,
    startsAt: row.starts_at,
    links: links.get(row.id) ?? [],
  }));
}
