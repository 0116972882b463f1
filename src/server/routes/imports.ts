import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CsvEncoding,
  CsvImportReport,
  CsvImportRequest,
  CsvInspection,
  clientListLimitBytes,
  type CsvDelimiter,
} from '../../domain/client-list-import.js';
import { inspectClientList } from '../../domain/csv-import/inspect.js';
import { statedEncoding } from '../../domain/csv-import/encoding.js';
import { Conflict, Forbidden, Invalid } from '../../domain/errors.js';
import { FhirImportReport, fhirImportLimitBytes } from '../../domain/fhir-import-report.js';
import { localDate } from '../../domain/time.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { importClientList } from '../commands/client-list-import.js';
import { importFhirBundle, type ClientChange } from '../commands/fhir-import.js';
import type { AppContext } from '../context.js';
import { authorize, can } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';

/** Any JSON: the importer itself says what is wrong with a bundle, and where. */
const FhirBundleBody = z.unknown();

const delimiters: Record<string, CsvDelimiter> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  bar: '|',
};
const InspectQuery = z.object({
  encoding: CsvEncoding.optional(),
  delimiter: z.enum(['comma', 'semicolon', 'tab', 'bar']).optional(),
});

/** The JSON body of a client-list dry run or import: the decoded rows, read once by inspect. */
const clientListJsonLimit = 2 * clientListLimitBytes;

/** A unique key that another transaction took first (PostgreSQL 23505, SQLite's constraint). */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '23505' || /UNIQUE constraint failed/.test(message ?? '');
}

/**
 * Imports from other systems: a FHIR R4 Bundle (owner only) and a client list as CSV (owner
 * or front desk), each with a dry run that writes nothing. Every dry run and import is
 * audited with its counts; each client created or changed gets its own event too.
 */
