import {
  IntakeForm,
  type ChoiceOption,
  type IntakeQuestion,
  type IntakeSection,
  type QuestionType,
} from '../../../domain/intake-forms.js';
import { zodResolver } from '../../forms/zodResolver.js';

/**
 * The editor's moves on an intake form, kept out of the components: each takes the form and
 * returns a new one. Ids are made once and never change, because a client's answers and a
 * submission under review are keyed by them.
 */

export const isChoice = (type: QuestionType) => type === 'choice' || type === 'multi_choice';

function unusedId(taken: ReadonlySet<string>, stem: string): string {
  for (let number = 1; ; number += 1) {
    const id = `${stem}_${number}`;
    if (!taken.has(id)) return id;
  }
}

const questionIds = (form: IntakeForm) =>
  new Set(form.sections.flatMap((section) => section.questions.map((question) => question.id)));

function blankOptions(existing: ChoiceOption[], count: number): ChoiceOption[] {
  const taken = new Set(existing.map((option) => option.value));
  const added: ChoiceOption[] = [];
  for (let index = 0; index < count; index += 1) {
    const value = unusedId(taken, 'option');
    taken.add(value);
    added.push({ value, label: '', exclusive: false });
  }
  return added;
}

export function newQuestion(form: IntakeForm, type: QuestionType): IntakeQuestion {
  return {
    id: unusedId(questionIds(form), 'question'),
    type,
    label: '',
    help: null,
    required: false,
    options: isChoice(type) ? blankOptions([], 2) : [],
    binding: null,
    dates: 'any',
  };
}

export function newOption(question: IntakeQuestion): ChoiceOption {
  return blankOptions(question.options, 1)[0]!;
}

export function newSection(form: IntakeForm): IntakeSection {
  const taken = new Set(form.sections.map((section) => section.id));
  return { id: unusedId(taken, 'section'), title: '', questions: [] };
}

/**
 * A new type for a question. Options set aside by a change to another type come back when it
 * is a choice again; a choice with none starts with two empty ones to fill.
 */
export function retype(question: IntakeQuestion, type: QuestionType): IntakeQuestion {
  const options =
    isChoice(type) && question.options.length === 0 ? blankOptions([], 2) : question.options;
  return { ...question, type, options };
}

/**
 * Moves a question one place up or down; past the top or bottom of its section it goes to the
 * end of the section before or the start of the one after. Null when there is nowhere to go.
 */
export function moveQuestion(
  form: IntakeForm,
  questionId: string,
  direction: -1 | 1,
): IntakeForm | null {
  const sections = form.sections.map((section) => ({
    ...section,
    questions: [...section.questions],
  }));
  const sectionIndex = sections.findIndex((section) =>
    section.questions.some((question) => question.id === questionId),
  );
  if (sectionIndex < 0) return null;
  const questions = sections[sectionIndex]!.questions;
  const index = questions.findIndex((question) => question.id === questionId);
  const target = index + direction;
  if (target >= 0 && target < questions.length) {
    [questions[index], questions[target]] = [questions[target]!, questions[index]!];
    return { ...form, sections };
  }
  const neighbour = sections[sectionIndex + direction];
  if (!neighbour) return null;
  const [moved] = questions.splice(index, 1);
  if (direction < 0) neighbour.questions.push(moved!);
  else neighbour.questions.unshift(moved!);
  return { ...form, sections };
}

/** What is sent: options set aside on a question that is no longer a choice stay behind. */
export function formToSave(values: IntakeForm): IntakeForm {
  return {
    ...values,
    sections: values.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) =>
        isChoice(question.type) ? question : { ...question, options: [] },
      ),
    })),
  };
}

export const checkIntakeForm = zodResolver<IntakeForm>(IntakeForm, formToSave);

/** The question an error path such as `sections.1.questions.4.options` belongs to. */
export function questionAt(form: IntakeForm, path: string): IntakeQuestion | undefined {
  const match = /^sections\.(\d+)\.questions\.(\d+)(\.|$)/.exec(path);
  if (!match) return undefined;
  return form.sections[Number(match[1])]?.questions[Number(match[2])];
}
