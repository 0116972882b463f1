import { z } from 'zod';
import { bodyRegions } from '../../domain/body-regions.js';
import { Conflict, NotFound } from '../../domain/errors.js';
import { ProductInput, TechniqueInput, ingredientVocabulary } from '../../domain/catalogue.js';
import {
  insertProduct,
  insertTechnique,
  listProducts,
  listSessionTypes,
  listTechniques,
  updateProduct,
  updateTechnique,
} from '../../store/catalogue.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const Entry = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  retiredAt: z.string().nullable(),
});
const Product = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  ingredients: z.array(z.string()),
  retiredAt: z.string().nullable(),
  version: z.number().int(),
});
const Catalogue = z.object({
  techniques: z.array(Entry),
  sessionTypes: z.array(Entry.extend({ minutes: z.number().int() })),
  products: z.array(Product),
  ingredients: z.array(
    z.object({ code: z.string(), name: z.string(), groups: z.array(z.string()) }),
  ),
  bodyRegions: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      group: z.string(),
      laterality: z.string(),
      views: z.array(z.string()),
    }),
  ),
});

export function catalogueRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/catalogue',
      operationId: 'getCatalogue',
      summary:
        'Techniques, session types, products with ingredients, and the body-region vocabulary',
      tag: 'catalogue',
      auth: 'user',
      responses: { 200: Catalogue },
      handler: async ({ actor }) => {
        authorize(actor, 'catalogue.read');
        const [techniques, sessionTypes, products] = await Promise.all([
          listTechniques(store.db, actor.practiceId),
          listSessionTypes(store.db, actor.practiceId),
          listProducts(store.db, actor.practiceId),
        ]);
        return {
          techniques,
          sessionTypes,
          products,
          ingredients: ingredientVocabulary,
          bodyRegions,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/catalogue/techniques',
      operationId: 'addTechnique',
      summary: 'Add a technique to the practice’s catalogue (owner)',
      tag: 'catalogue',
      auth: 'user',
      body: TechniqueInput,
      responses: { 201: z.object({ techniques: z.array(Entry) }), 409: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'catalogue.manage');
        await store.db.transaction().execute(async (trx) => {
          if (
            (await listTechniques(trx, actor.practiceId)).some((entry) => entry.code === body.code)
          ) {
            throw new Conflict('That code is already used; codes are never reused.', [
              { field: 'code', message: 'Already in the catalogue.' },
            ]);
          }
          await insertTechnique(trx, actor.practiceId, body, runtime);
          await recordAudit(context, trx, request, {
            action: 'catalogue.technique.add',
            recordType: 'technique',
            recordId: body.code,
          });
        });
        void reply.code(201);
        return { techniques: await listTechniques(store.db, actor.practiceId) };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/catalogue/techniques/:code',
      operationId: 'updateTechnique',
      summary: 'Rename or retire (or bring back) a technique; techniques are never deleted (owner)',
      tag: 'catalogue',
      auth: 'user',
      params: z.object({ code: z.string().min(1).max(40) }),
      body: z.object({ name: TechniqueInput.shape.name, retired: z.boolean() }),
      responses: { 200: z.object({ techniques: z.array(Entry) }) },
      handler: async ({ actor, params, body, request }) => {
        authorize(actor, 'catalogue.manage');
        await store.db.transaction().execute(async (trx) => {
          if (
            !(await updateTechnique(
              trx,
              actor.practiceId,
              params.code,
              body,
              runtime.now().toISOString(),
            ))
          )
            throw new NotFound('technique');
          await recordAudit(context, trx, request, {
            action: 'catalogue.technique.update',
            recordType: 'technique',
            recordId: params.code,
            detail: { retired: body.retired },
          });
        });
        return { techniques: await listTechniques(store.db, actor.practiceId) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/catalogue/products',
      operationId: 'addProduct',
      summary: 'Add an oil, lotion or blend with its ingredients (owner)',
      tag: 'catalogue',
      auth: 'user',
      body: ProductInput,
      responses: { 201: Product },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'catalogue.manage');
        const product = await store.db.transaction().execute(async (trx) => {
          const created = await insertProduct(trx, actor.practiceId, body, runtime);
          await recordAudit(context, trx, request, {
            action: 'catalogue.product.add',
            recordType: 'product',
            recordId: created.id,
          });
          return created;
        });
        void reply.code(201).header('etag', etagFor(product.version));
        return product;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/catalogue/products/:id',
      operationId: 'updateProduct',
      summary: 'Change or retire a product (owner, If-Match)',
      tag: 'catalogue',
      auth: 'user',
      params: IdParams,
      body: ProductInput.extend({ retired: z.boolean() }),
      conditional: true,
      responses: { 200: Product, 412: null },
      handler: async ({ actor, params, body, request, reply }) => {
        authorize(actor, 'catalogue.manage');
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const product = await store.db.transaction().execute(async (trx) => {
          const updated = await updateProduct(
            trx,
            actor.practiceId,
            params.id,
            expectedVersion,
            body,
            runtime.now().toISOString(),
          );
          await recordAudit(context, trx, request, {
            action: 'catalogue.product.update',
            recordType: 'product',
            recordId: updated.id,
          });
          return updated;
        });
        void reply.header('etag', etagFor(product.version));
        return product;
      },
    }),
  ];
}
