import { Practice, PracticeUpdate } from '../../domain/practice.js';
import { NotFound } from '../../domain/errors.js';
import { findPractice, updatePractice } from '../../store/practices.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';

export function practiceRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/practice',
      operationId: 'getPractice',
      summary: 'The practice profile and settings',
      tag: 'practice',
      auth: 'user',
      responses: { 200: Practice },
      handler: async ({ actor, reply }) => {
        authorize(actor, 'practice.read');
        const practice = await findPractice(store.db, actor.practiceId);
        if (!practice) throw new NotFound('practice');
        void reply.header('etag', etagFor(practice.version));
        return practice;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/practice',
      operationId: 'updatePractice',
      summary: 'Change the practice profile and settings (owner, If-Match)',
      tag: 'practice',
      auth: 'user',
      body: PracticeUpdate,
      conditional: true,
      responses: { 200: Practice, 412: null, 428: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'practice.update');
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const practice = await store.db.transaction().execute(async (trx) => {
          const updated = await updatePractice(
            trx,
            actor.practiceId,
            expectedVersion,
            body,
            runtime.now().toISOString(),
          );
          await recordAudit(context, trx, request, {
            action: 'practice.update',
            recordType: 'practice',
            recordId: updated.id,
            detail: { settings: updated.settings },
          });
          return updated;
        });
        void reply.header('etag', etagFor(practice.version));
        return practice;
      },
    }),
  ];
}
