import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFhirImport } from './reading.js';

const today = '2026-11-30';
const snomed = 'http://snomed.info/sct';
const palpateEntry = [{ system: 'urn:palpate:practice:p1:health-history-entry', value: 'e1' }];

/** One patient and the given resources about them, read as an import would. */
function read(...resources: Array<Record<string, unknown>>) {
  const reading = readFhirImport(
    {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:p',
          resource: { resourceType: 'Patient', name: [{ family: 'Silva', given: ['Ana'] }] },
        },
        ...resources.map((resource, index) => ({
          fullUrl: `urn:uuid:r${index}`,
          resource: { subject: { reference: 'urn:uuid:p' }, ...resource },
        })),
      ],
    },
    today,
  );
  assert.deepEqual(reading.errors, []);
  const [patient] = reading.patients;
  return { history: patient!.history, warnings: patient!.warnings, ignored: reading.ignored };
}

describe('what the safety rules read, arriving from another system', () => {
  it('reads a coded anaphylaxis as anaphylaxis, without repeating it as the reaction', () => {
    const { history } = read({
      resourceType: 'AllergyIntolerance',
      patient: { reference: 'urn:uuid:p' },
      code: { text: 'Peanut' },
      reaction: [
        {
          manifestation: [
            { text: 'Hives' },
            { coding: [{ system: snomed, code: '39579001', display: 'Anaphylaxis' }] },
          ],
          severity: 'severe',
        },
      ],
    });
    assert.deepEqual(
      history.map((entry) => entry.section === 'allergies' && entry.value),
      [
        {
          substance: 'peanut',
          nut: null,
          oil: null,
          name: null,
          reaction: 'Hives',
          severity: 'anaphylaxis',
        },
      ],
    );
  });

  it('reads a current high-risk pregnancy, leaving out a due date too far ahead to be one', () => {
    const { history, warnings } = read({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: snomed, code: '47200007' }], text: 'High risk pregnancy' },
      extension: [{ url: 'urn:palpate:extension:due-date', valueDate: '2028-01-01' }],
    });
    assert.deepEqual(
      history.map((entry) => [entry.section, entry.value]),
      [['pregnancy', { pregnant: true, dueDate: null, highRisk: true }]],
    );
    assert.deepEqual(
      warnings.map((warning) => warning.field),
      ['entry[1].resource.extension'],
    );
  });

  it('leaves out a pregnancy the source says is over', () => {
    const { history, ignored } = read({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ code: 'resolved' }] },
      code: { coding: [{ system: snomed, code: '77386006' }] },
    });
    assert.deepEqual(history, []);
    assert.match(ignored[0]!.reason, /no longer current/);
  });

  it('reads an area to avoid Palpate wrote, and leaves another system’s flags alone', () => {
    const { history, ignored } = read(
      {
        resourceType: 'Flag',
        identifier: palpateEntry,
        status: 'active',
        code: { text: 'Avoid: Calves, left. Varicose veins' },
        extension: [
          {
            url: 'urn:palpate:extension:area-to-avoid',
            extension: [
              {
                url: 'region',
                valueCoding: { system: 'urn:palpate:body-region', code: 'calves_l' },
              },
              {
                url: 'region',
                valueCoding: { system: 'urn:palpate:body-region', code: 'nowhere' },
              },
              { url: 'reason', valueString: 'Varicose veins' },
            ],
          },
        ],
      },
      { resourceType: 'Flag', status: 'active', code: { text: 'Aggressive dog at home' } },
    );
    assert.deepEqual(
      history.map((entry) => [entry.section, entry.value]),
      [['areasToAvoid', { regions: ['calves_l'], reason: 'Varicose veins' }]],
    );
    assert.deepEqual(
      ignored.map((entry) => [entry.entryIndex, entry.resourceType]),
      [[2, 'Flag']],
    );
  });
});
