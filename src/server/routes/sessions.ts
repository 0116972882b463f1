import { z } from 'zod';
import { Conflict, Invalid } from '../../domain/errors.js';
import {
  Session,
  SessionBooking,
  SessionCancel,
  SessionUpdate,
  canCancel,
  canReschedule,
  overlappingSessions,
} from '../../domain/sessions.js';
import { localDate } from '../../domain/time.js';
import { listSessionTypes } from '../../store/catalogue.js';
import type { Db } from '../../store/database.js';
import {
  insertSession,
  listSessionsBetween,
  therapistSessionsAround,
  updateSession,
} from '../../store/sessions.js';
import { findUser } from '../../store/users.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize, clientScope } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { loadAuthorizedSession } from '../session-access.js';

const BookingResult = z.object({ session: Session, overlaps: z.array(z.string()) });
const RangeQuery = z.object({
  from: z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date-time.' }),
  to: z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date-time.' }),
  therapistId: z.string().max(64).optional(),
});
const dayMs = 86_400_000;

async function checkBookingFacts(
  db: Db,
  actor: Actor,
  booking: { therapistId: string; sessionType: string },
): Promise<void> {
  const therapist = await findUser(db, actor.practiceId, booking.therapistId);
  if (!therapist || therapist.status !== 'active' || therapist.role === 'front_desk') {
    throw new Invalid('The session has invalid fields.', [
      { field: 'therapistId', message: 'Must be an active therapist or owner of this practice.' },
    ]);
  }
  const types = await listSessionTypes(db, actor.practiceId);
  if (!types.some((type) => type.code === booking.sessionType && !type.retiredAt)) {
    throw new Invalid('The session has invalid fields.', [
      { field: 'sessionType', message: 'Unknown or retired session type.' },
    ]);
  }
}

/** Other sessions of the same therapist overlapping this one: reported, not refused. */
async function overlapsFor(
  db: Db,
  actor: Actor,
  slot: { id: string; therapistId: string; startsAt: string; minutes: number },
): Promise<string[]> {
  const start = new Date(slot.startsAt).getTime();
  const nearby = await therapistSessionsAround(
    db,
    actor.practiceId,
    slot.therapistId,
    new Date(start - dayMs).toISOString(),
    new Date(start + dayMs).toISOString(),
  );
  return overlappingSessions(
    { id: slot.id, startsAt: slot.startsAt, minutes: slot.minutes },
    nearby.map((row) => ({
      id: row.id,
      startsAt: row.starts_at,
      minutes: row.actual_minutes ?? row.planned_minutes,
    })),
  ).map((other) => other.id);
}

