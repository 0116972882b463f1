import type { CsvImportReport, CsvImportRequest } from '../../domain/client-list-import.js';
import { planClientList, reportOf } from '../../domain/csv-import/plan.js';
import { Unprocessable } from '../../domain/errors.js';
import { emptyHealthHistory } from '../../domain/health-history.js';
import type { Runtime } from '../../domain/runtime.js';
import { localDate } from '../../domain/time.js';
import { insertClient } from '../../store/clients.js';
import type { Db } from '../../store/database.js';
import { saveHealthHistory } from '../../store/health-history.js';
import { clientMatchRows, recordImport } from '../../store/imports.js';
import type { Actor } from '../actor.js';

/**
 * A client list into the practice. A dry run reports each line; the import refuses the whole
 * file while any line it would import has a problem, then creates every client (and, from a
 * notes column, a first health-history version marked as imported) in the caller's one
 * transaction. Possible duplicates wait unless the person chose to import them anyway.
 */
export interface CreatedClient {
  clientId: string;
  line: number;
  historyVersion: number | null;
}

export async function importClientList(
  db: Db,
  runtime: Runtime,
  input: { actor: Actor; request: CsvImportRequest; dryRun: boolean },
): Promise<{ report: CsvImportReport; created: CreatedClient[] }> {
  const { actor } = input;
  const today = localDate(runtime.now(), actor.timeZone);
  const existing = (await clientMatchRows(db, actor.practiceId)).map((client) => ({
    id: client.id,
    name: `${client.legalFirstName} ${client.legalLastName}`,
    nameBirthKey: client.nameBirthKey,
    phoneDigits: client.phoneDigits,
  }));
  const plan = planClientList(input.request, existing, today);
  if (input.dryRun) return { report: reportOf(plan, true, null), created: [] };

  const problems = plan.rows.flatMap((row) => row.issues);
  if (problems.length > 0) {
    throw new Unprocessable(
      `${plan.rows.filter((row) => row.outcome === 'invalid').length} lines have problems; nothing was imported. Fix or skip them and import again.`,
      problems.map((issue) => ({
        field: issue.column ? `line ${issue.line}, ${issue.column}` : `line ${issue.line}`,
        message: issue.message,
      })),
    );
  }
  if (plan.clients.length === 0) return { report: reportOf(plan, false, null), created: [] };

  const now = runtime.now().toISOString();
  const importId = runtime.newId();
  await recordImport(db, {
    id: importId,
    practice_id: actor.practiceId,
    kind: 'csv',
    source: 'CSV client list',
    imported_by: actor.userId,
    imported_at: now,
    summary: JSON.stringify({ clients: plan.clients.length }),
  });
  const created: CreatedClient[] = [];
  for (const planned of plan.clients) {
    const clientId = runtime.newId();
    await insertClient(db, {
      id: clientId,
      practiceId: actor.practiceId,
      input: planned.client,
      userId: actor.userId,
      now,
    });
    let historyVersion: number | null = null;
    if (planned.notes) {
      const saved = await saveHealthHistory(db, {
        practiceId: actor.practiceId,
        clientId,
        expectedNumber: 0,
        history: { ...emptyHealthHistory(), notes: planned.notes },
        recordedBy: actor.userId,
        source: 'import',
        now,
        id: runtime.newId(),
      });
      historyVersion = saved.number;
    }
    created.push({ clientId, line: planned.line, historyVersion });
  }
  const byLine = new Map(created.map((client) => [client.line, client.clientId]));
  const report = reportOf(plan, false, importId);
  report.rows = report.rows.map((row) => ({ ...row, clientId: byLine.get(row.line) ?? null }));
  return { report, created };
}
