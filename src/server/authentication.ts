import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Forbidden, Unauthenticated } from '../domain/errors.js';
import { defaultPracticeSettings, type PracticeSettings } from '../domain/practice.js';
import type { Role } from '../domain/roles.js';
import { isIdleExpired } from '../domain/staff.js';
import { endLogin, findLoginWithAccount, touchLogin } from '../store/logins.js';
import { findPractice } from '../store/practices.js';
import { findToken, touchToken } from '../store/tokens.js';
import { findUserById } from '../store/users.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { SessionExpired } from './problems.js';
import { digest } from './secrets.js';

export const sessionCookie = 'palpate_session';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writing last_seen_at on every request would turn reads into writes; a little slack is fine. */
const touchEverySeconds = 20;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Bearer tokens look like `plp_<id>_<secret>`: the id finds the row, the secret proves it. */
export function parseBearer(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Bearer\s+plp_([0-9a-f-]{36})_([A-Za-z0-9_-]{20,})$/.exec(header ?? '');
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

async function actorFromToken(context: AppContext, header: string): Promise<Actor> {
  const parsed = parseBearer(header);
  if (!parsed) throw new Unauthenticated('The API token is malformed.');
  const db = context.store.db;
  const token = await findToken(db, parsed.id);
  if (!token || token.revokedAt || !sameSecret(token.secretHash, digest(parsed.secret))) {
    throw new Unauthenticated('The API token is unknown or revoked.');
  }
  const user = await findUserById(db, token.userId);
  if (!user || user.status !== 'active')
    throw new Unauthenticated('The API token’s account is deactivated.');
  const now = context.runtime.now();
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > 60_000) {
    await touchToken(db, token.id, now.toISOString());
  }
  const practice = await findPractice(db, user.practiceId);
  if (!practice) throw new Unauthenticated('The API token’s practice no longer exists.');
  return {
    userId: user.id,
    practiceId: user.practiceId,
    role: user.role,
    displayName: user.displayName,
    via: 'token',
    loginId: null,
    csrfToken: null,
    settings: practice.settings,
    timeZone: practice.timeZone,
  };
}

async function actorFromCookie(
  context: AppContext,
  request: FastifyRequest,
  cookie: string,
): Promise<Actor> {
  const db = context.store.db;
  const loginId = digest(cookie);
  const login = await findLoginWithAccount(db, loginId);
  // A login ended by signing out (here or in another tab) is not an inactivity timeout.
  if (!login || login.endedAt) throw new Unauthenticated('You are signed out. Sign in again.');
  const now = context.runtime.now();
  const settings: PracticeSettings = {
    ...defaultPracticeSettings,
    ...(JSON.parse(login.practiceSettings) as object),
  };
  const tooOld =
    now.getTime() - new Date(login.createdAt).getTime() >
    context.config.sessionMaxHours * 3_600_000;
  if (
    login.userStatus !== 'active' ||
    tooOld ||
    isIdleExpired(login.lastSeenAt, settings.idleMinutes, now)
  ) {
    await endLogin(db, loginId, now.toISOString());
    throw new SessionExpired(
      login.userStatus !== 'active'
        ? 'This account has been deactivated.'
        : 'You were signed out after a period of inactivity. Sign in again.',
    );
  }
  if (!safeMethods.has(request.method)) {
    const sent = request.headers[csrfHeader];
    if (typeof sent !== 'string' || !sameSecret(sent, login.csrfToken)) {
      throw new Forbidden('The request is missing its CSRF token. Reload the page and try again.');
    }
  }
  if (now.getTime() - new Date(login.lastSeenAt).getTime() > touchEverySeconds * 1000) {
    await touchLogin(db, loginId, now.toISOString());
  }
  return {
    userId: login.userId,
    practiceId: login.practiceId,
    role: login.role as Role,
    displayName: login.displayName,
    via: 'session',
    loginId,
    csrfToken: login.csrfToken,
    settings,
    timeZone: login.practiceTimeZone,
  };
}

/**
 * Establishes `request.actor` for API requests from a Bearer token or the session cookie.
 * Failures are remembered, not thrown, so public routes still answer; routes that need a user
 * raise the remembered failure.
 */
export function registerAuthentication(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authFailure', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/fhir/')) return;
    const authorization = request.headers.authorization;
    const cookie = request.cookies[sessionCookie];
    try {
      if (authorization) request.actor = await actorFromToken(context, authorization);
      else if (cookie) request.actor = await actorFromCookie(context, request, cookie);
    } catch (error) {
      request.authFailure = error as Error;
    }
  });
}
