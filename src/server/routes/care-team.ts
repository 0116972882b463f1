import { z } from 'zod';
import { Invalid, NotFound } from '../../domain/errors.js';
import { addToCareTeam, listCareTeam, removeFromCareTeam } from '../../store/care-team.js';
import { findUser } from '../../store/users.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const CareTeamMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  addedAt: z.string(),
});
const CareTeam = z.object({ members: z.array(CareTeamMember) });

export function careTeamRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/care-team',
      operationId: 'listCareTeam',
      summary: 'Staff who share this client’s care (seen under assigned care)',
      tag: 'clients',
      auth: 'user',
      params: IdParams,
      responses: { 200: CareTeam },
      handler: async ({ actor, params, request }) => {
        await loadAuthorizedClient(context, request, actor, params.id, 'client.careTeam.read');
        return { members: await listCareTeam(store.db, actor.practiceId, params.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/care-team',
      operationId: 'addToCareTeam',
      summary: 'Share a client’s care with a therapist',
      tag: 'clients',
      auth: 'user',
      params: IdParams,
      body: z.object({ userId: z.string().min(1).max(64) }),
      responses: { 200: CareTeam },
      handler: async ({ actor, params, body, request }) => {
        await loadAuthorizedClient(context, request, actor, params.id, 'client.careTeam.manage');
        const member = await findUser(store.db, actor.practiceId, body.userId);
        if (!member || member.status !== 'active' || member.role === 'front_desk') {
          throw new Invalid('The care team member is not valid.', [
            { field: 'userId', message: 'Must be an active therapist or owner of this practice.' },
          ]);
        }
        await store.db.transaction().execute(async (trx) => {
          await addToCareTeam(trx, {
            practiceId: actor.practiceId,
            clientId: params.id,
            userId: member.id,
            addedBy: actor.userId,
            now: runtime.now().toISOString(),
          });
          await recordAudit(context, trx, request, {
            action: 'client.careTeam.add',
            recordType: 'care_team',
            recordId: member.id,
            clientId: params.id,
          });
        });
        return { members: await listCareTeam(store.db, actor.practiceId, params.id) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/clients/:id/care-team/:userId',
      operationId: 'removeFromCareTeam',
      summary: 'Stop sharing a client’s care with a staff member',
      tag: 'clients',
      auth: 'user',
      params: IdParams.extend({ userId: z.string().min(1).max(64) }),
      responses: { 200: CareTeam },
      handler: async ({ actor, params, request }) => {
        await loadAuthorizedClient(context, request, actor, params.id, 'client.careTeam.manage');
        await store.db.transaction().execute(async (trx) => {
          const removed = await removeFromCareTeam(trx, actor.practiceId, params.id, params.userId);
          if (!removed) throw new NotFound('care team member');
          await recordAudit(context, trx, request, {
            action: 'client.careTeam.remove',
            recordType: 'care_team',
            recordId: params.userId,
            clientId: params.id,
          });
        });
        return { members: await listCareTeam(store.db, actor.practiceId, params.id) };
      },
    }),
  ];
}
