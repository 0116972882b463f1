import type { ClientInput } from '../../src/domain/clients.js';
import type { Role } from '../../src/domain/roles.js';
import { setUpPractice } from '../../src/server/commands/practice-setup.js';
import { hashPassword } from '../../src/server/secrets.js';
import { ApiClient } from './http.js';
import type { TestServer } from './server.js';

export const testPassword = 'correct horse battery staple';
let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

export interface PracticeFixture {
  practiceId: string;
  owner: ApiClient;
  ownerId: string;
  ownerEmail: string;
}

/** Sets up a practice through the real setup endpoint and returns the signed-in owner. */
export async function createPractice(server: TestServer, options: { careModel?: 'shared' | 'assigned' } = {}): Promise<PracticeFixture> {
  const owner = new ApiClient(server.url);
  const ownerEmail = `owner-${unique()}@example.com`;
  const setup = await owner.post('/api/v1/setup', {
    practice: { name: 'Harbour Massage Therapy', timeZone: 'America/Toronto' },
    owner: { email: ownerEmail, displayName: 'Olive Owner', password: testPassword },
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${setup.text}`);
  owner.csrfToken = setup.body.csrfToken;
  if (options.careModel === 'assigned') {
    const practice = await owner.get('/api/v1/practice');
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...profile } = practice.body;
    const updated = await owner.put('/api/v1/practice', { ...profile, settings: { ...profile.settings, careModel: 'assigned' } }, { ifMatch: practice.headers.get('etag')! });
    if (updated.status !== 200) throw new Error(`practice update failed: ${updated.text}`);
  }
  return { practiceId: setup.body.practice.id, owner, ownerId: setup.body.user.id, ownerEmail };
}

/**
 * A second practice in the same database, made directly through the setup command (the setup
 * endpoint only ever creates the first). Used to prove one practice cannot reach another's rows.
 */
export async function createOtherPractice(server: TestServer): Promise<PracticeFixture> {
  const ownerEmail = `other-owner-${unique()}@example.com`;
  const passwordHash = await hashPassword(testPassword, 2 ** 12);
  const { practice, owner } = await server.store.db.transaction().execute((trx) =>
    setUpPractice(trx, server.runtime, {
      practice: { name: 'Other Practice', timeZone: 'Europe/London', address: { line1: null, line2: null, city: null, region: null, postalCode: null, country: null }, phone: null, email: null, licenceNumber: null, npi: null, taxId: null },
      owner: { email: ownerEmail, displayName: 'Other Owner', passwordHash },
      allowAnother: true,
    }),
  );
  const client = new ApiClient(server.url);
  const login = await client.login(ownerEmail, testPassword);
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  return { practiceId: practice.id, owner: client, ownerId: owner.id, ownerEmail };
}

/** Creates a staff member through the API and returns them signed in. */
export async function createStaff(server: TestServer, practice: PracticeFixture, role: Role): Promise<{ client: ApiClient; id: string; email: string }> {
  const email = `${role}-${unique()}@example.com`;
  const created = await practice.owner.post('/api/v1/staff', { email, displayName: `Test ${role}`, role, password: testPassword });
  if (created.status !== 201) throw new Error(`staff create failed: ${created.status} ${created.text}`);
  const client = new ApiClient(server.url);
  const login = await client.login(email, testPassword);
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  return { client, id: created.body.id, email };
}

export function clientInput(overrides: Partial<ClientInput> = {}): Partial<ClientInput> {
  const n = unique();
  return {
    legalFirstName: 'Ana',
    legalLastName: `Silva-${n}`,
    dateOfBirth: '1985-04-12',
    email: `ana-${n}@example.com`,
    phone: `+1 416 555 ${String(sequence).padStart(4, '0')}`,
    ...overrides,
  };
}

/** Creates a client through the API (acknowledging duplicates) and returns it with its ETag. */
export async function createClient(session: ApiClient, overrides: Partial<ClientInput> = {}) {
  const response = await session.post('/api/v1/clients', { ...clientInput(overrides), acknowledgeDuplicates: true });
  if (response.status !== 201) throw new Error(`client create failed: ${response.status} ${response.text}`);
  return { client: response.body, etag: response.headers.get('etag')! };
}
