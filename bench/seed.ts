/**
 * Bulk loader for the synthetic practice the scenarios run against: therapists, clients, care
 * teams and a few years of audit history. Rows go in with multi-row INSERTs of ~500 rows inside
 * one transaction, which is two orders of magnitude faster than the API, and the audit events
 * form a valid hash chain computed with the real canonical form and SHA-256, so `palpate audit
 * verify` and every audited request in the bench build on an intact chain.
 *
 * Later scenarios (sessions, notes) add their own loaders here, next to `seedPractice`.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Insertable } from 'kysely';
import type { AuditEntry, AuditEvent } from '../src/domain/audit.js';
import { canonicalAuditContent, genesisHash } from '../src/domain/audit.js';
import type { ClientInput } from '../src/domain/clients.js';
import { defaultCommunicationPreferences } from '../src/domain/clients.js';
import { defaultPracticeSettings, emptyAddress } from '../src/domain/practice.js';
import type { Role } from '../src/domain/roles.js';
import {
  firstNames,
  lastNames,
  pick,
  pronounOptions,
  referralSources,
  seededRandom,
} from '../src/cli/demo-names.js';
import { hashPassword } from '../src/server/secrets.js';
import { sha256 } from '../src/store/audit.js';
import { clientInputColumns } from '../src/store/clients.js';
import type { Db, Store } from '../src/store/database.js';
import { insertPractice } from '../src/store/practices.js';
import type { AuditEventTable, CareTeamTable, ClientTable, Database } from '../src/store/schema.js';
import { insertUser } from '../src/store/users.js';
import type { PracticeSize } from './options.js';
import { noteSearchQueries } from './note-content.js';
import type { SeededNotes } from './seed-notes.js';
import { seedNotes } from './seed-notes.js';

const batchSize = 500;
const dayMs = 86_400_000;

export interface SeededUser {
  id: string;
  email: string;
  role: Role;
}

export interface SeededClient {
  id: string;
  input: ClientInput;
  /** The version as seeded; scenarios that write keep their own count from ETags. */
  version: number;
}

export interface SeededPractice {
  practiceId: string;
  password: string;
  owner: SeededUser;
  therapists: SeededUser[];
  /** The account the scenarios sign in as: a therapist, the app's most common user. */
  benchUser: SeededUser;
  clients: SeededClient[];
  /** `q` values a receptionist or therapist might type: names, fragments, phone digits. */
  searchQueries: string[];
  /** Sessions and notes: the timeline client and its booking, draft-save sessions, drafts. */
  notes: SeededNotes;
  /** `q` values for note search: words, prefixes, pairs, rare and absent words. */
  noteSearchQueries: string[];
  counts: {
    staff: number;
    clients: number;
    careTeam: number;
    auditEvents: number;
    sessions: number;
    signedNotes: number;
    drafts: number;
    followUps: number;
  };
  seconds: number;
}

