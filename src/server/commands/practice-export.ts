import type { Runtime } from '../../domain/runtime.js';
import { findClient } from '../../store/clients.js';
import type { Db } from '../../store/database.js';
import {
  practiceAuditRows,
  practiceClientIds,
  practiceTableRows,
  practiceTables,
  tableColumns,
} from '../../store/export-rows.js';
import { findPractice } from '../../store/practices.js';
import { slug, tableFiles, textFile, type ArchiveFiles } from './archive-files.js';
import { clientCopyFiles } from './client-copy.js';

/**
 * The whole practice on its way out of Palpate, in files any program reads: the practice and
 * its settings, staff (without password hashes), catalogues and templates, every client's
 * copy (the same files as their right-of-access archive) and the complete audit trail, hashes
 * included so the chain can still be checked. Nothing is locked in.
 */
export async function practiceExportFiles(
  db: Db,
  runtime: Runtime,
  practiceId: string,
): Promise<{ files: ArchiveFiles; clients: number }> {
  const practice = await findPractice(db, practiceId);
  if (!practice) throw new Error(`No practice with id ${practiceId}.`);
  const columns = await tableColumns(db);
  const files: ArchiveFiles = {};
  for (const entry of practiceTables) {
    const rows = await practiceTableRows(db, practiceId, entry);
    const header = (columns.get(entry.table) ?? []).filter(
      (column) => !(entry.omit ?? []).includes(column),
    );
    Object.assign(files, tableFiles('practice', entry.table, header, rows));
  }
  Object.assign(
    files,
    tableFiles(
      'audit',
      'audit_events',
      columns.get('audit_events') ?? [],
      await practiceAuditRows(db, practiceId),
    ),
  );
  const clientIds = await practiceClientIds(db, practiceId);
  for (const clientId of clientIds) {
    const client = (await findClient(db, practiceId, clientId))!;
    const copy = await clientCopyFiles(db, runtime, {
      practiceId,
      timeZone: practice.timeZone,
      client,
      generatedBy: 'palpate export',
      recipient: 'The practice, exporting all its records',
      columns,
    });
    const folder = `clients/${slug(`${client.legalLastName} ${client.legalFirstName}`) || 'client'}-${client.id}`;
    for (const [path, content] of Object.entries(copy)) files[`${folder}/${path}`] = content;
  }
  files['README.txt'] = textFile(
    [
      `${practice.name}: everything Palpate holds`,
      `Exported ${runtime.now().toISOString()} by \`palpate export\`.`,
      '',
      'practice/   The practice and its settings, staff (no password hashes), techniques,',
      '            session types, products, note templates, intake form and consent texts.',
      'clients/    One folder per client (archived ones too), each the client’s full copy:',
      '            record.pdf and every table that concerns them as CSV and JSON.',
      'audit/      The whole audit trail in order, with its hash chain.',
      '',
      `${clientIds.length} clients. A therapist’s private reflections are their own notes, not part`,
      'of the clinical record, and are not exported.',
      '',
    ].join('\n'),
  );
  return { files, clients: clientIds.length };
}
