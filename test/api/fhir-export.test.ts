import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createStaff } from '../support/factories.js';
import {
  decodedAttachments,
  missingRequiredElements,
  resourcesIn,
  unresolvedReferences,
} from '../support/fhir-assertions.js';
import { clientWithRecord, type RecordWorld } from '../support/fhir-record.js';
import { fhirSchemaErrors } from '../support/fhir-schema.js';
import type { Json } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ofType = (bundle: Json, type: string) =>
  resourcesIn(bundle).filter((resource) => resource.resourceType === type);

for (const { dialect, skip } of dialects) {
  describe(`the record as FHIR R4 on ${dialect}`, { skip }, () => {
    let server: TestServer;
    let world: RecordWorld;
    let download: Json;
    let bundle: Json;
    let patientUrl: string;
    before(async () => {
      server = await startTestServer(dialect);
      world = await clientWithRecord(server);
      download = await world.therapist.client.get(`/api/v1/clients/${world.client.id}/fhir`);
      bundle = download.body;
      patientUrl = bundle.entry.find(
        (entry: Json) => entry.resource.resourceType === 'Patient',
      )?.fullUrl;
    });
    after(async () => {
      await server?.close();
    });

    it('downloads the record as a FHIR JSON file', () => {
      assert.equal(download.status, 200, download.text);
      assert.match(download.headers.get('content-type') ?? '', /^application\/fhir\+json/);
      assert.match(
        download.headers.get('content-disposition') ?? '',
        /^attachment; filename="record-.+\.fhir\.json"$/,
      );
    });

    it('validates against the official FHIR R4 JSON schema', () => {
      assert.deepEqual(fhirSchemaErrors(bundle), []);
    });

    it('has every element R4 requires, beyond what the schema checks', () => {
      assert.deepEqual(missingRequiredElements(bundle), []);
    });

    it('is a collection whose entries have urn:uuid fullUrls', () => {
      assert.equal(bundle.type, 'collection');
      assert.ok(bundle.timestamp);
      for (const entry of bundle.entry) assert.match(entry.fullUrl, /^urn:uuid:[0-9a-f-]{36}$/);
    });

    it('resolves every reference inside the bundle, and inside each note’s document', () => {
      assert.deepEqual(unresolvedReferences(bundle), []);
    });

    it('identifies the patient by the practice’s client system and the client’s id', () => {
      const [patient] = ofType(bundle, 'Patient');
      assert.equal(patient.id, world.client.id);
      assert.deepEqual(patient.identifier[0], {
        use: 'usual',
        system: `urn:palpate:practice:${world.practice.practiceId}:client`,
        value: world.client.id,
      });
      assert.deepEqual(
        patient.name.map((name: Json) => [name.use, name.given[0]]),
        [
          ['official', 'Zoë'],
          ['usual', 'Zo'],
        ],
      );
      assert.equal(patient.birthDate, '1985-04-12');
    });

    it('names the patient as the subject of every clinical resource', () => {
      const clinical = bundle.entry
        .map((entry: Json) => entry.resource)
        .filter(
          (resource: Json) =>
            !['Patient', 'Practitioner', 'Organization', 'Bundle'].includes(resource.resourceType),
        );
      assert.ok(clinical.length > 10);
      for (const resource of clinical) {
        assert.equal(
          (resource.subject ?? resource.patient)?.reference,
          patientUrl,
          resource.resourceType,
        );
      }
    });

    it('records each pain score with LOINC 72514-3 on its encounter, before and after told apart', () => {
      const scores = ofType(bundle, 'Observation').filter(
        (observation, index, all) =>
          observation.code.coding[1]?.system === 'urn:palpate:observation' &&
          all.findIndex((other) => other.id === observation.id) === index,
      );
      assert.deepEqual(
        scores.map((score) => [score.code.text, score.valueQuantity.value]),
        [
          ['Pain before treatment', 6],
          ['Pain after treatment', 3],
        ],
      );
      for (const score of scores) {
        assert.equal(score.code.coding[0].system, 'http://loinc.org');
        assert.equal(score.code.coding[0].code, '72514-3');
        assert.equal(score.encounter.reference, `urn:uuid:${world.signedSessionId}`);
      }
      assert.ok(scores[0].effectiveDateTime < scores[1].effectiveDateTime);
    });

    it('records each outcome-measure score as an Observation, the NPRS with its LOINC code', () => {
      const measured = bundle.entry
        .map((entry: Json) => entry.resource)
        .filter(
          (resource: Json) =>
            resource.resourceType === 'Observation' &&
            resource.code.coding.some((coding: Json) => coding.system.endsWith(':measure')),
        );
      assert.deepEqual(
        // Scores taken in one go have the same time: their order among themselves is free.
        measured
          .map((score: Json) => [
            score.code.text,
            score.valueQuantity.value,
            score.code.coding[0].code,
          ])
          .sort(),
        [
          ['Pain now (0–10)', 5, '72514-3'],
          ['Patient-Specific Functional Scale: Lifting my toddler', 4, 'psfs'],
        ],
      );
      for (const score of measured) {
        assert.equal(score.encounter.reference, `urn:uuid:${world.signedSessionId}`);
      }
    });

    it('carries the goals with measurable targets, and the plan that names the active ones', () => {
      const goal = ofType(bundle, 'Goal').find((resource) => resource.id === world.goalId);
      assert.equal(goal.lifecycleStatus, 'active');
      assert.equal(goal.description.text, 'Lift my toddler without pain');
      assert.deepEqual(goal.target[0].detailQuantity, {
        value: 8,
        comparator: '>=',
        unit: '{score}',
        system: 'http://unitsofmeasure.org',
        code: '{score}',
      });
      assert.equal(
        goal.target[0].measure.text,
        'Patient-Specific Functional Scale: Lifting my toddler',
      );
      assert.equal(goal.target[0].dueDate, '2027-01-08');
      const [plan] = ofType(bundle, 'CarePlan');
      assert.equal(plan.status, 'active');
      assert.equal(plan.description, '1 session a week, 6 sessions in all');
      assert.deepEqual(plan.goal, [{ reference: `urn:uuid:${world.goalId}` }]);
      assert.deepEqual(
        plan.activity.map((activity: Json) => activity.detail.description),
        [
          'Focus on: Upper trapezius, left, Posterior neck (cervical extensors), left',
          'Technique: Myofascial release',
          'Measure Patient-Specific Functional Scale: baseline at intake, every 3 sessions',
        ],
      );
    });

    it('turns each technique into a Procedure on body sites with SNOMED, words and side', () => {
      const procedures = bundle.entry
        .map((entry: Json) => entry.resource)
        .filter((resource: Json) => resource.resourceType === 'Procedure' && resource.encounter);
      assert.deepEqual(
        procedures.map((procedure: Json) => procedure.code.text),
        ['Swedish', 'Trigger point therapy'],
      );
      const [site] = procedures[0].bodySite;
      assert.equal(site.text, 'Upper trapezius, left');
      assert.deepEqual(
        site.coding.map((coding: Json) => [coding.system, coding.code]),
        [
          ['urn:palpate:body-region', 'upper_trapezius_l'],
          ['http://snomed.info/sct', '16982005'],
        ],
      );
      assert.equal(site.extension[0].valueCodeableConcept.coding[0].code, '7771000');
    });

    it('gives every session an Encounter whose status follows the session', () => {
      const encounters = new Map<string, string>(
        bundle.entry
          .filter((entry: Json) => entry.resource.resourceType === 'Encounter')
          .map((entry: Json) => [entry.resource.id, entry.resource.status]),
      );
      assert.equal(encounters.get(world.signedSessionId), 'finished');
      assert.equal(encounters.get(world.draftSessionId), 'in-progress');
      assert.equal(encounters.get(world.cancelledSessionId), 'cancelled');
    });

    it('carries the health history as allergies, conditions, medications, flags and goals', () => {
      const texts = (type: string, element: string) =>
        bundle.entry
          .filter((entry: Json) => entry.resource.resourceType === type)
          .map((entry: Json) => entry.resource[element].text);
      assert.deepEqual(texts('AllergyIntolerance', 'code'), ['Tree nuts: Almond', 'Latex']);
      assert.deepEqual(texts('Condition', 'code'), [
        'Varicose veins',
        'Plantar fasciitis',
        'Pregnancy (due 2027-04-20)',
        'Rear-end collision',
      ]);
      assert.deepEqual(texts('MedicationStatement', 'medicationCodeableConcept'), ['Apixaban']);
      assert.deepEqual(texts('Flag', 'code'), [
        'Avoid: Knee, right. Surgery in June: no deep work yet.',
      ]);
      assert.deepEqual(texts('Goal', 'description'), [
        'Carry my toddler without back pain',
        'Lift my toddler without pain',
      ]);
      const [nuts] = ofType(bundle, 'AllergyIntolerance');
      assert.equal(nuts.criticality, 'high');
      assert.equal(nuts.reaction[0].manifestation[0].text, 'Hives and swollen lips');
    });

    it('keeps every consent with the text signed, the current ones active', () => {
      const consents = ofType(bundle, 'Consent');
      const byKind = new Map(
        consents.map((consent) => [consent.category[0].coding[1].code, consent]),
      );
      assert.equal(byKind.get('treatment').status, 'active');
      assert.equal(byKind.get('share_records').status, 'active');
      assert.equal(
        byKind.get('share_records').provision.actor[0].reference.display,
        'Dr. Ada Lee, physiotherapist',
      );
      assert.equal(byKind.get('communication').status, 'inactive');
      const text = Buffer.from(byKind.get('treatment').sourceAttachment.data, 'base64').toString();
      assert.ok(text.length > 50, 'the text signed travels with the consent');
    });

    it('sends each signed note as a document whose Composition keeps the addendum', () => {
      const documents = ofType(bundle, 'Bundle');
      assert.equal(documents.length, 1, 'one signed note, one document; the draft has none');
      const [document] = documents;
      assert.equal(document.type, 'document');
      const composition = document.entry[0].resource;
      assert.equal(composition.resourceType, 'Composition');
      assert.equal(composition.status, 'amended');
      assert.equal(composition.type.coding[0].code, '11506-3');
      assert.equal(composition.encounter.reference, `urn:uuid:${world.signedSessionId}`);
      const titles = composition.section.map((section: Json) => section.title);
      assert.deepEqual(titles, [
        'Subjective',
        'Objective',
        'Treatment',
        'Assessment',
        'Plan',
        'Addenda',
      ]);
      const narrative = JSON.stringify(composition.section);
      assert.ok(narrative.includes('Neck pain &lt; 3 days &amp; worse after driving'));
      assert.ok(narrative.includes(world.addendumText));
    });

    it('never carries a private reflection or an unsigned draft', () => {
      const everything = [JSON.stringify(bundle), ...decodedAttachments(bundle)].join('\n');
      assert.ok(!everything.includes(world.reflectionText), 'reflection text leaked');
      assert.ok(!everything.includes(world.draftText), 'draft text leaked');
      assert.ok(!everything.includes('Private worry'));
    });

    it('audits the download as an export of the client’s record', async () => {
      const event = await onlyAuditEvent(world.practice.owner, {
        action: 'record.export',
        clientId: world.client.id,
      });
      assert.equal(event.userId, world.therapist.id);
      assert.equal(event.detail?.['format'], 'fhir');
      assert.equal(event.detail?.['resources'], bundle.entry.length);
    });

    it('exports a client with nothing recorded yet as a valid bundle of patient and practice', async () => {
      const { client } = await createClient(world.practice.owner);
      const response = await world.practice.owner.get(`/api/v1/clients/${client.id}/fhir`);
      assert.equal(response.status, 200, response.text);
      assert.deepEqual(
        response.body.entry.map((entry: Json) => entry.resource.resourceType),
        ['Patient', 'Organization'],
      );
      assert.deepEqual(fhirSchemaErrors(response.body), []);
      assert.deepEqual(missingRequiredElements(response.body), []);
    });

    it('refuses front desk: the record is clinical', async () => {
      const desk = await createStaff(server, world.practice, 'front_desk');
      const response = await desk.client.get(`/api/v1/clients/${world.client.id}/fhir`);
      assert.equal(response.status, 403, response.text);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    });
  });
}
