import { z } from 'zod';
import {
  allergySubstanceVocabulary,
  conditionVocabulary,
  conversationVocabulary,
  musicVocabulary,
  temperatureVocabulary,
} from './health-history-vocabulary.js';
import { optionalText, requiredText } from './text.js';

/**
 * An intake form the owner can edit, and how a client's answers to it are checked. A question
 * may be bound to a field of the client's profile or health history, so an accepted
 * submission can be proposed as changes to the record (intake-mapping.ts). Unbound questions
 * are kept with the submission for the therapist to read.
 */
export const questionTypes = [
  'text',
  'long_text',
  'choice',
  'multi_choice',
  'yes_no',
  'date',
  'body_regions',
] as const;
export const QuestionType = z.enum(questionTypes, { error: 'Unknown question type.' });
export type QuestionType = z.infer<typeof QuestionType>;

/** Question types as the owner reads them in the form editor and in messages. */
export const questionTypeLabels: Record<QuestionType, string> = {
  text: 'Short answer',
  long_text: 'Long answer',
  choice: 'Choice, one answer',
  multi_choice: 'Choice, several answers',
  yes_no: 'Yes or no',
  date: 'Date',
  body_regions: 'Areas of the body',
};

type BindingRule = { label: string; types: readonly QuestionType[]; values?: readonly string[] };
const codes = (entries: ReadonlyArray<{ code: string }>) => entries.map((entry) => entry.code);
const line = ['text'] as const;
const lines = ['long_text'] as const;
const words = ['text', 'long_text'] as const;

/**
 * The record fields a question can fill. `values` lists the option values a choice bound to
 * the field may offer; options marked exclusive ("None of these") map to nothing.
 */
export const intakeBindings = {
  'client.legalFirstName': { label: 'Legal first name', types: line },
  'client.legalLastName': { label: 'Legal last name', types: line },
  'client.preferredName': { label: 'Preferred name', types: line },
  'client.pronouns': { label: 'Pronouns', types: line },
  'client.dateOfBirth': { label: 'Date of birth', types: ['date'] },
  'client.email': { label: 'Email', types: line },
  'client.phone': { label: 'Phone', types: line },
  'client.address.line1': { label: 'Address', types: line },
  'client.address.line2': { label: 'Address, line 2', types: line },
  'client.address.city': { label: 'City', types: line },
  'client.address.region': { label: 'Province or state', types: line },
  'client.address.postalCode': { label: 'Postal code', types: line },
  'client.address.country': { label: 'Country', types: line },
  'client.emergencyContact.name': { label: 'Emergency contact', types: line },
  'client.emergencyContact.relationship': { label: 'Emergency contact relationship', types: line },
  'client.emergencyContact.phone': { label: 'Emergency contact phone', types: line },
  'client.referralSource': { label: 'How they heard of the practice', types: ['text', 'choice'] },
  'history.conditions': {
    label: 'Conditions',
    types: ['multi_choice'],
    values: codes(conditionVocabulary),
  },
  'history.conditions.other': { label: 'Other conditions, one a line', types: lines },
  'history.medications': { label: 'Medications, one a line', types: lines },
  'history.allergies': {
    label: 'Allergies and sensitivities',
    types: ['multi_choice'],
    values: codes(allergySubstanceVocabulary).filter(
      (code) => code !== 'topical_product' && code !== 'other',
    ),
  },
  'history.allergies.other': { label: 'Other allergies, one a line', types: lines },
  'history.pregnancy.pregnant': { label: 'Pregnant', types: ['yes_no'] },
  'history.pregnancy.dueDate': { label: 'Due date', types: ['date'] },
  'history.surgeries': { label: 'Surgeries, one a line', types: lines },
  'history.injuries': { label: 'Injuries, one a line', types: lines },
  'history.areasToAvoid': { label: 'Areas to avoid', types: ['body_regions'] },
  'history.areasToAvoid.reason': { label: 'Why to avoid those areas', types: words },
  'history.preferences.pressure': {
    label: 'Pressure',
    types: ['choice'],
    values: ['1', '2', '3', '4', '5'],
  },
  'history.preferences.temperature': {
    label: 'Temperature',
    types: ['choice'],
    values: codes(temperatureVocabulary),
  },
  'history.preferences.music': {
    label: 'Music',
    types: ['choice'],
    values: codes(musicVocabulary),
  },
  'history.preferences.conversation': {
    label: 'Conversation',
    types: ['choice'],
    values: codes(conversationVocabulary),
  },
  'history.preferences.draping': { label: 'Draping', types: words },
  'history.preferences.notes': { label: 'Other preferences', types: words },
  'history.goals': { label: 'Goals, one a line', types: lines },
  'history.notes': { label: 'Anything else', types: words },
} as const satisfies Record<string, BindingRule>;
export type IntakeBinding = keyof typeof intakeBindings;
const bindingNames = Object.keys(intakeBindings) as [IntakeBinding, ...IntakeBinding[]];
export const IntakeBinding = z.enum(bindingNames, { error: 'Unknown record field.' });

