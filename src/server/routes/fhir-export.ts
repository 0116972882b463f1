import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { clientFhirBundle } from '../commands/fhir-export.js';
import type { AppContext } from '../context.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

/**
 * The client's whole record as a FHIR R4 Bundle, downloaded as a file for another clinician's
 * system. Clinical content leaving Palpate: for those who treat the client (record.export),
 * audited as an export with how many resources went out.
 */
export function fhirExportRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/fhir',
      operationId: 'exportClientFhir',
      summary: 'The client’s record as a FHIR R4 collection Bundle (audited as an export)',
      tag: 'records',
      auth: 'user',
      params: IdParams,
      responses: { 200: 'fhir', 404: null },
      handler: async ({ actor, params, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'record.export',
        );
        const bundle = await clientFhirBundle(store.db, runtime, {
          practiceId: actor.practiceId,
          client,
        });
        await recordAudit(context, store.db, request, {
          action: 'record.export',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: { format: 'fhir', resources: bundle.entry?.length ?? 0 },
        });
        const day = bundle.timestamp?.slice(0, 10) ?? '';
        return reply
          .type('application/fhir+json; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="record-${client.id}-${day}.fhir.json"`,
          )
          .send(JSON.stringify(bundle));
      },
    }),
  ];
}
