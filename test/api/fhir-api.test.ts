import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Client as FhirKitClient } from 'fhir-kit-client';
import smart from 'fhirclient';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createToken } from '../support/factories.js';
import { missingRequiredElements } from '../support/fhir-assertions.js';
import { clientWithRecord, type RecordWorld } from '../support/fhir-record.js';
import { fhirSchemaErrors } from '../support/fhir-schema.js';
import type { Json } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The FHIR API as other systems use it: through two FHIR client libraries from npm, against
 * the running server. fhir-kit-client (Vermonster) is a plain FHIR REST client; fhirclient
 * (SMART Health IT) is what SMART apps use, here through its Node entry with a bearer token.
 */
function fhirclientFor(serverUrl: string, token: string, patientId?: string) {
  // fhirclient's server-side API is bound to the request and response of the app's own HTTP
  // server; its client() then talks to the FHIR server with the token given.
  const request = new http.IncomingMessage(new net.Socket());
  const response = new http.ServerResponse(request);
  return smart(request, response).client({
    serverUrl,
    tokenResponse: { access_token: token, ...(patientId ? { patient: patientId } : {}) },
  });
}

/** What fhir-kit-client rejects with when the server answers an error. */
interface KitError {
  response: { status: number; data: Json };
}

async function kitFailure(promise: Promise<unknown>): Promise<KitError['response']> {
  try {
    await promise;
  } catch (error) {
    return (error as KitError).response;
  }
  throw new Error('expected the request to fail');
}

const resourcesOf = (bundle: Json): Json[] =>
  (bundle.entry ?? []).map((entry: Json) => entry.resource);

