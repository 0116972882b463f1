import type { PracticeSettings } from '../domain/practice.js';
import type { Role } from '../domain/roles.js';

/** Who is making a request, as established by the authentication hook. */
export interface Actor {
  userId: string;
  practiceId: string;
  role: Role;
  displayName: string;
  via: 'session' | 'token';
  /** The login session id (hashed cookie) when authenticated by cookie. */
  loginId: string | null;
  csrfToken: string | null;
  /** The practice's settings and zone, read with the login so rules need no extra query. */
  settings: PracticeSettings;
  timeZone: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Why authentication failed (expired, revoked…), surfaced only if the route needs a user. */
    authFailure: Error | null;
  }
}
