import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Invalid, NotFound, StaleVersion } from '../../domain/errors.js';
import { defaultIntakeForm } from '../../domain/intake-default-form.js';
import { IntakeForm, IntakeFormView } from '../../domain/intake-forms.js';
import {
  ClientLinkCreate,
  ClientLinkView,
  linkExpiry,
  linkState,
} from '../../domain/intake-links.js';
import type { Db } from '../../store/database.js';
import {
  findIntakeForm,
  insertClientLink,
  linkTokenHash,
  listClientLinks,
  revokeClientLink,
  saveIntakeForm,
  type StoredClientLink,
  type StoredIntakeForm,
} from '../../store/intake.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { newSecret } from '../secrets.js';

const LinkParams = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

export function presentLink(link: StoredClientLink, now: Date): ClientLinkView {
  return {
    id: link.id,
    clientId: link.clientId,
    purpose: link.purpose,
    state: linkState(link, now),
    createdAt: link.createdAt,
    createdBy: link.createdBy,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    usedAt: link.usedAt,
  };
}

function presentForm(stored: StoredIntakeForm | undefined): IntakeFormView {
  return {
    form: stored?.form ?? defaultIntakeForm,
    customised: stored !== undefined,
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** The form clients are sent now: the practice's own, or the shipped one (version 0). */
export async function practiceIntakeForm(
  db: Db,
  practiceId: string,
): Promise<{ form: IntakeForm; version: number }> {
  const view = presentForm(await findIntakeForm(db, practiceId));
  return { form: view.form, version: view.version };
}

/** The page a link opens, on the address the staff member reached the server by. */
function linkUrl(request: FastifyRequest, token: string): string {
  return `${request.protocol}://${request.host}/intake/${token}`;
}

export function intakeRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/links',
      operationId: 'createClientLink',
      summary:
        'Make a secure link for a client to fill the intake form; answers its URL and QR code',
      tag: 'intake',
      auth: 'user',
      params: IdParams,
      body: ClientLinkCreate,
      responses: {
        201: z.object({ link: ClientLinkView, url: z.string(), qrSvg: z.string() }),
        404: null,
      },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'intake.link.manage',
        );
        if (client.status === 'archived')
          throw new Invalid('Restore the client before sending them a link.');
        // The token is shown once, here; only its hash is stored.
        const token = newSecret(32);
        const now = runtime.now();
        const link = await store.db.transaction().execute(async (trx) => {
          const created = await insertClientLink(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            clientId: client.id,
            purpose: body.purpose,
            tokenHash: linkTokenHash(token),
            createdBy: actor.userId,
            createdAt: now.toISOString(),
            expiresAt: linkExpiry(now, body.expiresInDays),
          });
          await recordAudit(context, trx, request, {
            action: 'intake.link.create',
            recordType: 'client_link',
            recordId: created.id,
            clientId: client.id,
            detail: { purpose: created.purpose, expiresAt: created.expiresAt },
          });
          return created;
        });
        const url = linkUrl(request, token);
        void reply.code(201);
        return {
          link: presentLink(link, now),
          url,
          qrSvg: await QRCode.toString(url, { type: 'svg', margin: 2 }),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/links',
      operationId: 'listClientLinks',
      summary: 'A client’s secure links, newest first, each active, used, expired or revoked',
      tag: 'intake',
      auth: 'user',
      params: IdParams,
      responses: { 200: z.object({ links: z.array(ClientLinkView) }), 404: null },
      handler: async ({ actor, params, request }) => {
        await loadAuthorizedClient(context, request, actor, params.id, 'intake.link.manage');
        const now = runtime.now();
        const links = await listClientLinks(store.db, actor.practiceId, params.id);
        return { links: links.map((link) => presentLink(link, now)) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/links/:linkId/revoke',
      operationId: 'revokeClientLink',
      summary: 'Revoke a client’s link that has not been used: it opens nothing from now on',
      tag: 'intake',
      auth: 'user',
      params: LinkParams,
      responses: { 200: ClientLinkView, 404: null },
      handler: async ({ actor, params, request }) => {
        await loadAuthorizedClient(context, request, actor, params.id, 'intake.link.manage');
        const now = runtime.now();
        return store.db.transaction().execute(async (trx) => {
          const revoked = await revokeClientLink(trx, {
            practiceId: actor.practiceId,
            clientId: params.id,
            id: params.linkId,
            userId: actor.userId,
            now: now.toISOString(),
          });
          if (!revoked) throw new NotFound('link', 'No unused link with that id for this client.');
          await recordAudit(context, trx, request, {
            action: 'intake.link.revoke',
            recordType: 'client_link',
            recordId: params.linkId,
            clientId: params.id,
          });
          const links = await listClientLinks(trx, actor.practiceId, params.id);
          return presentLink(
            links.find((link) => link.id === params.linkId)!,
            now,
          );
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/intake-form',
      operationId: 'getIntakeForm',
      summary: 'The intake form clients are sent: the practice’s own, or the shipped one',
      tag: 'intake',
      auth: 'user',
      responses: { 200: IntakeFormView },
      handler: async ({ actor, reply }) => {
        authorize(actor, 'intakeForm.read');
        const view = presentForm(await findIntakeForm(store.db, actor.practiceId));
        void reply.header('etag', etagFor(view.version));
        return view;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/intake-form',
      operationId: 'updateIntakeForm',
      summary: 'Change the practice’s intake form (owner, If-Match; "0" replaces the shipped one)',
      tag: 'intake',
      auth: 'user',
      body: IntakeForm,
      conditional: true,
      responses: { 200: IntakeFormView, 412: null, 428: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'intakeForm.manage');
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const view = await store.db.transaction().execute(async (trx) => {
          let saved: StoredIntakeForm;
          try {
            saved = await saveIntakeForm(trx, {
              id: runtime.newId(),
              practiceId: actor.practiceId,
              form: body,
              expectedVersion,
              userId: actor.userId,
              now: runtime.now().toISOString(),
            });
          } catch (error) {
            if (!(error instanceof StaleVersion)) throw error;
            const latest = presentForm(await findIntakeForm(trx, actor.practiceId));
            throw new StaleVersion('intake form', latest, latest.version);
          }
          await recordAudit(context, trx, request, {
            action: 'intakeForm.update',
            recordType: 'intake_form',
            recordId: saved.id,
            detail: { version: saved.version },
          });
          return presentForm(saved);
        });
        void reply.header('etag', etagFor(view.version));
        return view;
      },
    }),
  ];
}
