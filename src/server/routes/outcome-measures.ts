import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict } from '../../domain/errors.js';
import { MeasureInput, MeasureView, isBuiltInMeasure } from '../../domain/outcome-measures.js';
import type { Db } from '../../store/database.js';
import {
  insertMeasure,
  listMeasures,
  setMeasureRetired,
  updateMeasure,
} from '../../store/outcome-measures.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const builtInUnchangeable = 'Built-in measures are the same in every practice and never change.';

/**
 * The practice's outcome measures (Settings): built-ins and the owner's own, each with every
 * version of its definition. An edit after scores exist makes a new version; retiring stops
 * new scores, goals and schedules; nothing is ever deleted.
 */
export function outcomeMeasureRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  const audit = (
    db: Db,
    request: FastifyRequest,
    action: string,
    measure: MeasureView,
    detail: Record<string, unknown> = {},
  ) =>
    recordAudit(context, db, request, {
      action,
      recordType: 'outcome_measure',
      recordId: measure.id,
      detail: { version: measure.version, currentNumber: measure.currentNumber, ...detail },
    });

  const retireRoute = (retired: boolean) =>
    defineRoute({
      method: 'POST',
      url: `/api/v1/measures/:id/${retired ? 'retire' : 'restore'}`,
      operationId: retired ? 'retireMeasure' : 'restoreMeasure',
      summary: retired
        ? 'Retire a measure: its scores stay, it takes no new scores, goals or schedules (owner, If-Match)'
        : 'Bring a retired measure back into use (owner, If-Match)',
      tag: 'outcome measures',
      auth: 'user',
      params: IdParams,
      conditional: true,
      responses: { 200: MeasureView, 409: null, 412: null, 428: null },
      handler: async ({ actor, params, request, reply }) => {
        authorize(actor, 'measureDefinition.manage');
        if (isBuiltInMeasure(params.id)) throw new Conflict(builtInUnchangeable);
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const measure = await store.db.transaction().execute(async (trx) => {
          const saved = await setMeasureRetired(trx, {
            practiceId: actor.practiceId,
            id: params.id,
            expectedVersion,
            retired,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          await audit(trx, request, retired ? 'measure.retire' : 'measure.restore', saved);
          return saved;
        });
        void reply.header('etag', etagFor(measure.version));
        return measure;
      },
    });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/measures',
      operationId: 'listMeasures',
      summary: 'The outcome measures: built-ins, then the practice’s own with every version',
      tag: 'outcome measures',
      auth: 'user',
      responses: { 200: z.object({ measures: z.array(MeasureView) }) },
      handler: async ({ actor }) => {
        authorize(actor, 'measureDefinition.read');
        return { measures: await listMeasures(store.db, actor.practiceId) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/measures',
      operationId: 'createMeasure',
      summary: 'Define a measure: name, unit, range, direction of better, minimal important change',
      tag: 'outcome measures',
      auth: 'user',
      body: MeasureInput,
      responses: { 201: MeasureView, 400: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'measureDefinition.manage');
        const measure = await store.db.transaction().execute(async (trx) => {
          const created = await insertMeasure(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            input: body,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          await audit(trx, request, 'measure.create', created);
          return created;
        });
        void reply.code(201).header('etag', etagFor(measure.version));
        return measure;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/measures/:id',
      operationId: 'updateMeasure',
      summary:
        'Change a measure (owner, If-Match); once scores exist the change is a new version and old scores keep theirs',
      tag: 'outcome measures',
      auth: 'user',
      params: IdParams,
      body: MeasureInput,
      conditional: true,
      responses: { 200: MeasureView, 400: null, 404: null, 409: null, 412: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        authorize(actor, 'measureDefinition.manage');
        if (isBuiltInMeasure(params.id)) throw new Conflict(builtInUnchangeable);
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const measure = await store.db.transaction().execute(async (trx) => {
          const saved = await updateMeasure(trx, {
            practiceId: actor.practiceId,
            id: params.id,
            expectedVersion,
            input: body,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          await audit(trx, request, 'measure.update', saved.measure, { change: saved.change });
          return saved.measure;
        });
        void reply.header('etag', etagFor(measure.version));
        return measure;
      },
    }),
    retireRoute(true),
    retireRoute(false),
  ];
}
