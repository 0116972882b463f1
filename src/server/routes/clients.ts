import { z } from 'zod';
import {
  Client,
  ClientInput,
  ClientListQuery,
  ClientPage,
  DuplicateCandidate,
  birthDateIssue,
  duplicateReasons,
  withDefaultPrimaryTherapist,
} from '../../domain/clients.js';
import { Conflict, Invalid } from '../../domain/errors.js';
import { localDate } from '../../domain/time.js';
import type { Db } from '../../store/database.js';
import {
  findPossibleDuplicates,
  insertClient,
  listClients,
  setClientStatus,
  updateClient,
} from '../../store/clients.js';
import { findUser } from '../../store/users.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize, clientScope } from '../policy.js';
import { DuplicateClient } from '../problems.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const ClientCreate = ClientInput.extend({
  /** Set after the user has seen the possible duplicates and chose to create anyway. */
  acknowledgeDuplicates: z.boolean().optional(),
});

const DuplicateCheck = ClientInput.pick({
  legalFirstName: true,
  legalLastName: true,
  dateOfBirth: true,
  phone: true,
});

async function checkClientInput(
  context: AppContext,
  db: Db,
  actor: Actor,
  input: ClientInput,
): Promise<void> {
  const issue = birthDateIssue(input.dateOfBirth, localDate(context.runtime.now(), actor.timeZone));
  if (issue)
    throw new Invalid('The client has invalid fields.', [{ field: 'dateOfBirth', message: issue }]);
  if (input.primaryTherapistId) {
    const therapist = await findUser(db, actor.practiceId, input.primaryTherapistId);
    if (!therapist || therapist.status !== 'active' || therapist.role === 'front_desk') {
      throw new Invalid('The client has invalid fields.', [
        {
          field: 'primaryTherapistId',
          message: 'Must be an active therapist or owner of this practice.',
        },
      ]);
    }
  }
}

/** Possible duplicates the actor may see: under assigned care, only clients in their care. */
async function possibleDuplicates(
  db: Db,
  actor: Actor,
  input: z.infer<typeof DuplicateCheck>,
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  const scope = clientScope(actor, actor.settings.careModel);
  const found = await findPossibleDuplicates(db, actor.practiceId, input, excludeId, scope);
  return found
    .map((existing) => {
      const { phoneDigits: _digits, nameBirthKey: _key, ...client } = existing;
      return { client, reasons: duplicateReasons(input, existing) };
    })
    .filter((candidate) => candidate.reasons.length > 0);
}

