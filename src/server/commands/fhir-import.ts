import { nameAndBirthKey } from '../../domain/clients.js';
import { Unprocessable, type FieldIssue } from '../../domain/errors.js';
import type { FhirImportReport, PatientMatch } from '../../domain/fhir-import-report.js';
import { planClientImport } from '../../domain/fhir-import/plan.js';
import { patientLabel } from '../../domain/fhir-import/patients.js';
import { readFhirImport, type PatientImport } from '../../domain/fhir-import/reading.js';
import { fhirImportReport, type PatientResult } from '../../domain/fhir-import/report.js';
import { emptyHealthHistory } from '../../domain/health-history.js';
import type { Runtime } from '../../domain/runtime.js';
import { localDate } from '../../domain/time.js';
import type { Db } from '../../store/database.js';
import { currentHealthHistory } from '../../store/health-history.js';
import {
  clientBySourceKeys,
  clientMatchRows,
  importedRecordKeys,
  recordImport,
  type ClientMatchRow,
} from '../../store/imports.js';
import type { Actor } from '../actor.js';
import {
  changesClient,
  importSummary,
  writeClientImport,
  type ClientChange,
  type ClientWork,
} from './fhir-import-writes.js';

export type { ClientChange } from './fhir-import-writes.js';

/**
 * A FHIR Bundle into the practice: each Patient matched to a client (by an identifier or the
 * source's record id from an earlier import, else by name and date of birth) or created; new
 * conditions, allergies and medications saved as one imported health-history version per
 * client; other providers' visits, procedures, observations and documents kept apart. A dry
 * run plans the same and writes nothing. Pass one transaction: all of it commits, or none.
 */
export interface FhirImportResult {
  report: FhirImportReport;
  changes: ClientChange[];
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

  const changed = [...work.values()].filter(changesClient);
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
      summary: importSummary(changed),
    });
    for (const client of changed) {
      changes.push(
        await writeClientImport(db, runtime, actor, client, importId, reading.source, now),
      );
    }
  }
  const versions = new Map(changes.map((change) => [change.clientId, change.historyVersion]));
  const results: PatientResult[] = outcomes.map(({ patient, work: client, matchedBy }) => ({
    patient,
    plan: client.plans.find((candidate) => candidate.patient === patient)!.plan,
    matchedBy,
    clientId: input.dryRun && client.created ? null : client.clientId,
    clientName: client.name,
    archived: client.archived,
    historyVersion: versions.get(client.clientId) ?? null,
  }));
  const report = fhirImportReport(reading, results, ignored, { importId, dryRun: input.dryRun });
  return { report, changes };
}
