import type { ClientInput } from '../../domain/clients.js';
import type { ClientPlan, ClientState } from '../../domain/fhir-import/plan.js';
import type { PatientImport } from '../../domain/fhir-import/reading.js';
import type { Runtime } from '../../domain/runtime.js';
import { insertClient } from '../../store/clients.js';
import type { Db } from '../../store/database.js';
import { insertExternalRecords } from '../../store/external-records.js';
import { saveHealthHistory } from '../../store/health-history.js';
import { addClientSourceKeys, recordImportedHistoryEntries } from '../../store/imports.js';
import type { Actor } from '../actor.js';

/**
 * The writes of a FHIR import for one client, in the caller's transaction: the client (when
 * new), the keys that recognise them next time, one health-history version marked `import`
 * with every entry new to them, which entry each source resource became, and the records
 * from other providers.
 */
export interface ClientWork {
  clientId: string;
  /** The client's name as the practice has it (or will, once created). */
  name: string;
  state: ClientState;
  /** The history version the plan was made on (0 before the first). */
  currentNumber: number;
  /** The client to create, or null for one the practice already has. */
  created: ClientInput | null;
  keys: Set<string>;
  plans: Array<{ patient: PatientImport; plan: ClientPlan }>;
  archived: boolean;
}

/** What an import changed for one client: each gets its own audit event. */
export interface ClientChange {
  clientId: string;
  created: boolean;
  historyVersion: number | null;
  historySections: string[];
  records: number;
}

/** Whether importing changes anything for this client (a re-import changes nothing). */
export function changesClient(work: ClientWork): boolean {
  return (
    work.created !== null ||
    work.plans.some(({ plan }) => plan.added.length + plan.merged.length + plan.records.length > 0)
  );
}

/** The counts an import's log keeps: never a name, since the log outlives every client. */
export function importSummary(changed: ClientWork[]): string {
  const count = (pick: (plan: ClientPlan) => number) =>
    changed.reduce(
      (total, work) => total + work.plans.reduce((sum, { plan }) => sum + pick(plan), 0),
      0,
    );
  return JSON.stringify({
    clientsCreated: changed.filter((work) => work.created).length,
    clientsMatched: changed.filter((work) => !work.created).length,
    historyEntriesAdded: count((plan) => plan.added.length),
    recordsAdded: count((plan) => plan.records.length),
  });
}

export async function writeClientImport(
  db: Db,
  runtime: Runtime,
  actor: Actor,
  entry: ClientWork,
  importId: string,
  source: string,
  now: string,
): Promise<ClientChange> {
  if (entry.created) {
    await insertClient(db, {
      id: entry.clientId,
      practiceId: actor.practiceId,
      input: { ...entry.created, primaryTherapistId: null },
      userId: actor.userId,
      now,
    });
  }
  await addClientSourceKeys(db, {
    practiceId: actor.practiceId,
    clientId: entry.clientId,
    importId,
    keys: [...entry.keys],
  });
  const added = entry.plans.flatMap(({ plan }) => plan.added);
  let historyVersion: number | null = null;
  let historySections: string[] = [];
  if (added.length > 0) {
    const saved = await saveHealthHistory(db, {
      practiceId: actor.practiceId,
      clientId: entry.clientId,
      expectedNumber: entry.currentNumber,
      history: entry.state.history,
      recordedBy: actor.userId,
      source: 'import',
      now,
      id: runtime.newId(),
    });
    historyVersion = saved.number;
    historySections = saved.changedSections;
  }
  const links = entry.plans.flatMap(({ plan }) => [
    ...plan.added.map((link) => ({ ...link, merged: 0 })),
    ...plan.merged.map((link) => ({ ...link, merged: 1 })),
  ]);
  await recordImportedHistoryEntries(
    db,
    links.map((link) => ({
      client_id: entry.clientId,
      source,
      record_key: link.recordKey,
      practice_id: actor.practiceId,
      section: link.section,
      entry_id: link.entryId,
      merged: link.merged,
      import_id: importId,
    })),
  );
  const records = entry.plans.flatMap(({ plan }) => plan.records);
  await insertExternalRecords(
    db,
    records.map((record) => ({
      id: runtime.newId(),
      practice_id: actor.practiceId,
      client_id: entry.clientId,
      import_id: importId,
      source,
      record_key: record.recordKey,
      kind: record.kind,
      occurred_at: record.occurredAt,
      ended_at: record.endedAt,
      title: record.title,
      value: record.value,
      detail: record.detail,
      code: record.code,
      performer: record.performer,
      organization: record.organization,
      encounter_key: record.encounterKey,
      resource: record.resource,
    })),
  );
  return {
    clientId: entry.clientId,
    created: entry.created !== null,
    historyVersion,
    historySections,
    records: records.length,
  };
}
