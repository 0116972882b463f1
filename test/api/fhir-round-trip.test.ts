import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createPractice } from '../support/factories.js';
import { historyInput, saveHistory } from '../support/health-history.js';
import type { ApiClient, Json } from '../support/http.js';
import { fhirImport } from '../support/imports.js';
import { signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

/** The exporter's Bundle of a client, read as FHIR JSON. */
async function exported(caller: ApiClient, clientId: string): Promise<Json> {
  const response = await caller.get(`/api/v1/clients/${clientId}/fhir`);
  assertStatus(response, 200);
  return typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
}

const resources = (bundle: Json, type: string): Json[] =>
  bundle.entry
    .map((entry: Json) => entry.resource)
    .filter((resource: Json) => resource.resourceType === type);

/** A calendar day some months from now, as a due date is. */
const inMonths = (months: number) =>
  new Date(Date.now() + months * 30 * 86_400_000).toISOString().slice(0, 10);

/** A health history's entries without the ids each practice gives them. */
const withoutIds = (entries: Json[]) =>
  entries.map(({ id: _id, ...entry }: Json) => JSON.stringify(entry)).sort();

/** Codes of Palpate's own vocabularies and of standard terminologies; not practice ids. */
const sharedCodes = (concept: Json) =>
  (concept?.coding ?? [])
    .filter((coding: Json) => !String(coding.system).startsWith('urn:palpate:practice:'))
    .map((coding: Json) => `${coding.system}|${coding.code}`)
    .sort();

/**
 * What a clinician receiving the record reads, without the ids and dates that belong to the
 * practice holding it: the person, and each allergy, condition, medication, surgery or
 * injury, and goal of their health history.
 */
function clinicalContent(bundle: Json) {
  const [patient] = resources(bundle, 'Patient');
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    patient: {
      name: patient.name?.map((name: Json) => [name.family, name.given]),
      birthDate: patient.birthDate,
      telecom: patient.telecom?.map((point: Json) => [point.system, point.value]).sort(),
    },
    allergies: sorted(
      resources(bundle, 'AllergyIntolerance').map((allergy) => [
        allergy.code.text,
        sharedCodes(allergy.code),
        allergy.criticality ?? null,
        allergy.reaction ?? null,
      ]),
    ),
    conditions: sorted(
      resources(bundle, 'Condition').map((condition) => [
        condition.code.text,
        sharedCodes(condition.code),
        sharedCodes(condition.clinicalStatus),
        condition.onsetDateTime ?? null,
        condition.abatementDateTime ?? null,
        (condition.bodySite ?? []).map(sharedCodes),
      ]),
    ),
    medications: sorted(
      resources(bundle, 'MedicationStatement').map((medication) => [
        medication.medicationCodeableConcept.text,
        sharedCodes(medication.medicationCodeableConcept),
        medication.status,
        medication.dosage ?? null,
        medication.reasonCode ?? null,
      ]),
    ),
    surgeries: sorted(
      resources(bundle, 'Procedure')
        .filter((procedure) => procedure.category?.text === 'Surgical history')
        .map((procedure) => [
          procedure.code.text,
          sharedCodes(procedure.code),
          procedure.performedDateTime,
        ]),
    ),
    areasToAvoid: sorted(
      resources(bundle, 'Flag').map((flag) => [flag.code.text, flag.extension ?? null]),
    ),
    goals: sorted(
      resources(bundle, 'Goal')
        .filter((goal) =>
          goal.identifier?.some((identifier: Json) =>
            String(identifier.system).endsWith(':health-history-entry'),
          ),
        )
        .map((goal) => goal.description.text),
    ),
  };
}

