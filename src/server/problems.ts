import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  Conflict,
  DomainError,
  Forbidden,
  Invalid,
  NotFound,
  PreconditionRequired,
  StaleVersion,
  TooManyAttempts,
  Unauthenticated,
  Unprocessable,
  type FieldIssue,
} from '../domain/errors.js';
import { etagFor } from './etag.js';
import { lingerBeforeClosing } from './lingering-close.js';

/** RFC 9457 problem details; `errors` lists field-level messages for form display. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

const problemBase = '/problems/';

export function problem(
  status: number,
  slug: string,
  title: string,
  extra: Partial<Problem> = {},
): Problem {
  return { type: `${problemBase}${slug}`, title, status, ...extra };
}

export class SessionExpired extends Unauthenticated {
  override name = 'SessionExpired';
}

/** A conflict that carries the possibly-duplicate clients, so the UI can show them. */
export class DuplicateClient extends Conflict {
  constructor(readonly duplicates: unknown[]) {
    super('A client with the same name and date of birth, or the same phone, already exists.');
  }
}

/** A note signed without current treatment consent: the editor asks for the reason. */
export class ConsentMissing extends Conflict {
  override name = 'ConsentMissing';
}

/**
 * A session that cannot start yet: absolute contraindications without an override. Carries
 * the alerts so the therapist sees what to resolve, and the override to post names them.
 */
export class BlockingSafetyAlerts extends Conflict {
  constructor(readonly alerts: unknown[]) {
    super('An absolute contraindication blocks this session: override it with a reason to start.');
  }
}

/** A purge refused because the record is still inside its retention period. */
export class RetentionNotOver extends Conflict {
  override name = 'RetentionNotOver';
  constructor(
    message: string,
    readonly retainedUntil: string,
  ) {
    super(message);
  }
}

export function issuesFromZod(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}

/** The one place where error values become HTTP answers. */
export function problemFor(error: unknown): Problem {
  if (error instanceof DomainError) {
    if (error instanceof Unprocessable) {
      return problem(422, 'unprocessable', 'The answers cannot be accepted as they are.', {
        detail: error.message,
        errors: error.issues,
      });
    }
    if (error instanceof Invalid) {
      return problem(400, 'invalid-request', 'The request has invalid fields.', {
        detail: error.message,
        errors: error.issues,
      });
    }
    if (error instanceof NotFound)
      return problem(404, 'not-found', 'Not found.', { detail: error.message });
    if (error instanceof SessionExpired) {
      return problem(401, 'session-expired', 'Your session has ended.', { detail: error.message });
    }
    if (error instanceof Unauthenticated) {
      return problem(401, 'unauthenticated', 'Sign-in required.', { detail: error.message });
    }
    if (error instanceof Forbidden)
      return problem(403, 'forbidden', 'Not allowed.', { detail: error.message });
    if (error instanceof DuplicateClient) {
      return problem(409, 'duplicate-client', 'Possible duplicate client.', {
        detail: error.message,
        duplicates: error.duplicates,
      });
    }
    if (error instanceof ConsentMissing) {
      return problem(409, 'consent-missing', 'Treatment consent is not current.', {
        detail: error.message,
        errors: error.issues,
      });
    }
    if (error instanceof BlockingSafetyAlerts) {
      return problem(409, 'blocking-safety-alerts', 'Blocking safety alerts.', {
        detail: error.message,
        alerts: error.alerts,
      });
    }
    if (error instanceof RetentionNotOver) {
      return problem(409, 'retention-not-over', 'The retention period is not over.', {
        detail: error.message,
        retainedUntil: error.retainedUntil,
      });
    }
    if (error instanceof Conflict) {
      return problem(409, 'conflict', 'Conflict with the current state.', {
        detail: error.message,
        ...(error.issues.length ? { errors: error.issues } : {}),
      });
    }
    if (error instanceof PreconditionRequired) {
      return problem(428, 'precondition-required', 'If-Match required.', { detail: error.message });
    }
    if (error instanceof StaleVersion) {
      return problem(412, 'stale-version', 'Changed by someone else.', {
        detail: error.message,
        current: error.current,
        currentVersion: error.currentVersion,
      });
    }
    if (error instanceof TooManyAttempts) {
      return problem(429, 'too-many-attempts', 'Too many attempts.', {
        detail: error.message,
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'payload-too-large', 'Request body too large.', {
        detail: 'The request body is larger than this endpoint accepts.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported-media-type', 'Unsupported media type.', {
        detail: 'Send the request body as application/json.',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'invalid-request', 'Empty JSON body.', {
        detail: 'The request says it carries JSON but the body is empty.',
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case undefined:
      break;
    default:
      break;
  }
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return problem(400, 'malformed-json', 'Malformed JSON.', {
      detail: 'The request body is not valid JSON.',
    });
  }
  if (fastifyError.statusCode === 429) {
    return problem(429, 'too-many-attempts', 'Too many requests.', {
      detail: 'Too many requests from this address. Wait a minute and try again.',
    });
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return problem(fastifyError.statusCode, 'bad-request', 'Bad request.', {
      detail: fastifyError.message,
    });
  }
  return problem(500, 'internal', 'Something went wrong on the server.', {
    detail: 'The error was logged. Nothing was saved by this request.',
  });
}

export function sendProblem(reply: FastifyReply, value: Problem): FastifyReply {
  const current = value['current'] as { version?: number } | undefined;
  if (value.status === 412 && current && typeof current.version === 'number') {
    void reply.header('etag', etagFor(current.version));
  }
  if (value.status === 429 && typeof value['retryAfterSeconds'] === 'number') {
    void reply.header('retry-after', String(value['retryAfterSeconds']));
  }
  return reply.code(value.status).type('application/problem+json').send(value);
}

/** A refused upload says how large a body the endpoint takes, so the sender can split it. */
function withBodyLimit(value: Problem, limit: number | undefined): void {
  if (typeof limit !== 'number') return;
  const megabytes = limit / (1024 * 1024);
  const size =
    megabytes >= 1 ? `${Number(megabytes.toFixed(1))} MB` : `${Math.round(limit / 1024)} kB`;
  value.detail = `The request body is larger than this endpoint accepts: at most ${size}.`;
  value['limitBytes'] = limit;
}

export function errorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const value = problemFor(error);
  if (value.status === 413) withBodyLimit(value, request.routeOptions?.bodyLimit);
  // Refused before the body was read in full: the sender is still writing (see lingering-close).
  if (!request.raw.complete) lingerBeforeClosing(request.raw.socket);
  if (value.status >= 500) {
    // Log the error kind and stack only: request bodies and messages may carry client data.
    request.log.error(
      { err: { type: (error as Error)?.name, stack: (error as Error)?.stack } },
      'request failed',
    );
  }
  return sendProblem(reply, value);
}
