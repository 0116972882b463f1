import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBundle, type BundleEntry } from './bundle.js';
import { allergenName, guessAllergy, guessConditionCode } from './clinical-vocabulary.js';
import { readExternalRecord } from './external-records.js';
import { readHistoryEntry } from './history-entries.js';
import { readPatient } from './patients.js';

const today = '2026-11-30';

/** A one-patient collection with the given resources, each naming the patient as subject. */
function readingOf(...resources: Array<Record<string, unknown>>) {
  return readBundle({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:p',
        resource: { resourceType: 'Patient', name: [{ family: 'Silva', given: ['Ana'] }] },
      },
      ...resources.map((resource, index) => ({ fullUrl: `urn:uuid:r${index}`, resource })),
    ],
  });
}

function entryOf(resource: Record<string, unknown>): {
  entry: BundleEntry;
  reading: ReturnType<typeof readBundle>;
} {
  const reading = readingOf(resource);
  return { entry: reading.entries[1]!, reading };
}

function history(resource: Record<string, unknown>) {
  const { entry, reading } = entryOf(resource);
  return readHistoryEntry(entry, 'key', reading, today);
}

function patient(resource: Record<string, unknown>) {
  const reading = readBundle({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: { resourceType: 'Patient', id: 'p1', ...resource } }],
  });
  return readPatient(reading.entries[0]!, 'urn:source', today);
}

describe('a Patient as a client', () => {
  it('takes the official name, the usual given name as preferred, and the phone ranked first', () => {
    const { patient: read } = patient({
      name: [
        { use: 'maiden', family: 'Windsor', given: ['Peter'] },
        { use: 'official', family: 'Chalmers', given: ['Peter', 'James'] },
        { use: 'usual', given: ['Jim'] },
      ],
      telecom: [
        { system: 'phone', value: '555 0100', use: 'home', rank: 2 },
        { system: 'phone', value: '555 0199', use: 'work', rank: 1 },
        { system: 'phone', value: '555 0000', use: 'old' },
      ],
      birthDate: '1974-12-25',
    });
    assert.deepEqual(
      [
        read!.client.legalFirstName,
        read!.client.legalLastName,
        read!.client.preferredName,
        read!.client.phone,
      ],
      ['Peter James', 'Chalmers', 'Jim', '555 0199'],
    );
    assert.deepEqual(
      read!.nameVariants.map((name) => name.legalFirstName),
      ['Peter James', 'Peter'],
    );
  });

  it('refuses a patient without a usable name, and one born in the future', () => {
    assert.deepEqual(
      patient({ name: [{ text: 'Cher' }] }).errors.map((error) => error.field),
      ['entry[0].resource.name'],
    );
    assert.deepEqual(
      patient({ name: [{ family: 'Silva', given: ['Ana'] }], birthDate: '2030-01-01' }).errors,
      [{ field: 'entry[0].resource.birthDate', message: 'Date of birth cannot be in the future.' }],
    );
  });

  it('imports a birth year without a day, and a phone it cannot store, without them but with a warning', () => {
    const { patient: read } = patient({
      name: [{ text: 'Ana Maria Silva' }],
      birthDate: '1958',
      telecom: [{ system: 'phone', value: 'call the office' }],
    });
    assert.deepEqual(
      [read!.client.legalFirstName, read!.client.dateOfBirth, read!.client.phone],
      ['Ana Maria', null, null],
    );
    assert.deepEqual(
      read!.warnings.map((warning) => warning.field),
      ['entry[0].resource.birthDate', 'entry[0].resource.telecom'],
    );
  });

  it('recognises the patient later by identifiers and record id, never by government numbers', () => {
    const { patient: read } = patient({
      name: [{ family: 'Silva', given: ['Ana'] }],
      identifier: [
        { system: 'https://clinic.example/mrn', value: 'M-1' },
        {
          type: { coding: [{ code: 'SS' }] },
          system: 'http://hl7.org/fhir/sid/us-ssn',
          value: '999-00-1234',
        },
        {
          type: { coding: [{ code: 'PPN' }] },
          system: 'urn:oid:2.16.840.1.113883.4.330.36',
          value: 'X1',
        },
        { value: 'no-system' },
      ],
    });
    assert.deepEqual(read!.keys, [
      'identifier:https://clinic.example/mrn|M-1',
      'record:urn:source|Patient/p1',
    ]);
  });
});

