import type {
  FhirImportReport,
  FhirPatientOutcome,
  IgnoredGroup,
  PatientMatch,
} from '../fhir-import-report.js';
import type { IgnoredEntry } from './bundle.js';
import { patientLabel } from './patients.js';
import type { ClientPlan } from './plan.js';
import type { FhirImportReading, PatientImport } from './reading.js';

/** What became of one patient of the bundle, for the report. */
export interface PatientResult {
  patient: PatientImport;
  plan: ClientPlan;
  matchedBy: PatientMatch | null;
  /** Null for a client a dry run would create: it has no id until it is. */
  clientId: string | null;
  /** The matched client's name as the practice has it. */
  clientName: string | null;
  archived: boolean;
  historyVersion: number | null;
}

/** Left-out entries by resource type and reason, with where the first fifty are. */
export function groupIgnored(ignored: IgnoredEntry[]): IgnoredGroup[] {
  const groups = new Map<string, IgnoredGroup>();
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

const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);

function outcomeOf(result: PatientResult): FhirPatientOutcome {
  const { patient, plan } = result;
  const sections = (section: string) =>
    plan.added.filter((link) => link.section === section).length;
  const kinds = (kind: string) => plan.records.filter((record) => record.kind === kind).length;
  return {
    entryIndex: patient.patient.entry.index,
    name: patientLabel(patient.patient),
    dateOfBirth: patient.patient.client.dateOfBirth,
    action: result.matchedBy ? 'match' : 'create',
    matchedBy: result.matchedBy,
    clientId: result.clientId,
    clientName: result.matchedBy ? result.clientName : null,
    historyAdded: {
      conditions: sections('conditions'),
      medications: sections('medications'),
      allergies: sections('allergies'),
      surgeriesAndInjuries: sections('surgeriesAndInjuries'),
      goals: sections('goals'),
      areasToAvoid: sections('areasToAvoid'),
      pregnancy: sections('pregnancy'),
    },
    historyAlreadyRecorded: plan.merged.length,
    recordsAdded: {
      encounters: kinds('encounter'),
      procedures: kinds('procedure'),
      observations: kinds('observation'),
      documents: kinds('document'),
    },
    alreadyImported: plan.alreadyImported,
    historyVersion: result.historyVersion,
    warnings: [
      ...patient.warnings,
      ...(result.archived
        ? [
            {
              field: patient.patient.entry.location,
              message: 'The matching client is archived; restore them to see them in the list.',
            },
          ]
        : []),
    ],
  };
}

export function fhirImportReport(
  reading: FhirImportReading,
  results: PatientResult[],
  ignored: IgnoredEntry[],
  options: { importId: string | null; dryRun: boolean },
): FhirImportReport {
  const patients = results.map(outcomeOf);
  const sum = (pick: (patient: FhirPatientOutcome) => number) =>
    patients.reduce((running, patient) => running + pick(patient), 0);
  const groups = groupIgnored(ignored);
  const clientsCreated = patients.filter((patient) => patient.action === 'create').length;
  const historyEntriesAdded = sum((patient) => total(patient.historyAdded));
  const recordsAdded = sum((patient) => total(patient.recordsAdded));
  return {
    dryRun: options.dryRun,
    importId: options.importId,
    source: reading.source,
    bundleType: reading.bundleType,
    entryCount: reading.entryCount,
    patients,
    ignored: groups,
    totals: {
      clientsCreated,
      clientsMatched: patients.length - clientsCreated,
      historyEntriesAdded,
      recordsAdded,
      alreadyImported: sum((patient) => patient.alreadyImported),
      ignored: groups.reduce((running, group) => running + group.count, 0),
    },
    changesNothing:
      clientsCreated === 0 &&
      historyEntriesAdded === 0 &&
      recordsAdded === 0 &&
      sum((patient) => patient.historyAlreadyRecorded) === 0,
  };
}
