import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  Forbidden,
  Invalid,
  NotFound,
  TooManyAttempts,
  Unauthenticated,
} from '../../domain/errors.js';
import { entryOf } from '../../domain/fhir/bundle.js';
import type { FhirLinks } from '../../domain/fhir/links.js';
import { operationOutcome, searchset, type IssueCode } from '../../domain/fhir/responses.js';
import type { Paging } from '../../domain/fhir/search.js';
import type { ClinicalResource, OperationOutcome, Resource } from '../../domain/fhir/types.js';
import type { Actor } from '../actor.js';

/**
 * How the FHIR API answers: FHIR JSON (`application/fhir+json`) for resources and errors
 * alike. Errors are OperationOutcomes, not the problem+json of /api/v1, since that is what
 * FHIR clients read; the mapping from domain errors is the same one problems.ts makes.
 */
export const fhirJson = 'application/fhir+json; charset=utf-8';

/** Asked for XML (or anything but JSON): answered 406 before any work is done. */
export class NotAcceptable extends DomainError {
  override name = 'NotAcceptable';
}

/** A write to the read-only API. */
export class ReadOnly extends DomainError {
  override name = 'ReadOnly';
}

export function sendResource(reply: FastifyReply, resource: Resource, status = 200) {
  return reply.code(status).type(fhirJson).send(resource);
}

function outcomeFor(error: unknown): { status: number; code: IssueCode; message: string } {
  if (error instanceof DomainError) {
    const message = error.message;
    if (error instanceof Invalid) return { status: 400, code: 'invalid', message };
    if (error instanceof NotFound) return { status: 404, code: 'not-found', message };
    if (error instanceof Unauthenticated) return { status: 401, code: 'login', message };
    if (error instanceof Forbidden) return { status: 403, code: 'forbidden', message };
    if (error instanceof NotAcceptable) return { status: 406, code: 'not-supported', message };
    if (error instanceof ReadOnly) return { status: 405, code: 'not-supported', message };
    if (error instanceof TooManyAttempts) return { status: 429, code: 'throttled', message };
  }
  const status = (error as Partial<FastifyError>).statusCode;
  if (status === 429) {
    return { status, code: 'throttled', message: 'Too many requests. Wait and try again.' };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'invalid', message: (error as Error).message };
  }
  return {
    status: 500,
    code: 'exception',
    message: 'Something went wrong on the server. The error was logged.',
  };
}

/** The FHIR API's error handler: every failure becomes an OperationOutcome. */
export function sendOutcome(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, code, message } = outcomeFor(error);
  if (status >= 500) {
    // The error kind and stack only: messages may carry client data.
    request.log.error(
      { err: { type: (error as Error)?.name, stack: (error as Error)?.stack } },
      'FHIR request failed',
    );
  }
  if (status === 401) void reply.header('www-authenticate', 'Bearer realm="Palpate FHIR API"');
  const outcome: OperationOutcome = operationOutcome(code, message);
  return sendResource(reply, outcome, status);
}

/** The signed-in user or API token behind the request; 401 (as an OperationOutcome) if none. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw (
    request.authFailure ??
    new Unauthenticated('Send a personal API token: Authorization: Bearer plp_….')
  );
}

/** The API's absolute base, as the client reached it (proxies honoured when trusted). */
export function fhirBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/fhir/R4`;
}

/** This request's URL with another `_offset`, absolute, so a client can follow it as given. */
function pageUrl(request: FastifyRequest, offset: number): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.delete('_offset');
  if (offset > 0) url.searchParams.set('_offset', String(offset));
  return url.href;
}

/**
 * One page of matches as a searchset Bundle. `resources` is every match (the caller's store
 * query already narrowed them to one client), or one page of them with `total` given.
 */
export function searchPage(
  request: FastifyRequest,
  links: FhirLinks,
  paging: Paging,
  matches: { resources: ClinicalResource[]; total: number; paged: boolean },
) {
  const page = matches.paged
    ? matches.resources
    : matches.resources.slice(paging.offset, paging.offset + paging.count);
  const nextOffset = paging.offset + paging.count;
  return searchset({
    entries: page.map((resource) => entryOf(resource, links)),
    total: matches.total,
    self: pageUrl(request, paging.offset),
    next: paging.count > 0 && nextOffset < matches.total ? pageUrl(request, nextOffset) : null,
    previous:
      paging.offset > 0 && paging.count > 0
        ? pageUrl(request, Math.max(0, paging.offset - paging.count))
        : null,
  });
}
