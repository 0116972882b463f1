import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultIntakeForm } from '../../../domain/intake-default-form.js';
import type { IntakeForm } from '../../../domain/intake-forms.js';
import {
  checkIntakeForm,
  formToSave,
  moveQuestion,
  newQuestion,
  questionAt,
  retype,
} from './intakeFormEditing.js';

const ids = (form: IntakeForm) =>
  form.sections.map((section) => section.questions.map((question) => question.id));

describe('editing an intake form', () => {
  it('gives a new question an id no other question has', () => {
    const first = newQuestion(defaultIntakeForm, 'yes_no');
    const form = structuredClone(defaultIntakeForm);
    form.sections[0]!.questions.push(first);
    const second = newQuestion(form, 'text');
    assert.equal(first.id, 'question_1');
    assert.equal(second.id, 'question_2');
  });

  it('starts a new choice with two empty answers to fill', () => {
    const question = newQuestion(defaultIntakeForm, 'choice');
    assert.deepEqual(
      question.options.map((option) => option.value),
      ['option_1', 'option_2'],
    );
  });

  it('moves a question within its section, then into the section before', () => {
    const [first, second] = defaultIntakeForm.sections[1]!.questions;
    const swapped = moveQuestion(defaultIntakeForm, second!.id, -1)!;
    assert.deepEqual(ids(swapped)[1]!.slice(0, 2), [second!.id, first!.id]);
    const crossed = moveQuestion(swapped, second!.id, -1)!;
    assert.equal(ids(crossed)[0]!.at(-1), second!.id);
    assert.equal(ids(crossed)[1]![0], first!.id);
  });

  it('has nowhere to move the first question up or the last one down', () => {
    assert.equal(moveQuestion(defaultIntakeForm, 'first_name', -1), null);
    assert.equal(moveQuestion(defaultIntakeForm, ids(defaultIntakeForm).at(-1)!.at(-1)!, 1), null);
  });

  it('keeps a choice’s answers aside when it becomes text, and sends none for it', () => {
    const choice = defaultIntakeForm.sections.at(-1)!.questions.at(-1)!;
    const text = retype(choice, 'text');
    assert.equal(text.options.length, choice.options.length);
    assert.deepEqual(retype(text, 'choice').options, choice.options);
    const form = structuredClone(defaultIntakeForm);
    form.sections.at(-1)!.questions.splice(-1, 1, text);
    assert.deepEqual(formToSave(form).sections.at(-1)!.questions.at(-1)!.options, []);
    assert.deepEqual(checkIntakeForm(form), {});
  });

  it('names the field of a choice offered without enough answers', () => {
    const form = structuredClone(defaultIntakeForm);
    const question = { ...newQuestion(form, 'choice'), label: 'Which days suit you?' };
    question.options = [{ ...question.options[0]!, label: 'Weekdays' }];
    form.sections[4]!.questions.push(question);
    const errors = checkIntakeForm(form);
    const field = `sections.4.questions.${form.sections[4]!.questions.length - 1}.options`;
    assert.equal(errors[field], 'Offer at least two options.');
    assert.equal(questionAt(form, field)?.id, question.id);
  });
});
