import type { Role } from '../domain/roles.js';
import type { Db } from './database.js';
import type { StaffInvitationTable } from './schema.js';

export interface StoredInvitation {
  id: string;
  practiceId: string;
  email: string;
  displayName: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

function toInvitation(row: StaffInvitationTable): StoredInvitation {
  return {
    id: row.id,
    practiceId: row.practice_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertInvitation(
  db: Db,
  invitation: Omit<StoredInvitation, 'acceptedAt' | 'revokedAt'> & {
    tokenHash: string;
    createdBy: string;
  },
): Promise<StoredInvitation> {
  const row: StaffInvitationTable = {
    id: invitation.id,
    practice_id: invitation.practiceId,
    email: invitation.email,
    display_name: invitation.displayName,
    role: invitation.role,
    token_hash: invitation.tokenHash,
    created_by: invitation.createdBy,
    created_at: invitation.createdAt,
    expires_at: invitation.expiresAt,
    accepted_at: null,
    accepted_user_id: null,
    revoked_at: null,
  };
  await db.insertInto('staff_invitations').values(row).execute();
  return toInvitation(row);
}

export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<StoredInvitation | undefined> {
  const row = await db
    .selectFrom('staff_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

export async function listInvitations(db: Db, practiceId: string): Promise<StoredInvitation[]> {
  const rows = await db
    .selectFrom('staff_invitations')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toInvitation);
}

export async function revokeInvitation(
  db: Db,
  practiceId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('staff_invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('practice_id', '=', practiceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks an invitation used; false when someone else used it first (a double submit). */
export async function markInvitationAccepted(
  db: Db,
  id: string,
  userId: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('staff_invitations')
    .set({ accepted_at: now, accepted_user_id: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
