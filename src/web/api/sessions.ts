import { z } from 'zod';
import { Session, timelineFirstPage, type SessionBooking } from '../../domain/sessions.js';
import { get, getVersioned, request, sendVersioned, withQuery, type Versioned } from './client.js';

export const sessionKeys = {
  all: ['sessions'] as const,
  range: (from: string, to: string, therapistId: string | undefined) =>
    ['sessions', 'range', from, to, therapistId ?? 'everyone'] as const,
  one: (id: string) => ['sessions', 'one', id] as const,
  timeline: (clientId: string) => ['sessions', 'timeline', clientId] as const,
};

const SessionList = z.object({ sessions: z.array(Session) });

/** Sessions starting from `from` (inclusive) to `to` (exclusive), oldest first. */
export async function listSessions(
  range: { from: string; to: string; therapistId?: string | undefined },
  signal?: AbortSignal,
): Promise<Session[]> {
  const path = withQuery('/api/v1/sessions', range);
  const { sessions } = await get(path, SessionList, signal);
  return [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

export function fetchSessionRecord(id: string, signal?: AbortSignal): Promise<Versioned<Session>> {
  return getVersioned(`/api/v1/sessions/${encodeURIComponent(id)}`, Session, signal);
}

const Booked = z.object({ session: Session, overlaps: z.array(z.string()) });
export type Booked = z.infer<typeof Booked>;

/** Books a session. Overlaps with the therapist's other sessions are reported, not refused. */
export async function bookSession(booking: SessionBooking): Promise<Booked> {
  const { value } = await request('POST', '/api/v1/sessions', { body: booking, schema: Booked });
  return value;
}

export function cancelSession(
  id: string,
  outcome: { outcome: 'cancelled' | 'no_show'; reason: string },
  etag: string,
): Promise<Versioned<Session>> {
  return sendVersioned('POST', `/api/v1/sessions/${encodeURIComponent(id)}/cancel`, Session, {
    body: outcome,
    ifMatch: etag,
  });
}

const TimelineEntry = z.object({
  session: Session,
  painBefore: z.number().int().nullable(),
  painAfter: z.number().int().nullable(),
  techniques: z.array(z.string()),
  regions: z.array(z.string()),
  /** The session's "any changes since your last visit?" check recorded changes. */
  healthHistoryChanged: z.boolean().default(false),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
const TimelinePage = z.object({ entries: z.array(TimelineEntry), next: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

/** One page of a client's sessions, newest first; `before` is the previous page's `next`. */
export function fetchTimeline(
  clientId: string,
  before: string | undefined,
  signal?: AbortSignal,
): Promise<TimelinePage> {
  const path = withQuery(`/api/v1/clients/${encodeURIComponent(clientId)}/timeline`, {
    limit: timelineFirstPage,
    before,
  });
  return get(path, TimelinePage, signal);
}
