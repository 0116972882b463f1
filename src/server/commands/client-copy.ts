import type { Client } from '../../domain/clients.js';
import { displayName } from '../../domain/clients.js';
import { recordSections } from '../../domain/record-export.js';
import type { Runtime } from '../../domain/runtime.js';
import { clientTables, omittedColumns } from '../../store/client-tables.js';
import type { Db } from '../../store/database.js';
import { clientTableRows, tableColumns } from '../../store/export-rows.js';
import { renderRecordPdf } from '../pdf/record-pdf.js';
import { tableFiles, textFile, type ArchiveFiles } from './archive-files.js';
import { gatherClientRecord } from './client-record.js';
import { clientFhirBundle } from './fhir-export.js';

/**
 * What the audit trail says about the client goes into their copy, without what concerns
 * staff rather than them (the address and browser each request came from, the chain's
 * hashes) and without the events about a therapist's private reflections.
 */
const auditColumnsLeftOut = ['ip', 'user_agent', 'prev_hash', 'hash'];

export interface ClientCopyRequest {
  practiceId: string;
  timeZone: string;
  client: Client;
  generatedBy: string;
  /** Who the copy is for, printed on the record's first page. */
  recipient: string;
  /** The table columns of the database (read once when many clients are exported). */
  columns?: Map<string, string[]>;
}

/**
 * Everything held about one client, for their right of access: the whole record as a PDF
 * and as a FHIR R4 Bundle, and every row of every table that concerns them as CSV and JSON. Private reflections are
 * not part of the record and are left out (store/client-tables.ts says so per table).
 */
export async function clientCopyFiles(
  db: Db,
  runtime: Runtime,
  request: ClientCopyRequest,
): Promise<ArchiveFiles> {
  const { client, practiceId } = request;
  const columns = request.columns ?? (await tableColumns(db));
  const record = await gatherClientRecord(db, runtime, {
    practiceId,
    timeZone: request.timeZone,
    client,
    sections: recordSections,
    period: { from: null, to: null },
    recipient: request.recipient,
    generatedBy: request.generatedBy,
  });
  const bundle = await clientFhirBundle(db, runtime, { practiceId, client });
  const files: ArchiveFiles = {
    'record.pdf': await renderRecordPdf(record),
    'fhir-bundle.json': textFile(`${JSON.stringify(bundle, null, 2)}\n`),
  };
  const included = clientTables.filter((entry) => !entry.notInClientCopy);
  for (const entry of included) {
    const audit = entry.table === 'audit_events';
    let rows = await clientTableRows(
      db,
      practiceId,
      client.id,
      entry,
      audit ? auditColumnsLeftOut : [],
    );
    if (audit) rows = rows.filter((row) => row['record_type'] !== 'reflection');
    const leftOut = [...(omittedColumns[entry.table] ?? []), ...(audit ? auditColumnsLeftOut : [])];
    const header = (columns.get(entry.table) ?? []).filter((column) => !leftOut.includes(column));
    Object.assign(files, tableFiles('tables', entry.table, header, rows));
  }
  files['README.txt'] = textFile(readme(client, record.generatedAt, included.length));
  return files;
}

function readme(client: Client, generatedAt: string, tables: number): string {
  return [
    `Everything held about ${displayName(client)}`,
    `Prepared ${generatedAt} by Palpate.`,
    '',
    'record.pdf      The whole record as one readable document.',
    'fhir-bundle.json The record as a FHIR R4 Bundle, for other health software.',
    `tables/         Each of the ${tables} tables that concern this client, as CSV (for a`,
    '                spreadsheet) and JSON (for a program), with this client’s rows only.',
    '',
    'Dates are YYYY-MM-DD in the practice’s time zone; instants are UTC (ISO 8601). Columns',
    'holding structured values (addresses, note content) hold JSON text.',
    'A therapist’s private reflections are their own notes, not part of the clinical record,',
    'and are not included.',
    '',
  ].join('\n');
}
