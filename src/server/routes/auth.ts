import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TooManyAttempts, Unauthenticated } from '../../domain/errors.js';
import { PracticeProfileInput } from '../../domain/practice.js';
import { Role } from '../../domain/roles.js';
import { LoginInput, OwnerSetup, afterFailedLogin, isLocked } from '../../domain/staff.js';
import { endLogin, insertLogin } from '../../store/logins.js';
import { countPractices, findPractice } from '../../store/practices.js';
import {
  findUserByEmail,
  findUserById,
  recordLoginAttempt,
  type UserAccount,
} from '../../store/users.js';
import { recordAudit } from '../audit-trail.js';
import { sessionCookie } from '../authentication.js';
import { setUpPractice } from '../commands/practice-setup.js';
import type { AppContext } from '../context.js';
import { defineRoute, type RouteSpec } from '../routing.js';
import { decoyPasswordHash, digest, hashPassword, newSecret, verifyPassword } from '../secrets.js';

export const SessionView = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: Role }),
  practice: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  csrfToken: z.string(),
  idleMinutes: z.number().int(),
});
export type SessionView = z.infer<typeof SessionView>;

const SetupInput = z.object({ practice: PracticeProfileInput, owner: OwnerSetup });

export async function startLogin(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: UserAccount,
): Promise<SessionView> {
  const cookieValue = newSecret(32);
  const csrfToken = newSecret(24);
  const now = context.runtime.now().toISOString();
  await insertLogin(context.store.db, {
    id: digest(cookieValue),
    userId: user.id,
    practiceId: user.practiceId,
    csrfToken,
    createdAt: now,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  });
  void reply.setCookie(sessionCookie, cookieValue, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
  const practice = await findPractice(context.store.db, user.practiceId);
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
    practice: { id: practice!.id, name: practice!.name, timeZone: practice!.timeZone },
    csrfToken,
    idleMinutes: practice!.settings.idleMinutes,
  };
}

const wrongCredentials = 'The email or password is wrong.';

export function authRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime, config } = context;
  const loginRateLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/setup',
      operationId: 'getSetupState',
      summary: 'Whether this installation still needs its first practice',
      tag: 'setup',
      auth: 'public',
      responses: { 200: z.object({ needed: z.boolean() }) },
      handler: async () => ({ needed: (await countPractices(store.db)) === 0 }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/setup',
      operationId: 'setUpPractice',
      summary: 'Create the practice and its owner on first start, and sign the owner in',
      tag: 'setup',
      auth: 'public',
      body: SetupInput,
      rateLimit: loginRateLimit,
      responses: { 201: SessionView, 409: null },
      handler: async ({ body, request, reply }) => {
        const passwordHash = await hashPassword(body.owner.password, config.scryptCost);
        const { owner } = await store.db.transaction().execute(async (trx) => {
          // The audit append locks the chain head first, which also serialises two
          // simultaneous setup attempts on PostgreSQL: only one can create the practice.
          await recordAudit(context, trx, request, {
            action: 'practice.setup',
            recordType: 'practice',
          });
          const created = await setUpPractice(trx, runtime, {
            practice: body.practice,
            owner: { email: body.owner.email, displayName: body.owner.displayName, passwordHash },
          });
          await recordAudit(context, trx, request, {
            action: 'staff.create',
            recordType: 'user',
            recordId: created.owner.id,
            practiceId: created.practice.id,
            userId: created.owner.id,
            role: 'owner',
          });
          return created;
        });
        void reply.code(201);
        return startLogin(context, request, reply, owner);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/login',
      operationId: 'login',
      summary: 'Sign in with email and password; sets the session cookie',
      tag: 'auth',
      auth: 'public',
      body: LoginInput,
      rateLimit: loginRateLimit,
      responses: { 200: SessionView, 401: null, 429: null },
      handler: async ({ body, request, reply }) => {
        const user = await findUserByEmail(store.db, body.email);
        const now = runtime.now();
        const facts = {
          action: 'auth.login',
          recordType: 'user',
          recordId: user?.id ?? null,
          userId: user?.id ?? null,
          practiceId: user?.practiceId ?? null,
          role: user?.role ?? null,
        };
        if (!user) {
          await verifyPassword(body.password, decoyPasswordHash);
          await recordAudit(context, store.db, request, {
            ...facts,
            outcome: 'failed',
            detail: { reason: 'unknown_account' },
          });
          throw new Unauthenticated(wrongCredentials);
        }
        if (isLocked(user, now)) {
          await recordAudit(context, store.db, request, {
            ...facts,
            outcome: 'denied',
            detail: { reason: 'locked' },
          });
          throw lockedOut(user.lockedUntil!, now);
        }
        if (!(await verifyPassword(body.password, user.passwordHash))) {
          const next = afterFailedLogin(user, now);
          await recordLoginAttempt(store.db, user.id, next);
          await recordAudit(context, store.db, request, {
            ...facts,
            outcome: 'failed',
            detail: { reason: 'wrong_password' },
          });
          if (isLocked(next, now)) throw lockedOut(next.lockedUntil!, now);
          throw new Unauthenticated(wrongCredentials);
        }
        if (user.status !== 'active') {
          await recordAudit(context, store.db, request, {
            ...facts,
            outcome: 'denied',
            detail: { reason: 'deactivated' },
          });
          throw new Unauthenticated('This account has been deactivated. Ask the practice owner.');
        }
        await recordLoginAttempt(store.db, user.id, {
          failedLogins: 0,
          lockedUntil: null,
          lastLoginAt: now.toISOString(),
        });
        await recordAudit(context, store.db, request, facts);
        return startLogin(context, request, reply, user);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/logout',
      operationId: 'logout',
      summary: 'Sign out: ends the session on the server and clears the cookie',
      tag: 'auth',
      auth: 'public',
      responses: { 204: null },
      handler: async ({ request, reply }) => {
        const cookie = request.cookies[sessionCookie];
        if (cookie) {
          await endLogin(store.db, digest(cookie), runtime.now().toISOString());
          if (request.actor)
            await recordAudit(context, store.db, request, {
              action: 'auth.logout',
              recordType: 'user',
              recordId: request.actor.userId,
            });
        }
        void reply.clearCookie(sessionCookie, { path: '/' });
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/auth/session',
      operationId: 'getSession',
      summary: 'The signed-in user, practice and CSRF token',
      tag: 'auth',
      auth: 'user',
      responses: { 200: SessionView, 401: null },
      handler: async ({ actor }) => {
        const practice = await findPractice(store.db, actor.practiceId);
        const user = await findUserById(store.db, actor.userId);
        return {
          user: {
            id: actor.userId,
            email: user!.email,
            displayName: actor.displayName,
            role: actor.role,
          },
          practice: { id: practice!.id, name: practice!.name, timeZone: practice!.timeZone },
          csrfToken: actor.csrfToken ?? '',
          idleMinutes: practice!.settings.idleMinutes,
        };
      },
    }),
  ];
}

export function lockedOut(lockedUntil: string, now: Date): TooManyAttempts {
  const seconds = Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 1000));
  return new TooManyAttempts(
    `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
    seconds,
  );
}
