import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBundle, recordKeyOf } from './bundle.js';
import { calendarDay, fhirDateProblem } from './fhir-dates.js';
import { otherVersionSigns } from './fhir-versions.js';

const patient = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Silva', given: ['Ana'] }] };

function bundleOf(entry: unknown[], extra: Record<string, unknown> = {}) {
  return { resourceType: 'Bundle', type: 'collection', entry, ...extra };
}

describe('reading a bundle', () => {
  it('refuses what is not a FHIR Bundle, naming the element', () => {
    const cases: Array<[unknown, string]> = [
      ['text', '(bundle)'],
      [{ entry: [] }, 'resourceType'],
      [patient, 'resourceType'],
      [{ resourceType: 'Bundle', type: 'message', entry: [{}] }, 'type'],
      [{ resourceType: 'Bundle', type: 'collection', entry: {} }, 'entry'],
      [{ resourceType: 'Bundle', type: 'collection', entry: [] }, 'entry'],
    ];
    for (const [input, field] of cases) {
      assert.deepEqual(
        readBundle(input).errors.map((error) => error.field),
        [field],
        JSON.stringify(input),
      );
    }
  });

  it('resolves urn:uuid, relative, versioned and contained references', () => {
    const reading = readBundle(
      bundleOf([
        { fullUrl: 'urn:uuid:1111', resource: { resourceType: 'Patient', name: [] } },
        {
          fullUrl: 'http://x.org/fhir/Practitioner/9',
          resource: { resourceType: 'Practitioner', id: '9' },
        },
        {
          fullUrl: 'http://x.org/fhir/Encounter/3',
          resource: {
            resourceType: 'Encounter',
            id: '3',
            contained: [{ resourceType: 'Location', id: 'room' }],
          },
        },
      ]),
    );
    const encounter = reading.entries[2]!;
    const kindOf = (reference: string) => {
      const resolved = reading.resolve({ reference }, encounter);
      return resolved.kind === 'entry' ? resolved.entry.index : resolved.kind;
    };
    assert.equal(kindOf('urn:uuid:1111'), 0);
    assert.equal(kindOf('Practitioner/9'), 1);
    assert.equal(kindOf('http://x.org/fhir/Practitioner/9/_history/2'), 1);
    assert.equal(kindOf('#room'), 'contained');
  });

  it('calls a missing urn:uuid or contained target broken, and a missing server resource merely absent', () => {
    const reading = readBundle(bundleOf([{ fullUrl: 'urn:uuid:1', resource: patient }]));
    const from = reading.entries[0]!;
    assert.deepEqual(reading.resolve({ reference: 'urn:uuid:2' }, from), {
      kind: 'missing',
      reference: 'urn:uuid:2',
      broken: true,
    });
    assert.deepEqual(reading.resolve({ reference: '#nothing' }, from), {
      kind: 'missing',
      reference: '#nothing',
      broken: true,
    });
    assert.deepEqual(reading.resolve({ reference: 'Organization/1' }, from), {
      kind: 'missing',
      reference: 'Organization/1',
      broken: false,
    });
  });

  it('leaves DELETE requests and search outcomes out, saying why', () => {
    const reading = readBundle({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { request: { method: 'DELETE', url: 'Patient/1' } },
        { resource: { resourceType: 'OperationOutcome' }, search: { mode: 'outcome' } },
        { resource: patient },
      ],
    });
    assert.deepEqual(
      reading.ignored.map((entry) => [entry.entryIndex, entry.resourceType]),
      [
        [0, 'Patient'],
        [1, 'OperationOutcome'],
      ],
    );
    assert.equal(reading.entries.length, 1);
  });

  it('refuses two entries with one fullUrl, and a resource without a type', () => {
    const reading = readBundle(
      bundleOf([
        { fullUrl: 'urn:uuid:1', resource: patient },
        { fullUrl: 'urn:uuid:1', resource: patient },
        { resource: { id: 'x' } },
      ]),
    );
    assert.deepEqual(
      reading.errors.map((error) => error.field),
      ['entry[1].fullUrl', 'entry[2].resource.resourceType'],
    );
  });

  it('reads a document inside a collection once, where it is, without its copies of the rest', () => {
    const composition = {
      resourceType: 'Composition',
      id: 'note-1',
      subject: { reference: 'urn:uuid:1' },
      encounter: { reference: 'urn:uuid:2' },
    };
    const visit = {
      resourceType: 'Encounter',
      id: 'visit-1',
      subject: { reference: 'urn:uuid:1' },
    };
    const reading = readBundle(
      bundleOf([
        { fullUrl: 'urn:uuid:1', resource: patient },
        { fullUrl: 'urn:uuid:2', resource: visit },
        {
          resource: {
            resourceType: 'Bundle',
            type: 'document',
            entry: [
              { fullUrl: 'urn:uuid:3', resource: composition },
              { fullUrl: 'urn:uuid:1', resource: patient },
              { fullUrl: 'urn:uuid:2', resource: visit },
            ],
          },
        },
      ]),
    );
    assert.deepEqual(reading.errors, []);
    assert.deepEqual(
      reading.entries.map((entry) => [entry.index, entry.resourceType, entry.location]),
      [
        [0, 'Patient', 'entry[0].resource'],
        [1, 'Encounter', 'entry[1].resource'],
        [2, 'Composition', 'entry[2].resource.entry[0].resource'],
      ],
    );
    const note = reading.entries[2]!;
    const subject = reading.resolve(composition.subject, note);
    assert.equal(subject.kind === 'entry' && subject.entry.index, 0);
  });

  it('places a problem inside a nested document at its entry, and refuses a different resource under a taken fullUrl', () => {
    const reading = readBundle(
      bundleOf([
        { fullUrl: 'urn:uuid:1', resource: patient },
        {
          resource: {
            resourceType: 'Bundle',
            type: 'document',
            entry: [
              { resource: { resourceType: 'Observation', context: {}, status: 'final' } },
              { fullUrl: 'urn:uuid:1', resource: { ...patient, birthDate: '1990-01-01' } },
            ],
          },
        },
      ]),
    );
    assert.deepEqual(
      reading.errors.map((error) => error.field),
      ['entry[1].resource.entry[0].resource.context', 'entry[1].resource.entry[1].fullUrl'],
    );
    assert.match(reading.errors[1]!.message, /already the fullUrl of entry\[0\]/);
  });

  it('names the source by meta.source, else by the patient identifier system', () => {
    const identified = { ...patient, identifier: [{ system: 'urn:oid:1.2.3', value: '42' }] };
    assert.equal(
      readBundle(bundleOf([{ resource: identified }], { meta: { source: 'https://a.example' } }))
        .source,
      'https://a.example',
    );
    assert.equal(readBundle(bundleOf([{ resource: identified }])).source, 'urn:oid:1.2.3');
    assert.equal(readBundle(bundleOf([{ resource: patient }])).source, 'unnamed FHIR source');
  });

  it('keys a resource by its id, else its fullUrl, else the same digest of its content', () => {
    const reading = readBundle(
      bundleOf([
        { resource: patient },
        { fullUrl: 'urn:uuid:7', resource: { resourceType: 'Condition' } },
        { resource: { resourceType: 'Condition', code: { text: 'Migraine' } } },
      ]),
    );
    const keys = reading.entries.map(recordKeyOf);
    assert.deepEqual(keys.slice(0, 2), ['Patient/p1', 'urn:uuid:7']);
    assert.match(keys[2]!, /^Condition#[0-9a-z]+$/);
    assert.equal(
      recordKeyOf(
        readBundle(
          bundleOf([{ resource: { resourceType: 'Condition', code: { text: 'Migraine' } } }]),
        ).entries[0]!,
      ),
      keys[2],
    );
  });
});

