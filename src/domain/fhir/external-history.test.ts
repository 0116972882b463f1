import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  missingRequiredElements,
  unresolvedReferences,
} from '../../../test/support/fhir-assertions.js';
import { ids, recordFacts } from '../../../test/support/fhir-record-facts.js';
import { fhirSchemaErrors } from '../../../test/support/fhir-schema.js';
import type { Json } from '../../../test/support/http.js';
import { clientRecordBundle } from './bundle.js';
import type { ExternalRecordFacts } from './external-history.js';

const source = 'https://records.lakeside-physio.example/fhir';
const visitId = '01900000-0000-7000-8000-0000000000a1';
const procedureId = '01900000-0000-7000-8000-0000000000a2';
const documentId = '01900000-0000-7000-8000-0000000000a3';

/** A physiotherapy visit and what was done in it, as another system sent them. */
const visit = {
  resourceType: 'Encounter',
  id: 'enc-17',
  meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter'] },
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  type: [{ text: 'Physiotherapy assessment' }],
  subject: { reference: 'Patient/p-9', display: 'Adaeze Okafor' },
  participant: [{ individual: { reference: 'Practitioner/pr-3', display: 'Dr. Ada Lee' } }],
  period: { start: '2026-03-02T10:00:00-05:00', end: '2026-03-02T10:45:00-05:00' },
};
const procedure = {
  resourceType: 'Procedure',
  id: 'proc-4',
  status: 'completed',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '229564007' }], text: 'Mobilisation' },
  subject: { reference: 'Patient/p-9' },
  encounter: { reference: 'Encounter/enc-17' },
  performedDateTime: '2026-03-02T10:15:00-05:00',
  bodySite: [{ coding: [{ system: 'http://snomed.info/sct', code: '122496007' }], text: 'Lumbar' }],
  performer: [{ actor: { reference: 'urn:uuid:7d3c0b8e-0000-4000-8000-000000000003' } }],
  location: { reference: '#room' },
  contained: [{ resourceType: 'Location', id: 'room', name: 'Room 2' }],
};
const document = {
  resourceType: 'Composition',
  id: 'doc-1',
  status: 'final',
  type: { text: 'Discharge summary' },
  subject: { reference: 'Patient/p-9' },
  encounter: { reference: 'Encounter/enc-17' },
  date: '2026-03-02',
  author: [{ reference: 'Practitioner/pr-3', display: 'Dr. Ada Lee' }],
  title: 'Discharge summary',
  section: [
    {
      title: 'Plan',
      text: {
        status: 'generated',
        div: '<div xmlns="http://www.w3.org/1999/xhtml">Walk daily</div>',
      },
      entry: [{ reference: 'Procedure/proc-4' }],
    },
  ],
};

function facts(
  id: string,
  kind: ExternalRecordFacts['kind'],
  resource: object,
  encounterKey: string | null,
): ExternalRecordFacts {
  const original = resource as { resourceType: string; id: string };
  return {
    id,
    kind,
    source,
    recordKey: `${original.resourceType}/${original.id}`,
    encounterKey,
    resource: JSON.stringify(resource),
  };
}

const external = [
  facts(visitId, 'encounter', visit, null),
  facts(procedureId, 'procedure', procedure, 'Encounter/enc-17'),
  facts(documentId, 'document', document, 'Encounter/enc-17'),
];

const exported = () => {
  const bundle = clientRecordBundle(recordFacts(), external);
  const byId = new Map(
    (bundle.entry ?? []).map((entry) => [entry.resource.id, entry.resource as Json]),
  );
  return { bundle, byId };
};

describe('history from other providers in the FHIR export', () => {
  it('leaves as it came: codes, body sites, times, narrative and the contained resources', () => {
    const { byId } = exported();
    const copy = byId.get(procedureId)!;
    assert.deepEqual(
      [copy['resourceType'], copy['code'], copy['bodySite'], copy['performedDateTime']],
      ['Procedure', procedure.code, procedure.bodySite, procedure.performedDateTime],
    );
    assert.deepEqual(copy['contained'], procedure.contained);
    assert.deepEqual(copy['location'], { reference: '#room' });
    assert.deepEqual(byId.get(documentId)!['section'][0].text, document.section[0]!.text);
  });

  it('names this client as its subject and its imported visit as its encounter', () => {
    const { byId } = exported();
    for (const id of [visitId, procedureId, documentId])
      assert.deepEqual(byId.get(id)!['subject'], {
        reference: `urn:uuid:${ids.client}`,
        display: 'Zo Mejía',
      });
    assert.deepEqual(byId.get(procedureId)!['encounter'], { reference: `urn:uuid:${visitId}` });
    assert.deepEqual(byId.get(documentId)!['encounter'], { reference: `urn:uuid:${visitId}` });
  });

  it('points at what the bundle does not hold by identifier and name, never by a broken link', () => {
    const { bundle, byId } = exported();
    assert.deepEqual(byId.get(visitId)!['participant'][0].individual, {
      type: 'Practitioner',
      display: 'Dr. Ada Lee',
      identifier: { system: 'urn:ietf:rfc:3986', value: `${source}/Practitioner/pr-3` },
    });
    assert.deepEqual(byId.get(procedureId)!['performer'][0].actor, {
      identifier: {
        system: 'urn:ietf:rfc:3986',
        value: 'urn:uuid:7d3c0b8e-0000-4000-8000-000000000003',
      },
    });
    assert.deepEqual(byId.get(documentId)!['section'][0].entry, [
      {
        type: 'Procedure',
        identifier: { system: 'urn:ietf:rfc:3986', value: `${source}/Procedure/proc-4` },
      },
    ]);
    assert.deepEqual(unresolvedReferences(bundle), []);
  });

  it('says whose it is: tagged as another provider’s, with the source, under Palpate’s id', () => {
    const { byId } = exported();
    const copy = byId.get(visitId)!;
    assert.deepEqual(copy['meta'], {
      source,
      tag: [
        {
          system: 'urn:palpate:record-origin',
          code: 'other-provider',
          display: `History from another provider (${source})`,
        },
      ],
    });
    assert.equal(copy['id'], visitId);
  });

  it('keeps the export valid against the R4 schema, with every required element', () => {
    const { bundle } = exported();
    assert.deepEqual(fhirSchemaErrors(bundle), []);
    assert.deepEqual(missingRequiredElements(bundle), []);
  });
});
