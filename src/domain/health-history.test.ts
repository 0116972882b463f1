import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { guessInjuryKind, guessMedicationClass } from './health-history-guesses.js';
import { Invalid } from './errors.js';
import {
  HealthHistory,
  emptyHealthHistory,
  healthHistoryIssues,
  validHealthHistory,
} from './health-history.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function issues(input: unknown): Array<{ path: string; message: string }> {
  const result = HealthHistory.safeParse(input);
  assert.equal(result.success, false, 'expected the history to be refused');
  return (result.error as z.ZodError).issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
}

describe('HealthHistory', () => {
  it('accepts a full history and fills what was left out', () => {
    const history = HealthHistory.parse({
      conditions: [{ id: id(1), code: 'osteoporosis', name: 'Osteoporosis', status: 'managed' }],
      medications: [{ id: id(2), name: 'Warfarin', class: 'anticoagulant', dose: '5 mg' }],
      allergies: [{ id: id(3), substance: 'tree_nut', nut: 'macadamia', severity: 'severe' }],
      surgeriesAndInjuries: [
        {
          id: id(4),
          kind: 'fracture',
          description: 'Wrist',
          date: '2026-10-01',
          regions: ['hand_wrist_l'],
        },
      ],
      pregnancy: { pregnant: true, dueDate: '2027-04-01' },
      areasToAvoid: [{ id: id(5), regions: ['abdomen'], reason: 'Client prefers not' }],
      preferences: { pressure: 2, music: 'soft' },
      goals: [{ id: id(6), text: 'Sleep through the night' }],
    });
    assert.equal(history.conditions[0]?.code, 'osteoporosis');
    assert.deepEqual(history.conditions[0]?.regions, []);
    assert.equal(history.allergies[0]?.oil, null);
    assert.equal(history.pregnancy.highRisk, false);
    assert.equal(history.preferences.temperature, null);
    assert.equal(history.notes, null);
  });

  it('makes an empty history with nothing recorded', () => {
    const history = emptyHealthHistory();
    assert.deepEqual(history.conditions, []);
    assert.deepEqual(history.pregnancy, { pregnant: false, dueDate: null, highRisk: false });
    assert.notEqual(emptyHealthHistory().goals, history.goals);
  });

  it('refuses an unknown allergy code with a message naming the choice', () => {
    assert.deepEqual(issues({ allergies: [{ id: id(1), substance: 'walnuts' }] }), [
      {
        path: 'allergies.0.substance',
        message: 'Unknown allergy. Choose one from the list, or "other" and name it.',
      },
    ]);
  });

  it('refuses an unknown condition code and an unknown medication class', () => {
    const found = issues({
      conditions: [{ id: id(1), code: 'gout', name: 'Gout', status: 'active' }],
      medications: [{ id: id(2), name: 'X', class: 'blood_thinner' }],
    });
    assert.deepEqual(
      found.map((issue) => issue.path),
      ['conditions.0.code', 'medications.0.class'],
    );
  });

  it('needs a name for a particular product or other substance', () => {
    assert.deepEqual(issues({ allergies: [{ id: id(1), substance: 'topical_product' }] }), [
      { path: 'allergies.0.name', message: 'Name the product.' },
    ]);
  });

  it('names a nut only for a tree-nut allergy and an oil only for an essential-oil one', () => {
    const found = issues({
      allergies: [
        { id: id(1), substance: 'coconut', nut: 'almond' },
        { id: id(2), substance: 'fragrance', oil: 'lavender_oil' },
        { id: id(3), substance: 'essential_oil', oil: 'sweet_almond_oil' },
      ],
    });
    assert.deepEqual(found, [
      { path: 'allergies.0.nut', message: 'Only a tree-nut allergy names a nut.' },
      { path: 'allergies.1.oil', message: 'Only an essential-oil sensitivity names an oil.' },
      { path: 'allergies.2.oil', message: 'Unknown essential oil.' },
    ]);
  });

  it('refuses an entry whose id is not a UUID', () => {
    assert.deepEqual(issues({ goals: [{ id: 'goal-1', text: 'Move freely' }] }), [
      { path: 'goals.0.id', message: 'Must be a UUID made by the app.' },
    ]);
  });

  it('refuses two entries with the same id, even in different sections', () => {
    assert.deepEqual(
      issues({
        medications: [{ id: id(1), name: 'A', class: 'other' }],
        goals: [{ id: id(1), text: 'Move freely' }],
      }),
      [{ path: 'goals.0.id', message: 'Each entry needs its own id.' }],
    );
  });

  it('caps text fields with a clear message', () => {
    assert.deepEqual(issues({ goals: [{ id: id(1), text: 'x'.repeat(301) }] }), [
      { path: 'goals.0.text', message: 'Must be at most 300 characters.' },
    ]);
  });

  it('refuses a resolved date on a condition that is not resolved, or before its onset', () => {
    const found = issues({
      conditions: [
        { id: id(1), name: 'Flu', status: 'active', resolvedDate: '2026-11-01' },
        {
          id: id(2),
          name: 'Flu',
          status: 'resolved',
          onsetDate: '2026-11-10',
          resolvedDate: '2026-11-01',
        },
      ],
    });
    assert.deepEqual(found, [
      {
        path: 'conditions.0.resolvedDate',
        message: 'Only a resolved condition has a resolved date.',
      },
      { path: 'conditions.1.resolvedDate', message: 'Must not be before the onset date.' },
    ]);
  });

  it('refuses a due date without a pregnancy, bad dates, unknown regions and pressure 6', () => {
    const found = issues({
      pregnancy: { pregnant: false, dueDate: '2027-01-01' },
      surgeriesAndInjuries: [
        { id: id(1), kind: 'surgery', description: 'Knee', date: '2026-02-30', regions: ['elbow'] },
      ],
      preferences: { pressure: 6 },
    });
    assert.deepEqual(found, [
      { path: 'surgeriesAndInjuries.0.date', message: 'Must be a date written YYYY-MM-DD.' },
      { path: 'surgeriesAndInjuries.0.regions.0', message: 'Unknown body region code.' },
      { path: 'pregnancy.dueDate', message: 'Only a pregnancy has a due date.' },
      { path: 'preferences.pressure', message: 'Must be from 1 (light) to 5 (very firm).' },
    ]);
  });

  it('needs at least one region and a reason for an area to avoid', () => {
    const found = issues({ areasToAvoid: [{ id: id(1), regions: [], reason: ' ' }] });
    assert.deepEqual(found, [
      { path: 'areasToAvoid.0.regions', message: 'Mark at least one region.' },
      { path: 'areasToAvoid.0.reason', message: 'Reason is required.' },
    ]);
  });
});

