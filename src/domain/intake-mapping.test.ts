import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyHealthHistory, type HealthHistory } from './health-history.js';
import type { IntakeAnswers } from './intake-answers.js';
import { defaultIntakeForm } from './intake-default-form.js';
import {
  intakeToProposedChanges,
  withClientChanges,
  type ClientProfile,
} from './intake-mapping.js';

const today = '2026-11-27';

function idMaker() {
  let next = 0;
  return () => `00000000-0000-7000-8000-${String(++next).padStart(12, '0')}`;
}

const client: ClientProfile = {
  legalFirstName: 'Ana',
  legalLastName: 'Silva',
  preferredName: null,
  pronouns: null,
  dateOfBirth: '1985-04-12',
  email: 'ana@example.com',
  phone: '+1 416 555 0100',
  address: { line1: null, line2: null, city: null, region: null, postalCode: null, country: null },
  emergencyContact: { name: null, relationship: null, phone: null },
  referralSource: null,
} as ClientProfile;

function propose(answers: IntakeAnswers, history: HealthHistory = emptyHealthHistory()) {
  return intakeToProposedChanges(
    defaultIntakeForm,
    answers,
    { history, client },
    { newId: idMaker(), today },
  );
}

describe('intake answers as proposed changes', () => {
  it('proposes a listed allergy with a reminder to ask about the reaction', () => {
    const proposal = propose({ allergies: ['tree_nut', 'latex'] });
    assert.deepEqual(
      proposal.history.allergies.map((allergy) => allergy.substance),
      ['tree_nut', 'latex'],
    );
    assert.ok(
      proposal.attention.some(
        (item) => item.section === 'allergies' && /reaction/.test(item.message),
      ),
    );
  });

  it('proposes other allergies written one a line, without "none"', () => {
    const proposal = propose({ allergies: ['none'], other_allergies: 'Lavender\nnone\n- Arnica' });
    assert.deepEqual(
      proposal.history.allergies.map((allergy) => allergy.name),
      ['Lavender', 'Arnica'],
    );
  });

  it('proposes checked conditions as active, and does not repeat one already recorded', () => {
    const once = propose({ conditions: ['varicose_veins', 'diabetes'] });
    assert.deepEqual(
      once.history.conditions.map((condition) => [condition.code, condition.status]),
      [
        ['varicose_veins', 'active'],
        ['diabetes', 'active'],
      ],
    );
    const again = propose({ conditions: ['diabetes'] }, once.history);
    assert.equal(again.history.conditions.length, 2);
    assert.deepEqual(again.historyChanges, []);
  });

  it('proposes medications with a guessed kind the therapist must confirm', () => {
    const proposal = propose({ medications: 'Warfarin 5 mg\nVitamin D' });
    assert.deepEqual(
      proposal.history.medications.map((medication) => medication.name),
      ['Warfarin 5 mg', 'Vitamin D'],
    );
    assert.equal(proposal.history.medications[0]?.class, 'anticoagulant');
    assert.equal(proposal.attention.filter((item) => item.section === 'medications').length, 2);
  });

  it('never removes anything because an answer was left blank', () => {
    const recorded = propose({
      allergies: ['tree_nut'],
      conditions: ['diabetes'],
      medications: 'Warfarin',
      goals: 'Less neck pain',
    }).history;
    const blank = propose(
      { allergies: ['none'], conditions: ['none'], medications: null },
      recorded,
    );
    assert.deepEqual(blank.history.allergies, recorded.allergies);
    assert.deepEqual(blank.history.conditions, recorded.conditions);
    assert.deepEqual(blank.history.medications, recorded.medications);
    assert.deepEqual(blank.history.goals, recorded.goals);
    assert.deepEqual(blank.historyChanges, []);
  });

  it('proposes only the profile fields that differ, with before and after', () => {
    const proposal = propose({
      first_name: 'Ana',
      phone: '+1 416 555 0199',
      emergency_name: 'Rui Silva',
    });
    assert.deepEqual(proposal.clientChanges, [
      { field: 'phone', label: 'Phone', before: '+1 416 555 0100', after: '+1 416 555 0199' },
      {
        field: 'emergencyContact.name',
        label: 'Emergency contact',
        before: null,
        after: 'Rui Silva',
      },
    ]);
    const applied = withClientChanges(client, proposal.clientChanges);
    assert.equal(applied.phone, '+1 416 555 0199');
    assert.equal(applied.emergencyContact.name, 'Rui Silva');
    assert.equal(client.phone, '+1 416 555 0100');
  });

  it('leaves the current history untouched', () => {
    const history = emptyHealthHistory();
    propose({ allergies: ['latex'] }, history);
    assert.deepEqual(history, emptyHealthHistory());
  });
});