for (const { dialect, skip } of dialects) {
  describe(`a client's record through FHIR and back on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('exports a client, imports them into a fresh practice, and exports the same clinical content', async () => {
      const world = await sessionToDocument(server);
      await saveHistory(
        world.therapist.client,
        world.client.id,
        historyInput({
          allergies: [
            { id: randomUUID(), substance: 'tree_nut', nut: 'almond', severity: 'severe' },
            {
              id: randomUUID(),
              substance: 'essential_oil',
              oil: 'lavender_oil',
              reaction: 'Rash',
              severity: 'mild',
            },
            { id: randomUUID(), substance: 'other', name: 'Penicillin', severity: null },
            { id: randomUUID(), substance: 'peanut', severity: 'anaphylaxis' },
            {
              id: randomUUID(),
              substance: 'latex',
              reaction: 'Throat swelling',
              severity: 'anaphylaxis',
            },
            { id: randomUUID(), substance: 'lanolin', severity: 'moderate' },
          ],
          medications: [
            { id: randomUUID(), name: 'Warfarin', class: 'anticoagulant', dose: '5 mg daily' },
            {
              id: randomUUID(),
              name: 'Ibuprofen',
              class: 'analgesic_nsaid',
              dose: '400 mg as needed',
              reason: 'Knee pain',
            },
          ],
          pregnancy: { pregnant: true, dueDate: inMonths(4), highRisk: true },
          areasToAvoid: [
            {
              id: randomUUID(),
              regions: ['calves_l', 'anterior_neck_r'],
              reason: 'Varicose veins; carotid: no deep pressure',
            },
          ],
          conditions: [
            {
              id: randomUUID(),
              code: 'varicose_veins',
              name: 'Varicose veins',
              status: 'managed',
              onsetDate: '2019-05-01',
              regions: ['calves_l'],
            },
            {
              id: randomUUID(),
              code: null,
              name: 'Plantar fasciitis',
              status: 'resolved',
              onsetDate: '2023-01-10',
              resolvedDate: '2023-06-01',
            },
          ],
          surgeriesAndInjuries: [
            {
              id: randomUUID(),
              kind: 'surgery',
              description: 'Right knee arthroscopy',
              date: '2024-02-14',
              regions: [],
            },
            {
              id: randomUUID(),
              kind: 'whiplash',
              description: 'Rear-ended at a light',
              date: '2025-09-30',
              regions: [],
            },
          ],
        }),
      );
      await signedNote(world.therapist.client, world.session.id);
      const first = await exported(world.practice.owner, world.client.id);

      const fresh = await createPractice(server);
      const imported = await fhirImport(fresh.owner, first);
      assertStatus(imported, 200);
      const [patient] = imported.body.patients;
      assert.equal(patient.action, 'create');
      assert.deepEqual(patient.historyAdded, {
        conditions: 2,
        medications: 2,
        allergies: 6,
        surgeriesAndInjuries: 2,
        goals: 1,
        areasToAvoid: 1,
        pregnancy: 1,
      });
      const again = await fhirImport(fresh.owner, first);
      assertStatus(again, 200);
      assert.equal(again.body.changesNothing, true, 'importing the same bundle again adds nothing');
      const second = await exported(fresh.owner, patient.clientId);

      const before = clinicalContent(first);
      assert.equal(before.allergies.length, 6);
      assert.equal(before.conditions.length, 4, 'two conditions, the whiplash and the pregnancy');
      assert.equal(before.medications.length, 2);
      assert.equal(before.surgeries.length, 1);
      assert.equal(before.areasToAvoid.length, 1);
      assert.deepEqual(clinicalContent(second), before);

      // What the safety rules read arrives as it was entered: an anaphylaxis is not just
      // "severe", a moderate allergy not "mild", the pregnancy and the areas to avoid are there.
      const history = async (caller: ApiClient, clientId: string) =>
        (await caller.get(`/api/v1/clients/${clientId}/health-history`)).body.history as Json;
      const original = await history(world.practice.owner, world.client.id);
      const arrived = await history(fresh.owner, patient.clientId);
      for (const section of ['allergies', 'medications', 'areasToAvoid', 'goals'])
        assert.deepEqual(withoutIds(arrived[section]), withoutIds(original[section]), section);
      assert.deepEqual(arrived.pregnancy, original.pregnancy);
      assert.deepEqual(arrived.allergies.map((allergy: Json) => String(allergy.severity)).sort(), [
        'anaphylaxis',
        'anaphylaxis',
        'mild',
        'moderate',
        'null',
        'severe',
      ]);

      const external = await fresh.owner.get(
        `/api/v1/clients/${patient.clientId}/external-records`,
      );
      const kinds = new Set(external.body.records.map((record: Json) => record.kind));
      assert.ok(kinds.has('encounter'), 'the session arrives as a visit from another provider');
      assert.ok(kinds.has('observation'), 'its pain scores arrive as observations');
    });
  });
}