describe('conditions, allergies and medications as health-history entries', () => {
  it('reads a resolved condition with its dates and a known code', () => {
    const read = history({
      resourceType: 'Condition',
      code: {
        coding: [
          {
            system: 'http://snomed.info/sct',
            code: '44054006',
            display: 'Diabetes mellitus type 2',
          },
        ],
      },
      clinicalStatus: { coding: [{ code: 'resolved' }] },
      onsetDateTime: '2010-03-01T10:00:00Z',
      abatementDateTime: '2012-01-01',
      subject: { reference: 'urn:uuid:p' },
    });
    assert.equal(read.kind, 'entry');
    assert.deepEqual(read.kind === 'entry' && read.entry.value, {
      code: 'diabetes',
      name: 'Diabetes mellitus type 2',
      status: 'resolved',
      onsetDate: '2010-03-01',
      resolvedDate: '2012-01-01',
      regions: [],
      notes: null,
    });
  });

  it('makes an injury written as a condition a surgery-or-injury entry', () => {
    const read = history({
      resourceType: 'Condition',
      code: { text: 'Fracture of clavicle' },
      onsetDateTime: '2026-10-01',
    });
    assert.deepEqual(read.kind === 'entry' && [read.entry.section, read.entry.value], [
      'surgeriesAndInjuries',
      {
        kind: 'fracture',
        description: 'Fracture of clavicle',
        date: '2026-10-01',
        regions: [],
        notes: null,
      },
    ]);
  });

  it('drops a date in the future with a warning rather than refuse the entry', () => {
    const read = history({
      resourceType: 'Condition',
      code: { text: 'Migraine' },
      onsetDateTime: '2027-01-01',
    });
    assert.equal(
      read.kind === 'entry' && read.entry.section === 'conditions' && read.entry.value.onsetDate,
      null,
    );
    assert.equal(read.kind === 'entry' && read.warnings.length, 1);
  });

  it('leaves out refuted conditions and allergies no longer active', () => {
    assert.deepEqual(
      history({
        resourceType: 'Condition',
        code: { text: 'Gout' },
        verificationStatus: { coding: [{ code: 'refuted' }] },
      }),
      { kind: 'ignored', reason: 'Marked refuted in the source.' },
    );
    assert.deepEqual(
      history({
        resourceType: 'AllergyIntolerance',
        code: { text: 'Latex' },
        clinicalStatus: { coding: [{ code: 'inactive' }] },
      }),
      { kind: 'ignored', reason: 'No longer active in the source (inactive).' },
    );
  });

  it('reads an allergy’s substance for the safety rules, and anaphylaxis as its severity', () => {
    const read = history({
      resourceType: 'AllergyIntolerance',
      code: { coding: [{ display: 'Cashew nuts' }] },
      reaction: [
        { manifestation: [{ text: 'Anaphylactic reaction' }], severity: 'severe' },
        { manifestation: [{ text: 'Urticaria' }], severity: 'moderate' },
      ],
    });
    assert.deepEqual(read.kind === 'entry' && read.entry.value, {
      substance: 'tree_nut',
      nut: 'cashew',
      oil: null,
      name: null,
      reaction: 'Anaphylactic reaction, Urticaria',
      severity: 'anaphylaxis',
    });
  });

  it('keeps current medications with a likely class, and leaves stopped ones out', () => {
    const read = history({
      resourceType: 'MedicationRequest',
      status: 'active',
      medicationReference: { reference: '#med' },
      contained: [{ resourceType: 'Medication', id: 'med', code: { text: 'Apixaban 5 mg' } }],
      dosageInstruction: [{ text: 'Twice daily' }],
    });
    assert.deepEqual(read.kind === 'entry' && read.entry.value, {
      name: 'Apixaban 5 mg',
      class: 'anticoagulant',
      dose: 'Twice daily',
      reason: null,
    });
    assert.deepEqual(
      history({
        resourceType: 'MedicationStatement',
        status: 'stopped',
        medicationCodeableConcept: { text: 'X' },
      }),
      {
        kind: 'ignored',
        reason: 'Not a current medication (status stopped).',
      },
    );
  });
});

describe('the vocabulary guesses', () => {
  it('gives condition codes only where the words leave no doubt', () => {
    assert.equal(guessConditionCode('Essential hypertension', []), 'hypertension');
    assert.equal(guessConditionCode('Pulmonary hypertension', []), null);
    assert.equal(guessConditionCode('Prediabetes', []), null);
    assert.equal(guessConditionCode('Acute viral pharyngitis', []), null);
    assert.equal(guessConditionCode('Osteoarthritis of knee', []), 'arthritis');
  });

  it('tells peanuts, coconut and tree nuts apart, and names other allergens plainly', () => {
    assert.deepEqual(guessAllergy('Allergy to peanuts'), {
      substance: 'peanut',
      nut: null,
      oil: null,
      name: null,
    });
    assert.deepEqual(guessAllergy('Coconut oil'), {
      substance: 'coconut',
      nut: null,
      oil: null,
      name: null,
    });
    assert.deepEqual(guessAllergy('Allergy to nut'), {
      substance: 'tree_nut',
      nut: null,
      oil: null,
      name: null,
    });
    assert.deepEqual(guessAllergy('Nutmeg'), {
      substance: 'other',
      nut: null,
      oil: null,
      name: 'Nutmeg',
    });
    assert.equal(allergenName('Dander (animal) allergy'), 'Dander (animal)');
  });
});

