import type { ZodType } from 'zod';
import type { FieldIssue } from '../../domain/errors.js';

/**
 * The one way the web app talks to the Palpate API: same-origin cookies, the CSRF token on
 * every write, If-Match on every update, and problem+json errors turned into `ApiProblem`.
 */

export class ApiProblem extends Error {
  override name = 'ApiProblem';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldIssue[];
  /** Every other member of the problem document, e.g. `current`, `duplicates`. */
  readonly extensions: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const { type, title, detail, errors, status: _status, ...extensions } = body;
    const titleText = typeof title === 'string' ? title : `Request failed (${status})`;
    super(typeof detail === 'string' ? detail : titleText);
    this.status = status;
    this.type = typeof type === 'string' ? type : 'about:blank';
    this.title = titleText;
    this.detail = typeof detail === 'string' ? detail : undefined;
    this.errors = Array.isArray(errors) ? errors.filter(isFieldIssue) : [];
    this.extensions = extensions;
  }

  /** True when the problem type names this kind, e.g. `is('stale-version')`. */
  is(kind: string): boolean {
    return this.type === kind || this.type.endsWith(`/${kind}`);
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (value === null || typeof value !== 'object') return false;
  const issue = value as Record<string, unknown>;
  return typeof issue.field === 'string' && typeof issue.message === 'string';
}

/** An ETag names the version of a record: the version number in double quotes. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

export interface Versioned<T> {
  value: T;
  etag: string;
}

let csrfToken: string | null = null;
let unauthorizedHandler: ((problem: ApiProblem) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on a 401 from any request that expects a signed-in user. */
export function onUnauthorized(handler: ((problem: ApiProblem) => void) | null): void {
  unauthorizedHandler = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions<T> {
  body?: unknown;
  /** A file sent as the body itself (an import), instead of JSON. */
  upload?: { file: Blob; contentType: string };
  ifMatch?: string;
  /** An RFC 7240 preference, such as `return=minimal` for a save whose answer needs no body. */
  prefer?: string;
  /** Validates and types the response body. Omit for responses without one (204). */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /** Sign-in and setup answer 401 for a wrong password; that is not a lost session. */
  expectSignedIn?: boolean;
}

export interface ApiResponse<T> {
  value: T;
  etag: string | null;
}

export async function request<T = undefined>(
  method: Method,
  path: string,
  options: RequestOptions<T> = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.upload) headers['content-type'] = options.upload.contentType;
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
  if (options.prefer !== undefined) headers['prefer'] = options.prefer;

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.upload
      ? options.upload.file
      : options.body === undefined
        ? null
        : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && options.expectSignedIn !== false) unauthorizedHandler?.(problem);
    throw problem;
  }

  const etag = response.headers.get('etag');
  if (options.schema === undefined || response.status === 204) {
    return { value: undefined as T, etag };
  }
  const json: unknown = await response.json();
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    // The server and this app disagree about the contract: say so plainly rather than guess.
    console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiProblem(response.status, {
      title: 'Unexpected response from the server',
      detail: 'Palpate received data it did not understand. Reload the page and try again.',
    });
  }
  return { value: parsed.data, etag };
}

async function readProblem(response: Response): Promise<ApiProblem> {
  try {
    const body: unknown = await response.json();
    if (body !== null && typeof body === 'object') {
      return new ApiProblem(response.status, body as Record<string, unknown>);
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic problem.
  }
  return new ApiProblem(response.status, {
    title: response.statusText || `Request failed (${response.status})`,
  });
}

/**
 * A POST whose answer is a file (the record as a PDF, the client's copy as a zip): the bytes
 * and the name the server gave them. A refusal arrives as the same ApiProblem as anywhere else.
 */
export async function requestFile(
  path: string,
  body?: unknown,
): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) unauthorizedHandler?.(problem);
    throw problem;
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), filename };
}

/** GET and return the body alone. */
export async function get<T>(path: string, schema: ZodType<T>, signal?: AbortSignal): Promise<T> {
  const response = await request('GET', path, signal ? { schema, signal } : { schema });
  return response.value;
}

/** GET a record whose updates need If-Match, keeping the ETag it came with. */
export async function getVersioned<T extends { version: number }>(
  path: string,
  schema: ZodType<T>,
  signal?: AbortSignal,
): Promise<Versioned<T>> {
  const response = await request('GET', path, signal ? { schema, signal } : { schema });
  return { value: response.value, etag: response.etag ?? versionTag(response.value.version) };
}

/** A write whose answer is the updated record, with the ETag for the next write. */
export async function sendVersioned<T extends { version: number }>(
  method: Method,
  path: string,
  schema: ZodType<T>,
  options: { body?: unknown; ifMatch?: string } = {},
): Promise<Versioned<T>> {
  const response = await request(method, path, { ...options, schema });
  return { value: response.value, etag: response.etag ?? versionTag(response.value.version) };
}

/** Builds `path?query`, leaving out empty values. */
export function withQuery(
  path: string,
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail ?? error.title;
  if (error instanceof Error && error.name !== 'AbortError') {
    return 'Palpate could not reach the server. Check your connection and try again.';
  }
  return 'Something went wrong.';
}
