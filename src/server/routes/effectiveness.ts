import { ClientEffectiveness } from '../../domain/effectiveness-views.js';
import { recordAudit } from '../audit-trail.js';
import { cachedClientEffectiveness } from '../effectiveness-cache.js';
import { sendPreparedJson } from '../compression.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

/** What works for one client, from their signed notes and follow-ups. */
export function effectivenessRoutes(context: AppContext): RouteSpec[] {
  const { store } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/effectiveness',
      operationId: 'getClientEffectiveness',
      summary:
        'What works for a client: per technique, pressure level and product, mean relief and carry-over with 95% intervals, the difference from their sessions without it, and reactions reported afterwards (signed notes only; below the practice’s minimum number of sessions, no figures)',
      tag: 'effectiveness',
      auth: 'user',
      params: IdParams,
      responses: { 200: ClientEffectiveness },
      handler: async ({ actor, params, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'effectiveness.read',
        );
        const result = await cachedClientEffectiveness(
          store.db,
          actor.practiceId,
          client.id,
          actor.settings.effectivenessMinimumSessions,
        );
        await recordAudit(context, store.db, request, {
          action: 'client.effectiveness',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: { sessions: result.value.signedSessions },
        });
        // Already JSON (and gzipped once when asked): nothing is serialized again.
        return sendPreparedJson(request, reply, result);
      },
    }),
  ];
}
