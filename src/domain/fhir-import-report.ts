import { z } from 'zod';

/**
 * What a FHIR import did, or would do in a dry run: per patient, whether a client is created
 * or matched (and how), what reaches the health history and the history from other
 * providers, and every entry left out with why. Shared by the server and the web app.
 */
export const ImportWarning = z.object({ field: z.string(), message: z.string() });
export type ImportWarning = z.infer<typeof ImportWarning>;

export const PatientMatch = z.enum(['identifier', 'source_record', 'name_and_birth_date']);
export type PatientMatch = z.infer<typeof PatientMatch>;

export const patientMatchLabels: Record<PatientMatch, string> = {
  identifier: 'same identifier as an earlier import',
  source_record: 'same patient record as an earlier import',
  name_and_birth_date: 'same name and date of birth',
};

const count = z.number().int().min(0);

export const FhirPatientOutcome = z.object({
  entryIndex: z.number().int().min(0),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  action: z.enum(['create', 'match']),
  matchedBy: PatientMatch.nullable(),
  /** The matched client, or after a real import the client created; null for a dry run's new one. */
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  historyAdded: z.object({
    conditions: count,
    medications: count,
    allergies: count,
    surgeriesAndInjuries: count,
    goals: count,
    areasToAvoid: count,
    pregnancy: count,
  }),
  /** Entries equal to one the history already has (listed at intake, say), so not repeated. */
  historyAlreadyRecorded: count,
  recordsAdded: z.object({
    encounters: count,
    procedures: count,
    observations: count,
    documents: count,
  }),
  /** Resources this client already has from an earlier import of the same source. */
  alreadyImported: count,
  /** The health-history version the import made, null when it changed nothing. */
  historyVersion: z.number().int().nullable(),
  warnings: z.array(ImportWarning),
});
export type FhirPatientOutcome = z.infer<typeof FhirPatientOutcome>;

export const IgnoredGroup = z.object({
  resourceType: z.string(),
  reason: z.string(),
  count: count,
  /** Entry indexes (the first 50), so a reader can find them in the file. */
  entries: z.array(z.number().int().min(0)),
});
export type IgnoredGroup = z.infer<typeof IgnoredGroup>;

export const FhirImportReport = z.object({
  dryRun: z.boolean(),
  importId: z.string().nullable(),
  source: z.string(),
  bundleType: z.string(),
  entryCount: count,
  patients: z.array(FhirPatientOutcome),
  ignored: z.array(IgnoredGroup),
  totals: z.object({
    clientsCreated: count,
    clientsMatched: count,
    historyEntriesAdded: count,
    recordsAdded: count,
    alreadyImported: count,
    ignored: count,
  }),
  /** True when importing would change nothing (everything was imported before). */
  changesNothing: z.boolean(),
});
export type FhirImportReport = z.infer<typeof FhirImportReport>;

/** The largest FHIR file accepted, stated in the 413 answer: Synthea's patients are 0.3–0.7 MB. */
export const fhirImportLimitBytes = 20 * 1024 * 1024;
