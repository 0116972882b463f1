import type {
  CsvDuplicate,
  CsvImportReport,
  CsvImportRequest,
  CsvRowOutcome,
} from '../client-list-import.js';
import { nameAndBirthKey, type ClientInput } from '../clients.js';
import { phoneMatchKey } from '../text.js';
import { readClientRow } from './rows.js';

/**
 * What importing a client list would do, line by line: create the client, hold back a
 * possible duplicate (of a client the practice has, by the same rule as creating one by hand,
 * or of an earlier line), skip what the user left out, or name each problem. The import
 * itself runs only when no line has a problem, so nothing is half imported.
 */
export interface ExistingClient {
  id: string;
  name: string;
  nameBirthKey: string | null;
  phoneDigits: string | null;
}

export interface PlannedClient {
  line: number;
  client: ClientInput;
  notes: string | null;
}

export interface ClientListPlan {
  rows: CsvRowOutcome[];
  clients: PlannedClient[];
}

function keysOf(client: ClientInput): { nameBirth: string | null; phone: string | null } {
  const phone = phoneMatchKey(client.phone);
  return { nameBirth: nameAndBirthKey(client), phone: phone.length >= 7 ? phone : null };
}

export function planClientList(
  request: CsvImportRequest,
  existing: ExistingClient[],
  today: string,
): ClientListPlan {
  const byNameBirth = new Map<string, ExistingClient[]>();
  const byPhone = new Map<string, ExistingClient[]>();
  for (const client of existing) {
    if (client.nameBirthKey)
      byNameBirth.set(client.nameBirthKey, [
        ...(byNameBirth.get(client.nameBirthKey) ?? []),
        client,
      ]);
    if (client.phoneDigits && client.phoneDigits.length >= 7) {
      const key = client.phoneDigits.slice(-10);
      byPhone.set(key, [...(byPhone.get(key) ?? []), client]);
    }
  }
  const earlierByNameBirth = new Map<string, number>();
  const earlierByPhone = new Map<string, number>();
  const skip = new Set(request.skipLines);
  const importAnyway = new Set(request.importDuplicates);
  const rows: CsvRowOutcome[] = [];
  const clients: PlannedClient[] = [];
  const outcome = (line: number, fields: Partial<CsvRowOutcome>): CsvRowOutcome => ({
    line,
    outcome: 'create',
    name: null,
    issues: [],
    duplicates: [],
    clientId: null,
    ...fields,
  });

  for (const row of [...request.rows].sort((a, b) => a.line - b.line)) {
    const reading = readClientRow(row, request, request.dateFormat, today);
    if (reading.kind === 'empty') {
      rows.push(outcome(row.line, { outcome: 'empty' }));
      continue;
    }
    if (skip.has(row.line)) {
      rows.push(outcome(row.line, { outcome: 'skipped', name: reading.name }));
      continue;
    }
    if (reading.kind === 'invalid') {
      rows.push(
        outcome(row.line, { outcome: 'invalid', name: reading.name, issues: reading.issues }),
      );
      continue;
    }
    const keys = keysOf(reading.client);
    const duplicates = new Map<string, CsvDuplicate>();
    const note = (
      key: string,
      make: () => CsvDuplicate,
      reason: 'name_and_birth_date' | 'phone',
    ) => {
      const found = duplicates.get(key) ?? make();
      if (!found.reasons.includes(reason)) found.reasons.push(reason);
      duplicates.set(key, found);
    };
    for (const [key, reason, index] of [
      [keys.nameBirth, 'name_and_birth_date', byNameBirth],
      [keys.phone, 'phone', byPhone],
    ] as const) {
      if (!key) continue;
      for (const client of index.get(key) ?? []) {
        note(
          client.id,
          () => ({ kind: 'client', clientId: client.id, name: client.name, reasons: [] }),
          reason,
        );
      }
    }
    for (const [key, reason, earlier] of [
      [keys.nameBirth, 'name_and_birth_date', earlierByNameBirth],
      [keys.phone, 'phone', earlierByPhone],
    ] as const) {
      const line = key ? earlier.get(key) : undefined;
      if (line !== undefined)
        note(`line ${line}`, () => ({ kind: 'line', line, reasons: [] }), reason);
    }
    if (keys.nameBirth && !earlierByNameBirth.has(keys.nameBirth))
      earlierByNameBirth.set(keys.nameBirth, row.line);
    if (keys.phone && !earlierByPhone.has(keys.phone)) earlierByPhone.set(keys.phone, row.line);

    const found = [...duplicates.values()];
    const held = found.length > 0 && !importAnyway.has(row.line);
    rows.push(
      outcome(row.line, {
        outcome: held ? 'duplicate' : 'create',
        name: reading.name,
        duplicates: found,
      }),
    );
    if (!held) clients.push({ line: row.line, client: reading.client, notes: reading.notes });
  }
  return { rows, clients };
}

export function reportOf(
  plan: ClientListPlan,
  dryRun: boolean,
  importId: string | null,
): CsvImportReport {
  const count = (kind: CsvRowOutcome['outcome']) =>
    plan.rows.filter((row) => row.outcome === kind).length;
  return {
    dryRun,
    importId,
    rows: plan.rows,
    counts: {
      create: count('create'),
      duplicate: count('duplicate'),
      invalid: count('invalid'),
      skipped: count('skipped'),
      empty: count('empty'),
      withNotes: plan.clients.filter((client) => client.notes !== null).length,
    },
  };
}
