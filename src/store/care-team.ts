import type { Db } from './database.js';

export interface CareTeamMember {
  userId: string;
  displayName: string;
  role: string;
  addedAt: string;
}

export async function listCareTeam(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<CareTeamMember[]> {
  const rows = await db
    .selectFrom('care_team')
    .innerJoin('users', 'users.id', 'care_team.user_id')
    .select(['care_team.user_id', 'users.display_name', 'users.role', 'care_team.added_at'])
    .where('care_team.client_id', '=', clientId)
    .where('care_team.practice_id', '=', practiceId)
    .orderBy('users.display_name')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    role: row.role,
    addedAt: row.added_at,
  }));
}

/** Adding someone already on the team is a no-op, so a retried request does no harm. */
export async function addToCareTeam(
  db: Db,
  member: {
    practiceId: string;
    clientId: string;
    userId: string;
    addedBy: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('care_team')
    .values({
      practice_id: member.practiceId,
      client_id: member.clientId,
      user_id: member.userId,
      added_by: member.addedBy,
      added_at: member.now,
    })
    .onConflict((conflict) => conflict.columns(['client_id', 'user_id']).doNothing())
    .execute();
}

export async function removeFromCareTeam(
  db: Db,
  practiceId: string,
  clientId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('care_team')
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