describe('healthHistoryIssues', () => {
  const today = '2026-11-27';

  it('refuses surgeries and onsets dated in the future', () => {
    const history = HealthHistory.parse({
      conditions: [{ id: id(1), name: 'Back pain', status: 'active', onsetDate: '2026-11-28' }],
      surgeriesAndInjuries: [
        { id: id(2), kind: 'surgery', description: 'Knee', date: '2026-12-01' },
        { id: id(3), kind: 'surgery', description: 'Hip', date: today },
      ],
    });
    assert.deepEqual(healthHistoryIssues(history, today), [
      { field: 'conditions.0.onsetDate', message: 'Must not be in the future.' },
      { field: 'surgeriesAndInjuries.0.date', message: 'Must not be in the future.' },
    ]);
  });

  it('refuses a due date more than ten months away', () => {
    const history = HealthHistory.parse({ pregnancy: { pregnant: true, dueDate: '2027-09-24' } });
    assert.deepEqual(healthHistoryIssues(history, today), [
      { field: 'pregnancy.dueDate', message: 'Must be within the next ten months.' },
    ]);
  });

  it('finds nothing in a history with past dates', () => {
    const history = HealthHistory.parse({ pregnancy: { pregnant: true, dueDate: '2027-05-01' } });
    assert.deepEqual(healthHistoryIssues(history, today), []);
  });
});

describe('guessMedicationClass', () => {
  it('knows common generic and brand names whatever the case', () => {
    assert.equal(guessMedicationClass('Warfarin 5mg daily'), 'anticoagulant');
    assert.equal(guessMedicationClass('ELIQUIS'), 'anticoagulant');
    assert.equal(guessMedicationClass('low-dose aspirin'), 'antiplatelet');
    assert.equal(guessMedicationClass('Prednisone 10 mg'), 'corticosteroid');
    assert.equal(guessMedicationClass('a blood thinner'), 'anticoagulant');
  });

  it('does not guess from part of a word or an unknown name', () => {
    assert.equal(guessMedicationClass('Vitamin D'), null);
    assert.equal(guessMedicationClass('insulinoma follow-up'), null);
  });
});

describe('guessInjuryKind', () => {
  it('reads the kind of injury from its words', () => {
    assert.equal(guessInjuryKind('Broke my left wrist 2026-10-02'), 'fracture');
    assert.equal(guessInjuryKind('Sprained ankle'), 'sprain_strain');
    assert.equal(guessInjuryKind('Car accident, whiplash'), 'whiplash');
    assert.equal(guessInjuryKind('Fell off a ladder'), 'other_injury');
  });
});

describe('validHealthHistory', () => {
  it('answers the parsed history when the schema and the dates both pass', () => {
    const history = validHealthHistory({ goals: [{ id: id(1), text: 'Sleep' }] }, '2026-11-27');
    assert.deepEqual(history.goals, [{ id: id(1), text: 'Sleep' }]);
  });

  it('refuses an unknown code with the field path of the schema', () => {
    assert.throws(
      () =>
        validHealthHistory({ allergies: [{ id: id(1), substance: 'moonbeams' }] }, '2026-11-27'),
      (error: unknown) =>
        error instanceof Invalid &&
        error.issues.map((issue) => issue.field).join() === 'allergies.0.substance',
    );
  });

  it('refuses a surgery dated after today', () => {
    const surgery = { id: id(1), kind: 'surgery', description: 'Knee', date: '2026-11-28' };
    assert.throws(
      () => validHealthHistory({ surgeriesAndInjuries: [surgery] }, '2026-11-27'),
      (error: unknown) =>
        error instanceof Invalid &&
        error.issues[0]?.field === 'surgeriesAndInjuries.0.date' &&
        error.issues[0]?.message === 'Must not be in the future.',
    );
  });
});
