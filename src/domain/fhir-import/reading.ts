import type { FieldIssue } from '../errors.js';
import { isObject, type FhirObject } from './fhir-json.js';
import {
  readBundle,
  recordKeyOf,
  type BundleEntry,
  type BundleReading,
  type IgnoredEntry,
} from './bundle.js';
import {
  readExternalRecord,
  recordResourceTypes,
  type ExternalRecordDraft,
} from './external-records.js';
import {
  isHistoryResource,
  readHistoryEntry,
  type ImportedHistoryEntry,
} from './history-entries.js';
import { readPatient, type PatientReading } from './patients.js';

/**
 * A whole bundle read for import, before anything is matched against the practice: each
 * patient with the history entries and records that name them as subject, what is left out
 * and why, and every error with its place. Any error refuses the whole import.
 */
export interface PatientImport {
  patient: PatientReading;
  history: ImportedHistoryEntry[];
  records: ExternalRecordDraft[];
  warnings: FieldIssue[];
}

export interface FhirImportReading {
  source: string;
  bundleType: string;
  entryCount: number;
  patients: PatientImport[];
  ignored: IgnoredEntry[];
  errors: FieldIssue[];
}

/** A report of ten thousand identical errors helps nobody; the first ones locate the fault. */
const maxErrors = 100;

/** Resources read only to name who and where (a Practitioner behind an Encounter). */
const supportingTypes = new Set([
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
  'Medication',
]);

const unsupported: Record<string, string> = {
  Claim: 'Billing from another system is not imported.',
  ExplanationOfBenefit: 'Billing from another system is not imported.',
  Coverage: 'Insurance from another system is not imported.',
  Immunization: 'Immunizations are not part of a massage therapy record.',
  DiagnosticReport: 'Reports are not imported; the observations they group are.',
  CarePlan: 'Another provider’s care plans are not imported; the therapist writes their own.',
  Goal: 'Another provider’s goals are not imported; the therapist agrees goals with the client.',
  Consent: 'Consent given to another provider does not carry over; the client consents here.',
  DocumentReference: 'Documents by reference (attachments) are not imported.',
  Provenance: 'Provenance is not imported; each record keeps its source.',
};

/** Where a resource names its patient: `patient` for allergies, `subject` elsewhere. */
function subjectElement(resource: FhirObject): string {
  return resource['resourceType'] === 'AllergyIntolerance' ? 'patient' : 'subject';
}

/** Every `reference` inside a resource, with its path, to find references the bundle breaks. */
function referencesIn(
  value: unknown,
  path: string,
  found: Array<{ path: string; reference: FhirObject }>,
) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => referencesIn(item, `${path}[${index}]`, found));
  } else if (isObject(value)) {
    if (typeof value['reference'] === 'string') found.push({ path, reference: value });
    for (const [key, inner] of Object.entries(value)) {
      if (key !== 'contained' && key !== 'text')
        referencesIn(inner, path ? `${path}.${key}` : key, found);
    }
  }
}

function brokenReferences(entry: BundleEntry, bundle: BundleReading): FieldIssue[] {
  const found: Array<{ path: string; reference: FhirObject }> = [];
  referencesIn(entry.resource, '', found);
  return found.flatMap(({ path, reference }) => {
    const target = bundle.resolve(reference, entry);
    return target.kind === 'missing' && target.broken
      ? [
          {
            field: `${entry.location}.${path}.reference`,
            message: `"${target.reference}" points to nothing in this bundle.`,
          },
        ]
      : [];
  });
}

export function readFhirImport(input: unknown, today: string): FhirImportReading {
  const bundle = readBundle(input);
  const reading: FhirImportReading = {
    source: bundle.source,
    bundleType: bundle.type,
    entryCount: bundle.entryCount,
    patients: [],
    ignored: [...bundle.ignored],
    errors: [...bundle.errors],
  };
  if (bundle.entryCount === 0) return reading;

  const byPatientEntry = new Map<number, PatientImport>();
  const keyOwners = new Map<string, number>();
  for (const entry of bundle.entries.filter((candidate) => candidate.resourceType === 'Patient')) {
    reading.errors.push(...brokenReferences(entry, bundle));
    const { patient, errors } = readPatient(entry, bundle.source, today);
    reading.errors.push(...errors);
    if (!patient) continue;
    for (const key of patient.keys.filter((candidate) => candidate.startsWith('identifier:'))) {
      const owner = keyOwners.get(key);
      if (owner !== undefined) {
        reading.errors.push({
          field: `${entry.location}.identifier`,
          message: `entry[${owner}] is a Patient with the same identifier (${key.slice(11)}); send each person once.`,
        });
      }
      keyOwners.set(key, entry.index);
    }
    const patientImport = { patient, history: [], records: [], warnings: [...patient.warnings] };
    byPatientEntry.set(entry.index, patientImport);
    reading.patients.push(patientImport);
  }
  if (!bundle.entries.some((entry) => entry.resourceType === 'Patient')) {
    reading.errors.push({
      field: 'entry',
      message: 'The bundle has no Patient: Palpate imports records of the people they belong to.',
    });
  }

  const ignore = (entry: BundleEntry, reason: string) =>
    reading.ignored.push({ entryIndex: entry.index, resourceType: entry.resourceType, reason });

  for (const entry of bundle.entries) {
    const type = entry.resourceType;
    if (type === 'Patient') continue;
    if (supportingTypes.has(type)) {
      ignore(entry, 'Read only for the names of who and where.');
      continue;
    }
    const isHistory = isHistoryResource(entry.resource);
    if (!isHistory && !recordResourceTypes[type]) {
      ignore(entry, unsupported[type] ?? `Palpate does not import ${type} resources.`);
      continue;
    }
    const element = subjectElement(entry.resource);
    const subject = bundle.resolve(entry.resource[element], entry);
    if (subject.kind === 'none') {
      ignore(entry, 'No subject: the resource does not say whose record it is.');
      continue;
    }
    if (subject.kind === 'missing') {
      if (subject.broken) {
        reading.errors.push({
          field: `${entry.location}.${element}.reference`,
          message: `"${subject.reference}" points to nothing in this bundle.`,
        });
      } else {
        ignore(entry, `Its patient (${subject.reference}) is not in this bundle.`);
      }
      continue;
    }
    if (subject.kind === 'contained' || subject.entry.resourceType !== 'Patient') {
      ignore(entry, 'Its subject is not a patient.');
      continue;
    }
    reading.errors.push(...brokenReferences(entry, bundle));
    // A patient that could not be read still has its resources read, so one answer lists
    // every problem in the file; nothing of theirs is kept.
    const owner = byPatientEntry.get(subject.entry.index);
    if (isHistory) {
      const result = readHistoryEntry(entry, recordKeyOf(entry), bundle, today);
      if (result.kind === 'invalid') reading.errors.push(...result.errors);
      else if (result.kind === 'ignored') ignore(entry, result.reason);
      else if (owner) {
        owner.history.push(result.entry);
        owner.warnings.push(...result.warnings);
      }
    } else {
      const result = readExternalRecord(entry, bundle);
      if (result.kind === 'invalid') reading.errors.push(...result.errors);
      else if (result.kind === 'ignored') ignore(entry, result.reason);
      else owner?.records.push(result.record);
    }
  }

  if (reading.errors.length > maxErrors) {
    const more = reading.errors.length - maxErrors;
    reading.errors = [
      ...reading.errors.slice(0, maxErrors),
      { field: '(bundle)', message: `…and ${more} more problems of the same kinds.` },
    ];
  }
  return reading;
}
