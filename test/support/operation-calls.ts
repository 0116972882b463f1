import type { Role } from '../../src/domain/roles.js';
import {
  clientInput,
  createClient,
  createToken,
  editableFields,
  signIn,
  testPassword,
  uniqueEmail,
  type PracticeFixture,
  type StaffFixture,
} from './factories.js';
import { ApiClient, type ApiResponse } from './http.js';
import { documentationCalls } from './documentation-calls.js';
import { intakeCalls } from './intake-calls.js';
import { consentCalls } from './consent-calls.js';
import { healthHistoryCalls } from './health-history-calls.js';
import { importCalls } from './import-calls.js';
import { handoffCalls } from './handoff-calls.js';
import { retentionCalls } from './retention-calls.js';
import { outcomeCalls } from './outcome-calls.js';
import { followUpCalls } from './follow-up-calls.js';
import { safetyCalls } from './safety-calls.js';
import { recordExportCalls } from './record-export-calls.js';
import { fhirCalls } from './fhir-calls.js';
import { progressCalls } from './progress-calls.js';
import { effectivenessCalls } from './effectiveness-calls.js';
import { briefingCalls } from './briefing-calls.js';
import type { TestServer } from './server.js';

/** One practice with an account of every role, shared by a role matrix's calls. */
export interface RoleWorld {
  server: TestServer;
  practice: PracticeFixture;
  therapist: StaffFixture;
  frontDesk: StaffFixture;
}

/** Who makes a call: nobody, or a user of some role by session cookie or by API token. */
export interface Principal {
  role: Role | null;
  via: 'session' | 'token' | null;
}

const emailOf = (world: RoleWorld, role: Role) =>
  role === 'owner'
    ? world.practice.ownerEmail
    : role === 'therapist'
      ? world.therapist.email
      : world.frontDesk.email;

/** A fresh client for the principal, so no call can disturb another test's session. */
export async function sessionFor(world: RoleWorld, principal: Principal): Promise<ApiClient> {
  if (principal.role === null) return new ApiClient(world.server.url);
  const session = await signIn(world.server, emailOf(world, principal.role));
  if (principal.via === 'session') return session;
  return (await createToken(world.server, session)).client;
}

export type Call = (caller: ApiClient, world: RoleWorld) => Promise<ApiResponse>;

/** A client whose primary therapist is the world's therapist, created by the owner. */
const ownersClient = (world: RoleWorld) =>
  createClient(world.practice.owner, { primaryTherapistId: world.therapist.id });

/** An invitation sent by the owner: its id and the secret token from its one-time link. */
async function invite(world: RoleWorld): Promise<{ id: string; token: string }> {
  const created = await world.practice.owner.post('/api/v1/staff/invitations', {
    email: uniqueEmail('invitee'),
    displayName: 'Invited Person',
    role: 'therapist',
  });
  return { id: created.body.invitation.id, token: String(created.body.url).split('/invite/')[1]! };
}

/**
 * A valid request for every operation of the API, keyed by operationId: what a well-behaved
 * caller of that role would send. Each call makes the records it needs, so calls never share rows.
 */
