import type { AuditEventView } from '../../src/domain/audit.js';
import type { ApiClient } from './http.js';

/** The owner's view of the audit trail for a filter, newest first. */
export async function auditEvents(
  owner: ApiClient,
  filter: Record<string, string | number> = {},
): Promise<AuditEventView[]> {
  const query = new URLSearchParams(
    Object.entries({ limit: 500, ...filter }).map(([key, value]) => [key, String(value)]),
  );
  const response = await owner.get(`/api/v1/audit?${query.toString()}`);
  if (response.status !== 200)
    throw new Error(`audit query failed: ${response.status} ${response.text}`);
  return response.body.events as AuditEventView[];
}

/** The single event matching a filter; fails loudly when there are none or several. */
export async function onlyAuditEvent(
  owner: ApiClient,
  filter: Record<string, string | number>,
): Promise<AuditEventView> {
  const events = await auditEvents(owner, filter);
  if (events.length !== 1) {
    throw new Error(
      `expected one audit event for ${JSON.stringify(filter)}, got ${events.length}: ${JSON.stringify(events)}`,
    );
  }
  return events[0]!;
}
