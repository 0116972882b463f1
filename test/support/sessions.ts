import type { SessionBooking } from '../../src/domain/sessions.js';
import {
  createClient,
  createPractice,
  createStaff,
  type PracticeFixture,
  type StaffFixture,
} from './factories.js';
import type { ApiClient, Json } from './http.js';
import type { TestServer } from './server.js';

/** The test clock starts at 2026-11-27T15:00Z (10:00 in Toronto); sessions default to then. */
export const sessionStart = '2026-11-27T15:00:00.000Z';

export interface BookedSession {
  session: Json;
  etag: string;
  overlaps: string[];
}

/** Books a session through the API (60 minutes of therapeutic massage unless told otherwise). */
export async function bookSession(
  caller: ApiClient,
  booking: Pick<SessionBooking, 'clientId' | 'therapistId'> & Partial<SessionBooking>,
): Promise<BookedSession> {
  const response = await caller.post('/api/v1/sessions', {
    startsAt: sessionStart,
    plannedMinutes: 60,
    sessionType: 'therapeutic',
    ...booking,
  });
  if (response.status !== 201)
    throw new Error(`booking failed: ${response.status} ${response.text}`);
  return {
    session: response.body.session,
    etag: response.headers.get('etag')!,
    overlaps: response.body.overlaps,
  };
}

/** A practice, one of its therapists, a client of theirs and a booked session to document. */
export interface SessionWorld {
  practice: PracticeFixture;
  therapist: StaffFixture;
  client: Json;
  session: Json;
}

export async function sessionToDocument(
  server: TestServer,
  options: { careModel?: 'shared' | 'assigned'; plannedMinutes?: number } = {},
): Promise<SessionWorld> {
  const practice = await createPractice(server, options);
  const therapist = await createStaff(server, practice, 'therapist');
  const { client } = await createClient(practice.owner, { primaryTherapistId: therapist.id });
  const { session } = await bookSession(practice.owner, {
    clientId: client.id,
    therapistId: therapist.id,
    ...(options.plannedMinutes ? { plannedMinutes: options.plannedMinutes } : {}),
  });
  return { practice, therapist, client, session };
}
