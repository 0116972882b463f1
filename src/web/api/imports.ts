import {
  CsvImportReport,
  CsvInspection,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvImportRequest,
} from '../../domain/client-list-import.js';
import { ExternalHistory } from '../../domain/external-records.js';
import { FhirImportReport } from '../../domain/fhir-import-report.js';
import { get, request, withQuery } from './client.js';

export const importKeys = {
  externalHistory: (clientId: string) => ['external-history', clientId] as const,
};

const delimiterNames: Record<CsvDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'bar',
};

/**
 * Reads a client list's file on the server: its bytes go as they are, since the server
 * detects the encoding from them. Choices made by the person override the detection.
 */
export async function inspectClientList(
  file: Blob,
  choices: { encoding?: CsvEncoding; delimiter?: CsvDelimiter } = {},
): Promise<CsvInspection> {
  const path = withQuery('/api/v1/imports/client-list/inspect', {
    encoding: choices.encoding,
    delimiter: choices.delimiter ? delimiterNames[choices.delimiter] : undefined,
  });
  const { value } = await request('POST', path, {
    upload: { file, contentType: 'text/csv' },
    schema: CsvInspection,
  });
  return value;
}

export async function checkClientList(body: CsvImportRequest): Promise<CsvImportReport> {
  const { value } = await request('POST', '/api/v1/imports/client-list/dry-run', {
    body,
    schema: CsvImportReport,
  });
  return value;
}

export async function importClientList(body: CsvImportRequest): Promise<CsvImportReport> {
  const { value } = await request('POST', '/api/v1/imports/client-list', {
    body,
    schema: CsvImportReport,
  });
  return value;
}

/** A FHIR Bundle's dry run (`dryRun`) or import; the file goes as it is, as FHIR JSON. */
export async function sendFhirBundle(file: Blob, dryRun: boolean): Promise<FhirImportReport> {
  const { value } = await request(
    'POST',
    dryRun ? '/api/v1/imports/fhir/dry-run' : '/api/v1/imports/fhir',
    { upload: { file, contentType: 'application/fhir+json' }, schema: FhirImportReport },
  );
  return value;
}

export function fetchExternalHistory(clientId: string, signal?: AbortSignal) {
  return get(
    `/api/v1/clients/${encodeURIComponent(clientId)}/external-records`,
    ExternalHistory,
    signal,
  );
}
