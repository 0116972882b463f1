import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createPractice } from '../support/factories.js';
import { resourcesIn, unresolvedReferences } from '../support/fhir-assertions.js';
import { fhirSchemaErrors } from '../support/fhir-schema.js';
import type { Json } from '../support/http.js';
import {
  fhirDryRun,
  fhirImport,
  r4ExamplesBundle,
  sharedFixturesSkip,
  syntheaBundles,
} from '../support/imports.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Third-party data: five Synthea patients (smart-on-fhir/generated-sample-data) and the
 * official R4 examples, read in place from ../shared/fixtures/fhir (see SOURCE.md there).
 */
const allergiesPerPatient: Record<string, number> = {
  Liz_Conn: 0,
  Gustavo_Mejía: 0,
  Asa_Hermiston: 4,
  Benedict_Ortiz: 1,
  Claudie_Walsh: 8,
};

const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((total, count) => total + count, 0);

const fixturesSkip = sharedFixturesSkip();

for (const { dialect, skip } of dialects) {
  describe(
    `FHIR import of third-party bundles on ${dialect}`,
    { skip: skip || fixturesSkip },
    () => {
      let server: TestServer;
      before(async () => {
        server = await startTestServer(dialect);
      });
      after(async () => {
        await server?.close();
      });

      for (const { file, bundle } of fixturesSkip ? [] : syntheaBundles()) {
        const person = file.split('_').slice(0, 2).join('_');
        it(`imports Synthea's ${person}; importing again changes nothing, and the export carries it on`, async () => {
          const { owner } = await createPractice(server);
          const dryRun = await fhirDryRun(owner, bundle);
          assertStatus(dryRun, 200);
          const [planned] = dryRun.body.patients;
          assert.equal(dryRun.body.source, 'https://github.com/synthetichealth/synthea');
          assert.equal(planned.action, 'create');
          assert.equal(planned.historyAdded.allergies, allergiesPerPatient[person]);
          assert.ok(
            dryRun.body.ignored.some(
              (group: Json) =>
                group.resourceType === 'Claim' &&
                group.reason === 'Billing from another system is not imported.',
            ),
          );
          assert.equal((await owner.get('/api/v1/clients')).body.total, 0);

          const imported = await fhirImport(owner, bundle);
          assertStatus(imported, 200);
          const [patient] = imported.body.patients;
          assert.deepEqual(
            [patient.historyAdded, patient.recordsAdded],
            [planned.historyAdded, planned.recordsAdded],
          );
          const client = await owner.get(`/api/v1/clients/${patient.clientId}`);
          assert.equal(
            `${client.body.legalFirstName}_${client.body.legalLastName}`,
            person,
            'the name arrives as written, accents included',
          );
          const history = await owner.get(`/api/v1/clients/${patient.clientId}/health-history`);
          assert.equal(history.body.history.allergies.length, allergiesPerPatient[person]);
          assert.equal(history.body.source, sum(patient.historyAdded) > 0 ? 'import' : null);
          const external = await owner.get(`/api/v1/clients/${patient.clientId}/external-records`);
          assert.equal(external.body.total, sum(patient.recordsAdded));

          // Leaving again: the practice's export carries every visit, procedure and result
          // from Synthea as valid R4, and the next practice imports all of them.
          const download = await owner.get(`/api/v1/clients/${patient.clientId}/fhir`);
          assertStatus(download, 200);
          assert.deepEqual(fhirSchemaErrors(download.body), []);
          assert.deepEqual(unresolvedReferences(download.body), []);
          const carried = resourcesIn(download.body).filter((resource) =>
            resource.meta?.tag?.some((tag: Json) => tag.code === 'other-provider'),
          );
          assert.equal(carried.length, sum(patient.recordsAdded));
          const next = await createPractice(server);
          const moved = await fhirImport(next.owner, download.body);
          assertStatus(moved, 200);
          assert.deepEqual(moved.body.patients[0].recordsAdded, patient.recordsAdded);

          const again = await fhirImport(owner, bundle);
          assertStatus(again, 200);
          assert.equal(again.body.changesNothing, true);
          assert.deepEqual(
            [again.body.patients[0].clientId, again.body.patients[0].matchedBy],
            [patient.clientId, 'identifier'],
          );
          assert.equal(
            again.body.patients[0].alreadyImported,
            sum(patient.historyAdded) + patient.historyAlreadyRecorded + sum(patient.recordsAdded),
          );
          assert.equal((await owner.get('/api/v1/clients')).body.total, 1);
          const versions = await owner.get(
            `/api/v1/clients/${patient.clientId}/health-history/versions`,
          );
          assert.equal(versions.body.versions.length, sum(patient.historyAdded) > 0 ? 1 : 0);
        });
      }

      it('reads Asa Hermiston’s nut and peanut allergies as ones the safety rules check', async () => {
        const { owner } = await createPractice(server);
        const asa = syntheaBundles().find(({ file }) => file.startsWith('Asa_Hermiston'))!;
        const imported = await fhirImport(owner, asa.bundle);
        assertStatus(imported, 200);
        const history = await owner.get(
          `/api/v1/clients/${imported.body.patients[0].clientId}/health-history`,
        );
        assert.deepEqual(
          history.body.history.allergies.map((allergy: Json) => [allergy.substance, allergy.name]),
          [
            ['other', 'Dander (animal)'],
            ['other', 'tree pollen'],
            ['tree_nut', null],
            ['peanut', null],
          ],
        );
        const alerts = await owner.get(
          `/api/v1/clients/${imported.body.patients[0].clientId}/safety-alerts`,
        );
        assertStatus(alerts, 200);
        assert.ok(JSON.stringify(alerts.body).toLowerCase().includes('nut'));
      });

      it('imports the R4 examples’ patient with his cashew anaphylaxis and leaves out what Palpate does not keep', async () => {
        const { owner } = await createPractice(server);
        const bundle = r4ExamplesBundle();
        const dryRun = await fhirDryRun(owner, bundle);
        assertStatus(dryRun, 200);
        assert.deepEqual(
          dryRun.body.ignored.map((group: Json) => [group.resourceType, group.reason]),
          [
            [
              'CarePlan',
              'Another provider’s care plans are not imported; the therapist writes their own.',
            ],
            ['Composition', 'Its patient (Patient/xcda) is not in this bundle.'],
            [
              'Consent',
              'Consent given to another provider does not carry over; the client consents here.',
            ],
            ['DocumentReference', 'Documents by reference (attachments) are not imported.'],
            [
              'Goal',
              'Another provider’s goals are not imported; the therapist agrees goals with the client.',
            ],
          ],
        );
        const imported = await fhirImport(owner, bundle);
        assertStatus(imported, 200);
        const [patient] = imported.body.patients;
        assert.equal(patient.name, 'Peter James Chalmers');
        const client = await owner.get(`/api/v1/clients/${patient.clientId}`);
        assert.deepEqual(
          [client.body.preferredName, client.body.dateOfBirth, client.body.emergencyContact.name],
          ['Jim', '1974-12-25', 'Bénédicte du Marché'],
        );
        const history = (await owner.get(`/api/v1/clients/${patient.clientId}/health-history`)).body
          .history;
        assert.deepEqual(
          history.allergies.map((allergy: Json) => [
            allergy.substance,
            allergy.nut,
            allergy.severity,
          ]),
          [['tree_nut', 'cashew', 'anaphylaxis']],
        );
        assert.deepEqual(
          history.surgeriesAndInjuries.map((entry: Json) => [
            entry.kind,
            entry.description,
            entry.date,
          ]),
          [['burn', 'Burnt Ear', '2012-05-24']],
        );
        const external = await owner.get(`/api/v1/clients/${patient.clientId}/external-records`);
        const records = external.body.records as Json[];
        const visit = records.find((record) => record.kind === 'encounter')!;
        assert.deepEqual(
          records.map((record) => [record.kind, record.title, record.value, record.occurredAt]),
          [
            ['observation', 'Body Weight', '185 lbs', '2016-03-28'],
            ['procedure', 'Appendectomy', null, '2013-04-05'],
            ['encounter', 'inpatient encounter', null, null],
          ],
        );
        assert.equal(records[0]!.encounterId, visit.id);
        assert.equal(records[1]!.performer, 'Dr Cecil Surgeon');

        const again = await fhirImport(owner, bundle);
        assert.equal(again.body.changesNothing, true);

        const download = await owner.get(`/api/v1/clients/${patient.clientId}/fhir`);
        assert.deepEqual(fhirSchemaErrors(download.body), []);
        assert.deepEqual(unresolvedReferences(download.body), []);
        const copyOf = (id: string) =>
          resourcesIn(download.body).find((resource) => resource.id === id);
        assert.equal(copyOf(records[0]!.id).encounter.reference, `urn:uuid:${visit.id}`);
        const appendectomy = copyOf(records[1]!.id);
        assert.equal(appendectomy.code.text, 'Appendectomy');
        assert.equal(appendectomy.performer[0].actor.display, 'Dr Cecil Surgeon');
      });
    },
  );
}
