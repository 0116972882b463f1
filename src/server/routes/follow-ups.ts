import { z } from 'zod';
import { Conflict, NotFound } from '../../domain/errors.js';
import { SessionFollowUpView } from '../../domain/follow-up-views.js';
import { FollowUp, FollowUpRecord, followUpRefusal, raisesFlag } from '../../domain/follow-ups.js';
import {
  acknowledgeFollowUp,
  findFollowUp,
  findSessionFollowUp,
  insertFollowUp,
  listClientFollowUps,
  sessionFollowUpLinks,
} from '../../store/follow-ups.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { sessionToFollowUp } from '../follow-up-session.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { loadAuthorizedSession } from '../session-access.js';
import { presentLink } from './intake.js';

const alreadyRecorded = 'This session already has a follow-up.';

/**
 * Follow-ups as clinicians see them: a client's series (the contract progress charts read),
 * one session's with the links sent for it, one taken by phone, and acknowledging a flag.
 */
export function followUpRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/follow-ups',
      operationId: 'listClientFollowUps',
      summary: 'Every follow-up of a client, oldest first: relief, soreness and reactions',
      tag: 'follow-ups',
      auth: 'user',
      params: IdParams,
      responses: { 200: z.object({ followUps: z.array(FollowUp) }), 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'followUp.read',
        );
        const followUps = await listClientFollowUps(store.db, actor.practiceId, client.id);
        await recordAudit(context, store.db, request, {
          action: 'followUp.list',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: { count: followUps.length },
        });
        return { followUps };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/follow-ups',
      operationId: 'recordFollowUp',
      summary: 'Record a follow-up the client gave by phone, for one of their sessions',
      tag: 'follow-ups',
      auth: 'user',
      params: IdParams,
      body: FollowUpRecord,
      responses: { 201: FollowUp, 400: null, 404: null, 409: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'followUp.record',
        );
        const now = runtime.now();
        const session = await sessionToFollowUp(
          store.db,
          actor.practiceId,
          client.id,
          body.sessionId,
          now,
        );
        const followUp = await store.db.transaction().execute(async (trx) => {
          const stored = await insertFollowUp(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            clientId: client.id,
            sessionId: session.id,
            relief: body.relief,
            soreness: body.soreness,
            reactions: body.reactions,
            reactionDetails: body.reactionDetails,
            source: 'staff',
            linkId: null,
            recordedBy: actor.userId,
            submittedAt: now.toISOString(),
          });
          // The client's own answer arrived between the check above and this write.
          if (!stored)
            throw new Conflict(alreadyRecorded, [{ field: 'sessionId', message: alreadyRecorded }]);
          await recordAudit(context, trx, request, {
            action: 'followUp.record',
            recordType: 'follow_up',
            recordId: stored.id,
            clientId: client.id,
            detail: { sessionId: session.id, source: 'staff', flagged: raisesFlag(stored) },
          });
          return stored;
        });
        void reply.code(201);
        return followUp;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/follow-up',
      operationId: 'getSessionFollowUp',
      summary:
        'A session’s follow-up (or null), the follow-up links sent for it, and whether one can be sent',
      tag: 'follow-ups',
      auth: 'user',
      params: IdParams,
      responses: { 200: SessionFollowUpView, 404: null },
      handler: async ({ actor, params, request }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'followUp.read',
        );
        const now = runtime.now();
        const [followUp, links] = await Promise.all([
          findSessionFollowUp(store.db, actor.practiceId, session.id),
          sessionFollowUpLinks(store.db, actor.practiceId, session.id),
        ]);
        await recordAudit(context, store.db, request, {
          action: 'followUp.read',
          recordType: 'session',
          recordId: session.id,
          clientId: session.clientId,
        });
        const view: SessionFollowUpView = {
          followUp: followUp ?? null,
          links: links.map((link) => presentLink(link, now)),
          linkRefusal: followUp ? alreadyRecorded : followUpRefusal(session, now),
        };
        return view;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/follow-ups/:id/acknowledge',
      operationId: 'acknowledgeFollowUp',
      summary:
        'Acknowledge a flagged follow-up (a reaction or high soreness): it leaves the Today list',
      tag: 'follow-ups',
      auth: 'user',
      params: IdParams,
      responses: { 200: FollowUp, 404: null, 409: null },
      handler: async ({ actor, params, request }) => {
        const found = await findFollowUp(store.db, actor.practiceId, params.id);
        if (!found) {
          await recordAudit(context, store.db, request, {
            action: 'followUp.acknowledge',
            recordType: 'follow_up',
            recordId: params.id,
            outcome: 'failed',
            detail: { reason: 'not_found' },
          });
          throw new NotFound('follow-up');
        }
        // The therapist who gave the session may acknowledge, as they may document it.
        await loadAuthorizedSession(
          context,
          request,
          actor,
          found.sessionId,
          'followUp.acknowledge',
        );
        if (!raisesFlag(found))
          throw new Conflict(
            'This follow-up reported no reaction or high soreness to acknowledge.',
          );
        const now = runtime.now().toISOString();
        return store.db.transaction().execute(async (trx) => {
          const acknowledged = await acknowledgeFollowUp(trx, {
            practiceId: actor.practiceId,
            id: found.id,
            userId: actor.userId,
            now,
          });
          if (!acknowledged) throw new Conflict('This follow-up was already acknowledged.');
          await recordAudit(context, trx, request, {
            action: 'followUp.acknowledge',
            recordType: 'follow_up',
            recordId: found.id,
            clientId: found.clientId,
            detail: { sessionId: found.sessionId },
          });
          return { ...found, acknowledgedAt: now, acknowledgedBy: actor.userId };
        });
      },
    }),
  ];
}
