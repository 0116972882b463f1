import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyHealthHistory, type HealthHistory } from '../health-history.js';
import { planClientImport, type ClientState } from './plan.js';
import { readFhirImport } from './reading.js';

const today = '2026-11-30';
let counter = 0;
const newId = () => `0199a0b0-0000-7000-8000-${String((counter += 1)).padStart(12, '0')}`;

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'http://x.example/Patient/1',
      resource: {
        resourceType: 'Patient',
        id: '1',
        identifier: [{ system: 'https://x.example/mrn', value: '77' }],
        name: [{ family: 'Silva', given: ['Ana'] }],
      },
    },
    {
      resource: {
        resourceType: 'MedicationStatement',
        id: 'm1',
        status: 'active',
        medicationCodeableConcept: { text: 'Warfarin 5 mg' },
        subject: { reference: 'Patient/1' },
      },
    },
    {
      resource: {
        resourceType: 'AllergyIntolerance',
        id: 'a1',
        code: { text: 'Latex' },
        patient: { reference: 'Patient/1' },
      },
    },
    {
      resource: {
        resourceType: 'Encounter',
        id: 'e1',
        status: 'finished',
        subject: { reference: 'Patient/1' },
      },
    },
  ],
};

function patientImport() {
  const reading = readFhirImport(bundle, today);
  assert.deepEqual(reading.errors, []);
  return reading.patients[0]!;
}

function stateWith(history: Partial<HealthHistory> = {}, imported: string[] = []): ClientState {
  return { history: { ...emptyHealthHistory(), ...history }, importedKeys: new Set(imported) };
}

describe('planning one patient’s import into a client', () => {
  it('adds new entries with fresh ids and the records not imported before', () => {
    const plan = planClientImport(patientImport(), stateWith(), newId, today);
    assert.deepEqual(
      plan.added.map((link) => [link.section, link.recordKey]),
      [
        ['medications', 'MedicationStatement/m1'],
        ['allergies', 'AllergyIntolerance/a1'],
      ],
    );
    assert.equal(plan.history?.medications[0]?.id, plan.added[0]?.entryId);
    assert.deepEqual(
      plan.records.map((record) => record.recordKey),
      ['Encounter/e1'],
    );
  });

  it('merges an entry the history already holds instead of repeating it', () => {
    const existing = {
      id: newId(),
      name: 'WARFARIN 5 mg',
      class: 'anticoagulant' as const,
      dose: '5 mg',
      reason: null,
    };
    const plan = planClientImport(
      patientImport(),
      stateWith({ medications: [existing] }),
      newId,
      today,
    );
    assert.deepEqual(
      plan.merged.map((link) => [link.section, link.entryId]),
      [['medications', existing.id]],
    );
    assert.deepEqual(plan.history?.medications, [existing]);
  });

  it('leaves alone what this client already has from the source, so a re-import changes nothing', () => {
    const plan = planClientImport(
      patientImport(),
      stateWith({}, ['MedicationStatement/m1', 'AllergyIntolerance/a1', 'Encounter/e1']),
      newId,
      today,
    );
    assert.deepEqual(
      [plan.history, plan.added, plan.records, plan.alreadyImported],
      [null, [], [], 3],
    );
  });

  it('updates the client’s state, so the same patient twice in one bundle adds once', () => {
    const state = stateWith();
    planClientImport(patientImport(), state, newId, today);
    const second = planClientImport(patientImport(), state, newId, today);
    assert.deepEqual([second.added, second.records, second.alreadyImported], [[], [], 3]);
  });

  it('leaves out an entry that a full section has no room for, saying why', () => {
    const full = Array.from({ length: 50 }, (_, index) => ({
      id: newId(),
      substance: 'other' as const,
      nut: null,
      oil: null,
      name: `Pollen ${index}`,
      reaction: null,
      severity: null,
    }));
    const plan = planClientImport(patientImport(), stateWith({ allergies: full }), newId, today);
    assert.deepEqual(
      plan.ignored.map((entry) => [entry.entryIndex, entry.reason]),
      [[2, 'The health history holds at most 50 allergies.']],
    );
  });
});
