import { z } from 'zod';
import type { PracticeProfileInput } from '../../domain/practice.js';
import { Role } from '../../domain/roles.js';
import { ApiProblem, get, request } from './client.js';

export const Session = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: Role,
  }),
  practice: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  csrfToken: z.string(),
  idleMinutes: z.number().int().positive(),
});
export type Session = z.infer<typeof Session>;

const SetupStatus = z.object({ needed: z.boolean() });

export interface SetupRequest {
  practice: PracticeProfileInput;
  owner: { email: string; displayName: string; password: string };
}

/** The signed-in session, or null when nobody is signed in. Throws on any other failure. */
export async function fetchSession(): Promise<{ session: Session | null; expired: boolean }> {
  try {
    const { value } = await request('GET', '/api/v1/auth/session', {
      schema: Session,
      expectSignedIn: false,
    });
    return { session: value, expired: false };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      return { session: null, expired: error.is('session-expired') };
    }
    throw error;
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  const { value } = await request('POST', '/api/v1/auth/login', {
    body: { email, password },
    schema: Session,
    expectSignedIn: false,
  });
  return value;
}

export async function signOut(): Promise<void> {
  await request('POST', '/api/v1/auth/logout', { expectSignedIn: false });
}

export async function isSetupNeeded(): Promise<boolean> {
  return (await get('/api/v1/setup', SetupStatus)).needed;
}

export async function setUpPractice(setup: SetupRequest): Promise<Session> {
  const { value } = await request('POST', '/api/v1/setup', {
    body: setup,
    schema: Session,
    expectSignedIn: false,
  });
  return value;
}
