import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid, Unauthenticated, type FieldIssue } from '../domain/errors.js';
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
  responses: Record<number, z.ZodType | null | 'csv' | 'pdf' | 'zip' | 'fhir'>;
  /** Marks routes that need an If-Match header. */
  conditional?: boolean;
  /** Overrides the default request body limit. */
  bodyLimit?: number;
  /** A file sent as the body itself (a CSV's bytes, a FHIR Bundle), documented as such. */
  upload?: 'csv' | 'fhir';
  /** Per-IP request limit for endpoints that guess-resistance depends on (login, public links). */
  rateLimit?: { max: number; timeWindow: string };
}

export type RouteSpec<P = unknown, Q = unknown, B = unknown> =
  | (RouteCommon<P, Q, B> & {
      auth: 'public';
      handler: (input: RouteInput<P, Q, B>) => Promise<unknown>;
    })
  | (RouteCommon<P, Q, B> & {
      auth: 'user';
      handler: (input: AuthedInput<P, Q, B>) => Promise<unknown>;
    });

/** Keeps each route's types exact while letting a module export a plain list of routes. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** A field's place in a request, kept as a chain so walking deep input copies no paths. */
interface FieldPlace {
  key: string;
  parent: FieldPlace | null;
}

function fieldName(place: FieldPlace | null): string {
  const keys: string[] = [];
  for (let at = place; at; at = at.parent) keys.unshift(at.key);
  return keys.join('.') || '(body)';
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can) and no name, note or id needs it, so it is
 * refused here for every route: both engines answer alike, with a 400 instead of a database
 * error. Walked with an explicit stack: a hostile body may nest deeper than the call stack.
 */
function nulCharacterIssues(value: unknown, where: FieldPlace | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!holdsNulCharacter(value)) return issues;
  const pending: Array<{ value: unknown; place: FieldPlace | null }> = [{ value, place: where }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string' && next.value.includes('\u0000')) {
      issues.push({ field: fieldName(next.place), message: 'Must not contain NUL characters.' });
    } else if (next.value !== null && typeof next.value === 'object') {
      for (const [key, inner] of Object.entries(next.value))
        pending.push({ value: inner, place: { key, parent: next.place } });
    }
  }
  return issues;
}

/** The quick first look of nulCharacterIssues: it names no places, so it builds none. */
function holdsNulCharacter(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (next !== null && typeof next === 'object') {
      for (const inner of Object.values(next)) pending.push(inner);
    }
  }
  return false;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const nulIssues = nulCharacterIssues(
    value,
    where === 'body' ? null : { key: where, parent: null },
  );
  if (nulIssues.length > 0) throw new Invalid(`The ${where} has invalid fields.`, nulIssues);
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Invalid(
      `The ${where} has invalid fields.`,
      issuesFromZod(result.error, where === 'body' ? undefined : where),
    );
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
