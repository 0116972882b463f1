import { z } from 'zod';

/**
 * History from other providers: encounters, procedures, observations and clinical documents
 * imported from another system's FHIR record. They are read-only and kept apart from the
 * practice's own sessions and notes, always shown with where they came from.
 */
export const externalRecordKinds = ['encounter', 'procedure', 'observation', 'document'] as const;
export const ExternalRecordKind = z.enum(externalRecordKinds);
export type ExternalRecordKind = z.infer<typeof ExternalRecordKind>;

export const externalRecordKindLabels: Record<ExternalRecordKind, string> = {
  encounter: 'Visit',
  procedure: 'Procedure',
  observation: 'Observation',
  document: 'Document',
};

export const ExternalRecord = z.object({
  id: z.string(),
  kind: ExternalRecordKind,
  /** When it happened, as the source wrote it: a date, a month, or a time with its zone. */
  occurredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  title: z.string(),
  /** A measured or coded result ("181.5 cm", "Never smoker"). */
  value: z.string().nullable(),
  detail: z.string().nullable(),
  /** `system|code` of the first coding, e.g. `http://loinc.org|72514-3`. */
  code: z.string().nullable(),
  performer: z.string().nullable(),
  organization: z.string().nullable(),
  /** The imported visit this belongs to, when the source linked them. */
  encounterId: z.string().nullable(),
  source: z.string(),
  importId: z.string(),
});
export type ExternalRecord = z.infer<typeof ExternalRecord>;

/** One import that brought records for this client: who ran it and when. */
export const ExternalImportSummary = z.object({
  id: z.string(),
  kind: z.enum(['fhir', 'csv']),
  source: z.string(),
  importedAt: z.string(),
  importedByName: z.string().nullable(),
});
export type ExternalImportSummary = z.infer<typeof ExternalImportSummary>;

export const ExternalHistory = z.object({
  clientId: z.string(),
  records: z.array(ExternalRecord),
  /** How many the client has; more than `records` when only the newest are shown. */
  total: z.number().int().min(0),
  imports: z.array(ExternalImportSummary),
});
export type ExternalHistory = z.infer<typeof ExternalHistory>;
