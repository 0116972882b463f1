import type { FastifyRequest } from 'fastify';
import { Invalid, NotFound } from '../domain/errors.js';
import { afterFailedLogin, isLocked } from '../domain/staff.js';
import { findUserById, recordLoginAttempt } from '../store/users.js';
import type { Actor } from './actor.js';
import { recordAudit, type AuditFacts } from './audit-trail.js';
import type { AppContext } from './context.js';
import { lockedOut } from './routes/auth.js';
import { verifyPassword } from './secrets.js';

/**
 * Re-confirms the signed-in person before an act that cannot be undone (a purge), as signing a
 * note does. A wrong password counts toward the same lockout as signing in, so a screen left
 * open cannot be used to guess it, and is audited as a failed attempt at the act.
 */
export async function confirmPassword(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  password: string,
  attempt: Pick<AuditFacts, 'action' | 'recordType' | 'recordId' | 'clientId'> & {
    refusal: string;
  },
): Promise<void> {
  const { store, runtime } = context;
  const account = await findUserById(store.db, actor.userId);
  const now = runtime.now();
  if (!account) throw new NotFound('account');
  if (isLocked(account, now)) throw lockedOut(account.lockedUntil!, now);
  if (!(await verifyPassword(password, account.passwordHash))) {
    const next = afterFailedLogin(account, now);
    await recordLoginAttempt(store.db, account.id, next);
    const { refusal, ...facts } = attempt;
    await recordAudit(context, store.db, request, {
      ...facts,
      outcome: 'failed',
      detail: { reason: 'wrong_password' },
    });
    if (isLocked(next, now)) throw lockedOut(next.lockedUntil!, now);
    // 400 on the field, not 401: the person is still signed in, only this password is wrong.
    throw new Invalid(refusal, [{ field: 'password', message: 'The password is wrong.' }]);
  }
  if (account.failedLogins > 0)
    await recordLoginAttempt(store.db, account.id, { failedLogins: 0, lockedUntil: null });
}
