import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ids, recordFacts } from '../../../test/support/fhir-record-facts.js';
import { clientRecordBundle, clientResources } from './bundle.js';
import { restLinks } from './links.js';
import { mappingContext } from './record.js';
import type { Bundle, ClinicalResource } from './types.js';

const resources = (bundle: Bundle) => (bundle.entry ?? []).map((entry) => entry.resource);
type EntryResource = ClinicalResource | Bundle;
const ofType = <T extends EntryResource['resourceType']>(bundle: Bundle, type: T) =>
  resources(bundle).filter((resource) => resource.resourceType === type) as Array<
    Extract<EntryResource, { resourceType: T }>
  >;

describe('a client’s record as a FHIR R4 Bundle', () => {
  it('links the same record the same way on every export', () => {
    const first = clientRecordBundle(recordFacts());
    const second = clientRecordBundle(recordFacts({ exportedAt: '2027-01-05T09:00:00.000Z' }));
    const urls = (bundle: Bundle) => (bundle.entry ?? []).map((entry) => entry.fullUrl);
    assert.deepEqual(urls(first), urls(second));
    assert.notEqual(first.identifier?.value, second.identifier?.value);
    assert.equal(urls(first)[0], `urn:uuid:${ids.client}`);
  });

  it('escapes the therapist’s words in the note’s narrative', () => {
    const [document] = ofType(clientRecordBundle(recordFacts()), 'Bundle');
    // A note's document holds Palpate's own resources only (no other provider's).
    const composition = document!.entry![0]!.resource as EntryResource;
    assert.equal(composition.resourceType, 'Composition');
    const subjective = composition.resourceType === 'Composition' ? composition.section[0]! : null;
    assert.match(subjective!.text.div, /Neck &lt;stiff&gt; &amp; sore/);
    assert.ok(subjective!.text.div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">'));
  });

  it('records a no-show as a cancelled encounter, and a signed session as finished', () => {
    const encounters = ofType(clientRecordBundle(recordFacts()), 'Encounter');
    assert.deepEqual(
      encounters.map((encounter) => [encounter.id, encounter.status]),
      [
        [ids.session, 'finished'],
        [ids.noShow, 'cancelled'],
      ],
    );
    assert.deepEqual(encounters[0]!.length, {
      value: 55,
      unit: 'min',
      system: 'http://unitsofmeasure.org',
      code: 'min',
    });
    assert.equal(encounters[0]!.period?.end, '2026-11-20T15:55:00.000Z');
  });

  it('writes only the pain scores the note recorded', () => {
    const observations = ofType(clientRecordBundle(recordFacts()), 'Observation');
    assert.deepEqual(
      observations.map((observation) => [observation.id, observation.valueQuantity?.value]),
      [[`${ids.session}-pain-before`, 7]],
    );
  });

  it('marks a withdrawn consent inactive, ending when it was withdrawn', () => {
    const consents = ofType(clientRecordBundle(recordFacts()), 'Consent');
    const byId = new Map(consents.map((consent) => [consent.id, consent]));
    assert.equal(byId.get(ids.treatmentSignature)?.status, 'active');
    assert.equal(byId.get(ids.treatmentSignature)?.provision?.period?.end, '2027-11-20');
    assert.equal(byId.get(ids.withdrawnSignature)?.status, 'inactive');
    assert.equal(
      byId.get(ids.withdrawnSignature)?.provision?.period?.end,
      '2026-11-21T15:00:00.000Z',
    );
    const text = byId.get(ids.treatmentSignature)?.sourceAttachment?.data ?? '';
    assert.equal(
      new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0))),
      'I agree to massage — and may stop at any time.',
    );
  });

  it('points the note’s treatment section at the Procedure of each technique', () => {
    const [document] = ofType(clientRecordBundle(recordFacts()), 'Bundle');
    const entries = document!.entry!;
    const composition = entries[0]!.resource as EntryResource;
    if (composition.resourceType !== 'Composition') throw new Error('no composition first');
    const treatment = composition.section.find((section) => section.title === 'Treatment');
    const procedure = entries.find((entry) => entry.resource.resourceType === 'Procedure');
    assert.deepEqual(treatment?.entry, [{ reference: procedure?.fullUrl }]);
  });

  it('answers the API with references it can read and fullUrls under its base', () => {
    const record = recordFacts();
    const links = restLinks('https://clinic.example/fhir/R4');
    const [patient, ...rest] = clientResources(record, mappingContext(record, links));
    assert.equal(patient?.resourceType, 'Patient');
    const procedure = rest.find((resource) => resource.resourceType === 'Procedure');
    assert.deepEqual(procedure && 'subject' in procedure ? procedure.subject : null, {
      reference: `Patient/${ids.client}`,
      display: 'Zo Mejía',
    });
    assert.equal(
      links.fullUrl('Procedure', `${ids.session}-technique-0`),
      `https://clinic.example/fhir/R4/Procedure/${ids.session}-technique-0`,
    );
  });
});
