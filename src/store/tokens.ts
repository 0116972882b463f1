import type { ApiToken } from '../domain/staff.js';
import type { Db } from './database.js';
import type { ApiTokenTable } from './schema.js';

export interface StoredApiToken extends ApiToken {
  userId: string;
  practiceId: string;
  secretHash: string;
}

function toToken(row: ApiTokenTable): StoredApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    practiceId: row.practice_id,
    name: row.name,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function toApiToken(token: StoredApiToken): ApiToken {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}

export async function insertToken(
  db: Db,
  token: {
    id: string;
    userId: string;
    practiceId: string;
    name: string;
    secretHash: string;
    now: string;
  },
): Promise<StoredApiToken> {
  const row: ApiTokenTable = {
    id: token.id,
    user_id: token.userId,
    practice_id: token.practiceId,
    name: token.name,
    secret_hash: token.secretHash,
    created_at: token.now,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return toToken(row);
}

export async function findToken(db: Db, id: string): Promise<StoredApiToken | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toToken(row) : undefined;
}

export async function listTokens(db: Db, userId: string): Promise<StoredApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toToken);
}

export async function revokeToken(
  db: Db,
  userId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchToken(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
