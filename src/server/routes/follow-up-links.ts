import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Invalid } from '../../domain/errors.js';
import { CreatedFollowUpLink, FollowUpLinkCreate } from '../../domain/follow-up-views.js';
import { linkExpiry } from '../../domain/intake-links.js';
import { insertFollowUpLink } from '../../store/follow-ups.js';
import { insertClientLink, linkTokenHash } from '../../store/intake.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { sessionToFollowUp } from '../follow-up-session.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { newSecret } from '../secrets.js';
import { presentLink } from './intake.js';

/** The page a follow-up link opens, on the address the staff member reached the server by. */
function followUpUrl(request: FastifyRequest, token: string): string {
  return `${request.protocol}://${request.host}/follow-up/${token}`;
}

export function followUpLinkRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/follow-up-links',
      operationId: 'createFollowUpLink',
      summary:
        'Make a secure link for a client to say how they felt after a session; answers its URL and QR code',
      tag: 'follow-ups',
      auth: 'user',
      params: IdParams,
      body: FollowUpLinkCreate,
      responses: { 201: CreatedFollowUpLink, 400: null, 404: null, 409: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'followUp.link.send',
        );
        if (client.status === 'archived')
          throw new Invalid('Restore the client before sending them a link.');
        const now = runtime.now();
        const session = await sessionToFollowUp(
          store.db,
          actor.practiceId,
          client.id,
          body.sessionId,
          now,
        );
        // The token is shown once, here; only its hash is stored.
        const token = newSecret(32);
        const link = await store.db.transaction().execute(async (trx) => {
          const created = await insertClientLink(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            clientId: client.id,
            purpose: 'follow_up',
            tokenHash: linkTokenHash(token),
            createdBy: actor.userId,
            createdAt: now.toISOString(),
            expiresAt: linkExpiry(now, body.expiresInDays),
          });
          await insertFollowUpLink(trx, {
            linkId: created.id,
            sessionId: session.id,
            practiceId: actor.practiceId,
          });
          await recordAudit(context, trx, request, {
            action: 'followUp.link.create',
            recordType: 'client_link',
            recordId: created.id,
            clientId: client.id,
            detail: { sessionId: session.id, expiresAt: created.expiresAt },
          });
          return created;
        });
        const url = followUpUrl(request, token);
        void reply.code(201);
        return {
          link: presentLink(link, now),
          url,
          qrSvg: await QRCode.toString(url, { type: 'svg', margin: 2 }),
        };
      },
    }),
  ];
}
