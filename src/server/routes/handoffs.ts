import { z } from 'zod';
import { Client } from '../../domain/clients.js';
import { Conflict, NotFound } from '../../domain/errors.js';
import { ClientHandoffs, Handoff, HandoffInput, handoffAwaiting } from '../../domain/handoffs.js';
import { acknowledgeHandoff, listHandoffs } from '../../store/handoffs.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { handOffClient } from '../commands/handoff.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const HandoffParams = IdParams.extend({ handoffId: z.string().min(1).max(64) });

/**
 * Handoffs inside the practice: handing a client to another primary therapist with a note,
 * the client's handoffs (with the one awaiting the reader first), and the receiving
 * therapist's acknowledgement that they read it.
 */
export function handoffRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/handoffs',
      operationId: 'handOffClient',
      summary:
        'Hand a client to another therapist with a note: why, what to continue, what to avoid (If-Match: the client’s ETag)',
      tag: 'handoffs',
      auth: 'user',
      params: IdParams,
      body: HandoffInput,
      conditional: true,
      responses: {
        201: z.object({ handoff: Handoff, client: Client }),
        400: null,
        409: null,
        412: null,
        428: null,
      },
      handler: async ({ actor, params, body, request, reply }) => {
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'client.handoff',
        );
        const result = await store.db
          .transaction()
          .execute((trx) =>
            handOffClient(context, trx, request, actor, { client, expectedVersion, input: body }),
          );
        void reply.code(201).header('etag', etagFor(result.client.version));
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/handoffs',
      operationId: 'listClientHandoffs',
      summary:
        'A client’s handoffs, newest first, and the one awaiting the reader’s acknowledgement',
      tag: 'handoffs',
      auth: 'user',
      params: IdParams,
      responses: { 200: ClientHandoffs },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'handoff.read',
        );
        const handoffs = await listHandoffs(store.db, actor.practiceId, client.id);
        await recordAudit(context, store.db, request, {
          action: 'handoff.list',
          recordType: 'handoff',
          clientId: client.id,
          detail: { shown: handoffs.length },
        });
        return { handoffs, awaitingYou: handoffAwaiting(handoffs, actor.userId) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/handoffs/:handoffId/acknowledge',
      operationId: 'acknowledgeHandoff',
      summary: 'The therapist who took the client over confirms they read the handoff',
      tag: 'handoffs',
      auth: 'user',
      params: HandoffParams,
      responses: { 200: Handoff, 404: null, 409: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'handoff.acknowledge',
        );
        return store.db.transaction().execute(async (trx) => {
          const handoffs = await listHandoffs(trx, actor.practiceId, client.id);
          const handoff = handoffs.find((candidate) => candidate.id === params.handoffId);
          if (!handoff) throw new NotFound('handoff');
          // Acknowledging twice (a double tap, a retry) answers with the first acknowledgement.
          if (handoff.toTherapistId === actor.userId && handoff.acknowledgedAt !== null)
            return handoff;
          if (handoffAwaiting(handoffs, actor.userId)?.id !== handoff.id) {
            throw new Conflict(
              'This handoff is not awaiting your acknowledgement: it was made to someone else, or the client has been handed over again since.',
            );
          }
          const now = runtime.now().toISOString();
          await acknowledgeHandoff(trx, {
            handoffId: handoff.id,
            practiceId: actor.practiceId,
            clientId: client.id,
            userId: actor.userId,
            now,
          });
          await recordAudit(context, trx, request, {
            action: 'handoff.acknowledge',
            recordType: 'handoff',
            recordId: handoff.id,
            clientId: client.id,
          });
          return { ...handoff, acknowledgedAt: now };
        });
      },
    }),
  ];
}
