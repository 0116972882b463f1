import { fhirDryRun, fhirImport, inspectCsv, smallBundle } from './imports.js';
import type { Call } from './operation-calls.js';

let sequence = 0;

/** A client list of one new person (unique name, so no call meets another's duplicate). */
function clientList(): {
  headers: string[];
  rows: unknown[];
  mapping: unknown[];
  dateFormat: string;
} {
  sequence += 1;
  return {
    headers: ['First name', 'Last name', 'Date of birth'],
    rows: [
      { line: 2, cells: ['Listed', `Person${Date.now().toString(36)}${sequence}`, '1990-01-02'] },
    ],
    mapping: ['firstName', 'lastName', 'dateOfBirth'],
    dateFormat: 'YMD',
  };
}

/** Valid calls for the import operations, in the shape of `operationCalls`. */
export const importCalls: Record<string, Call> = {
  dryRunFhirImport: (caller) => fhirDryRun(caller, smallBundle('DryRun')),
  importFhirBundle: (caller) => fhirImport(caller, smallBundle('Import')),
  inspectClientList: (caller) =>
    inspectCsv(caller, 'First name,Last name\nAna,Silva\n', '', 'text/csv; charset=utf-8'),
  dryRunClientListImport: (caller) =>
    caller.post('/api/v1/imports/client-list/dry-run', clientList()),
  importClientList: (caller) => caller.post('/api/v1/imports/client-list', clientList()),
  getExternalHistory: async (caller, world) => {
    const imported = await fhirImport(world.practice.owner, smallBundle('History'));
    if (imported.status !== 200)
      throw new Error(`import failed: ${imported.status} ${imported.text}`);
    return caller.get(`/api/v1/clients/${imported.body.patients[0].clientId}/external-records`);
  },
};
