import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid, Unauthenticated } from '../domain/errors.js';
import type { Actor } from './actor.js';
import { issuesFromZod } from './problems.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteInput<P, Q, B> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
}

export interface AuthedInput<P, Q, B> extends RouteInput<P, Q, B> {
  actor: Actor;
}

interface RouteCommon<P, Q, B> {
  method: Method;
  url: string;
  /** Stable name for generated clients; never renamed once published. */
  operationId: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Status → response schema (null for no body); documents the API, not enforced. */
  responses: Record<number, z.ZodType | null | 'csv'>;
  /** Marks routes that need an If-Match header. */
  conditional?: boolean;
  /** Overrides the default request body limit. */
  bodyLimit?: number;
  /** Per-IP request limit for endpoints that guess-resistance depends on (login, public links). */
  rateLimit?: { max: number; timeWindow: string };
}

export type RouteSpec<P = unknown, Q = unknown, B = unknown> =
  | (RouteCommon<P, Q, B> & { auth: 'public'; handler: (input: RouteInput<P, Q, B>) => Promise<unknown> })
  | (RouteCommon<P, Q, B> & { auth: 'user'; handler: (input: AuthedInput<P, Q, B>) => Promise<unknown> });

/** Keeps each route's types exact while letting a module export a plain list of routes. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Invalid(`The ${where} has invalid fields.`, issuesFromZod(result.error, where === 'body' ? undefined : where));
  }
  return result.data;
}

/** Registers routes with Fastify: parse → authenticate → handler. Policy lives in handlers. */
export function registerRoutes(app: FastifyInstance, routes: RouteSpec[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      config: route.rateLimit ? { rateLimit: route.rateLimit } : { rateLimit: false },
      handler: async (request, reply) => {
        const actor = request.actor;
        if (route.auth === 'user' && !actor) {
          throw request.authFailure ?? new Unauthenticated('Sign in to continue.');
        }
        const params = parse(route.params, request.params, 'path');
        const query = parse(route.query, request.query, 'query');
        const body = parse(route.body, request.body ?? undefined, 'body');
        if (route.auth === 'user') {
          return route.handler({ request, reply, params, query, body, actor: actor! });
        }
        return route.handler({ request, reply, params, query, body });
      },
    });
  }
}

export const IdParams = z.object({ id: z.string().min(1).max(64) });
