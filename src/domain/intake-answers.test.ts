import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answersSchemaFor } from './intake-answers.js';
import { IntakeForm } from './intake-forms.js';

const today = '2026-11-27';

/** A one-section form holding the given questions. */
function formWith(...questions: Array<Record<string, unknown>>): IntakeForm {
  return IntakeForm.parse({ title: 'Intake', sections: [{ id: 's', title: 'S', questions }] });
}

/** The first message for each question, as the form shows it. */
function messages(form: IntakeForm, answers: unknown): Record<string, string> {
  const result = answersSchemaFor(form, { today }).safeParse(answers);
  const first: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) first[String(issue.path[0])] ??= issue.message;
  return first;
}

const choice = {
  id: 'pressure',
  type: 'choice',
  label: 'Pressure',
  options: [
    { value: 'light', label: 'Light' },
    { value: 'firm', label: 'Firm' },
  ],
};

describe('answers to an intake form', () => {
  it('asks for every required answer left out, whatever its type', () => {
    const form = formWith(
      { id: 'name', type: 'text', label: 'Name', required: true },
      { ...choice, required: true },
      { id: 'pregnant', type: 'yes_no', label: 'Pregnant?', required: true },
      { id: 'born', type: 'date', label: 'Born', required: true },
      { id: 'avoid', type: 'body_regions', label: 'Avoid', required: true },
    );
    assert.deepEqual(messages(form, {}), {
      name: 'This question needs an answer.',
      pressure: 'This question needs an answer.',
      pregnant: 'This question needs an answer.',
      born: 'This question needs an answer.',
      avoid: 'This question needs an answer.',
    });
  });

  it('treats a required text of only spaces as unanswered', () => {
    const form = formWith({ id: 'name', type: 'text', label: 'Name', required: true });
    assert.deepEqual(messages(form, { name: '   ' }), { name: 'This question needs an answer.' });
  });

  it('lets optional questions be left out, as null or empty', () => {
    const form = formWith({ id: 'name', type: 'text', label: 'Name' }, choice, {
      id: 'avoid',
      type: 'body_regions',
      label: 'Avoid',
    });
    assert.deepEqual(answersSchemaFor(form, { today }).parse({}), {
      name: null,
      pressure: null,
      avoid: [],
    });
  });

  it('accepts only offered options for a choice', () => {
    assert.deepEqual(messages(formWith(choice), { pressure: 'crushing' }), {
      pressure: 'Choose one of the options.',
    });
  });

  it('refuses "None of these" with other answers in a multiple choice', () => {
    const form = formWith({
      id: 'allergies',
      type: 'multi_choice',
      label: 'Allergies',
      options: [
        { value: 'latex', label: 'Latex' },
        { value: 'none', label: 'None of these', exclusive: true },
      ],
    });
    assert.deepEqual(messages(form, { allergies: ['latex', 'none'] }), {
      allergies: '"None of these" cannot be chosen with other answers.',
    });
  });

  it('wants yes or no as a boolean', () => {
    const form = formWith({ id: 'pregnant', type: 'yes_no', label: 'Pregnant?' });
    assert.deepEqual(messages(form, { pregnant: 'yes' }), { pregnant: 'Answer yes or no.' });
  });

  it('refuses a future date where the question asks about the past', () => {
    const form = formWith({ id: 'born', type: 'date', label: 'Born', dates: 'past' });
    assert.deepEqual(messages(form, { born: '2027-01-01' }), {
      born: 'Must not be in the future.',
    });
    assert.deepEqual(messages(form, { born: '2026-02-30' }), {
      born: 'Must be a date written YYYY-MM-DD.',
    });
  });

  it('accepts only known body regions, each once', () => {
    const form = formWith({ id: 'avoid', type: 'body_regions', label: 'Avoid' });
    assert.ok(messages(form, { avoid: ['not_a_region'] }).avoid);
  });

  it('checks an email answer bound to the client’s email', () => {
    const form = formWith({ id: 'email', type: 'text', label: 'Email', binding: 'client.email' });
    assert.ok(messages(form, { email: 'not an email' }).email);
    assert.deepEqual(answersSchemaFor(form, { today }).parse({ email: 'Ana@Example.com' }), {
      email: 'ana@example.com',
    });
  });

  it('refuses an answer to a question the form does not have', () => {
    assert.deepEqual(messages(formWith(choice), { pressure: 'light', shoe_size: '9' }), {
      shoe_size: 'Not a question on this form.',
    });
  });
});
