import { useForm } from '@mantine/form';
import { NoteTemplate } from '../../../domain/note-templates.js';
import { zodResolver } from '../../forms/zodResolver.js';

/** A suggested technique as its fields hold it: minutes are '' while the field is empty. */
export interface SuggestionFormValues {
  technique: string;
  minutes: number | string;
  pressure: number;
}

export interface NoteTemplateFormValues extends Omit<NoteTemplate, 'treatment'> {
  treatment: Omit<NoteTemplate['treatment'], 'techniques'> & {
    techniques: SuggestionFormValues[];
  };
}

/** Template text fields by SOAP section, labelled as the note editor labels them. */
export const templateSections = [
  {
    title: 'Subjective',
    fields: [
      ['subjective.reasonForVisit', 'Reason for visit'],
      ['subjective.symptoms', 'Symptoms the client reports'],
      ['subjective.changesSinceLastVisit', 'Changes since the last visit'],
    ],
  },
  {
    title: 'Objective',
    fields: [
      ['objective.posture', 'Posture'],
      ['objective.palpation', 'Palpation findings'],
      ['objective.rangeOfMotion', 'Range of motion'],
    ],
  },
  {
    title: 'Treatment',
    fields: [['treatment.clientResponse', 'Client’s response during the session']],
  },
  {
    title: 'Assessment',
    fields: [
      ['assessment.responseToTreatment', 'Response to treatment'],
      ['assessment.tissueChanges', 'Tissue changes'],
    ],
  },
  {
    title: 'Plan',
    fields: [
      ['plan.frequency', 'Frequency'],
      ['plan.homeCare', 'Home care'],
      ['plan.focusNextTime', 'Focus next time'],
    ],
  },
] as const;

export function templateToForm(template: NoteTemplate): NoteTemplateFormValues {
  return structuredClone(template);
}

function toDraft(values: NoteTemplateFormValues) {
  return {
    ...values,
    treatment: {
      ...values.treatment,
      techniques: values.treatment.techniques.map((suggestion) => ({
        ...suggestion,
        minutes: suggestion.minutes === '' ? undefined : Number(suggestion.minutes),
      })),
    },
  };
}

export function readNoteTemplate(values: NoteTemplateFormValues): NoteTemplate {
  return NoteTemplate.parse(toDraft(values));
}

const checkTemplate = zodResolver<NoteTemplateFormValues>(NoteTemplate, toDraft);

export function useNoteTemplateForm(template: NoteTemplate) {
  return useForm<NoteTemplateFormValues>({
    mode: 'controlled',
    initialValues: templateToForm(template),
    validate: checkTemplate,
  });
}
