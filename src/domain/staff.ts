import { z } from 'zod';
import { Role } from './roles.js';
import { EmailAddress, requiredText } from './text.js';

/** NIST SP 800-63B: length matters more than composition rules; cap it to bound KDF work. */
export const Password = z
  .string({ error: 'Password is required.' })
  .min(10, 'Must be at least 10 characters.')
  .max(200, 'Must be at most 200 characters.');

export const StaffStatus = z.enum(['active', 'deactivated']);
export type StaffStatus = z.infer<typeof StaffStatus>;

export const StaffMember = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  status: StaffStatus,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffCreate = z.object({
  email: EmailAddress,
  displayName: requiredText(120, 'Name'),
  role: Role,
  password: Password,
});
export type StaffCreate = z.infer<typeof StaffCreate>;

export const StaffUpdate = z.object({
  displayName: requiredText(120, 'Name'),
  role: Role,
  status: StaffStatus,
});
export type StaffUpdate = z.infer<typeof StaffUpdate>;

export const OwnerSetup = z.object({
  email: EmailAddress,
  displayName: requiredText(120, 'Name'),
  password: Password,
});

export const LoginInput = z.object({
  email: EmailAddress,
  password: z.string().min(1, 'Password is required.').max(200),
});

export const ApiTokenCreate = z.object({
  name: requiredText(80, 'Token name'),
});

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** Lockout after repeated failures slows online guessing without locking a clinic out for long. */
export const loginLockout = { maxFailures: 5, lockMinutes: 15 } as const;

export interface LoginAttemptState {
  failedLogins: number;
  lockedUntil: string | null;
}

export function isLocked(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil) > now;
}

/** The account state after one more failed password. */
export function afterFailedLogin(state: LoginAttemptState, now: Date): LoginAttemptState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins >= loginLockout.maxFailures) {
    return {
      failedLogins: 0,
      lockedUntil: new Date(now.getTime() + loginLockout.lockMinutes * 60_000).toISOString(),
    };
  }
  return { failedLogins, lockedUntil: state.lockedUntil };
}

/** True when a login session has been idle longer than the practice allows. */
export function isIdleExpired(lastSeenAt: string, idleMinutes: number, now: Date): boolean {
  return now.getTime() - new Date(lastSeenAt).getTime() > idleMinutes * 60_000;
}
