import { useForm } from '@mantine/form';
import { PracticeUpdate, type CareModel, type Practice } from '../../../domain/practice.js';
import {
  practiceProfileToForm,
  type PracticeProfileFormValues,
} from '../../forms/PracticeProfileFields.js';
import { zodResolver } from '../../forms/zodResolver.js';

/** Number inputs hold '' while empty; the schema then reports the field as missing. */
export interface PracticeFormValues extends PracticeProfileFormValues {
  settings: {
    idleMinutes: number | string;
    careModel: CareModel;
    retentionYears: number | string;
    minorRetentionYears: number | string;
    ageOfMajority: number | string;
    effectivenessMinimumSessions: number | string;
  };
}

export function practiceToForm(practice: Practice): PracticeFormValues {
  return { ...practiceProfileToForm(practice), settings: { ...practice.settings } };
}

function toDraft(values: PracticeFormValues) {
  const number = (value: number | string) => (value === '' ? undefined : Number(value));
  return {
    ...values,
    settings: {
      ...values.settings,
      idleMinutes: number(values.settings.idleMinutes),
      retentionYears: number(values.settings.retentionYears),
      minorRetentionYears: number(values.settings.minorRetentionYears),
      ageOfMajority: number(values.settings.ageOfMajority),
      effectivenessMinimumSessions: number(values.settings.effectivenessMinimumSessions),
    },
  };
}

export function readPracticeUpdate(values: PracticeFormValues): PracticeUpdate {
  return PracticeUpdate.parse(toDraft(values));
}

const checkPractice = zodResolver<PracticeFormValues>(PracticeUpdate, toDraft);

export function usePracticeForm(practice: Practice) {
  return useForm<PracticeFormValues>({
    mode: 'controlled',
    initialValues: practiceToForm(practice),
    validate: (values) => {
      const errors = checkPractice(values);
      if (values.settings.idleMinutes === '')
        errors['settings.idleMinutes'] = 'Enter a number of minutes.';
      if (values.settings.retentionYears === '')
        errors['settings.retentionYears'] = 'Enter a number of years.';
      if (values.settings.minorRetentionYears === '')
        errors['settings.minorRetentionYears'] = 'Enter a number of years.';
      if (values.settings.ageOfMajority === '') errors['settings.ageOfMajority'] = 'Enter an age.';
      if (values.settings.effectivenessMinimumSessions === '')
        errors['settings.effectivenessMinimumSessions'] = 'Enter a number of sessions.';
      return errors;
    },
  });
}
