import { z } from 'zod';
import { Invalid } from '../../domain/errors.js';
import { findSession } from '../../store/sessions.js';
import { insertReflection, listReflections, updateReflection } from '../../store/reflections.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const Reflection = z.object({
  id: z.string(),
  clientId: z.string(),
  sessionId: z.string().nullable(),
  text: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const ReflectionText = z
  .string()
  .trim()
  .min(1, 'Write something to keep.')
  .max(10_000, 'Must be at most 10,000 characters.');

/**
 * Private reflections: visible to their author alone — not other therapists, the owner, front
 * desk, exports or search. The store filters every query by author; these routes never take an
 * author from the request.
 */
export function reflectionRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/reflections',
      operationId: 'listMyReflections',
      summary: 'Your own private reflections about a client (never anyone else’s)',
      tag: 'reflections',
      auth: 'user',
      params: IdParams,
      responses: { 200: z.object({ reflections: z.array(Reflection) }) },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'reflection.write',
        );
        await recordAudit(context, store.db, request, {
          action: 'reflection.read',
          recordType: 'reflection',
          clientId: client.id,
        });
        return { reflections: await listReflections(store.db, actor.userId, client.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/reflections',
      operationId: 'addReflection',
      summary: 'Keep a private reflection about a client, optionally about one session',
      tag: 'reflections',
      auth: 'user',
      params: IdParams,
      body: z.object({ text: ReflectionText, sessionId: z.string().max(64).nullish() }),
      responses: { 201: Reflection },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'reflection.write',
        );
        if (body.sessionId) {
          const session = await findSession(store.db, actor.practiceId, body.sessionId);
          if (!session || session.clientId !== client.id) {
            throw new Invalid('The reflection has invalid fields.', [
              { field: 'sessionId', message: 'Must be a session of this client.' },
            ]);
          }
        }
        const reflection = await store.db.transaction().execute(async (trx) => {
          const created = await insertReflection(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            authorId: actor.userId,
            clientId: client.id,
            sessionId: body.sessionId ?? null,
            text: body.text,
            now: runtime.now().toISOString(),
          });
          await recordAudit(context, trx, request, {
            action: 'reflection.create',
            recordType: 'reflection',
            recordId: created.id,
            clientId: client.id,
          });
          return created;
        });
        void reply.code(201).header('etag', etagFor(reflection.version));
        return reflection;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/reflections/:id',
      operationId: 'updateReflection',
      summary: 'Change one of your reflections (If-Match)',
      tag: 'reflections',
      auth: 'user',
      params: IdParams,
      body: z.object({ text: ReflectionText }),
      conditional: true,
      responses: { 200: Reflection, 404: null, 412: null },
      handler: async ({ actor, params, body, request, reply }) => {
        // Front desk never writes reflections: a refusal by role, before any lookup by id.
        authorize(actor, 'reflection.write', {
          careModel: actor.settings.careModel,
          onCareTeam: true,
          isPrimaryTherapist: false,
        });
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const reflection = await store.db.transaction().execute(async (trx) => {
          const updated = await updateReflection(
            trx,
            actor.practiceId,
            actor.userId,
            params.id,
            expectedVersion,
            body.text,
            runtime.now().toISOString(),
          );
          await recordAudit(context, trx, request, {
            action: 'reflection.update',
            recordType: 'reflection',
            recordId: updated.id,
            clientId: updated.clientId,
          });
          return updated;
        });
        void reply.header('etag', etagFor(reflection.version));
        return reflection;
      },
    }),
  ];
}
