import type { Bundle, BundleEntry, OperationOutcome } from './types.js';

/** The answers of the FHIR API that are not a resource of the record: errors and pages. */
export type IssueCode = OperationOutcome['issue'][number]['code'];

export function operationOutcome(code: IssueCode, diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

/**
 * One page of search results. `total` counts every match; `self` and `next` are absolute
 * URLs (a client follows `next` as given), `next` absent on the last page.
 */
export function searchset(page: {
  entries: BundleEntry[];
  total: number;
  self: string;
  next: string | null;
  previous: string | null;
}): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link: [
      { relation: 'self', url: page.self },
      ...(page.next ? [{ relation: 'next' as const, url: page.next }] : []),
      ...(page.previous ? [{ relation: 'previous' as const, url: page.previous }] : []),
    ],
    // FHIR JSON never has an empty array: a page without matches has no `entry` at all.
    ...(page.entries.length
      ? { entry: page.entries.map((entry) => ({ ...entry, search: { mode: 'match' as const } })) }
      : {}),
  };
}