function syntheticClient(random: () => number, index: number, therapistIds: string[]): ClientInput {
  const first = pick(random, firstNames);
  const last = pick(random, lastNames);
  const year = 1940 + Math.floor(random() * 68);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const local = `${first}.${last}.${index}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9.]/g, '');
  return {
    legalFirstName: first,
    legalLastName: last,
    preferredName: random() < 0.15 ? first.slice(0, 3) : null,
    pronouns: pick(random, pronounOptions),
    dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    email: random() < 0.9 ? `${local}@example.com` : null,
    phone: `(555) ${100 + Math.floor(random() * 900)}-${String(index % 10_000).padStart(4, '0')}`,
    address: {
      ...emptyAddress,
      line1: `${10 + (index % 990)} Elm Street`,
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5V 2T6',
      country: 'Canada',
    },
    emergencyContact: {
      name: `${pick(random, firstNames)} ${last}`,
      relationship: pick(random, ['Spouse', 'Parent', 'Sibling', 'Friend']),
      phone: '(555) 010-0199',
    },
    primaryTherapistId: pick(random, therapistIds),
    referralSource: pick(random, referralSources),
    communicationPreferences: { ...defaultCommunicationPreferences, sms: random() < 0.4 },
  };
}

function searchQueriesFor(random: () => number, clients: SeededClient[], count = 400): string[] {
  const queries: string[] = [];
  for (let index = 0; queries.length < count; index += 1) {
    const client = pick(random, clients).input;
    const kind = index % 6;
    if (kind === 0) queries.push(client.legalLastName);
    else if (kind === 1) queries.push(client.legalFirstName.slice(0, 3).toLowerCase());
    else if (kind === 2)
      queries.push(`${client.legalFirstName} ${client.legalLastName.slice(0, 2)}`);
    else if (kind === 3 && client.email) queries.push(client.email.split('@')[0]!);
    else if (kind === 4 && client.phone) queries.push(client.phone.slice(-4));
    else if (kind === 5) queries.push(pick(random, ['zzq', 'xylo', 'Qwerty']));
  }
  return queries;
}

async function insertInBatches<T extends 'clients' | 'care_team' | 'audit_events'>(
  db: Db,
  table: T,
  rows: Array<Insertable<Database[T]>>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + batchSize) as never)
      .execute();
  }
}

const userAgents = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
];

/**
 * Creates one practice of `size` in an empty, migrated store and returns what the scenarios
 * need to drive it. Deterministic apart from ids and timestamps.
 */
export async function seedPractice(store: Store, size: PracticeSize): Promise<SeededPractice> {
  const started = performance.now();
  const random = seededRandom(20_261_127);
  const password = 'bench-password-2026';
  // One real-cost hash shared by every account: the bench signs in once per engine.
  const passwordHash = await hashPassword(password);
  const end = Date.now() - 3_600_000;
  const start = end - 3 * 365 * dayMs;
  const setupAt = new Date(start - dayMs).toISOString();
  const auditEvents = Math.max(size.auditEvents, size.clients);

  const practiceId = uuidv7({ msecs: start - dayMs });
  const staff: SeededUser[] = [
    { id: uuidv7({ msecs: start - dayMs }), email: 'owner@bench.palpate.test', role: 'owner' },
  ];
  for (let index = 1; index <= size.therapists; index += 1) {
    staff.push({
      id: uuidv7({ msecs: start - dayMs }),
      email: `therapist-${index}@bench.palpate.test`,
      role: 'therapist',
    });
  }
  staff.push({
    id: uuidv7({ msecs: start - dayMs }),
    email: 'desk@bench.palpate.test',
    role: 'front_desk',
  });
  const clinicians = staff.filter((user) => user.role !== 'front_desk');
  const therapists = staff.filter((user) => user.role === 'therapist');

  const clinicianIds = clinicians.map((user) => user.id);
  const clients: SeededClient[] = [];
  for (let index = 0; index < size.clients; index += 1) {
    clients.push({ id: '', input: syntheticClient(random, index, clinicianIds), version: 1 });
  }
  const createdAt: string[] = new Array<string>(size.clients);
  const updatedAt: string[] = new Array<string>(size.clients);
  const updatedBy: string[] = new Array<string>(size.clients);

  let careTeamRows = 0;
  await store.db.transaction().execute(async (trx) => {
    await insertPractice(trx, {
      id: practiceId,
      name: 'Benchmark Massage Collective',
      timeZone: 'America/Toronto',
      address: emptyAddress,
      phone: null,
      email: null,
      licenceNumber: null,
      npi: null,
      taxId: null,
      settings: defaultPracticeSettings,
      now: setupAt,
    });
    for (const [index, user] of staff.entries()) {
      await insertUser(trx, {
        id: user.id,
        practiceId,
        email: user.email,
        displayName: `${pick(random, firstNames)} ${pick(random, lastNames)} (${user.role} ${index})`,
        role: user.role,
        passwordHash,
        now: setupAt,
      });
    }

    // The audit history, oldest first: one client.create per client spread evenly through
    // time, and between them the reads, updates and sign-ins of a busy practice.
    let previousHash = genesisHash;
    let nextClient = 0;
    let pending: Array<Insertable<AuditEventTable>> = [];
    const createAt = (client: number) => Math.floor((client * auditEvents) / size.clients);
    for (let seq = 1; seq <= auditEvents; seq += 1) {
      const atMs = start + Math.floor(((seq - 1) * (end - start)) / auditEvents);
      const at = new Date(atMs).toISOString();
      const actor = pick(random, staff);
      const base = {
        practiceId,
        userId: actor.id,
        role: actor.role as string,
        ip: `10.0.0.${2 + (staff.indexOf(actor) % 50)}`,
        userAgent: pick(random, userAgents),
        outcome: 'success' as const,
      };
      let entry: AuditEntry;
      if (nextClient < size.clients && seq - 1 === createAt(nextClient)) {
        const client = clients[nextClient]!;
        client.id = uuidv7({ msecs: atMs });
        createdAt[nextClient] = at;
        updatedAt[nextClient] = at;
        updatedBy[nextClient] = actor.id;
        entry = {
          ...base,
          action: 'client.create',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: null,
        };
        nextClient += 1;
      } else {
        const roll = random();
        const index = Math.floor(random() * nextClient);
        const client = clients[index]!;
        if (roll < 0.74) {
          entry = {
            ...base,
            action: 'client.read',
            recordType: 'client',
            recordId: client.id,
            clientId: client.id,
            detail: null,
          };
        } else if (roll < 0.88) {
          client.version += 1;
          updatedAt[index] = at;
          updatedBy[index] = actor.id;
          entry = {
            ...base,
            action: 'client.update',
            recordType: 'client',
            recordId: client.id,
            clientId: client.id,
            detail: { version: client.version },
          };
        } else if (roll < 0.97) {
          entry = {
            ...base,
            action: 'auth.login',
            recordType: 'user',
            recordId: actor.id,
            clientId: null,
            detail: null,
          };
        } else {
          entry = {
            ...base,
            action: 'auth.logout',
            recordType: 'user',
            recordId: actor.id,
            clientId: null,
            detail: null,
          };
        }
      }
      const content: Omit<AuditEvent, 'hash'> = {
        ...entry,
        id: uuidv7({ msecs: atMs }),
        seq,
        at,
        prevHash: previousHash,
      };
      const hash = sha256(canonicalAuditContent(content));
      pending.push({
        id: content.id,
        seq,
        at,
        practice_id: content.practiceId,
        user_id: content.userId,
        role: content.role,
        action: content.action,
        record_type: content.recordType,
        record_id: content.recordId,
        client_id: content.clientId,
        ip: content.ip,
        user_agent: content.userAgent,
        outcome: content.outcome,
        detail: content.detail === null ? null : JSON.stringify(content.detail),
        prev_hash: previousHash,
        hash,
      });
      previousHash = hash;
      if (pending.length === batchSize) {
        await insertInBatches(trx, 'audit_events', pending);
        pending = [];
      }
    }
    await insertInBatches(trx, 'audit_events', pending);
    await trx
      .updateTable('audit_chain')
      .set({ last_seq: auditEvents, last_hash: previousHash })
      .where('id', '=', 'main')
      .execute();

    const clientRows: ClientTable[] = clients.map((client, index) => ({
      id: client.id,
      practice_id: practiceId,
      ...clientInputColumns(client.input),
      status: random() < 0.04 ? 'archived' : 'active',
      archived_at: null,
      version: client.version,
      created_at: createdAt[index]!,
      updated_at: updatedAt[index]!,
      created_by: clinicians[0]!.id,
      updated_by: updatedBy[index]!,
    }));
    for (const row of clientRows) if (row.status === 'archived') row.archived_at = row.updated_at;
    await insertInBatches(trx, 'clients', clientRows);

    // Under the assigned care model these decide who sees whom; one client in six is shared.
    const careTeam: CareTeamTable[] = [];
    for (const [index, client] of clients.entries()) {
      if (random() >= 1 / 6) continue;
      const colleague = pick(random, therapists);
      if (colleague.id === client.input.primaryTherapistId) continue;
      careTeam.push({
        client_id: client.id,
        user_id: colleague.id,
        practice_id: practiceId,
        added_by: clinicians[0]!.id,
        added_at: createdAt[index]!,
      });
    }
    await insertInBatches(trx, 'care_team', careTeam);
    careTeamRows = careTeam.length;
  });

  const benchUser = therapists[0] ?? staff[0]!;
  const clientRefs = clients.map((client) => ({
    id: client.id,
    therapistId: client.input.primaryTherapistId!,
  }));
  const notes = await seedNotes(store.db, {
    practiceId,
    random,
    clients: clientRefs,
    benchClients: clientRefs.filter((client) => client.therapistId === benchUser.id),
    benchUserId: benchUser.id,
    total: size.sessions,
    draftSessions: 5_000,
    signDrafts: size.signDrafts,
    start,
    end,
  });

  return {
    practiceId,
    password,
    owner: staff[0]!,
    therapists,
    benchUser,
    clients,
    searchQueries: searchQueriesFor(random, clients),
    notes,
    noteSearchQueries,
    counts: {
      staff: staff.length,
      clients: clients.length,
      careTeam: careTeamRows,
      auditEvents,
      ...notes.counts,
    },
    seconds: (performance.now() - started) / 1000,
  };
}
