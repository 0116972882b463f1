import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createPractice, type PracticeFixture } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { fhirDryRun, fhirImport, ownBundle } from '../support/imports.js';
import { startTestServer, type TestServer } from '../support/server.js';

async function clientTotal(owner: ApiClient): Promise<number> {
  const response = await owner.get('/api/v1/clients?status=all&limit=1');
  assertStatus(response, 200);
  return response.body.total;
}

const byName = (report: Json, name: string) =>
  report.patients.find((patient: Json) => patient.name === name);

const reasonsOf = (report: Json) =>
  report.ignored.map((group: Json) => [group.resourceType, group.count, group.reason]);

for (const { dialect, skip } of dialects) {
  describe(`FHIR import of the project's own bundles on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function practice(): Promise<PracticeFixture> {
      return createPractice(server);
    }

    it('reports in a dry run who would be created, what reaches the history and what is left out, and writes nothing', async () => {
      const { owner } = await practice();
      const response = await fhirDryRun(owner, ownBundle('clinic-collection'));
      assertStatus(response, 200);
      const report = response.body;
      assert.equal(report.dryRun, true);
      assert.equal(report.importId, null);
      assert.equal(report.source, 'https://records.lakeside-physio.example/fhir');
      const adaeze = byName(report, 'Adaeze Okafor');
      assert.deepEqual(
        [adaeze.action, adaeze.clientId, adaeze.historyAdded, adaeze.recordsAdded],
        [
          'create',
          null,
          {
            conditions: 1,
            medications: 1,
            allergies: 1,
            surgeriesAndInjuries: 0,
            goals: 0,
            areasToAvoid: 0,
            pregnancy: 0,
          },
          { encounters: 1, procedures: 1, observations: 1, documents: 1 },
        ],
      );
      const sven = byName(report, 'Sven Erik Lindqvist');
      assert.equal(sven.dateOfBirth, null);
      assert.deepEqual(
        sven.warnings.map((warning: Json) => warning.field),
        ['entry[1].resource.birthDate'],
      );
      assert.deepEqual(reasonsOf(report).sort(), [
        ['AllergyIntolerance', 1, 'No longer active in the source (resolved).'],
        ['Immunization', 1, 'Immunizations are not part of a massage therapy record.'],
        ['MedicationStatement', 1, 'Not a current medication (status completed).'],
        ['Observation', 1, 'No subject: the resource does not say whose record it is.'],
        ['Organization', 1, 'Read only for the names of who and where.'],
        ['Practitioner', 1, 'Read only for the names of who and where.'],
      ]);
      assert.equal(await clientTotal(owner), 0);
    });

    it('imports clients with their history and other providers’ records, apart from the practice’s notes', async () => {
      const { owner } = await practice();
      const response = await fhirImport(owner, ownBundle('clinic-collection'));
      assertStatus(response, 200);
      const adaeze = byName(response.body, 'Adaeze Okafor');
      assert.equal(adaeze.historyVersion, 1);

      const client = await owner.get(`/api/v1/clients/${adaeze.clientId}`);
      assert.deepEqual(
        [client.body.dateOfBirth, client.body.phone, client.body.email, client.body.address.city],
        ['1984-06-02', '(416) 555-0147', 'adaeze.okafor@example.com', 'Toronto'],
      );
      assert.deepEqual(client.body.emergencyContact, {
        name: 'Chidi Okafor',
        relationship: 'Emergency contact',
        phone: '416-555-0199',
      });

      const history = await owner.get(`/api/v1/clients/${adaeze.clientId}/health-history`);
      assert.equal(history.body.source, 'import');
      const { allergies, conditions, medications } = history.body.history;
      assert.deepEqual(
        allergies.map((allergy: Json) => [allergy.substance, allergy.nut, allergy.severity]),
        [['tree_nut', 'almond', 'moderate']],
      );
      assert.deepEqual(
        conditions.map((condition: Json) => [condition.code, condition.name, condition.onsetDate]),
        [['hypertension', 'High blood pressure', '2019-03-14']],
      );
      assert.deepEqual(
        medications.map((medication: Json) => [medication.name, medication.class, medication.dose]),
        [['Warfarin 5 mg tablet', 'anticoagulant', '5 mg once daily']],
      );

      const external = await owner.get(`/api/v1/clients/${adaeze.clientId}/external-records`);
      assertStatus(external, 200);
      const records = external.body.records as Json[];
      assert.deepEqual(
        records.map((record) => [record.kind, record.title]),
        [
          ['document', 'Physiotherapy discharge summary'],
          ['procedure', 'Lumbar mobilisation'],
          ['encounter', 'Physiotherapy assessment'],
          ['observation', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported'],
        ],
      );
      const visit = records.find((record) => record.kind === 'encounter')!;
      assert.deepEqual(
        [visit.performer, visit.organization, visit.detail],
        ['Maren Holt', 'Lakeside Physiotherapy', 'Reason: Low back pain'],
      );
      const pain = records.find((record) => record.kind === 'observation')!;
      assert.deepEqual(
        [pain.value, pain.code, pain.encounterId],
        ['6', 'http://loinc.org|72514-3', visit.id],
      );
      const document = records.find((record) => record.kind === 'document')!;
      assert.equal(document.detail, 'Plan\nContinue core exercises & walking daily.');
      assert.equal(external.body.imports[0].source, 'https://records.lakeside-physio.example/fhir');
      const session = await owner.get('/api/v1/auth/session');
      assert.equal(external.body.imports[0].importedByName, session.body.user.displayName);

      const timeline = await owner.get(`/api/v1/clients/${adaeze.clientId}/timeline`);
      assertStatus(timeline, 200);
      assert.equal(JSON.stringify(timeline.body).includes('Lumbar mobilisation'), false);

      const sven = byName(response.body, 'Sven Erik Lindqvist');
      const svenClient = await owner.get(`/api/v1/clients/${sven.clientId}`);
      assert.equal(svenClient.body.preferredName, 'Erik');
      const svenHistory = await owner.get(`/api/v1/clients/${sven.clientId}/health-history`);
      assert.deepEqual(
        svenHistory.body.history.surgeriesAndInjuries.map((entry: Json) => [
          entry.kind,
          entry.description,
          entry.date,
        ]),
        [['sprain_strain', 'Sprained left ankle', '2026-10-20']],
      );
    });

    it('changes nothing when the same bundle is imported again', async () => {
      const { owner } = await practice();
      const first = await fhirImport(owner, ownBundle('clinic-collection'));
      assertStatus(first, 200);
      const clientId = byName(first.body, 'Adaeze Okafor').clientId;
      const again = await fhirImport(owner, ownBundle('clinic-collection'));
      assertStatus(again, 200);
      assert.equal(again.body.changesNothing, true);
      assert.equal(again.body.importId, null);
      assert.deepEqual(
        again.body.patients.map((patient: Json) => [patient.action, patient.matchedBy]),
        [
          ['match', 'identifier'],
          ['match', 'identifier'],
        ],
      );
      assert.equal(byName(again.body, 'Adaeze Okafor').alreadyImported, 7);
      assert.equal(await clientTotal(owner), 2);
      const versions = await owner.get(`/api/v1/clients/${clientId}/health-history/versions`);
      assert.equal(versions.body.versions.length, 1);
      const external = await owner.get(`/api/v1/clients/${clientId}/external-records`);
      assert.equal(external.body.total, 4);
    });

    it('recognises an imported client by identifier after the practice renamed them', async () => {
      const { owner } = await practice();
      const first = await fhirImport(owner, ownBundle('transaction-urn-uuid'));
      assertStatus(first, 200);
      const clientId = first.body.patients[0].clientId;
      const current = await owner.get(`/api/v1/clients/${clientId}`);
      const {
        id: _id,
        status: _s,
        archivedAt: _a,
        version: _v,
        createdAt: _c,
        updatedAt: _u,
        ...fields
      } = current.body;
      const renamed = await owner.put(
        `/api/v1/clients/${clientId}`,
        { ...fields, legalLastName: 'Tremblay-Roy' },
        { ifMatch: current.headers.get('etag')! },
      );
      assertStatus(renamed, 200);
      const again = await fhirDryRun(owner, ownBundle('transaction-urn-uuid'));
      assert.deepEqual(
        [
          again.body.patients[0].clientId,
          again.body.patients[0].clientName,
          again.body.changesNothing,
        ],
        [clientId, 'Noémie Tremblay-Roy', true],
      );
    });

    it('follows urn:uuid references in a transaction and leaves DELETE requests out', async () => {
      const { owner } = await practice();
      const response = await fhirImport(owner, ownBundle('transaction-urn-uuid'));
      assertStatus(response, 200);
      assert.deepEqual(reasonsOf(response.body), [
        ['Patient', 1, 'A DELETE request: an import adds to records and never deletes.'],
      ]);
      const clientId = response.body.patients[0].clientId;
      const history = await owner.get(`/api/v1/clients/${clientId}/health-history`);
      assert.deepEqual(
        history.body.history.allergies.map((allergy: Json) => [
          allergy.substance,
          allergy.severity,
        ]),
        [['latex', 'anaphylaxis']],
      );
      const external = await owner.get(`/api/v1/clients/${clientId}/external-records`);
      const [visit, rotation] = ['encounter', 'observation'].map((kind) =>
        external.body.records.find((record: Json) => record.kind === kind),
      );
      assert.equal(rotation.value, '55 deg');
      assert.equal(rotation.encounterId, visit.id);
    });

    it('matches an existing client by name and date of birth, adding to their history without repeating it', async () => {
      const { owner } = await practice();
      const { client } = await createClient(owner, {
        legalFirstName: 'Adaeze',
        legalLastName: 'Okafor',
        dateOfBirth: '1984-06-02',
        phone: null,
      });
      const saved = await owner.put(
        `/api/v1/clients/${client.id}/health-history`,
        {
          medications: [
            {
              id: '0199a0b0-0000-7000-8000-000000000001',
              name: 'Warfarin 5 mg tablet',
              class: 'anticoagulant',
              dose: '5 mg',
            },
          ],
        },
        { ifMatch: '"0"' },
      );
      assertStatus(saved, 200);
      const response = await fhirImport(owner, ownBundle('clinic-collection'));
      assertStatus(response, 200);
      const adaeze = byName(response.body, 'Adaeze Okafor');
      assert.deepEqual(
        [adaeze.action, adaeze.matchedBy, adaeze.clientId, adaeze.historyAlreadyRecorded],
        ['match', 'name_and_birth_date', client.id, 1],
      );
      assert.equal(adaeze.historyVersion, 2);
      const history = await owner.get(`/api/v1/clients/${client.id}/health-history`);
      assert.deepEqual(
        history.body.history.medications.map((medication: Json) => [
          medication.name,
          medication.dose,
        ]),
        [['Warfarin 5 mg tablet', '5 mg']],
      );
      assert.equal(history.body.history.allergies.length, 1);
    });

    it('reads document, batch and searchset bundles, and refuses a history bundle', async () => {
      const { owner } = await practice();
      for (const type of ['document', 'batch', 'searchset']) {
        const response = await fhirDryRun(owner, { ...ownBundle('clinic-collection'), type });
        assertStatus(response, 200);
        assert.equal(response.body.patients.length, 2, type);
      }
      const history = await fhirDryRun(owner, {
        ...ownBundle('clinic-collection'),
        type: 'history',
      });
      assertProblem(history, 422, 'unprocessable');
      assert.deepEqual(
        history.body.errors.map((error: Json) => error.field),
        ['type'],
      );
    });

    it('keeps no government numbers, even to recognise a client again', async () => {
      const { owner } = await practice();
      assertStatus(await fhirImport(owner, ownBundle('clinic-collection')), 200);
      const keys = await server.store.db.selectFrom('client_source_keys').select('key').execute();
      assert.ok(keys.length > 0);
      assert.equal(
        keys.some((row) => row.key.includes('ssn') || row.key.includes('999-11-2222')),
        false,
      );
    });

    it('audits the import with its counts and each client it changed, never their names', async () => {
      const { owner } = await practice();
      const response = await fhirImport(owner, ownBundle('clinic-collection'));
      const events = await auditEvents(owner, { action: 'import.fhir' });
      assert.equal(events.length, 1);
      assert.deepEqual(events[0]!.detail, {
        ...response.body.totals,
        patients: 2,
        changesNothing: false,
      });
      const adaeze = byName(response.body, 'Adaeze Okafor').clientId;
      const perClient = await auditEvents(owner, { clientId: adaeze });
      assert.deepEqual(
        perClient
          .filter((event) => event.detail?.['importId'])
          .map((event) => event.action)
          .sort(),
        ['client.create', 'externalRecords.import', 'healthHistory.import'],
      );
      const trail = JSON.stringify(await auditEvents(owner));
      assert.equal(trail.includes('Okafor'), false);
      assert.equal(trail.includes('Warfarin'), false);
    });
  });
}