export function importRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;

  const runFhir = async (request: FastifyRequest, actor: Actor, body: unknown, dryRun: boolean) => {
    authorize(actor, 'import.fhir');
    if (Buffer.isBuffer(body)) {
      throw new Invalid('Send the bundle as JSON.', [
        { field: 'Content-Type', message: 'Must be application/fhir+json or application/json.' },
      ]);
    }
    if (dryRun) {
      const { report } = await importFhirBundle(store.db, runtime, { actor, bundle: body, dryRun });
      await recordAudit(context, store.db, request, {
        action: 'import.fhir.dryRun',
        recordType: 'import',
        detail: { ...report.totals, patients: report.patients.length },
      });
      return report;
    }
    try {
      return await store.db.transaction().execute(async (trx) => {
        const { report, changes } = await importFhirBundle(trx, runtime, {
          actor,
          bundle: body,
          dryRun,
        });
        for (const change of changes)
          await auditClientChange(request, trx, change, report.importId!);
        await recordAudit(context, trx, request, {
          action: 'import.fhir',
          recordType: 'import',
          recordId: report.importId,
          detail: {
            ...report.totals,
            patients: report.patients.length,
            changesNothing: report.changesNothing,
          },
        });
        return report;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new Conflict(
        'Another import brought some of these records in at the same moment. Import again: only what is still missing will be added.',
      );
    }
  };

  const auditClientChange = async (
    request: FastifyRequest,
    trx: Parameters<typeof recordAudit>[1],
    change: ClientChange,
    importId: string,
  ) => {
    const audit = (action: string, detail: Record<string, unknown>) =>
      recordAudit(context, trx, request, {
        action,
        recordType: action.startsWith('client.')
          ? 'client'
          : action.startsWith('health')
            ? 'health_history'
            : 'external_records',
        recordId: change.clientId,
        clientId: change.clientId,
        detail: { importId, ...detail },
      });
    if (change.created) await audit('client.create', {});
    if (change.historyVersion !== null) {
      await audit('healthHistory.import', {
        number: change.historyVersion,
        sections: change.historySections,
      });
    }
    if (change.records > 0) await audit('externalRecords.import', { records: change.records });
  };

  const runClientList = async (
    request: FastifyRequest,
    actor: Actor,
    body: CsvImportRequest,
    dryRun: boolean,
  ) => {
    authorize(actor, 'import.clientList');
    if (body.mapping.includes('notes') && !can(actor, 'import.clientListNotes')) {
      throw new Forbidden(
        'Notes go into health histories, which only clinicians keep: leave the notes column out, or ask the owner to import the list.',
      );
    }
    if (dryRun) {
      const { report } = await importClientList(store.db, runtime, {
        actor,
        request: body,
        dryRun,
      });
      await recordAudit(context, store.db, request, {
        action: 'import.clientList.dryRun',
        recordType: 'import',
        detail: report.counts,
      });
      return report;
    }
    return store.db.transaction().execute(async (trx) => {
      const { report, created } = await importClientList(trx, runtime, {
        actor,
        request: body,
        dryRun,
      });
      for (const client of created) {
        const facts = { clientId: client.clientId, recordId: client.clientId };
        await recordAudit(context, trx, request, {
          action: 'client.create',
          recordType: 'client',
          ...facts,
          detail: { importId: report.importId },
        });
        if (client.historyVersion !== null) {
          await recordAudit(context, trx, request, {
            action: 'healthHistory.import',
            recordType: 'health_history',
            ...facts,
            detail: {
              importId: report.importId,
              number: client.historyVersion,
              sections: ['notes'],
            },
          });
        }
      }
      await recordAudit(context, trx, request, {
        action: 'import.clientList',
        recordType: 'import',
        recordId: report.importId,
        detail: report.counts,
      });
      return report;
    });
  };

  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/fhir/dry-run',
      operationId: 'dryRunFhirImport',
      summary:
        'What importing a FHIR R4 Bundle would create, match and leave out, and why (writes nothing)',
      tag: 'imports',
      auth: 'user',
      body: FhirBundleBody,
      upload: 'fhir',
      bodyLimit: fhirImportLimitBytes,
      responses: { 200: FhirImportReport, 400: null, 413: null, 422: null },
      handler: ({ actor, body, request }) => runFhir(request, actor, body, true),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/fhir',
      operationId: 'importFhirBundle',
      summary:
        'Import a FHIR R4 Bundle: clients, their allergies, conditions and medications, and other providers’ history (all or nothing)',
      tag: 'imports',
      auth: 'user',
      body: FhirBundleBody,
      upload: 'fhir',
      bodyLimit: fhirImportLimitBytes,
      responses: { 200: FhirImportReport, 400: null, 409: null, 413: null, 422: null },
      handler: ({ actor, body, request }) => runFhir(request, actor, body, false),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/client-list/inspect',
      operationId: 'inspectClientList',
      summary:
        'Read a CSV client list: encoding, delimiter, rows with their line numbers, a guessed column mapping and date format',
      tag: 'imports',
      auth: 'user',
      query: InspectQuery,
      upload: 'csv',
      bodyLimit: clientListLimitBytes,
      responses: { 200: CsvInspection, 400: null, 413: null },
      handler: async ({ actor, query, request }) => {
        authorize(actor, 'import.clientList');
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new Invalid('Send the file itself.', [
            {
              field: 'Content-Type',
              message:
                'Must be text/csv (or text/tab-separated-values), with the file’s bytes as the body.',
            },
          ]);
        }
        const stated = query.encoding ?? statedEncoding(request.headers['content-type']);
        return inspectClientList(body, {
          encoding: stated,
          delimiter: query.delimiter ? delimiters[query.delimiter]! : null,
          timeZone: actor.timeZone,
          today: localDate(runtime.now(), actor.timeZone),
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/client-list/dry-run',
      operationId: 'dryRunClientListImport',
      summary:
        'What importing a client list would do, line by line: clients to create, possible duplicates, problems',
      tag: 'imports',
      auth: 'user',
      body: CsvImportRequest,
      bodyLimit: clientListJsonLimit,
      responses: { 200: CsvImportReport, 400: null, 413: null },
      handler: ({ actor, body, request }) => runClientList(request, actor, body, true),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/client-list',
      operationId: 'importClientList',
      summary: 'Import a client list: every line or none (422 listing each line’s problems)',
      tag: 'imports',
      auth: 'user',
      body: CsvImportRequest,
      bodyLimit: clientListJsonLimit,
      responses: { 200: CsvImportReport, 400: null, 413: null, 422: null },
      handler: ({ actor, body, request }) => runClientList(request, actor, body, false),
    }),
  ];
}
