import assert from 'node:assert/strict';
import type { ApiResponse } from './http.js';

/**
 * Asserts an RFC 9457 problem answer: the status, the problem+json media type, a matching
 * `status` member and, when given, the type slug (`/problems/<slug>`).
 */
export function assertProblem(response: ApiResponse, status: number, slug?: string): void {
  assert.equal(
    response.status,
    status,
    `expected ${status}, got ${response.status}: ${response.text}`,
  );
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(response.body.status, status);
  if (slug)
    assert.ok(
      String(response.body.type).endsWith(`/${slug}`),
      `expected problem type ${slug}, got ${response.body.type}`,
    );
}

/** The field names a 400 problem lists in `errors[]`. */
export function problemFields(response: ApiResponse): string[] {
  return ((response.body.errors ?? []) as Array<{ field: string }>).map((issue) => issue.field);
}

/** Asserts a successful status with the body in the message, so a failure says why. */
export function assertStatus(response: ApiResponse, status: number): void {
  assert.equal(
    response.status,
    status,
    `expected ${status}, got ${response.status}: ${response.text}`,
  );
}