describe('FHIR dates', () => {
  it('accepts a year, a month, a day, and a time with its zone', () => {
    for (const value of [
      '1974',
      '2012-06',
      '2012-06-12',
      '2012-06-12T09:30:00Z',
      '2012-06-12T09:30:00.5-05:00',
    ]) {
      assert.equal(fhirDateProblem(value, 'dateTime'), null, value);
    }
  });

  it('refuses other ways of writing dates, times without a zone and days the calendar lacks', () => {
    assert.match(fhirDateProblem('12/03/1985', 'date')!, /is not a FHIR date/);
    assert.match(fhirDateProblem('2012-06-12T09:30:00', 'dateTime')!, /is not a FHIR dateTime/);
    assert.match(fhirDateProblem('2012-06-12T09:30:00Z', 'date')!, /is not a FHIR date/);
    assert.equal(fhirDateProblem('2019-02-30', 'date'), '2019-02-30 is not a day of the calendar.');
    assert.match(fhirDateProblem(19850312, 'date')!, /written as text/);
  });

  it('gives the calendar day of full dates only', () => {
    assert.equal(calendarDay('2012-06-12T23:30:00-05:00'), '2012-06-12');
    assert.equal(calendarDay('2012-06'), null);
  });
});

describe('signs of another FHIR version', () => {
  it('names STU3’s Observation.context and what R4 calls it', () => {
    assert.deepEqual(otherVersionSigns({ resourceType: 'Observation', context: {} }), [
      {
        path: 'context',
        message:
          'Observation.context is FHIR STU3; R4 calls it Observation.encounter. Export the bundle as FHIR R4.',
      },
    ]);
  });

  it('recognises DSTU2 and STU3 shapes and retired resource types', () => {
    const paths = (resource: Record<string, unknown>) =>
      otherVersionSigns(resource).map((sign) => sign.path);
    assert.deepEqual(paths({ resourceType: 'Condition', patient: {}, clinicalStatus: 'active' }), [
      'patient',
      'clinicalStatus',
    ]);
    assert.deepEqual(paths({ resourceType: 'AllergyIntolerance', substance: {} }), ['substance']);
    assert.deepEqual(paths({ resourceType: 'Encounter', class: [{ code: 'AMB' }] }), ['class']);
    assert.deepEqual(paths({ resourceType: 'Patient', name: [{ family: ['Nakamura'] }] }), [
      'name[0].family',
    ]);
    assert.match(otherVersionSigns({ resourceType: 'MedicationOrder' })[0]!.message, /DSTU2/);
  });

  it('finds none in R4 resources', () => {
    assert.deepEqual(
      otherVersionSigns({
        resourceType: 'Condition',
        subject: {},
        clinicalStatus: { coding: [{ code: 'active' }] },
        recordedDate: '2020-01-01',
      }),
      [],
    );
  });
});
