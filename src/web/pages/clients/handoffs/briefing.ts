import type { Session } from '../../../../domain/sessions.js';

/**
 * The briefing (the client's playbook on one screen, PRODUCT.md capability 10) is read for a
 * session, so the handoff card opens the one of the session the new therapist will see the
 * client at next: the nearest one still to come, or else the latest that took place.
 */
export function briefingSessionId(sessions: readonly Session[], now: Date): string | null {
  const held = sessions.filter(
    (session) => session.status !== 'cancelled' && session.status !== 'no_show',
  );
  const byStart = [...held].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const next = byStart.find((session) => new Date(session.startsAt) >= now);
  return (next ?? byStart.at(-1))?.id ?? null;
}

export function briefingPath(sessionId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}/briefing`;
}
