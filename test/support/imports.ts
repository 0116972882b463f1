import fs from 'node:fs';
import path from 'node:path';
import { underCi } from './dialects.js';
import type { ApiClient, ApiResponse, Json } from './http.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The project's own small fixtures, present in every clone. */
export function ownFixture(name: string): Buffer {
  return fs.readFileSync(path.join(repoRoot, 'test/fixtures', name));
}

export function ownBundle(name: string): Json {
  return JSON.parse(ownFixture(`fhir/${name}.json`).toString('utf8'));
}

/**
 * Third-party FHIR data shared beside the repository (`../shared/fixtures/fhir`), read in
 * place and never copied in. Outside CI a clone without it skips those tests with the reason;
 * under CI=true they run, and fail if it is missing.
 */
export const sharedFhirFolder = path.resolve(repoRoot, '../shared/fixtures/fhir');

export function sharedFixturesSkip(): string | false {
  if (fs.existsSync(path.join(sharedFhirFolder, 'synthea')) || underCi) return false;
  return `the shared FHIR fixtures are not at ${sharedFhirFolder}`;
}

export function syntheaBundles(): Array<{ file: string; bundle: Json }> {
  const folder = path.join(sharedFhirFolder, 'synthea');
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      bundle: JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')),
    }));
}

/** The official R4 examples, one resource a file, gathered into a collection bundle. */
export function r4ExamplesBundle(): Json {
  const folder = path.join(sharedFhirFolder, 'r4-examples');
  const entry = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const resource = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
      return { fullUrl: `http://hl7.org/fhir/${resource.resourceType}/${resource.id}`, resource };
    });
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** A request whose body is sent as it is (a file's bytes), with the caller's credentials. */
export async function sendBody(
  caller: ApiClient,
  url: string,
  body: Uint8Array | string,
  contentType: string,
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...caller.headers, 'content-type': contentType };
  if (caller.cookie) headers['cookie'] = caller.cookie;
  if (caller.bearer) headers['authorization'] = `Bearer ${caller.bearer}`;
  if (caller.csrfToken) headers['x-csrf-token'] = caller.csrfToken;
  const response = await fetch(`${caller.baseUrl}${url}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes('json') && text ? JSON.parse(text) : text,
    text,
  };
}

export const fhirDryRun = (caller: ApiClient, bundle: unknown) =>
  sendBody(caller, '/api/v1/imports/fhir/dry-run', JSON.stringify(bundle), 'application/fhir+json');

export const fhirImport = (caller: ApiClient, bundle: unknown) =>
  sendBody(caller, '/api/v1/imports/fhir', JSON.stringify(bundle), 'application/fhir+json');

export const inspectCsv = (
  caller: ApiClient,
  bytes: Uint8Array | string,
  query = '',
  contentType = 'text/csv',
) => sendBody(caller, `/api/v1/imports/client-list/inspect${query}`, bytes, contentType);

/** The dry-run and import body from an inspection, with any choices changed. */
export function clientListRequest(inspection: Json, changes: Record<string, unknown> = {}): Json {
  return {
    headers: inspection.headers,
    rows: inspection.rows,
    mapping: inspection.mapping,
    dateFormat: inspection.dateFormat,
    ...changes,
  };
}

let sequence = 0;

/** A one-patient transaction bundle with an allergy and a visit; each call a new person. */
export function smallBundle(label = 'Call'): Json {
  sequence += 1;
  const id = `${Date.now().toString(36)}-${sequence}`;
  const patient = `urn:uuid:00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: patient,
        resource: {
          resourceType: 'Patient',
          identifier: [{ system: 'https://tests.palpate.example/mrn', value: id }],
          name: [{ family: `${label}${id}`, given: ['Imported'] }],
          birthDate: '1980-05-06',
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        resource: {
          resourceType: 'AllergyIntolerance',
          code: { text: 'Latex' },
          patient: { reference: patient },
        },
        request: { method: 'POST', url: 'AllergyIntolerance' },
      },
      {
        resource: {
          resourceType: 'Encounter',
          status: 'finished',
          class: { code: 'AMB' },
          type: [{ text: 'Physiotherapy visit' }],
          subject: { reference: patient },
          period: { start: '2026-05-01' },
        },
        request: { method: 'POST', url: 'Encounter' },
      },
    ],
  };
}
