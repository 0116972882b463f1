import { nameAndBirthKey, type ClientInput } from '../../domain/clients.js';
import { Unprocessable, type FieldIssue } from '../../domain/errors.js';
import type {
  FhirImportReport,
  FhirPatientOutcome,
  PatientMatch,
} from '../../domain/fhir-import-report.js';
import type { IgnoredEntry } from '../../domain/fhir-import/bundle.js';
import {
  planClientImport,
  type ClientPlan,
  type ClientState,
} from '../../domain/fhir-import/plan.js';
import { readFhirImport, type PatientImport } from '../../domain/fhir-import/reading.js';
import { patientLabel } from '../../domain/fhir-import/patients.js';
import { emptyHealthHistory } from '../../domain/health-history.js';
import type { Runtime } from '../../domain/runtime.js';
import { localDate } from '../../domain/time.js';
import { insertClient } from '../../store/clients.js';
import type { Db } from '../../store/database.js';
import { insertExternalRecords } from '../../store/external-records.js';
import { currentHealthHistory, saveHealthHistory } from '../../store/health-history.js';
import {
  addClientSourceKeys,
  clientBySourceKeys,
  clientMatchRows,
  importedRecordKeys,
  recordImport,
  recordImportedHistoryEntries,
  type ClientMatchRow,
} from '../../store/imports.js';
import type { Actor } from '../actor.js';

/**
 * A FHIR Bundle into the practice: each Patient matched to a client (by an identifier or the
 * source's record id from an earlier import, else by name and date of birth) or created; new
 * conditions, allergies and medications saved as one imported health-history version per
 * client; other providers' visits, procedures, observations and documents kept apart. A dry
 * run plans the same and writes nothing. Pass one transaction: all of it commits, or none.
 */
export interface ClientChange {
  clientId: string;
  created: boolean;
  historyVersion: number | null;
  historySections: string[];
  records: number;
}

export interface FhirImportResult {
  report: FhirImportReport;
  changes: ClientChange[];
}

interface ClientWork {
  clientId: string;
  /** The client's name as the practice has it (or will, once created). */
  name: string;
  state: ClientState;
  currentNumber: number;
  /** The client to create, or null for one the practice already has. */
  created: ClientInput | null;
  keys: Set<string>;
  plans: Array<{ patient: PatientImport; plan: ClientPlan }>;
  archived: boolean;
}

