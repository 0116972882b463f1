import type { ClientInput } from '../../src/domain/clients.js';
import type { PracticeSettings } from '../../src/domain/practice.js';
import type { Role } from '../../src/domain/roles.js';
import { setUpPractice } from '../../src/server/commands/practice-setup.js';
import { hashPassword } from '../../src/server/secrets.js';
import { ApiClient } from './http.js';
import type { TestServer } from './server.js';

export const testPassword = 'correct horse battery staple';
let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

/** A fresh address nobody in the installation uses yet (logins are unique across practices). */
export const uniqueEmail = (prefix: string) => `${prefix}-${unique()}@example.com`;

export interface PracticeFixture {
  practiceId: string;
  owner: ApiClient;
  ownerId: string;
  ownerEmail: string;
}

export interface StaffFixture {
  client: ApiClient;
  id: string;
  email: string;
}

/**
 * A practice with its signed-in owner. On a fresh installation it goes through the real setup
 * endpoint; once one exists, through the setup command (as `palpate init` would), so every test
 * can have a practice of its own and never depends on another test's rows.
 */
export async function createPractice(
  server: TestServer,
  options: { careModel?: PracticeSettings['careModel'] } = {},
): Promise<PracticeFixture> {
  const state = (await (await fetch(`${server.url}/api/v1/setup`)).json()) as { needed: boolean };
  const fixture = state.needed
    ? await setUpThroughEndpoint(server)
    : await practiceByCommand(server, 'Harbour Massage Therapy', 'America/Toronto');
  if (options.careModel)
    await changePracticeSettings(fixture.owner, { careModel: options.careModel });
  return fixture;
}

async function setUpThroughEndpoint(server: TestServer): Promise<PracticeFixture> {
  const owner = new ApiClient(server.url);
  const ownerEmail = uniqueEmail('owner');
  const setup = await owner.post('/api/v1/setup', {
    practice: { name: 'Harbour Massage Therapy', timeZone: 'America/Toronto' },
    owner: { email: ownerEmail, displayName: 'Olive Owner', password: testPassword },
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${setup.text}`);
  owner.csrfToken = setup.body.csrfToken;
  return { practiceId: setup.body.practice.id, owner, ownerId: setup.body.user.id, ownerEmail };
}

/**
 * A second practice in the same database, made directly through the setup command (the setup
 * endpoint only ever creates the first). Used to prove one practice cannot reach another's rows.
 */
export function createOtherPractice(server: TestServer): Promise<PracticeFixture> {
  return practiceByCommand(server, 'Other Practice', 'Europe/London');
}

async function practiceByCommand(
  server: TestServer,
  name: string,
  timeZone: string,
): Promise<PracticeFixture> {
  const ownerEmail = uniqueEmail('owner');
  const passwordHash = await hashPassword(testPassword, 2 ** 12);
  const { practice, owner } = await server.store.db.transaction().execute((trx) =>
    setUpPractice(trx, server.runtime, {
      practice: {
        name,
        timeZone,
        address: {
          line1: null,
          line2: null,
          city: null,
          region: null,
          postalCode: null,
          country: null,
        },
        phone: null,
        email: null,
        licenceNumber: null,
        npi: null,
        taxId: null,
      },
      owner: { email: ownerEmail, displayName: 'Other Owner', passwordHash },
      allowAnother: true,
    }),
  );
  const client = await signIn(server, ownerEmail);
  return { practiceId: practice.id, owner: client, ownerId: owner.id, ownerEmail };
}

/** Changes some practice settings through the API, as the owner would on the settings page. */
export async function changePracticeSettings(
  owner: ApiClient,
  changes: Partial<PracticeSettings>,
): Promise<void> {
  const practice = await owner.get('/api/v1/practice');
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...profile } = practice.body;
  const updated = await owner.put(
    '/api/v1/practice',
    { ...profile, settings: { ...profile.settings, ...changes } },
    { ifMatch: practice.headers.get('etag')! },
  );
  if (updated.status !== 200) throw new Error(`practice update failed: ${updated.text}`);
}

/** A new browser session for an existing account. */
export async function signIn(
  server: TestServer,
  email: string,
  password = testPassword,
): Promise<ApiClient> {
  const client = new ApiClient(server.url);
  const login = await client.login(email, password);
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  return client;
}

/** Creates a staff member through the API and returns them signed in. */
export async function createStaff(
  server: TestServer,
  practice: PracticeFixture,
  role: Role,
): Promise<StaffFixture> {
  const email = uniqueEmail(role);
  const created = await practice.owner.post('/api/v1/staff', {
    email,
    displayName: `Test ${role}`,
    role,
    password: testPassword,
  });
  if (created.status !== 201)
    throw new Error(`staff create failed: ${created.status} ${created.text}`);
  return { client: await signIn(server, email), id: created.body.id, email };
}

/** Creates an API token for the signed-in user and returns a client that uses only the token. */
export async function createToken(server: TestServer, session: ApiClient, name = 'Test token') {
  const created = await session.post('/api/v1/tokens', { name });
  if (created.status !== 201)
    throw new Error(`token create failed: ${created.status} ${created.text}`);
  const client = new ApiClient(server.url);
  client.bearer = created.body.secret;
  return { client, id: created.body.token.id as string, secret: created.body.secret as string };
}

export function clientInput(overrides: Partial<ClientInput> = {}): Partial<ClientInput> {
  const n = unique();
  return {
    legalFirstName: 'Ana',
    legalLastName: `Silva-${n}`,
    dateOfBirth: '1985-04-12',
    email: `ana-${n}@example.com`,
    phone: `+1 416 555 ${String(sequence % 10_000).padStart(4, '0')}`,
    ...overrides,
  };
}

/** Creates a client through the API (acknowledging duplicates) and returns it with its ETag. */
export async function createClient(session: ApiClient, overrides: Partial<ClientInput> = {}) {
  const response = await session.post('/api/v1/clients', {
    ...clientInput(overrides),
    acknowledgeDuplicates: true,
  });
  if (response.status !== 201)
    throw new Error(`client create failed: ${response.status} ${response.text}`);
  return { client: response.body, etag: response.headers.get('etag')! };
}

/** The editable fields of a client as returned by the API, ready to send back in a PUT. */
export function editableFields(client: Record<string, unknown>): Partial<ClientInput> {
  const {
    id: _id,
    status: _s,
    archivedAt: _a,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...fields
  } = client;
  return fields as Partial<ClientInput>;
}

/** How many clients the session sees with the given status (every status by default). */
export async function countClients(
  session: ApiClient,
  status: 'active' | 'archived' | 'all' = 'all',
): Promise<number> {
  const page = await session.get(`/api/v1/clients?status=${status}&limit=1`);
  if (page.status !== 200) throw new Error(`client list failed: ${page.status} ${page.text}`);
  return page.body.total as number;
}
