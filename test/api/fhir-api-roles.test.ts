import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/domain/roles.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import {
  createClient,
  createPractice,
  createStaff,
  createToken,
  type PracticeFixture,
  type StaffFixture,
} from '../support/factories.js';
import type { ApiClient, ApiResponse, Json } from '../support/http.js';
import { sessionFor, type Principal, type RoleWorld } from '../support/operation-calls.js';
import { startTestServer } from '../support/server.js';
import { bookSession } from '../support/sessions.js';

/**
 * Who may call what on the FHIR API. Its routes are not in the OpenAPI document (they answer
 * FHIR resources and OperationOutcomes, described by /metadata), so the role matrix of
 * roles.test.ts cannot see them: this matrix does the same for them, by token and by session.
 */
type Outcome = 'ok' | 401 | 403 | 404;
type Row = Record<'anonymous' | Role, Outcome>;

const everyone: Row = { anonymous: 'ok', owner: 'ok', therapist: 'ok', front_desk: 'ok' };
const signedIn: Row = { anonymous: 401, owner: 'ok', therapist: 'ok', front_desk: 'ok' };
const clinicians: Row = { anonymous: 401, owner: 'ok', therapist: 'ok', front_desk: 403 };

type FhirCall = (caller: ApiClient, world: RoleWorld) => Promise<ApiResponse>;

/** A client of the world's therapist, created by the owner. */
const therapistsClient = async (world: RoleWorld) =>
  (await createClient(world.practice.owner, { primaryTherapistId: world.therapist.id })).client;

const byPatient =
  (type: string): FhirCall =>
  async (caller, world) =>
    caller.get(`/fhir/R4/${type}?patient=${(await therapistsClient(world)).id}`);

const calls: Record<string, { row: Row; call: FhirCall }> = {
  // The CapabilityStatement says what the API does, not what any record holds.
  metadata: { row: everyone, call: (caller) => caller.get('/fhir/R4/metadata') },
  // A Patient is the client's demographics: whoever may read a client may read it.
  readPatient: {
    row: signedIn,
    call: async (caller, world) =>
      caller.get(`/fhir/R4/Patient/${(await therapistsClient(world)).id}`),
  },
  searchPatients: {
    row: signedIn,
    call: async (caller, world) =>
      caller.get(`/fhir/R4/Patient?name=${(await therapistsClient(world)).legalLastName}`),
  },
  // Everything is the clinical record.
  patientEverything: {
    row: clinicians,
    call: async (caller, world) =>
      caller.get(`/fhir/R4/Patient/${(await therapistsClient(world)).id}/$everything`),
  },
  // Encounters are the schedule, which front desk runs; the rest is clinical.
  searchEncounters: { row: signedIn, call: byPatient('Encounter') },
  searchObservations: { row: clinicians, call: byPatient('Observation') },
  searchProcedures: { row: clinicians, call: byPatient('Procedure') },
  searchConditions: { row: clinicians, call: byPatient('Condition') },
  searchAllergyIntolerances: { row: clinicians, call: byPatient('AllergyIntolerance') },
  readEncounter: {
    row: signedIn,
    call: async (caller, world) => {
      const client = await therapistsClient(world);
      const { session } = await bookSession(world.practice.owner, {
        clientId: client.id,
        therapistId: world.therapist.id,
      });
      return caller.get(`/fhir/R4/Encounter/${session.id}`);
    },
  },
  readPractitioner: {
    row: signedIn,
    call: (caller, world) => caller.get(`/fhir/R4/Practitioner/${world.therapist.id}`),
  },
  readOrganization: {
    row: signedIn,
    call: (caller, world) => caller.get(`/fhir/R4/Organization/${world.practice.practiceId}`),
  },
};

const principals: Array<Principal & { label: string }> = [
  { role: null, via: null, label: 'an anonymous caller' },
  ...(['owner', 'therapist', 'front_desk'] as const).flatMap((role) => [
    { role, via: 'token' as const, label: `a ${role.replace('_', ' ')}’s API token` },
    { role, via: 'session' as const, label: `a signed-in ${role.replace('_', ' ')}` },
  ]),
];

function assertFhirJson(response: ApiResponse) {
  assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
}

for (const { dialect, skip } of dialects) {
  describe(`the FHIR API’s role matrix on ${dialect}`, { skip }, () => {
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

    for (const [name, { row, call }] of Object.entries(calls)) {
      for (const principal of principals) {
        const outcome = row[principal.role ?? 'anonymous'];
        const verb = outcome === 'ok' ? 'allows' : `refuses with ${outcome}`;
        it(`${name}: ${verb} ${principal.label}`, async () => {
          const response = await call(await sessionFor(world, principal), world);
          assertFhirJson(response);
          if (outcome === 'ok') {
            assert.equal(response.status, 200, response.text);
          } else {
            assert.equal(response.status, outcome, response.text);
            assert.equal(response.body.resourceType, 'OperationOutcome');
          }
        });
      }
    }
  });

  describe(`the FHIR API under assigned care on ${dialect}`, { skip }, () => {
    let world: RoleWorld;
    let practice: PracticeFixture;
    let colleague: StaffFixture;
    let api: ApiClient;
    let own: Json;
    let others: Json;
    before(async () => {
      const server = await startTestServer(dialect);
      practice = await createPractice(server, { careModel: 'assigned' });
      const therapist = await createStaff(server, practice, 'therapist');
      colleague = await createStaff(server, practice, 'therapist');
      world = { server, practice, therapist, frontDesk: therapist };
      api = (await createToken(server, therapist.client)).client;
      own = (await createClient(practice.owner, { primaryTherapistId: therapist.id })).client;
      others = (
        await createClient(practice.owner, {
          primaryTherapistId: colleague.id,
          legalLastName: own.legalLastName,
        })
      ).client;
    });
    after(async () => {
      await world?.server.close();
    });

    it('finds only the therapist’s own client in a Patient search', async () => {
      const response = await api.get(`/fhir/R4/Patient?name=${own.legalLastName}`);
      assert.equal(response.status, 200, response.text);
      assert.deepEqual(
        response.body.entry.map((entry: Json) => entry.resource.id),
        [own.id],
      );
    });

    it('answers another therapist’s client as not found, whatever is asked', async () => {
      const paths = [
        `/fhir/R4/Patient/${others.id}`,
        `/fhir/R4/Patient/${others.id}/$everything`,
        `/fhir/R4/Observation?patient=${others.id}`,
        `/fhir/R4/Condition?patient=Patient/${others.id}`,
      ];
      for (const path of paths) {
        const response = await api.get(path);
        assert.equal(response.status, 404, `${path}: ${response.text}`);
        assert.equal(response.body.issue[0].code, 'not-found');
      }
      assert.equal((await api.get(`/fhir/R4/Patient/${own.id}/$everything`)).status, 200);
    });

    it('records the refusal in the audit trail', async () => {
      await api.get(`/fhir/R4/Patient/${others.id}/$everything`);
      const denied = (await auditEvents(practice.owner, { clientId: others.id })).filter(
        (event) => event.outcome === 'denied',
      );
      assert.ok(denied.length >= 1);
      assert.equal(denied[0]!.userId, world.therapist.id);
    });

    it('reads an encounter of the other therapist’s client as not found', async () => {
      const { session } = await bookSession(practice.owner, {
        clientId: others.id,
        therapistId: colleague.id,
      });
      const response = await api.get(`/fhir/R4/Encounter/${session.id}`);
      assert.equal(response.status, 404, response.text);
      assert.equal(response.body.resourceType, 'OperationOutcome');
    });
  });
}
