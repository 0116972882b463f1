import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Invalid, Unprocessable } from '../../domain/errors.js';
import { linkExpiry } from '../../domain/intake-links.js';
import type { MeasureView } from '../../domain/outcome-measures.js';
import { CreatedMeasuresLink, MeasuresLinkCreate } from '../../domain/outcome-views.js';
import { insertClientLink, linkTokenHash } from '../../store/intake.js';
import { insertLinkMeasures } from '../../store/measures-links.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { clientMeasuresView } from '../outcome-views.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { newSecret } from '../secrets.js';
import { presentLink } from './intake.js';

/** The page a measures link opens, on the address the staff member reached the server by. */
function measuresUrl(request: FastifyRequest, token: string): string {
  return `${request.protocol}://${request.host}/measures/${token}`;
}

/**
 * Sending a client their measures link: it asks for the measures they report themselves that
 * are due at their next visit, or, when none is due, every such measure on their plan. The
 * list is fixed when the link is made. Front desk may send one; the answers are clinical.
 */
export function measuresLinkRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/measures-links',
      operationId: 'createMeasuresLink',
      summary:
        'Make a secure link for a client to fill their due measures on their phone; answers its URL and QR code',
      tag: 'outcome measures',
      auth: 'user',
      params: IdParams,
      body: MeasuresLinkCreate,
      responses: { 201: CreatedMeasuresLink, 400: null, 404: null, 422: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'measureLink.send',
        );
        if (client.status === 'archived')
          throw new Invalid('Restore the client before sending them a link.');
        const now = runtime.now();
        const view = await clientMeasuresView(store.db, {
          practiceId: actor.practiceId,
          clientId: client.id,
          timeZone: actor.timeZone,
          now,
        });
        const byId = new Map(view.measures.map((measure) => [measure.id, measure]));
        const clientReports = (id: string): boolean => {
          const measure: MeasureView | undefined = byId.get(id);
          return (
            measure !== undefined && measure.retiredAt === null && measure.reportedBy === 'client'
          );
        };
        const due = view.due.measures.map((entry) => entry.measureId).filter(clientReports);
        const measureIds =
          due.length > 0
            ? due
            : view.schedule.map((entry) => entry.measureId).filter(clientReports);
        if (measureIds.length === 0) {
          throw new Unprocessable('There is nothing for the client to fill in.', [
            {
              field: '(client)',
              message:
                'Schedule a measure the client reports themselves in their treatment plan first.',
            },
          ]);
        }
        // The token is shown once, here; only its hash is stored.
        const token = newSecret(32);
        const link = await store.db.transaction().execute(async (trx) => {
          const created = await insertClientLink(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            clientId: client.id,
            purpose: 'measures',
            tokenHash: linkTokenHash(token),
            createdBy: actor.userId,
            createdAt: now.toISOString(),
            expiresAt: linkExpiry(now, body.expiresInDays),
          });
          await insertLinkMeasures(trx, {
            linkId: created.id,
            practiceId: actor.practiceId,
            measureIds,
          });
          await recordAudit(context, trx, request, {
            action: 'measureLink.create',
            recordType: 'client_link',
            recordId: created.id,
            clientId: client.id,
            detail: { measureIds, expiresAt: created.expiresAt },
          });
          return created;
        });
        const url = measuresUrl(request, token);
        void reply.code(201);
        return {
          link: presentLink(link, now),
          url,
          qrSvg: await QRCode.toString(url, { type: 'svg', margin: 2 }),
          measureIds,
        };
      },
    }),
  ];
}
