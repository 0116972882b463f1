import { z } from 'zod';
import type { RouteSpec } from './routing.js';

const ProblemSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return rest;
}

/** Files sent as the request body itself, by kind of upload. */
const bundleSchema = { $ref: 'https://hl7.org/fhir/R4/fhir.schema.json#/definitions/Bundle' };
const fileSchema = { type: 'string', format: 'binary' };
const uploadContent: Record<'csv' | 'fhir', Record<string, { schema: object }>> = {
  csv: {
    'text/csv': { schema: fileSchema },
    'text/tab-separated-values': { schema: fileSchema },
    'application/octet-stream': { schema: fileSchema },
  },
  fhir: {
    'application/fhir+json': { schema: bundleSchema },
    'application/json': { schema: bundleSchema },
  },
};

/** Fastify's `/clients/:id` becomes OpenAPI's `/clients/{id}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with. */
export function openApiDocument(routes: RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  for (const route of routes) {
    // Generated clients key on operationId: a duplicate would silently shadow an operation.
    if (seen.has(route.operationId)) throw new Error(`Duplicate operationId ${route.operationId}`);
    seen.add(route.operationId);
  }
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const shape = jsonSchema(schema, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(shape.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (shape.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    if (route.conditional) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        schema: { type: 'string' },
        description: 'The ETag of the version being edited.',
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      if (schema === null) {
        responses[status] = {
          description: Number(status) < 300 ? 'Success' : 'Problem',
          ...(Number(status) >= 400
            ? { content: { 'application/problem+json': { schema: ProblemSchema } } }
            : {}),
        };
      } else if (schema === 'csv') {
        responses[status] = {
          description: 'CSV',
          content: { 'text/csv': { schema: { type: 'string' } } },
        };
      } else if (schema === 'pdf') {
        responses[status] = {
          description: 'PDF',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        };
      } else if (schema === 'fhir') {
        // A FHIR Bundle: the official R4 JSON schema describes it, not a zod schema here.
        responses[status] = {
          description: 'FHIR R4 Bundle',
          content: {
            'application/fhir+json': {
              schema: { $ref: 'https://hl7.org/fhir/R4/fhir.schema.json#/definitions/Bundle' },
            },
          },
        };
      } else if (schema === 'zip') {
        responses[status] = {
          description: 'Zip archive',
          content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
        };
      } else {
        responses[status] = {
          description: 'Success',
          content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
        };
      }
    }
    responses['default'] = {
      description: 'Problem',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
    const path = openApiPath(route.url);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(route.upload
        ? { requestBody: { required: true, content: uploadContent[route.upload] } }
        : route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
              },
            }
          : {}),
      responses,
      security: route.auth === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Palpate API',
      version,
      description: 'Clinical records for massage therapists.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'palpate_session',
          description: 'Browser session; writes also need the x-csrf-token header.',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (plp_…).' },
      },
    },
  };
}
