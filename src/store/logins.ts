import type { Db } from './database.js';
import { keptQuery } from './kept-query.js';
import type { LoginSessionTable } from './schema.js';

export interface LoginSession {
  id: string;
  userId: string;
  practiceId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  endedAt: string | null;
}

function toLogin(row: LoginSessionTable): LoginSession {
  return {
    id: row.id,
    userId: row.user_id,
    practiceId: row.practice_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    endedAt: row.ended_at,
  };
}

export async function insertLogin(
  db: Db,
  login: Omit<LoginSession, 'endedAt' | 'lastSeenAt'> & {
    ip: string | null;
    userAgent: string | null;
  },
): Promise<LoginSession> {
  const row: LoginSessionTable = {
    id: login.id,
    user_id: login.userId,
    practice_id: login.practiceId,
    csrf_token: login.csrfToken,
    created_at: login.createdAt,
    last_seen_at: login.createdAt,
    ended_at: null,
    ip: login.ip,
    user_agent: login.userAgent,
  };
  await db.insertInto('login_sessions').values(row).execute();
  return toLogin(row);
}

export async function findLogin(db: Db, id: string): Promise<LoginSession | undefined> {
  const row = await db
    .selectFrom('login_sessions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toLogin(row) : undefined;
}

export async function touchLogin(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('login_sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function endLogin(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('login_sessions')
    .set({ ended_at: now })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

/** Deactivating an account ends its sessions at once, on every device. */
export async function endLoginsOfUser(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable('login_sessions')
    .set({ ended_at: now })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}

export interface LoginWithAccount extends LoginSession {
  role: string;
  displayName: string;
  userStatus: string;
  practiceSettings: string;
  practiceTimeZone: string;
}

// Every signed-in request starts here, so the query is compiled once (see kept-query.ts).
const loginWithAccount = keptQuery(['id'], (db, { id }: { id: string }) =>
  db
    .selectFrom('login_sessions')
    .innerJoin('users', 'users.id', 'login_sessions.user_id')
    .innerJoin('practices', 'practices.id', 'login_sessions.practice_id')
    .selectAll('login_sessions')
    .select([
      'users.role',
      'users.display_name',
      'users.status as user_status',
      'practices.settings as practice_settings',
      'practices.time_zone as practice_time_zone',
    ])
    .where('login_sessions.id', '=', id),
);

/** One query per authenticated request: the login, its account and the practice's settings. */
export async function findLoginWithAccount(
  db: Db,
  id: string,
): Promise<LoginWithAccount | undefined> {
  const row = await loginWithAccount.first(db, { id });
  if (!row) return undefined;
  return {
    ...toLogin(row),
    role: row.role,
    displayName: row.display_name,
    userStatus: row.user_status,
    practiceSettings: row.practice_settings,
    practiceTimeZone: row.practice_time_zone,
  };
}
