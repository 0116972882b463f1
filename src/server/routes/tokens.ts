import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import { ApiToken, ApiTokenCreate } from '../../domain/staff.js';
import { listTokens, revokeToken, toApiToken } from '../../store/tokens.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { createApiToken } from '../commands/api-tokens.js';

export function tokenRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/tokens',
      operationId: 'listApiTokens',
      summary: 'Your personal API tokens',
      tag: 'tokens',
      auth: 'user',
      responses: { 200: z.object({ tokens: z.array(ApiToken) }) },
      handler: async ({ actor }) => ({
        tokens: (await listTokens(store.db, actor.userId)).map(toApiToken),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/tokens',
      operationId: 'createApiToken',
      summary: 'Create a personal API token; the secret is shown once',
      tag: 'tokens',
      auth: 'user',
      body: ApiTokenCreate,
      responses: { 201: z.object({ token: ApiToken, secret: z.string() }) },
      handler: async ({ actor, body, request, reply }) => {
        const created = await store.db.transaction().execute(async (trx) => {
          const result = await createApiToken(trx, runtime, {
            userId: actor.userId,
            practiceId: actor.practiceId,
            name: body.name,
          });
          await recordAudit(context, trx, request, {
            action: 'token.create',
            recordType: 'api_token',
            recordId: result.token.id,
          });
          return result;
        });
        void reply.code(201);
        return created;
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/tokens/:id',
      operationId: 'revokeApiToken',
      summary: 'Revoke one of your API tokens',
      tag: 'tokens',
      auth: 'user',
      params: IdParams,
      responses: { 204: null },
      handler: async ({ actor, params, request, reply }) => {
        await store.db.transaction().execute(async (trx) => {
          const revoked = await revokeToken(
            trx,
            actor.userId,
            params.id,
            runtime.now().toISOString(),
          );
          if (!revoked) throw new NotFound('API token');
          await recordAudit(context, trx, request, {
            action: 'token.revoke',
            recordType: 'api_token',
            recordId: params.id,
          });
        });
        return reply.code(204).send();
      },
    }),
  ];
}
