import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { AuditEventView, AuditQuery } from '../../domain/audit.js';
import { queryAudit } from '../../store/audit.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { authorize } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';

const csvColumns = [
  'seq',
  'at',
  'userId',
  'userName',
  'role',
  'action',
  'recordType',
  'recordId',
  'clientId',
  'outcome',
  'ip',
  'userAgent',
  'detail',
] as const;
/** The CSV export pages through the log so memory stays flat on a ten-year trail. */
const csvPageSize = 500;

export function auditRoutes(context: AppContext): RouteSpec[] {
  const { store } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/audit',
      operationId: 'listAuditEvents',
      summary: 'The audit trail, newest first, filtered by client, user, action and time (owner)',
      tag: 'audit',
      auth: 'user',
      query: AuditQuery,
      responses: {
        200: z.object({
          events: z.array(AuditEventView),
          nextBeforeSeq: z.number().int().nullable(),
        }),
      },
      handler: async ({ actor, query, request }) => {
        authorize(actor, 'audit.read');
        const events = await queryAudit(store.db, actor.practiceId, query);
        await recordAudit(context, store.db, request, {
          action: 'audit.read',
          recordType: 'audit',
          clientId: query.clientId ?? null,
        });
        const last = events[events.length - 1];
        return { events, nextBeforeSeq: events.length === query.limit && last ? last.seq : null };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/audit.csv',
      operationId: 'exportAuditEvents',
      summary: 'The filtered audit trail as CSV (owner)',
      tag: 'audit',
      auth: 'user',
      query: AuditQuery.omit({ limit: true, beforeSeq: true }),
      responses: { 200: 'csv' },
      handler: async ({ actor, query, request, reply }) => {
        authorize(actor, 'audit.read');
        await recordAudit(context, store.db, request, {
          action: 'audit.export',
          recordType: 'audit',
          clientId: query.clientId ?? null,
        });
        const chunks: string[] = [stringify([csvColumns as unknown as string[]])];
        let beforeSeq: number | undefined;
        for (;;) {
          const events = await queryAudit(store.db, actor.practiceId, {
            ...query,
            limit: csvPageSize,
            ...(beforeSeq ? { beforeSeq } : {}),
          });
          chunks.push(
            stringify(
              events.map((event) =>
                csvColumns.map((column) => {
                  const value = event[column];
                  return value === null
                    ? ''
                    : typeof value === 'object'
                      ? JSON.stringify(value)
                      : String(value);
                }),
              ),
            ),
          );
          if (events.length < csvPageSize) break;
          beforeSeq = events[events.length - 1]!.seq;
        }
        void reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="palpate-audit.csv"');
        return chunks.join('');
      },
    }),
  ];
}
