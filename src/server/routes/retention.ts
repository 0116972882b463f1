import { z } from 'zod';
import {
  ClientPurge,
  PurgeInput,
  RetentionOverview,
  retentionRule,
} from '../../domain/retention.js';
import { localDate } from '../../domain/time.js';
import { listClientPurges } from '../../store/client-purge.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { clientsPastRetention, purgeClient } from '../commands/client-purge.js';
import type { AppContext } from '../context.js';
import { confirmPassword } from '../password-confirmation.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

/**
 * Retention: the archived clients whose retention period is over, the purges already made,
 * and the purge itself (the owner, re-confirming their password).
 */
export function retentionRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/retention/clients',
      operationId: 'listClientsPastRetention',
      summary: 'Archived clients whose retention period is over, with the dates that decide it',
      tag: 'retention',
      auth: 'user',
      responses: { 200: RetentionOverview },
      handler: async ({ actor, request }) => {
        authorize(actor, 'retention.read');
        const today = localDate(runtime.now(), actor.timeZone);
        const clients = await clientsPastRetention(store.db, actor, today);
        await recordAudit(context, store.db, request, {
          action: 'retention.list',
          recordType: 'client',
          detail: { shown: clients.length },
        });
        return { today, rule: retentionRule(actor.settings), clients };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/retention/purges',
      operationId: 'listClientPurges',
      summary: 'Records purged after their retention period: when, by whom, why, rows removed',
      tag: 'retention',
      auth: 'user',
      responses: { 200: z.object({ purges: z.array(ClientPurge) }) },
      handler: async ({ actor }) => {
        authorize(actor, 'retention.read');
        return { purges: await listClientPurges(store.db, actor.practiceId) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/purge',
      operationId: 'purgeClient',
      summary:
        'Delete everything held about an archived client past retention, with a reason (owner, password re-confirmed)',
      tag: 'retention',
      auth: 'user',
      params: IdParams,
      body: PurgeInput,
      responses: { 200: z.object({ purge: ClientPurge }), 400: null, 404: null, 409: null },
      handler: async ({ actor, params, body, request }) => {
        await loadAuthorizedClient(context, request, actor, params.id, 'client.purge');
        await confirmPassword(context, request, actor, body.password, {
          action: 'client.purge',
          recordType: 'client',
          recordId: params.id,
          clientId: params.id,
          refusal: 'The record was not purged.',
        });
        return { purge: await purgeClient(context, request, actor, params.id, body) };
      },
    }),
  ];
}