/** The types a question may take: any for a free question, the field's own for a bound one. */
export function questionTypesFor(binding: IntakeBinding | null): readonly QuestionType[] {
  return binding ? intakeBindings[binding].types : questionTypes;
}

export const QuestionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Use up to 64 lower-case letters, digits, - and _.');

export const ChoiceOption = z.object({
  value: z.string().trim().min(1, 'Give the option a value.').max(60),
  label: requiredText(200, 'Option'),
  /** An answer like "None of these" that cannot be chosen with other options. */
  exclusive: z.boolean().default(false),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const IntakeQuestion = z
  .object({
    id: QuestionId,
    type: QuestionType,
    label: requiredText(300, 'Question'),
    help: optionalText(500),
    required: z.boolean().default(false),
    options: z.array(ChoiceOption).max(60, 'Must offer at most 60 options.').default([]),
    binding: IntakeBinding.nullish().transform((value) => value ?? null),
    /** For date questions: `past` allows today and earlier, `future` today and later. */
    dates: z.enum(['any', 'past', 'future']).default('any'),
  })
  .superRefine((question, context) => {
    const choosing = question.type === 'choice' || question.type === 'multi_choice';
    if (choosing && question.options.length < 2) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Offer at least two options.',
      });
    }
    if (!choosing && question.options.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Only a choice has options.',
      });
    }
    const values = new Set<string>();
    question.options.forEach((option, index) => {
      if (values.has(option.value)) {
        context.addIssue({
          code: 'custom',
          path: ['options', index, 'value'],
          message: 'Each option needs its own value.',
        });
      }
      values.add(option.value);
    });
    if (!question.binding) return;
    const rule: BindingRule = intakeBindings[question.binding];
    if (!rule.types.includes(question.type)) {
      context.addIssue({
        code: 'custom',
        path: ['binding'],
        message: `${rule.label} needs a question of type ${rule.types
          .map((type) => questionTypeLabels[type].toLowerCase())
          .join(' or ')}.`,
      });
    }
    question.options.forEach((option, index) => {
      if (rule.values && !option.exclusive && !rule.values.includes(option.value)) {
        context.addIssue({
          code: 'custom',
          path: ['options', index, 'value'],
          message: `Not a value ${rule.label.toLowerCase()} can take.`,
        });
      }
    });
  });
export type IntakeQuestion = z.infer<typeof IntakeQuestion>;

export const IntakeSection = z.object({
  id: QuestionId,
  title: requiredText(200, 'Section title'),
  questions: z
    .array(IntakeQuestion)
    .min(1, 'Add at least one question.')
    .max(40, 'Must have at most 40 questions.'),
});
export type IntakeSection = z.infer<typeof IntakeSection>;

export const IntakeForm = z
  .object({
    title: requiredText(200, 'Form title'),
    intro: optionalText(2000),
    sections: z
      .array(IntakeSection)
      .min(1, 'Add at least one section.')
      .max(20, 'Must have at most 20 sections.'),
  })
  .superRefine((form, context) => {
    const ids = new Set<string>();
    const bindings = new Set<string>();
    form.sections.forEach((section, sectionIndex) => {
      section.questions.forEach((question, index) => {
        const path = ['sections', sectionIndex, 'questions', index];
        if (ids.has(question.id)) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: 'Each question needs its own id.',
          });
        }
        ids.add(question.id);
        if (question.binding && bindings.has(question.binding)) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'binding'],
            message: 'Another question already fills this field.',
          });
        }
        if (question.binding) bindings.add(question.binding);
      });
    });
  });
export type IntakeForm = z.infer<typeof IntakeForm>;

export function formQuestions(form: IntakeForm): IntakeQuestion[] {
  return form.sections.flatMap((section) => section.questions);
}

/** The practice's intake form as the API shows it; version 0 is the shipped form, never saved. */
export const IntakeFormView = z.object({
  form: IntakeForm,
  customised: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type IntakeFormView = z.infer<typeof IntakeFormView>;
