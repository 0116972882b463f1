import { ClientProgress } from '../../domain/progress.js';
import { clientProgress } from '../../store/progress.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

/**
 * What the progress charts draw from the notes, in one request: pain before and after each
 * signed session, pain by body region, and the techniques and pressures given. Clinical
 * content, so front desk (who sees the timeline without its clinical fields) is refused.
 */
export function progressRoutes(context: AppContext): RouteSpec[] {
  const { store } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/progress',
      operationId: 'getClientProgress',
      summary:
        'A client’s signed sessions, oldest first, with pain before → after, pain by body region, techniques and pressure',
      tag: 'progress',
      auth: 'user',
      params: IdParams,
      responses: { 200: ClientProgress, 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'clinical.read',
        );
        const sessions = await clientProgress(store.db, actor.practiceId, client.id);
        await recordAudit(context, store.db, request, {
          action: 'client.progress',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: { sessions: sessions.length },
        });
        return { clientId: client.id, sessions };
      },
    }),
  ];
}
