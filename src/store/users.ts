import type { Role } from '../domain/roles.js';
import type { StaffMember, StaffStatus, StaffUpdate } from '../domain/staff.js';
import type { Db } from './database.js';
import type { UserTable } from './schema.js';
import { updateVersioned } from './versioned.js';

/** A staff account as the server needs it for authentication; the hash never leaves the server. */
export interface UserAccount extends StaffMember {
  practiceId: string;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
}

function toAccount(row: UserTable): UserAccount {
  return {
    id: row.id,
    practiceId: row.practice_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    status: row.status as StaffStatus,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
  };
}

export function toStaffMember(account: UserAccount): StaffMember {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    status: account.status,
    version: account.version,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    lastLoginAt: account.lastLoginAt,
  };
}

export async function insertUser(
  db: Db,
  user: {
    id: string;
    practiceId: string;
    email: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    now: string;
  },
): Promise<UserAccount> {
  const row: UserTable = {
    id: user.id,
    practice_id: user.practiceId,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    status: 'active',
    password_hash: user.passwordHash,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    version: 1,
    created_at: user.now,
    updated_at: user.now,
  };
  await db.insertInto('users').values(row).execute();
  return toAccount(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserAccount | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function findUser(
  db: Db,
  practiceId: string,
  id: string,
): Promise<UserAccount | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function findUserById(db: Db, id: string): Promise<UserAccount | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function listUsers(
  db: Db,
  practiceId: string,
  filter: { role?: Role; activeOnly?: boolean } = {},
): Promise<UserAccount[]> {
  let query = db.selectFrom('users').selectAll().where('practice_id', '=', practiceId);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.activeOnly) query = query.where('status', '=', 'active');
  const rows = await query.orderBy('display_name').orderBy('id').execute();
  return rows.map(toAccount);
}

export async function countActiveOwners(db: Db, practiceId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('practice_id', '=', practiceId)
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function updateUser(
  db: Db,
  practiceId: string,
  id: string,
  expectedVersion: number,
  update: StaffUpdate,
  now: string,
): Promise<UserAccount> {
  return updateVersioned(db, {
    table: 'users',
    recordType: 'staff member',
    id,
    practiceId,
    expectedVersion,
    values: {
      display_name: update.displayName,
      role: update.role,
      status: update.status,
      updated_at: now,
    },
    load: (current) => findUser(current, practiceId, id),
  });
}

/** Login bookkeeping is not a user edit: it bypasses versioning so it never causes a 412. */
export async function recordLoginAttempt(
  db: Db,
  id: string,
  state: { failedLogins: number; lockedUntil: string | null; lastLoginAt?: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_logins: state.failedLogins,
      locked_until: state.lockedUntil,
      ...(state.lastLoginAt ? { last_login_at: state.lastLoginAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(
  db: Db,
  id: string,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now, failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}