export function clientRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients',
      operationId: 'listClients',
      summary: 'List and search clients by name, phone or email',
      tag: 'clients',
      auth: 'user',
      query: ClientListQuery,
      responses: { 200: ClientPage },
      handler: async ({ actor, query, request }) => {
        authorize(actor, 'client.list');
        const page = await listClients(
          store.db,
          actor.practiceId,
          clientScope(actor, actor.settings.careModel),
          query,
        );
        // A result list shows demographics, so it is a read; the search words stay out of the
        // trail (they may be a name), the size of what was shown goes in.
        await recordAudit(context, store.db, request, {
          action: 'client.list',
          recordType: 'client',
          detail: { shown: page.clients.length, total: page.total, searched: Boolean(query.q) },
        });
        return { ...page, limit: query.limit, offset: query.offset };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/duplicates',
      operationId: 'findDuplicateClients',
      summary: 'Clients that may be the same person as the one about to be created',
      tag: 'clients',
      auth: 'user',
      body: DuplicateCheck,
      responses: { 200: z.object({ candidates: z.array(DuplicateCandidate) }) },
      handler: async ({ actor, body }) => {
        authorize(actor, 'client.create');
        return { candidates: await possibleDuplicates(store.db, actor, body) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients',
      operationId: 'createClient',
      summary: 'Create a client (409 with the candidates when a possible duplicate exists)',
      tag: 'clients',
      auth: 'user',
      body: ClientCreate,
      responses: { 201: Client, 409: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'client.create');
        const { acknowledgeDuplicates, ...typed } = body;
        const input = withDefaultPrimaryTherapist(typed, actor);
        const client = await store.db.transaction().execute(async (trx) => {
          await checkClientInput(context, trx, actor, input);
          if (!acknowledgeDuplicates) {
            const duplicates = await possibleDuplicates(trx, actor, input);
            if (duplicates.length > 0) throw new DuplicateClient(duplicates);
          }
          const created = await insertClient(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            input,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          await recordAudit(context, trx, request, {
            action: 'client.create',
            recordType: 'client',
            recordId: created.id,
            clientId: created.id,
            detail: acknowledgeDuplicates ? { duplicatesAcknowledged: true } : null,
          });
          return created;
        });
        void reply
          .code(201)
          .header('etag', etagFor(client.version))
          .header('location', `/api/v1/clients/${client.id}`);
        return client;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id',
      operationId: 'getClient',
      summary: 'Open a client profile (audited)',
      tag: 'clients',
      auth: 'user',
      params: IdParams,
      responses: { 200: Client, 404: null },
      handler: async ({ actor, params, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'client.read',
        );
        await recordAudit(context, store.db, request, {
          action: 'client.read',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
        });
        void reply.header('etag', etagFor(client.version));
        return client;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/clients/:id',
      operationId: 'updateClient',
      summary: 'Update a client profile (If-Match required)',
      tag: 'clients',
      auth: 'user',
      params: IdParams,
      body: ClientInput,
      conditional: true,
      responses: { 200: Client, 409: null, 412: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const { client: current } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'client.update',
        );
        const client = await store.db.transaction().execute(async (trx) => {
          await checkClientInput(context, trx, actor, body);
          // A client moves to another therapist only by a handoff, with its note and policy
          // (routes/handoffs.ts); the first assignment is ordinary editing. An edit of an older
          // version is left to fail as stale, which says more.
          if (
            current.version === expectedVersion &&
            current.primaryTherapistId !== null &&
            body.primaryTherapistId !== current.primaryTherapistId
          ) {
            throw new Conflict('The primary therapist changes only by handing the client over.', [
              {
                field: 'primaryTherapistId',
                message:
                  'Use “Hand over” on the client’s page, so a handoff note goes with the change.',
              },
            ]);
          }
          const updated = await updateClient(
            trx,
            actor.practiceId,
            params.id,
            expectedVersion,
            body,
            actor.userId,
            runtime.now().toISOString(),
          );
          await recordAudit(context, trx, request, {
            action: 'client.update',
            recordType: 'client',
            recordId: updated.id,
            clientId: updated.id,
            detail: { version: updated.version },
          });
          return updated;
        });
        void reply.header('etag', etagFor(client.version));
        return client;
      },
    }),
    ...(['archive', 'restore'] as const).map((verb) =>
      defineRoute({
        method: 'POST',
        url: `/api/v1/clients/:id/${verb}`,
        operationId: verb === 'archive' ? 'archiveClient' : 'restoreClient',
        summary:
          verb === 'archive' ? 'Archive a client (never deleted)' : 'Restore an archived client',
        tag: 'clients',
        auth: 'user',
        params: IdParams,
        conditional: true,
        responses: { 200: Client, 412: null, 428: null },
        handler: async ({ actor, params, request, reply }) => {
          const expectedVersion = versionFromIfMatch(request.headers['if-match']);
          await loadAuthorizedClient(context, request, actor, params.id, 'client.archive');
          const client = await store.db.transaction().execute(async (trx) => {
            const updated = await setClientStatus(
              trx,
              actor.practiceId,
              params.id,
              expectedVersion,
              verb === 'archive' ? 'archived' : 'active',
              actor.userId,
              runtime.now().toISOString(),
            );
            await recordAudit(context, trx, request, {
              action: `client.${verb}`,
              recordType: 'client',
              recordId: updated.id,
              clientId: updated.id,
            });
            return updated;
          });
          void reply.header('etag', etagFor(client.version));
          return client;
        },
      }),
    ),
  ];
}
