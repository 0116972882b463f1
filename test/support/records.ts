import { ClientInput, type Client } from '../../src/domain/clients.js';
import type { AuditEntry } from '../../src/domain/audit.js';
import {
  PracticeProfileInput,
  defaultPracticeSettings,
  type Practice,
} from '../../src/domain/practice.js';
import type { Role } from '../../src/domain/roles.js';
import type { Db } from '../../src/store/database.js';
import { NoteContent } from '../../src/domain/notes.js';
import { insertClient } from '../../src/store/clients.js';
import { saveDraft } from '../../src/store/notes.js';
import { insertSession } from '../../src/store/sessions.js';
import { insertPractice } from '../../src/store/practices.js';
import { insertUser, type UserAccount } from '../../src/store/users.js';
import type { TestRuntime } from './clock.js';

/**
 * Factories for store tests: rows written straight through the repositories, each with fresh
 * ids from the test clock, so a test owns its practice and never depends on another's rows.
 */
export async function storedPractice(
  db: Db,
  runtime: TestRuntime,
  name = 'Harbour Massage Therapy',
): Promise<Practice> {
  return insertPractice(db, {
    ...PracticeProfileInput.parse({ name, timeZone: 'America/Toronto' }),
    id: runtime.newId(),
    settings: defaultPracticeSettings,
    now: runtime.now().toISOString(),
  });
}

export async function storedUser(
  db: Db,
  runtime: TestRuntime,
  practiceId: string,
  options: { role?: Role; email?: string; displayName?: string } = {},
): Promise<UserAccount> {
  const id = runtime.newId();
  return insertUser(db, {
    id,
    practiceId,
    email: options.email ?? `staff-${id}@example.com`,
    displayName: options.displayName ?? 'Test Staff',
    role: options.role ?? 'therapist',
    // Store tests never log in, so no real hash is needed.
    passwordHash: 'scrypt$not-a-real-hash',
    now: runtime.now().toISOString(),
  });
}

export async function storedClient(
  db: Db,
  runtime: TestRuntime,
  practiceId: string,
  input: Partial<ClientInput> = {},
): Promise<Client> {
  return insertClient(db, {
    id: runtime.newId(),
    practiceId,
    input: ClientInput.parse({ legalFirstName: 'Ana', legalLastName: 'Lima', ...input }),
    userId: null,
    now: runtime.now().toISOString(),
  });
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    practiceId: null,
    userId: null,
    role: null,
    action: 'client.read',
    recordType: 'client',
    recordId: null,
    clientId: null,
    ip: '127.0.0.1',
    userAgent: 'store test',
    outcome: 'success',
    detail: null,
    ...overrides,
  };
}

/**
 * A practice with one therapist and one client, and `write`, which books a session and saves a
 * draft note with the given palpation findings (or saves it again, given its session and
 * version): notes written straight through the store, for search tests.
 */
export async function storedNotebook(db: Db, runtime: TestRuntime) {
  const practice = await storedPractice(db, runtime);
  const therapist = await storedUser(db, runtime, practice.id);
  const client = await storedClient(db, runtime, practice.id);
  const write = async (palpation: string, sessionId = runtime.newId(), expectedVersion = 0) => {
    if (expectedVersion === 0) {
      await insertSession(db, {
        id: sessionId,
        practice_id: practice.id,
        client_id: client.id,
        therapist_id: therapist.id,
        starts_at: runtime.now().toISOString(),
        service_date: runtime.now().toISOString().slice(0, 10),
        planned_minutes: 60,
        session_type: 'therapeutic',
        location: null,
        created_at: runtime.now().toISOString(),
        created_by: therapist.id,
      });
    }
    await saveDraft(db, {
      practiceId: practice.id,
      sessionId,
      clientId: client.id,
      authorId: therapist.id,
      content: NoteContent.parse({ objective: { palpation } }),
      expectedVersion,
      now: runtime.now().toISOString(),
    });
    return sessionId;
  };
  return { practice, write };
}