function groupIgnored(ignored: IgnoredEntry[]): FhirImportReport['ignored'] {
  const groups = new Map<string, FhirImportReport['ignored'][number]>();
  for (const entry of ignored) {
    const key = `${entry.resourceType}\u0000${entry.reason}`;
    const group = groups.get(key) ?? {
      resourceType: entry.resourceType,
      reason: entry.reason,
      count: 0,
      entries: [],
    };
    group.count += 1;
    if (group.entries.length < 50) group.entries.push(entry.entryIndex);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export async function importFhirBundle(
  db: Db,
  runtime: Runtime,
  input: { actor: Actor; bundle: unknown; dryRun: boolean },
): Promise<FhirImportResult> {
  const { actor } = input;
  const now = runtime.now().toISOString();
  const today = localDate(runtime.now(), actor.timeZone);
  const reading = readFhirImport(input.bundle, today);
  const refuse = (errors: FieldIssue[]) =>
    new Unprocessable('The bundle cannot be imported as it is; nothing was imported.', errors);
  if (reading.errors.length > 0) throw refuse(reading.errors);

  const clients = await clientMatchRows(db, actor.practiceId);
  const byNameBirth = new Map<string, ClientMatchRow>();
  for (const client of clients) {
    if (client.nameBirthKey && !byNameBirth.has(client.nameBirthKey)) {
      byNameBirth.set(client.nameBirthKey, client);
    }
  }
  const byId = new Map(clients.map((client) => [client.id, client]));
  const work = new Map<string, ClientWork>();
  const pendingKeys = new Map<string, string>();
  const outcomes: Array<{
    patient: PatientImport;
    work: ClientWork;
    matchedBy: PatientMatch | null;
  }> = [];
  const errors: FieldIssue[] = [];
  const ignored = [...reading.ignored];

  for (const patient of reading.patients) {
    const reader = patient.patient;
    let clientId: string | null = null;
    let matchedBy: PatientMatch | null = null;
    const earlier = reader.keys.map((key) => pendingKeys.get(key)).find(Boolean);
    const known = earlier ? null : await clientBySourceKeys(db, actor.practiceId, reader.keys);
    if (earlier) {
      clientId = earlier;
      matchedBy = 'identifier';
    } else if (known) {
      clientId = known.clientId;
      matchedBy = known.key.startsWith('identifier:') ? 'identifier' : 'source_record';
    } else {
      for (const variant of reader.nameVariants) {
        const key = nameAndBirthKey({ ...variant, dateOfBirth: reader.client.dateOfBirth });
        const match = key ? byNameBirth.get(key) : undefined;
        if (match) {
          clientId = match.id;
          matchedBy = 'name_and_birth_date';
          break;
        }
      }
    }
    let entry = clientId ? work.get(clientId) : undefined;
    if (!entry) {
      const creating = clientId === null;
      const id = clientId ?? runtime.newId();
      const current = creating ? null : await currentHealthHistory(db, actor.practiceId, id);
      const existing = byId.get(id);
      entry = {
        clientId: id,
        name: existing
          ? `${existing.legalFirstName} ${existing.legalLastName}`
          : patientLabel(reader),
        state: {
          history: current?.history ?? emptyHealthHistory(),
          importedKeys: creating ? new Set() : await importedRecordKeys(db, id, reading.source),
        },
        currentNumber: current?.number ?? 0,
        created: creating ? reader.client : null,
        keys: new Set(),
        plans: [],
        archived: existing?.status === 'archived',
      };
      work.set(id, entry);
      if (creating) {
        const key = nameAndBirthKey(reader.client);
        if (key) {
          byNameBirth.set(key, {
            id,
            legalFirstName: reader.client.legalFirstName,
            legalLastName: reader.client.legalLastName,
            preferredName: reader.client.preferredName,
            dateOfBirth: reader.client.dateOfBirth,
            phoneDigits: null,
            nameBirthKey: key,
            status: 'active',
          });
        }
      }
    }
    for (const key of reader.keys) {
      entry.keys.add(key);
      pendingKeys.set(key, entry.clientId);
    }
    const plan = planClientImport(patient, entry.state, () => runtime.newId(), today);
    errors.push(...plan.errors);
    ignored.push(...plan.ignored);
    entry.plans.push({ patient, plan });
    outcomes.push({ patient, work: entry, matchedBy });
  }
  if (errors.length > 0) throw refuse(errors);

  const changed = [...work.values()].filter(
    (entry) =>
      entry.created !== null ||
      entry.plans.some(
        ({ plan }) => plan.added.length + plan.merged.length + plan.records.length > 0,
      ),
  );
  const importId = input.dryRun || changed.length === 0 ? null : runtime.newId();
  const changes: ClientChange[] = [];
  if (importId) {
    await recordImport(db, {
      id: importId,
      practice_id: actor.practiceId,
      kind: 'fhir',
      source: reading.source,
      imported_by: actor.userId,
      imported_at: now,
      // Counts only: the log outlives any client it names, so it names none.
      summary: JSON.stringify({
        clientsCreated: changed.filter((entry) => entry.created).length,
        clientsMatched: changed.filter((entry) => !entry.created).length,
        historyEntriesAdded: changed.reduce(
          (total, entry) =>
            total + entry.plans.reduce((sum, { plan }) => sum + plan.added.length, 0),
          0,
        ),
        recordsAdded: changed.reduce(
          (total, entry) =>
            total + entry.plans.reduce((sum, { plan }) => sum + plan.records.length, 0),
          0,
        ),
      }),
    });
    for (const entry of changed)
      changes.push(await applyClient(db, runtime, actor, entry, importId, reading.source, now));
  }

  const report = buildReport(
    reading,
    outcomes,
    groupIgnored(ignored),
    importId,
    input.dryRun,
    changes,
  );
  return { report, changes };
}

async function applyClient(
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

function buildReport(
  reading: ReturnType<typeof readFhirImport>,
  outcomes: Array<{ patient: PatientImport; work: ClientWork; matchedBy: PatientMatch | null }>,
  ignored: FhirImportReport['ignored'],
  importId: string | null,
  dryRun: boolean,
  changes: ClientChange[],
): FhirImportReport {
  const patients: FhirPatientOutcome[] = outcomes.map(({ patient, work, matchedBy }) => {
    const plan = work.plans.find((candidate) => candidate.patient === patient)!.plan;
    const sections = (section: string) =>
      plan.added.filter((link) => link.section === section).length;
    const kinds = (kind: string) => plan.records.filter((record) => record.kind === kind).length;
    const change = changes.find((candidate) => candidate.clientId === work.clientId);
    const creating = matchedBy === null;
    return {
      entryIndex: patient.patient.entry.index,
      name: patientLabel(patient.patient),
      dateOfBirth: patient.patient.client.dateOfBirth,
      action: creating ? 'create' : 'match',
      matchedBy,
      // A client this import creates has no id until it does.
      clientId: dryRun && work.created ? null : work.clientId,
      clientName: creating ? null : work.name,
      historyAdded: {
        conditions: sections('conditions'),
        medications: sections('medications'),
        allergies: sections('allergies'),
        surgeriesAndInjuries: sections('surgeriesAndInjuries'),
      },
      historyAlreadyRecorded: plan.merged.length,
      recordsAdded: {
        encounters: kinds('encounter'),
        procedures: kinds('procedure'),
        observations: kinds('observation'),
        documents: kinds('document'),
      },
      alreadyImported: plan.alreadyImported,
      historyVersion: change?.historyVersion ?? null,
      warnings: [
        ...patient.warnings,
        ...(work.archived
          ? [
              {
                field: patient.patient.entry.location,
                message: 'The matching client is archived; restore them to see them in the list.',
              },
            ]
          : []),
      ],
    };
  });
  const sum = (pick: (patient: FhirPatientOutcome) => number) =>
    patients.reduce((total, patient) => total + pick(patient), 0);
  const historyEntriesAdded = sum((patient) =>
    Object.values(patient.historyAdded).reduce((total, count) => total + count, 0),
  );
  const recordsAdded = sum((patient) =>
    Object.values(patient.recordsAdded).reduce((total, count) => total + count, 0),
  );
  const clientsCreated = patients.filter((patient) => patient.action === 'create').length;
  return {
    dryRun,
    importId,
    source: reading.source,
    bundleType: reading.bundleType,
    entryCount: reading.entryCount,
    patients,
    ignored,
    totals: {
      clientsCreated,
      clientsMatched: patients.length - clientsCreated,
      historyEntriesAdded,
      recordsAdded,
      alreadyImported: sum((patient) => patient.alreadyImported),
      ignored: ignored.reduce((total, group) => total + group.count, 0),
    },
    changesNothing:
      clientsCreated === 0 &&
      historyEntriesAdded === 0 &&
      recordsAdded === 0 &&
      sum((patient) => patient.historyAlreadyRecorded) === 0,
  };
}
