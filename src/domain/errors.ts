/**
 * Errors are values with a type at the domain edge. The server maps each kind to one
 * problem+json status in a single place (server/problems.ts), so no route invents its own.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `emergencyContact.phone`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
}

export class Invalid extends DomainError {
  override name = 'Invalid';
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * Well-formed input a rule refuses as a whole, e.g. a form sent with required answers missing
 * (422): the request was understood, its content cannot be accepted as it is.
 */
export class Unprocessable extends Invalid {
  override name = 'Unprocessable';
}

export class NotFound extends DomainError {
  override name = 'NotFound';
  constructor(
    readonly recordType: string,
    message?: string,
  ) {
    super(message ?? `${recordType[0]?.toUpperCase() ?? ''}${recordType.slice(1)} not found.`);
  }
}

export class Forbidden extends DomainError {
  override name = 'Forbidden';
}

export class Unauthenticated extends DomainError {
  override name = 'Unauthenticated';
}

/** A write that would break a rule about the current state (e.g. email already used). */
export class Conflict extends DomainError {
  override name = 'Conflict';
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** An update without If-Match: we never guess which version the writer saw. */
export class PreconditionRequired extends DomainError {
  override name = 'PreconditionRequired';
  constructor() {
    super('This update needs an If-Match header with the ETag of the version you edited.');
  }
}

/** A stale write: someone else saved first. Carries the current state so the UI can show it. */
export class StaleVersion extends DomainError {
  override name = 'StaleVersion';
  constructor(
    readonly recordType: string,
    readonly current: unknown,
    readonly currentVersion: number,
  ) {
    super(`This ${recordType} was changed by someone else since you opened it.`);
  }
}

export class TooManyAttempts extends DomainError {
  override name = 'TooManyAttempts';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