describe('other providers’ records', () => {
  it('reads an observation’s value, components and the visit it belongs to', () => {
    const reading = readingOf(
      { resourceType: 'Encounter', id: 'e1', subject: { reference: 'urn:uuid:p' } },
      {
        resourceType: 'Observation',
        code: { text: 'Blood pressure' },
        encounter: { reference: 'urn:uuid:r0' },
        effectiveDateTime: '2020-01-01',
        component: [
          { code: { text: 'Systolic' }, valueQuantity: { value: 122.16255, unit: 'mm[Hg]' } },
          { code: { text: 'Diastolic' }, valueQuantity: { value: 85, unit: 'mm[Hg]' } },
        ],
      },
    );
    const read = readExternalRecord(reading.entries[2]!, reading);
    assert.equal(read.kind, 'record');
    assert.deepEqual(read.kind === 'record' && [read.record.value, read.record.encounterKey], [
      'Systolic: 122.2 mm[Hg]; Diastolic: 85 mm[Hg]',
      'Encounter/e1',
    ]);
  });

  it('refuses a period with a malformed date, at its place', () => {
    const { entry, reading } = entryOf({
      resourceType: 'Encounter',
      period: { start: '2020-13-01' },
    });
    assert.deepEqual(readExternalRecord(entry, reading), {
      kind: 'invalid',
      errors: [
        {
          field: 'entry[1].resource.period.start',
          message:
            '"2020-13-01" is not a FHIR dateTime (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss with a zone such as Z or +01:00).',
        },
      ],
    });
  });

  it('keeps a document’s narrative as readable text, section by section', () => {
    const { entry, reading } = entryOf({
      resourceType: 'Composition',
      title: 'Referral letter',
      date: '2026-01-02',
      section: [
        {
          title: 'History',
          text: { div: '<div><p>Neck pain&nbsp;since <b>May</b>.</p><p>Worse at night.</p></div>' },
        },
      ],
    });
    const read = readExternalRecord(entry, reading);
    assert.equal(
      read.kind === 'record' && read.record.detail,
      'History\nNeck pain since May.\nWorse at night.',
    );
  });
});

describe('a record Palpate exported', () => {
  it('comes back by its codes, not by guessing from its words', () => {
    const allergy = history({
      resourceType: 'AllergyIntolerance',
      code: {
        text: 'Essential oils: Lavender essential oil',
        coding: [{ system: 'urn:palpate:allergy-substance', code: 'essential_oil' }],
      },
      criticality: 'low',
    });
    assert.deepEqual(allergy.kind === 'entry' && allergy.entry.value, {
      substance: 'essential_oil',
      nut: null,
      oil: 'lavender_oil',
      name: null,
      reaction: null,
      severity: 'mild',
    });
    const condition = history({
      resourceType: 'Condition',
      code: {
        text: 'Veins',
        coding: [{ system: 'urn:palpate:condition', code: 'varicose_veins' }],
      },
      clinicalStatus: { text: 'Managed', coding: [{ code: 'active' }] },
      bodySite: [{ coding: [{ system: 'urn:palpate:body-region', code: 'calves_l' }] }],
    });
    assert.deepEqual(
      condition.kind === 'entry' &&
        condition.entry.section === 'conditions' && [
          condition.entry.value.code,
          condition.entry.value.status,
          condition.entry.value.regions,
        ],
      ['varicose_veins', 'managed', ['calves_l']],
    );
  });

  it('puts a surgery among surgeries and a client’s own goal among goals', () => {
    const surgery = history({
      resourceType: 'Procedure',
      status: 'completed',
      category: { text: 'Surgical history' },
      code: {
        text: 'Knee arthroscopy',
        coding: [{ system: 'urn:palpate:surgery-or-injury', code: 'surgery' }],
      },
      performedDateTime: '2024-02-14',
    });
    assert.deepEqual(surgery.kind === 'entry' && [surgery.entry.section, surgery.entry.value], [
      'surgeriesAndInjuries',
      {
        kind: 'surgery',
        description: 'Knee arthroscopy',
        date: '2024-02-14',
        regions: [],
        notes: null,
      },
    ]);
    const goal = history({
      resourceType: 'Goal',
      identifier: [{ system: 'urn:palpate:practice:p1:health-history-entry', value: 'g1' }],
      description: { text: 'Sleep through the night' },
    });
    assert.deepEqual(goal.kind === 'entry' && [goal.entry.section, goal.entry.value], [
      'goals',
      { text: 'Sleep through the night' },
    ]);
  });
});
