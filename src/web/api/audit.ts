import { z } from 'zod';
import { AuditEventView } from '../../domain/audit.js';
import { get, withQuery } from './client.js';

/** The filters a reader of the audit log chooses; dates are already instants (ISO 8601). */
export interface AuditFilter {
  clientId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const auditKeys = { list: (filter: AuditFilter) => ['audit', filter] as const };

const AuditPage = z.object({
  events: z.array(AuditEventView),
  nextBeforeSeq: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const auditPageSize = 100;

export function listAuditEvents(
  filter: AuditFilter,
  beforeSeq: number | undefined,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const path = withQuery('/api/v1/audit', { ...filter, limit: auditPageSize, beforeSeq });
  return get(path, AuditPage, signal);
}

/** The same filter as a CSV download; the browser fetches it with the session cookie. */
export function auditCsvUrl(filter: AuditFilter): string {
  return withQuery('/api/v1/audit.csv', { ...filter });
}