export const operationCalls: Record<string, Call> = {
  getHealth: (caller) => caller.get('/api/health'),
  getSetupState: (caller) => caller.get('/api/v1/setup'),
  setUpPractice: (caller) =>
    caller.post('/api/v1/setup', {
      practice: { name: 'Second Practice', timeZone: 'America/Toronto' },
      owner: { email: uniqueEmail('setup'), displayName: 'Second Owner', password: testPassword },
    }),
  login: async (caller, world) => {
    const created = await world.practice.owner.post('/api/v1/staff', {
      email: uniqueEmail('login'),
      displayName: 'New Hire',
      role: 'therapist',
      password: testPassword,
    });
    return caller.post('/api/v1/auth/login', { email: created.body.email, password: testPassword });
  },
  logout: (caller) => caller.post('/api/v1/auth/logout'),
  getSession: (caller) => caller.get('/api/v1/auth/session'),
  getPractice: (caller) => caller.get('/api/v1/practice'),
  updatePractice: async (caller, world) => {
    const current = await world.practice.owner.get('/api/v1/practice');
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...profile } = current.body;
    return caller.put('/api/v1/practice', profile, { ifMatch: current.headers.get('etag')! });
  },
  listStaff: (caller) => caller.get('/api/v1/staff'),
  listTherapists: (caller) => caller.get('/api/v1/staff/therapists'),
  createStaff: (caller) =>
    caller.post('/api/v1/staff', {
      email: uniqueEmail('staff'),
      displayName: 'New Staff',
      role: 'front_desk',
      password: testPassword,
    }),
  updateStaff: async (caller, world) => {
    const created = await world.practice.owner.post('/api/v1/staff', {
      email: uniqueEmail('staff'),
      displayName: 'New Staff',
      role: 'therapist',
      password: testPassword,
    });
    return caller.put(
      `/api/v1/staff/${created.body.id}`,
      { displayName: 'Renamed Staff', role: 'therapist', status: 'active' },
      { ifMatch: created.headers.get('etag')! },
    );
  },
  listStaffInvitations: (caller) => caller.get('/api/v1/staff/invitations'),
  inviteStaff: (caller) =>
    caller.post('/api/v1/staff/invitations', {
      email: uniqueEmail('invitee'),
      displayName: 'Invited Person',
      role: 'therapist',
    }),
  revokeStaffInvitation: async (caller, world) => {
    const invited = await invite(world);
    return caller.delete(`/api/v1/staff/invitations/${invited.id}`);
  },
  previewInvitation: async (caller, world) =>
    caller.get(`/api/v1/invitations/${(await invite(world)).token}`),
  acceptInvitation: async (caller, world) =>
    caller.post(`/api/v1/invitations/${(await invite(world)).token}/accept`, {
      password: testPassword,
    }),
  listApiTokens: (caller) => caller.get('/api/v1/tokens'),
  createApiToken: (caller) => caller.post('/api/v1/tokens', { name: 'Matrix token' }),
  revokeApiToken: async (caller, world) => {
    // Everyone revokes a token of their own; anonymous callers try the owner's.
    const issuer = caller.cookie || caller.bearer ? caller : world.practice.owner;
    const created = await issuer.post('/api/v1/tokens', { name: 'Doomed token' });
    return caller.delete(`/api/v1/tokens/${created.body.token.id}`);
  },
  listClients: (caller) => caller.get('/api/v1/clients'),
  findDuplicateClients: (caller) =>
    caller.post('/api/v1/clients/duplicates', {
      legalFirstName: 'Ana',
      legalLastName: 'Silva',
      dateOfBirth: '1985-04-12',
      phone: '(416) 555-0100',
    }),
  createClient: (caller) =>
    caller.post('/api/v1/clients', { ...clientInput(), acknowledgeDuplicates: true }),
  getClient: async (caller, world) => {
    const { client } = await ownersClient(world);
    return caller.get(`/api/v1/clients/${client.id}`);
  },
  updateClient: async (caller, world) => {
    const { client, etag } = await ownersClient(world);
    return caller.put(
      `/api/v1/clients/${client.id}`,
      { ...editableFields(client), pronouns: 'they/them' },
      { ifMatch: etag },
    );
  },
  archiveClient: async (caller, world) => {
    const { client, etag } = await ownersClient(world);
    return caller.post(`/api/v1/clients/${client.id}/archive`, undefined, { ifMatch: etag });
  },
  restoreClient: async (caller, world) => {
    const { client, etag } = await ownersClient(world);
    const archived = await world.practice.owner.post(
      `/api/v1/clients/${client.id}/archive`,
      undefined,
      { ifMatch: etag },
    );
    return caller.post(`/api/v1/clients/${client.id}/restore`, undefined, {
      ifMatch: archived.headers.get('etag')!,
    });
  },
  listCareTeam: async (caller, world) => {
    const { client } = await ownersClient(world);
    return caller.get(`/api/v1/clients/${client.id}/care-team`);
  },
  addToCareTeam: async (caller, world) => {
    const { client } = await ownersClient(world);
    return caller.post(`/api/v1/clients/${client.id}/care-team`, {
      userId: world.practice.ownerId,
    });
  },
  removeFromCareTeam: async (caller, world) => {
    const { client } = await ownersClient(world);
    await world.practice.owner.post(`/api/v1/clients/${client.id}/care-team`, {
      userId: world.practice.ownerId,
    });
    return caller.delete(`/api/v1/clients/${client.id}/care-team/${world.practice.ownerId}`);
  },
  listAuditEvents: (caller) => caller.get('/api/v1/audit'),
  listNoteTemplates: (caller) => caller.get('/api/v1/note-templates'),
  getNoteTemplate: (caller) => caller.get('/api/v1/note-templates/prenatal'),
  updateNoteTemplate: async (caller, world) => {
    // Each call edits the version the owner sees now, so earlier calls never make it stale.
    const current = await world.practice.owner.get('/api/v1/note-templates/relaxation');
    return caller.put(
      '/api/v1/note-templates/relaxation',
      { ...current.body.template, plan: { frequency: 'Monthly.' } },
      { ifMatch: current.headers.get('etag')! },
    );
  },
  exportAuditEvents: (caller) => caller.get('/api/v1/audit.csv'),
  ...documentationCalls,
  ...intakeCalls,
  ...consentCalls,
  ...healthHistoryCalls,
  ...importCalls,
  ...handoffCalls,
  ...retentionCalls,
  ...outcomeCalls,
  ...followUpCalls,
  ...safetyCalls,
  ...recordExportCalls,
  ...fhirCalls,
  ...progressCalls,
  ...effectivenessCalls,
  ...briefingCalls,
};
