import { ExternalHistory } from '../../domain/external-records.js';
import { externalHistory } from '../../store/external-records.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

/** A client's history from other providers: read-only, clinical, audited like a note. */
export function externalRecordRoutes(context: AppContext): RouteSpec[] {
  const { store } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/external-records',
      operationId: 'getExternalHistory',
      summary:
        'A client’s history from other providers (imported visits, procedures, observations, documents), newest first',
      tag: 'imports',
      auth: 'user',
      params: IdParams,
      responses: { 200: ExternalHistory, 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'externalRecords.read',
        );
        const history = await externalHistory(store.db, actor.practiceId, client.id);
        await recordAudit(context, store.db, request, {
          action: 'externalRecords.read',
          recordType: 'external_records',
          recordId: client.id,
          clientId: client.id,
          detail: { shown: history.records.length, total: history.total },
        });
        return history;
      },
    }),
  ];
}
