import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/domain/roles.js';
import { dialects } from '../support/dialects.js';
import { createPractice, createStaff } from '../support/factories.js';
import {
  operationCalls,
  sessionFor,
  type Principal,
  type RoleWorld,
} from '../support/operation-calls.js';
import { startTestServer } from '../support/server.js';

/** 'ok' is any 2xx; a number is the exact refusal (or, for setup, the conflict) expected. */
type Outcome = 'ok' | 401 | 403 | 404 | 409;
type Row = Record<'anonymous' | Role, Outcome>;

const everyone: Row = { anonymous: 'ok', owner: 'ok', therapist: 'ok', front_desk: 'ok' };
const signedIn: Row = { anonymous: 401, owner: 'ok', therapist: 'ok', front_desk: 'ok' };
const ownerOnly: Row = { anonymous: 401, owner: 'ok', therapist: 403, front_desk: 403 };
const clinicians: Row = { anonymous: 401, owner: 'ok', therapist: 'ok', front_desk: 403 };

/**
 * Who may call what under shared care, for every operation in the OpenAPI document. A new route
 * fails the first test below until it gets a row here. Client operations use a client whose
 * primary therapist is the matrix's therapist (care-team changes need that).
 */
const expected: Record<string, Row> = {
  getHealth: everyone,
  getSetupState: everyone,
  setUpPractice: { anonymous: 409, owner: 409, therapist: 409, front_desk: 409 },
  login: everyone,
  logout: everyone,
  getSession: signedIn,
  getPractice: signedIn,
  updatePractice: ownerOnly,
  listStaff: ownerOnly,
  listTherapists: signedIn,
  createStaff: ownerOnly,
  updateStaff: ownerOnly,
  listStaffInvitations: ownerOnly,
  inviteStaff: ownerOnly,
  revokeStaffInvitation: ownerOnly,
  previewInvitation: everyone,
  acceptInvitation: everyone,
  listApiTokens: signedIn,
  createApiToken: signedIn,
  revokeApiToken: signedIn,
  listClients: signedIn,
  findDuplicateClients: signedIn,
  createClient: signedIn,
  getClient: signedIn,
  updateClient: signedIn,
  archiveClient: clinicians,
  restoreClient: clinicians,
  listCareTeam: signedIn,
  addToCareTeam: clinicians,
  removeFromCareTeam: clinicians,
  listAuditEvents: ownerOnly,
  exportAuditEvents: ownerOnly,
  // Templates are written into notes: read by those who write notes, changed by the owner.
  listNoteTemplates: clinicians,
  getNoteTemplate: clinicians,
  updateNoteTemplate: ownerOnly,
  getCatalogue: signedIn,
  addTechnique: ownerOnly,
  updateTechnique: ownerOnly,
  addProduct: ownerOnly,
  updateProduct: ownerOnly,
  // Front desk runs the schedule: booking, changing and cancelling sessions, and the timeline
  // without its clinical fields (timeline.test.ts checks what it hides).
  bookSession: signedIn,
  listSessions: signedIn,
  getScheduledSession: signedIn,
  updateSession: signedIn,
  cancelSession: signedIn,
  getClientTimeline: signedIn,
  // Notes are clinical content; each clinician signs only a note of their own (notes.test.ts).
  getLastPlan: clinicians,
  getNote: clinicians,
  saveNoteDraft: clinicians,
  signNote: clinicians,
  addNoteAddendum: clinicians,
  listNoteVersions: clinicians,
  downloadNotePdf: clinicians,
  searchNotes: clinicians,
  // Everyone's own list; front desk writes no notes, so theirs is empty.
  listUnsignedNotes: signedIn,
  listMyReflections: clinicians,
  addReflection: clinicians,
  updateReflection: clinicians,
  // Front desk sends intake links; what clients send back is clinical, reviewed by clinicians.
  createClientLink: signedIn,
  listClientLinks: signedIn,
  revokeClientLink: signedIn,
  getIntakeForm: signedIn,
  updateIntakeForm: ownerOnly,
  listIntakeSubmissions: clinicians,
  getIntakeSubmission: clinicians,
  acceptIntakeSubmission: clinicians,
  rejectIntakeSubmission: clinicians,
  // A client's link needs no account; the token is the only key (intake.test.ts).
  openIntakeLink: everyone,
  submitIntake: everyone,
  signConsentThroughLink: everyone,
  // Consent is collected at the front desk too; the texts are the owner's to publish.
  listConsentTexts: signedIn,
  publishConsentText: ownerOnly,
  getClientConsents: signedIn,
  signConsent: signedIn,
  getConsentSignature: signedIn,
  withdrawConsent: signedIn,
  downloadConsentPdf: signedIn,
  // A health history is clinical content: front desk never reads or writes it.
  getHealthHistory: clinicians,
  updateHealthHistory: clinicians,
  listHealthHistoryVersions: clinicians,
  getHealthHistoryVersion: clinicians,
  compareHealthHistoryVersions: clinicians,
  getHealthHistoryChangesSinceLastVisit: clinicians,
  getSessionHealthCheck: clinicians,
  recordSessionHealthCheck: clinicians,
  // Safety alerts are clinical; which ingredients count as tree nuts is the owner's policy.
  getClientSafetyAlerts: clinicians,
  overrideSafetyAlerts: clinicians,
  getSessionSafety: clinicians,
  getSafetySettings: signedIn,
  updateSafetySettings: ownerOnly,
};

const principals: Array<Principal & { label: string }> = [
  { role: null, via: null, label: 'an anonymous caller' },
  ...(['owner', 'therapist', 'front_desk'] as const).flatMap((role) => [
    { role, via: 'session' as const, label: `a signed-in ${role.replace('_', ' ')}` },
    { role, via: 'token' as const, label: `a ${role.replace('_', ' ')}’s API token` },
  ]),
];

function describeOutcome(outcome: Outcome): string {
  if (outcome === 'ok') return 'allows';
  if (outcome === 409) return 'answers 409 to';
  return `refuses with ${outcome}`;
}

for (const { dialect, skip } of dialects) {
  describe(`the role matrix on ${dialect}`, { skip }, () => {
    let world: RoleWorld;
    before(async () => {
      const server = await startTestServer(dialect);
      const practice = await createPractice(server);
      world = {
        server,
        practice,
        therapist: await createStaff(server, practice, 'therapist'),
        frontDesk: await createStaff(server, practice, 'front_desk'),
      };
    });
    after(async () => {
      await world?.server.close();
    });

    it('has an expected outcome and a call for every operation in the OpenAPI document', async () => {
      const response = await fetch(`${world.server.url}/api/v1/openapi.json`);
      const document = (await response.json()) as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      const published = Object.values(document.paths).flatMap((operations) =>
        Object.values(operations).map((operation) => operation.operationId),
      );
      assert.deepEqual([...published].sort(), Object.keys(expected).sort());
      assert.deepEqual(Object.keys(operationCalls).sort(), Object.keys(expected).sort());
    });

    for (const [operationId, row] of Object.entries(expected)) {
      for (const principal of principals) {
        const outcome = row[principal.role ?? 'anonymous'];
        it(`${operationId}: ${describeOutcome(outcome)} ${principal.label}`, async () => {
          const caller = await sessionFor(world, principal);
          const response = await operationCalls[operationId]!(caller, world);
          if (outcome === 'ok') {
            assert.ok(
              response.status >= 200 && response.status < 300,
              `expected 2xx, got ${response.status}: ${response.text}`,
            );
          } else {
            assert.equal(response.status, outcome, response.text);
            assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
          }
        });
      }
    }
  });
}