export function sessionRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/sessions',
      operationId: 'bookSession',
      summary: 'Book a session; overlapping sessions of the therapist are reported',
      tag: 'sessions',
      auth: 'user',
      body: SessionBooking,
      responses: { 201: BookingResult },
      handler: async ({ actor, body, request, reply }) => {
        await loadAuthorizedClient(context, request, actor, body.clientId, 'schedule.write');
        const startsAt = new Date(body.startsAt).toISOString();
        const id = runtime.newId();
        const result = await store.db.transaction().execute(async (trx) => {
          await checkBookingFacts(trx, actor, body);
          const now = runtime.now().toISOString();
          await insertSession(trx, {
            id,
            practice_id: actor.practiceId,
            client_id: body.clientId,
            therapist_id: body.therapistId,
            starts_at: startsAt,
            service_date: localDate(new Date(startsAt), actor.timeZone),
            planned_minutes: body.plannedMinutes,
            session_type: body.sessionType,
            location: body.location,
            created_at: now,
            created_by: actor.userId,
          });
          await recordAudit(context, trx, request, {
            action: 'session.book',
            recordType: 'session',
            recordId: id,
            clientId: body.clientId,
          });
          const overlaps = await overlapsFor(trx, actor, {
            id,
            therapistId: body.therapistId,
            startsAt,
            minutes: body.plannedMinutes,
          });
          return { overlaps };
        });
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          id,
          'schedule.read',
        );
        void reply.code(201).header('etag', etagFor(session.version));
        return { session, overlaps: result.overlaps };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions',
      operationId: 'listSessions',
      summary:
        'Sessions starting in a time range (the Today page and week view), optionally for one therapist',
      tag: 'sessions',
      auth: 'user',
      query: RangeQuery,
      responses: { 200: z.object({ sessions: z.array(Session) }) },
      handler: async ({ actor, query }) => {
        authorize(actor, 'client.list');
        const from = new Date(query.from);
        const to = new Date(query.to);
        if (to <= from || to.getTime() - from.getTime() > 42 * dayMs) {
          throw new Invalid('The range is not valid.', [
            { field: 'query.to', message: 'Must be after from, and at most 6 weeks later.' },
          ]);
        }
        const sessions = await listSessionsBetween(
          store.db,
          actor.practiceId,
          { from: from.toISOString(), to: to.toISOString(), therapistId: query.therapistId },
          clientScope(actor, actor.settings.careModel),
        );
        return { sessions };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id',
      operationId: 'getScheduledSession',
      summary: 'One session (its schedule facts; the note is read separately)',
      tag: 'sessions',
      auth: 'user',
      params: IdParams,
      responses: { 200: Session },
      handler: async ({ actor, params, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'schedule.read',
        );
        void reply.header('etag', etagFor(session.version));
        return session;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/sessions/:id',
      operationId: 'updateSession',
      summary: 'Reschedule or change a session that is not yet signed (If-Match)',
      tag: 'sessions',
      auth: 'user',
      params: IdParams,
      body: SessionUpdate,
      conditional: true,
      responses: { 200: BookingResult, 409: null, 412: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const { session: before } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'schedule.write',
        );
        if (!canReschedule(before.status))
          throw new Conflict(`A ${before.status.replace('_', ' ')} session cannot be changed.`);
        const startsAt = new Date(body.startsAt).toISOString();
        const { session, overlaps } = await store.db.transaction().execute(async (trx) => {
          await checkBookingFacts(trx, actor, body);
          const updated = await updateSession(
            trx,
            actor.practiceId,
            params.id,
            expectedVersion,
            {
              therapist_id: body.therapistId,
              starts_at: startsAt,
              service_date: localDate(new Date(startsAt), actor.timeZone),
              planned_minutes: body.plannedMinutes,
              actual_minutes: body.actualMinutes,
              session_type: body.sessionType,
              location: body.location,
            },
            runtime.now().toISOString(),
          );
          await recordAudit(context, trx, request, {
            action: 'session.update',
            recordType: 'session',
            recordId: updated.id,
            clientId: updated.clientId,
          });
          const found = await overlapsFor(trx, actor, {
            id: updated.id,
            therapistId: updated.therapistId,
            startsAt,
            minutes: updated.actualMinutes ?? updated.plannedMinutes,
          });
          return { session: updated, overlaps: found };
        });
        void reply.header('etag', etagFor(session.version));
        return { session, overlaps };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/sessions/:id/cancel',
      operationId: 'cancelSession',
      summary:
        'Record that a session was cancelled or the client did not come, with the reason (If-Match)',
      tag: 'sessions',
      auth: 'user',
      params: IdParams,
      body: SessionCancel,
      conditional: true,
      responses: { 200: Session, 409: null, 412: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const { session: before } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'schedule.write',
        );
        if (!canCancel(before.status))
          throw new Conflict(`A ${before.status.replace('_', ' ')} session cannot be cancelled.`);
        const session = await store.db.transaction().execute(async (trx) => {
          const updated = await updateSession(
            trx,
            actor.practiceId,
            params.id,
            expectedVersion,
            { status: body.outcome, status_reason: body.reason },
            runtime.now().toISOString(),
          );
          await recordAudit(context, trx, request, {
            action: `session.${body.outcome}`,
            recordType: 'session',
            recordId: updated.id,
            clientId: updated.clientId,
          });
          return updated;
        });
        void reply.header('etag', etagFor(session.version));
        return session;
      },
    }),
  ];
}
