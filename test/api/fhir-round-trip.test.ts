import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createPractice } from '../support/factories.js';
import {
  missingRequiredElements,
  resourcesIn,
  unresolvedReferences,
} from '../support/fhir-assertions.js';
import { clinicalContent, resources, visitContent } from '../support/fhir-clinical-content.js';
import { fhirSchemaErrors } from '../support/fhir-schema.js';
import { historyInput, saveHistory } from '../support/health-history.js';
import type { ApiClient, Json } from '../support/http.js';
import { fhirImport } from '../support/imports.js';
import { noteContent, signedNote } from '../support/notes.js';
import { recordScores } from '../support/outcomes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

/** The exporter's Bundle of a client, read as FHIR JSON. */
async function exported(caller: ApiClient, clientId: string): Promise<Json> {
  const response = await caller.get(`/api/v1/clients/${clientId}/fhir`);
  assertStatus(response, 200);
  return typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
}

/** A calendar day some months from now, as a due date is. */
const inMonths = (months: number) =>
  new Date(Date.now() + months * 30 * 86_400_000).toISOString().slice(0, 10);

/** A health history's entries without the ids each practice gives them. */
const withoutIds = (entries: Json[]) =>
  entries.map(({ id: _id, ...entry }: Json) => JSON.stringify(entry)).sort();

for (const { dialect, skip } of dialects) {
  describe(`a client's record through FHIR and back on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('exports a client, imports them into a fresh practice, and exports the same clinical content, visits and notes included', async () => {
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
      // Measured and scored at the session, then signed, amended, and reflected on privately.
      await recordScores(world.therapist.client, world.client.id, {
        sessionId: world.session.id,
        scores: [{ measureId: 'nprs', value: 5 }],
      });
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({
          treatment: {
            techniques: [
              { technique: 'swedish', regions: ['upper_trapezius_l'], minutes: 20, pressure: 2 },
              {
                technique: 'myofascial_release',
                regions: ['lumbar_erectors_r', 'gluteals_r'],
                minutes: 25,
                pressure: 3,
              },
            ],
          },
        }),
      );
      const addendum = `Pressure on the glutes was 4, not 3 (${randomUUID().slice(0, 8)}).`;
      assertStatus(
        await world.therapist.client.post(`/api/v1/sessions/${world.session.id}/note/addenda`, {
          reason: 'Wrong pressure recorded',
          text: addendum,
        }),
        201,
      );
      const reflection = `Private doubt about the referral ${randomUUID().slice(0, 8)}`;
      assertStatus(
        await world.therapist.client.post(`/api/v1/clients/${world.client.id}/reflections`, {
          text: reflection,
          sessionId: world.session.id,
        }),
        201,
      );
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
      assert.deepEqual(patient.recordsAdded, {
        encounters: 1,
        procedures: 2,
        observations: 3,
        documents: 1,
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

      // The visit itself: what was done where, the pain before and after, the NPRS, the note.
      const visits = visitContent(first);
      assert.deepEqual(
        [visits.encounters, visits.procedures, visits.observations, visits.notes].map(
          (rows) => rows.length,
        ),
        [1, 2, 3, 1],
      );
      const bodySites = resources(first, 'Procedure').flatMap((procedure) =>
        (procedure.bodySite ?? []).map((site: Json) => site.text),
      );
      assert.equal(bodySites.length, 3, JSON.stringify(bodySites));
      assert.ok(visits.notes[0]!.includes(addendum), 'the addendum travels with its note');
      assert.deepEqual(visitContent(second), visits);

      // The copy is a valid R4 export of its own: every reference resolves, and what came
      // from the first practice says so.
      assert.deepEqual(fhirSchemaErrors(second), []);
      assert.deepEqual(missingRequiredElements(second), []);
      assert.deepEqual(unresolvedReferences(second), []);
      const [secondPatient] = resources(second, 'Patient');
      const fromElsewhere = (resource: Json) =>
        resource.meta?.tag?.some((tag: Json) => tag.code === 'other-provider') === true;
      const external = resourcesIn(second).filter(fromElsewhere);
      assert.deepEqual(external.map((resource) => resource.resourceType).sort(), [
        'Composition',
        'Encounter',
        'Observation',
        'Observation',
        'Observation',
        'Procedure',
        'Procedure',
      ]);
      for (const resource of external)
        assert.equal(resource.subject.reference, `urn:uuid:${secondPatient.id}`);
      // The new practice's own resources are its patient's history; none is tagged.
      assert.ok(resources(second, 'Condition').every((condition) => !fromElsewhere(condition)));
      for (const bundle of [first, second])
        assert.ok(!JSON.stringify(bundle).includes(reflection), 'no reflection leaves');

      // And on to a third practice: nothing is lost by a second move either.
      const third = await createPractice(server);
      const movedAgain = await fhirImport(third.owner, second);
      assertStatus(movedAgain, 200);
      const thirdExport = await exported(third.owner, movedAgain.body.patients[0].clientId);
      assert.deepEqual(visitContent(thirdExport), visits);
      assert.deepEqual(clinicalContent(thirdExport), before);

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

      // On the chart the visit stays another provider's history, apart from the new
      // practice's own sessions and notes.
      const records = await fresh.owner.get(`/api/v1/clients/${patient.clientId}/external-records`);
      assert.deepEqual(
        [...new Set(records.body.records.map((record: Json) => record.kind))].sort(),
        ['document', 'encounter', 'observation', 'procedure'],
      );
      const sessions = await fresh.owner.get(`/api/v1/clients/${patient.clientId}/timeline`);
      assertStatus(sessions, 200);
      assert.ok(!JSON.stringify(sessions.body).includes('Pressure on the glutes'));
    });
  });
}
