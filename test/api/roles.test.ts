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
import type { ApiClient } from '../support/http.js';
import { startTestServer } from '../support/server.js';

/** 'ok' is any 2xx; a number is the exact refusal (or, for setup, the conflict) expected. */
type Outcome = 'ok' | 401 | 403 | 404 | 409;
type Row = Record<'anonymous' | Role, Outcome>;

const everyone: Row = { anonymous: 'ok', owner: 'ok', therapist: 'ok', front_desk: 'ok' };
const signedIn: Row = { anonymous: 401, owner: 'ok', therapist: 'ok', front_desk: 'ok' };
const ownerOnly: Row = { anonymous: 401, owner: 'ok', therapist: 403, front_desk: 403 };
const clinicians: Row = { anonymous: 401, owner: 'ok', therapist: 'ok', front_desk: 403 };
const ownerAndDesk: Row = { anonymous: 401, owner: 'ok', therapist: 403, front_desk: 'ok' };

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
  // Another system's clinical record comes in by the owner's decision; a client list is contact
  // details, which front desk enters anyway (a notes column needs the owner: client-list-import.test.ts).
  // Other providers' history is clinical, like notes.
  dryRunFhirImport: ownerOnly,
  importFhirBundle: ownerOnly,
  inspectClientList: ownerAndDesk,
  dryRunClientListImport: ownerAndDesk,
  importClientList: ownerAndDesk,
  getExternalHistory: clinicians,
  // A handoff is the owner's or the primary therapist's; its note is clinical, and only the
  // therapist who took the client over acknowledges it (handoffs.test.ts).
  handOffClient: clinicians,
  listClientHandoffs: clinicians,
  acknowledgeHandoff: clinicians,
  // Keeping and destroying records is the owner's legal duty (retention.test.ts).
  listClientsPastRetention: ownerOnly,
  listClientPurges: ownerOnly,
  purgeClient: ownerOnly,
  // Measures are the owner's to define; scores, goals and plans are clinical. Front desk may
  // send a measures link, as an intake link, never read what comes back (outcome-measures.test.ts).
  listMeasures: signedIn,
  createMeasure: ownerOnly,
  updateMeasure: ownerOnly,
  retireMeasure: ownerOnly,
  restoreMeasure: ownerOnly,
  getClientMeasures: clinicians,
  recordMeasureScores: clinicians,
  correctMeasureScore: clinicians,
  addPsfsActivity: clinicians,
  retirePsfsActivity: clinicians,
  createMeasuresLink: signedIn,
  openMeasuresLink: everyone,
  submitMeasures: everyone,
  listClientGoals: clinicians,
  createGoal: clinicians,
  updateGoal: clinicians,
  listGoalVersions: clinicians,
  getTreatmentPlan: clinicians,
  saveTreatmentPlan: clinicians,
  // The record leaves the chart: a PDF for those who treat the client (a disclosure outside the
  // practice needs consent or a legal reason, record-pdf.test.ts); the client's copy is the owner's.
  downloadRecordPdf: clinicians,
  downloadClientCopy: ownerOnly,
  // The record as FHIR R4 is clinical like its PDF (fhir-export.test.ts); the FHIR API under
  // /fhir/R4 is outside this document and has its own matrix (fhir-api-roles.test.ts).
  exportClientFhir: clinicians,
  // Front desk sends a follow-up link (it shows only the visit's date and therapist); what
  // comes back is clinical. The Today lists are scoped per clinician (follow-ups.test.ts).
  createFollowUpLink: signedIn,
  listClientFollowUps: clinicians,
  recordFollowUp: clinicians,
  getSessionFollowUp: clinicians,
  acknowledgeFollowUp: clinicians,
  listFollowUpsNeedingAttention: clinicians,
  listMissingFollowUps: clinicians,
  openFollowUpLink: everyone,
  submitFollowUp: everyone,
  // Progress charts are drawn from signed notes: clinical content (progress.test.ts).
  getClientProgress: clinicians,
  // What worked is read from notes: clinical. Practice-wide tables cover the clients the
  // reader reaches (analytics.test.ts); comparing therapists is the owner's.
  getClientEffectiveness: clinicians,
  getSessionBriefing: clinicians,
  getSimilarClientsEffectiveness: clinicians,
  getTherapistOutcomes: ownerOnly,
  listClientsNotImproving: clinicians,
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
    // One signed-in session or token per principal, reused across operations: signing in again
    // for each of a thousand calls measured the sign-in, not the policy. Logging out ends the
    // caller's own session, so that operation gets a session of its own.
    const callers = new Map<string, Promise<ApiClient>>();
    const callerFor = (operationId: string, principal: Principal & { label: string }) => {
      if (operationId === 'logout') return sessionFor(world, principal);
      let caller = callers.get(principal.label);
      if (!caller) {
        caller = sessionFor(world, principal);
        callers.set(principal.label, caller);
      }
      return caller;
    };
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
          const caller = await callerFor(operationId, principal);
          const cookie = caller.cookie;
          const response = await operationCalls[operationId]!(caller, world);
          // Signing in as someone else (login, accepting an invitation) changes whose session
          // the caller holds; the next operation signs in afresh.
          if (caller.cookie !== cookie) callers.delete(principal.label);
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
