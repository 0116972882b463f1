import type { FollowUp, FollowUpSource, Reaction } from '../domain/follow-ups.js';
import type { Db } from './database.js';
import { toLink, type StoredClientLink } from './intake.js';
import type { SessionFollowUpTable } from './schema.js';

/** A session_follow_ups row as the domain type (follow-up-lists.ts reuses it). */
export function toFollowUp(row: SessionFollowUpTable): FollowUp {
  return {
    id: row.id,
    sessionId: row.session_id,
    clientId: row.client_id,
    relief: row.relief,
    soreness: row.soreness,
    reactions: JSON.parse(row.reactions) as Reaction[],
    reactionDetails: row.reaction_details,
    source: row.source as FollowUpSource,
    submittedAt: row.submitted_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

/**
 * Every follow-up of a client, oldest first: the series progress charts and effectiveness
 * statistics read. Callers check who may read them and audit the read.
 *
 * ```ts
 * const followUps = await listClientFollowUps(db, actor.practiceId, client.id);
 * ```
 */
export async function listClientFollowUps(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('session_follow_ups')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map(toFollowUp);
}

export async function findFollowUp(
  db: Db,
  practiceId: string,
  id: string,
): Promise<FollowUp | undefined> {
  const row = await db
    .selectFrom('session_follow_ups')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toFollowUp(row) : undefined;
}

export async function findSessionFollowUp(
  db: Db,
  practiceId: string,
  sessionId: string,
): Promise<FollowUp | undefined> {
  const row = await db
    .selectFrom('session_follow_ups')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row ? toFollowUp(row) : undefined;
}

/**
 * Stores a follow-up; undefined when the session already has one (a second link answered, or
 * staff recording what the client already sent), so the caller refuses and stores nothing.
 */
export async function insertFollowUp(
  db: Db,
  followUp: Omit<FollowUp, 'acknowledgedAt' | 'acknowledgedBy'> & {
    practiceId: string;
    linkId: string | null;
    recordedBy: string | null;
  },
): Promise<FollowUp | undefined> {
  const row: SessionFollowUpTable = {
    id: followUp.id,
    practice_id: followUp.practiceId,
    client_id: followUp.clientId,
    session_id: followUp.sessionId,
    relief: followUp.relief,
    soreness: followUp.soreness,
    reactions: JSON.stringify(followUp.reactions),
    reaction_details: followUp.reactionDetails,
    source: followUp.source,
    link_id: followUp.linkId,
    submitted_at: followUp.submittedAt,
    recorded_by: followUp.recordedBy,
    acknowledged_at: null,
    acknowledged_by: null,
  };
  const result = await db
    .insertInto('session_follow_ups')
    .values(row)
    .onConflict((conflict) => conflict.column('session_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? toFollowUp(row) : undefined;
}

/** Records who acknowledged a flag; false when someone acknowledged it first. */
export async function acknowledgeFollowUp(
  db: Db,
  change: { practiceId: string; id: string; userId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('session_follow_ups')
    .set({ acknowledged_at: change.now, acknowledged_by: change.userId })
    .where('id', '=', change.id)
    .where('practice_id', '=', change.practiceId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertFollowUpLink(
  db: Db,
  link: { linkId: string; sessionId: string; practiceId: string },
): Promise<void> {
  await db
    .insertInto('session_follow_up_links')
    .values({ link_id: link.linkId, session_id: link.sessionId, practice_id: link.practiceId })
    .execute();
}

/** The session a follow-up link asks about. */
export async function followUpLinkSession(db: Db, linkId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('session_follow_up_links')
    .select('session_id')
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  return row?.session_id;
}

/** The follow-up links sent for a session, newest first. */
export async function sessionFollowUpLinks(
  db: Db,
  practiceId: string,
  sessionId: string,
): Promise<StoredClientLink[]> {
  const rows = await db
    .selectFrom('session_follow_up_links')
    .innerJoin('client_links', 'client_links.id', 'session_follow_up_links.link_id')
    .selectAll('client_links')
    .where('session_follow_up_links.session_id', '=', sessionId)
    .where('session_follow_up_links.practice_id', '=', practiceId)
    .orderBy('client_links.created_at', 'desc')
    .orderBy('client_links.id', 'desc')
    .execute();
  return rows.map(toLink);
}
