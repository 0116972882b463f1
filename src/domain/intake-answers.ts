import { z } from 'zod';
import { formQuestions, type IntakeForm, type IntakeQuestion } from './intake-forms.js';
import { RegionCode } from './notes.js';
import { CalendarDate, EmailAddress, PhoneNumber } from './text.js';

/**
 * A client's answers to an intake form, checked against that form: the schema is built from
 * the definition, so an owner's edit to a question changes what is accepted at once.
 */

/** Answers by question id: text, chosen values, yes/no, a date, or region codes. */
export type IntakeAnswer = string | string[] | boolean | null;
export type IntakeAnswers = Record<string, IntakeAnswer>;

const needed = 'This question needs an answer.';
const missingOr = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? needed : message;

function textAnswer(question: IntakeQuestion): z.ZodType<string | null> {
  const max = question.type === 'long_text' ? 5000 : 500;
  const check =
    question.binding === 'client.email'
      ? EmailAddress
      : question.binding === 'client.phone' || question.binding === 'client.emergencyContact.phone'
        ? PhoneNumber
        : null;
  const text = z
    .string({ error: missingOr('Must be text.') })
    .trim()
    .max(max, `Must be at most ${max.toLocaleString('en')} characters.`)
    .superRefine((value, context) => {
      const problem = value && check ? check.safeParse(value).error?.issues[0] : undefined;
      if (problem) context.addIssue({ code: 'custom', message: problem.message });
    })
    // Stored addresses are lower case (ClientInput), so compare and propose them that way.
    .transform((value) => (question.binding === 'client.email' ? value.toLowerCase() : value));
  if (question.required) return text.refine((value) => value.length > 0, needed);
  return text.nullish().transform((value) => value || null);
}

function choices(question: IntakeQuestion): z.ZodType<string[]> {
  const values = question.options.map((option) => option.value);
  const exclusive = question.options
    .filter((option) => option.exclusive)
    .map((option) => option.value);
  const list = z
    .array(z.string(), { error: missingOr('Choose from the options.') })
    .superRefine((chosen, context) => {
      chosen.forEach((value, index) => {
        if (!values.includes(value))
          context.addIssue({ code: 'custom', path: [index], message: 'Choose from the options.' });
        else if (chosen.indexOf(value) !== index)
          context.addIssue({ code: 'custom', path: [index], message: 'Chosen twice.' });
      });
      if (chosen.length > 1 && chosen.some((value) => exclusive.includes(value))) {
        const label = question.options.find(
          (option) => option.exclusive && chosen.includes(option.value),
        )?.label;
        context.addIssue({
          code: 'custom',
          message: `"${label}" cannot be chosen with other answers.`,
        });
      }
      if (question.required && chosen.length === 0)
        context.addIssue({ code: 'custom', message: 'Choose at least one option.' });
    });
  return question.required ? list : list.nullish().transform((value) => value ?? []);
}

function answerSchema(question: IntakeQuestion, today: string): z.ZodType<IntakeAnswer> {
  const optional = <T>(schema: z.ZodType<T>) =>
    question.required ? schema : schema.nullish().transform((value) => value ?? null);
  switch (question.type) {
    case 'text':
    case 'long_text':
      return textAnswer(question);
    case 'choice': {
      const values = question.options.map((option) => option.value);
      return optional(
        z
          .string({ error: missingOr('Choose one of the options.') })
          .refine((value) => values.includes(value), 'Choose one of the options.'),
      );
    }
    case 'multi_choice':
      return choices(question);
    case 'yes_no':
      return optional(z.boolean({ error: missingOr('Answer yes or no.') }));
    case 'date':
      return optional(
        z
          .string({ error: missingOr('Must be a date written YYYY-MM-DD.') })
          .pipe(CalendarDate)
          .refine(
            (date) => question.dates !== 'past' || date <= today,
            'Must not be in the future.',
          )
          .refine(
            (date) => question.dates !== 'future' || date >= today,
            'Must not be in the past.',
          ),
      );
    case 'body_regions': {
      const regions = z
        .array(RegionCode, { error: missingOr('Mark areas on the body chart.') })
        .max(63, 'Must mark at most 63 areas.')
        .refine((codes) => new Set(codes).size === codes.length, 'Each area once.')
        .refine((codes) => !question.required || codes.length > 0, 'Mark at least one area.');
      return question.required ? regions : regions.nullish().transform((value) => value ?? []);
    }
  }
}

/**
 * The schema a submission of `form` must pass: errors carry the question id as their path,
 * and an answer to a question the form does not have is refused. `today` (the practice's
 * local date) bounds date questions marked past or future.
 */
export function answersSchemaFor(
  form: IntakeForm,
  options: { today: string },
): z.ZodType<IntakeAnswers> {
  const shape: Record<string, z.ZodType<IntakeAnswer>> = {};
  for (const question of formQuestions(form))
    shape[question.id] = answerSchema(question, options.today);
  // zod reports unknown keys of a strict object as one issue without a path; naming each key
  // lets the form show the message where it belongs.
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((answers, context) => {
      for (const key of Object.keys(answers))
        if (!(key in shape))
          context.addIssue({
            code: 'custom',
            path: [key],
            message: 'Not a question on this form.',
          });
    })
    .transform((answers) => {
      const known: IntakeAnswers = {};
      for (const key of Object.keys(shape)) known[key] = answers[key] as IntakeAnswer;
      return known;
    });
}