for (const { dialect, skip } of dialects) {
  describe(`the FHIR R4 API through third-party clients on ${dialect}`, { skip }, () => {
    let server: TestServer;
    let world: RecordWorld;
    let base: string;
    let token: string;
    let kit: FhirKitClient;
    let namesake: string;
    before(async () => {
      server = await startTestServer(dialect);
      world = await clientWithRecord(server);
      base = `${server.url}/fhir/R4`;
      token = (await createToken(server, world.therapist.client, 'FHIR test')).secret;
      kit = new FhirKitClient({ baseUrl: base, bearerToken: token });
      // Three clients who share a surname, to page through.
      namesake = `Pagé-${world.client.id.slice(-6)}`;
      for (const first of ['Ana', 'Bea', 'Cai']) {
        await createClient(world.practice.owner, {
          legalFirstName: first,
          legalLastName: namesake,
          dateOfBirth: '1990-01-01',
        });
      }
    });
    after(async () => {
      await server?.close();
    });

    it('describes itself at /metadata (fhir-kit-client)', async () => {
      const statement = (await kit.capabilityStatement()) as Json;
      assert.equal(statement.resourceType, 'CapabilityStatement');
      assert.equal(statement.fhirVersion, '4.0.1');
      assert.ok(statement.format.includes('application/fhir+json'));
      const patient = statement.rest[0].resource.find((entry: Json) => entry.type === 'Patient');
      assert.deepEqual(
        patient.interaction.map((interaction: Json) => interaction.code),
        ['read', 'search-type'],
      );
      assert.deepEqual(
        patient.searchParam.map((param: Json) => param.name),
        ['name', 'birthdate', 'identifier', '_count', '_offset'],
      );
      assert.equal(patient.operation[0].name, 'everything');
      // The schema the package ships is R4's 4.0.0 edition, whose list of FHIR versions stops
      // at 4.0.0; 4.0.1, the technical correction the API follows, is checked above instead.
      assert.deepEqual(fhirSchemaErrors({ ...statement, fhirVersion: '4.0.0' }), []);
      assert.deepEqual(missingRequiredElements(statement), []);
    });

    it('reads a patient (fhir-kit-client)', async () => {
      const patient = (await kit.read({ resourceType: 'Patient', id: world.client.id })) as Json;
      assert.equal(patient.id, world.client.id);
      assert.equal(patient.name[0].family, world.client.legalLastName);
      assert.equal(patient.generalPractitioner[0].reference, `Practitioner/${world.therapist.id}`);
      assert.deepEqual(fhirSchemaErrors(patient), []);
    });

    it('finds a patient by name without accents, by birth month and by identifier (fhir-kit-client)', async () => {
      const searches: Array<Record<string, string>> = [
        { name: `zoe ${world.client.legalLastName.normalize('NFD').replace(/\p{M}/gu, '')}` },
        { name: world.client.legalLastName, birthdate: '1985-04' },
        {
          identifier: `urn:palpate:practice:${world.practice.practiceId}:client|${world.client.id}`,
        },
      ];
      for (const searchParams of searches) {
        const bundle = (await kit.search({ resourceType: 'Patient', searchParams })) as Json;
        assert.equal(bundle.type, 'searchset');
        assert.deepEqual(
          resourcesOf(bundle).map((patient) => patient.id),
          [world.client.id],
          JSON.stringify(searchParams),
        );
      }
      const elsewhere = (await kit.search({
        resourceType: 'Patient',
        searchParams: { name: world.client.legalLastName, birthdate: 'gt1985-04-12' },
      })) as Json;
      assert.equal(elsewhere.total, 0);
      assert.equal(elsewhere.entry, undefined);
    });

    it('pages through a search by following absolute next links (fhir-kit-client)', async () => {
      let page = (await kit.search({
        resourceType: 'Patient',
        searchParams: { name: namesake, _count: 2 },
      })) as Json;
      assert.equal(page.total, 3);
      const seen: string[] = [];
      let pages = 0;
      while (page) {
        pages += 1;
        seen.push(...resourcesOf(page).map((patient) => patient.name[0].given[0] as string));
        const next = page.link.find((link: Json) => link.relation === 'next');
        if (next) assert.ok(next.url.startsWith(`${base}/Patient?`), next.url);
        page = (await kit.nextPage({ bundle: page })) as Json;
      }
      assert.equal(pages, 2);
      assert.deepEqual(seen, ['Ana', 'Bea', 'Cai']);
    });

    it('gathers the whole record with $everything, page by page (fhir-kit-client)', async () => {
      let page = (await kit.operation({
        name: '$everything',
        resourceType: 'Patient',
        id: world.client.id,
        method: 'GET',
        input: { _count: 10 },
      })) as Json;
      const resources: Json[] = [];
      const total = page.total as number;
      while (page) {
        assert.deepEqual(fhirSchemaErrors(page), []);
        resources.push(...resourcesOf(page));
        page = (await kit.nextPage({ bundle: page })) as Json;
      }
      assert.equal(resources.length, total);
      const count = (type: string) => resources.filter((r) => r.resourceType === type).length;
      assert.equal(count('Patient'), 1);
      assert.equal(count('Encounter'), 3);
      assert.equal(count('Observation'), 4);
      assert.equal(count('Goal'), 2);
      assert.equal(count('CarePlan'), 1);
      assert.equal(count('Composition'), 1);
      assert.equal(count('AllergyIntolerance'), 2);
      const text = JSON.stringify(resources);
      assert.ok(!text.includes(world.reflectionText));
      assert.ok(!text.includes(world.draftText));
    });

    it('searches one patient’s encounters, observations, procedures, conditions and allergies (fhir-kit-client)', async () => {
      const expected: Record<string, number> = {
        Encounter: 3,
        Observation: 4,
        Procedure: 3,
        Condition: 4,
        AllergyIntolerance: 2,
      };
      for (const [resourceType, count] of Object.entries(expected)) {
        const bundle = (await kit.search({
          resourceType,
          searchParams: { patient: `Patient/${world.client.id}` },
        })) as Json;
        assert.equal(bundle.total, count, resourceType);
        for (const resource of resourcesOf(bundle)) {
          assert.equal(resource.resourceType, resourceType);
          assert.equal(
            (resource.subject ?? resource.patient).reference,
            `Patient/${world.client.id}`,
          );
        }
        assert.deepEqual(fhirSchemaErrors(bundle), [], resourceType);
      }
    });

    it('answers an unknown patient with a 404 OperationOutcome (fhir-kit-client)', async () => {
      const failure = await kitFailure(
        kit.read({ resourceType: 'Patient', id: '00000000-0000-7000-8000-000000000000' }),
      );
      assert.equal(failure.status, 404);
      assert.equal(failure.data.resourceType, 'OperationOutcome');
      assert.equal(failure.data.issue[0].code, 'not-found');
      assert.deepEqual(fhirSchemaErrors(failure.data), []);
    });

    it('refuses an unsupported search parameter with a 400 OperationOutcome (fhir-kit-client)', async () => {
      const failure = await kitFailure(
        kit.search({ resourceType: 'Patient', searchParams: { gender: 'female' } }),
      );
      assert.equal(failure.status, 400);
      assert.equal(failure.data.issue[0].code, 'invalid');
      assert.match(failure.data.issue[0].diagnostics, /gender/);
    });

    it('asks a caller without a token to log in, as an OperationOutcome (fhir-kit-client)', async () => {
      const anonymous = new FhirKitClient({ baseUrl: base });
      const failure = await kitFailure(
        anonymous.read({ resourceType: 'Patient', id: world.client.id }),
      );
      assert.equal(failure.status, 401);
      assert.equal(failure.data.issue[0].code, 'login');
    });

    it('reads the patient in context (fhirclient)', async () => {
      const client = fhirclientFor(base, token, world.client.id);
      const patient = (await client.patient.read()) as Json;
      assert.equal(patient.resourceType, 'Patient');
      assert.equal(patient.id, world.client.id);
    });

    it('answers a request for application/json with application/fhir+json (fhirclient)', async () => {
      const client = fhirclientFor(base, token);
      const { response, body } = (await client.request({
        url: `Patient/${world.client.id}`,
        includeResponse: true,
      })) as { response: Response; body: Json };
      assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
      assert.equal(body.id, world.client.id);
    });

    it('searches observations through the patient compartment /metadata names (fhirclient)', async () => {
      const client = fhirclientFor(base, token, world.client.id);
      const bundle = (await client.patient.request('Observation')) as Json;
      assert.deepEqual(
        resourcesOf(bundle)
          .map((observation) => observation.code.text)
          .sort(),
        [
          'Pain after treatment',
          'Pain before treatment',
          'Pain now (0–10)',
          'Patient-Specific Functional Scale: Lifting my toddler',
        ],
      );
    });

    it('follows next links to the last page (fhirclient)', async () => {
      const client = fhirclientFor(base, token);
      const patients = (await client.request(
        `Patient?name=${encodeURIComponent(namesake)}&_count=1`,
        {
          pageLimit: 0,
          flat: true,
        },
      )) as Json[];
      assert.deepEqual(
        patients.map((patient) => patient.name[0].given[0]),
        ['Ana', 'Bea', 'Cai'],
      );
    });

    it('resolves an encounter’s patient and therapist by reading them (fhirclient)', async () => {
      const client = fhirclientFor(base, token);
      const encounter = (await client.request(`Encounter/${world.signedSessionId}`, {
        resolveReferences: ['subject', 'participant.0.individual'],
      })) as Json;
      assert.equal(encounter.subject.resourceType, 'Patient');
      assert.equal(encounter.subject.id, world.client.id);
      assert.equal(encounter.participant[0].individual.resourceType, 'Practitioner');
      assert.equal(encounter.participant[0].individual.id, world.therapist.id);
    });

    it('reports an unsupported resource type as an OperationOutcome (fhirclient)', async () => {
      const client = fhirclientFor(base, token);
      await assert.rejects(client.request('MedicationRequest?patient=x'), (error: Json) => {
        assert.equal(error.status, 404);
        assert.match(error.message, /OperationOutcome/);
        return true;
      });
    });

    it('answers a request for XML with 406, as FHIR JSON', async () => {
      const xml: Array<[string, Record<string, string>]> = [
        ['/metadata', { accept: 'application/fhir+xml' }],
        ['/metadata?_format=xml', {}],
      ];
      for (const [path, headers] of xml) {
        const response = await fetch(`${base}${path}`, { headers });
        assert.equal(response.status, 406);
        assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
        assert.equal(((await response.json()) as Json).resourceType, 'OperationOutcome');
      }
    });

    it('answers a write with 405: the API is read-only', async () => {
      const response = await fetch(`${base}/Patient`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
        body: JSON.stringify({ resourceType: 'Patient' }),
      });
      assert.equal(response.status, 405);
      assert.equal(((await response.json()) as Json).issue[0].code, 'not-supported');
    });

    it('audits reads and searches by the token’s user, with the client they concern', async () => {
      const { client } = await createClient(world.practice.owner);
      await kit.read({ resourceType: 'Patient', id: client.id });
      await kit.search({ resourceType: 'Condition', searchParams: { patient: client.id } });
      const events = await auditEvents(world.practice.owner, { clientId: client.id });
      const fhirEvents = events.filter((event) => event.action.startsWith('fhir.'));
      assert.deepEqual(
        fhirEvents.map((event) => [event.action, event.recordType, event.userId]).reverse(),
        [
          ['fhir.read', 'Patient', world.therapist.id],
          ['fhir.search', 'Condition', world.therapist.id],
        ],
      );
    });
  });
}
