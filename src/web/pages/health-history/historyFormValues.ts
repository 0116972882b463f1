import { useForm } from '@mantine/form';
import {
  HealthHistory,
  healthHistoryIssues,
  type AreaToAvoid,
  type CareGoal,
} from '../../../domain/health-history.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { todayIn } from '../../format.js';

/**
 * What the health-history form holds: the history's own shape (so the server's field paths
 * name the form's fields), with text and dates as strings, empty when unknown, and choices
 * as the select's string values.
 */
export interface HistoryFormValues {
  conditions: Array<{
    id: string;
    code: string | null;
    name: string;
    status: string | null;
    onsetDate: string;
    resolvedDate: string;
    regions: string[];
    notes: string;
  }>;
  medications: Array<{
    id: string;
    name: string;
    class: string | null;
    dose: string;
    reason: string;
  }>;
  allergies: Array<{
    id: string;
    substance: string | null;
    nut: string | null;
    oil: string | null;
    name: string;
    reaction: string;
    severity: string | null;
  }>;
  surgeriesAndInjuries: Array<{
    id: string;
    kind: string | null;
    description: string;
    date: string;
    regions: string[];
    notes: string;
  }>;
  pregnancy: { pregnant: boolean; dueDate: string; highRisk: boolean };
  areasToAvoid: AreaToAvoid[];
  preferences: {
    pressure: string | null;
    temperature: string | null;
    music: string | null;
    conversation: string | null;
    draping: string;
    notes: string;
  };
  goals: CareGoal[];
  notes: string;
}

export type ListSection =
  'conditions' | 'medications' | 'allergies' | 'surgeriesAndInjuries' | 'areasToAvoid' | 'goals';

/** New, empty entries; each gets its id now, so later versions match it by id. */
export const newEntry: { [S in ListSection]: () => HistoryFormValues[S][number] } = {
  conditions: () => ({
    id: crypto.randomUUID(),
    code: null,
    name: '',
    status: 'active',
    onsetDate: '',
    resolvedDate: '',
    regions: [],
    notes: '',
  }),
  medications: () => ({ id: crypto.randomUUID(), name: '', class: null, dose: '', reason: '' }),
  allergies: () => ({
    id: crypto.randomUUID(),
    substance: null,
    nut: null,
    oil: null,
    name: '',
    reaction: '',
    severity: null,
  }),
  surgeriesAndInjuries: () => ({
    id: crypto.randomUUID(),
    kind: null,
    description: '',
    date: '',
    regions: [],
    notes: '',
  }),
  areasToAvoid: () => ({ id: crypto.randomUUID(), regions: [], reason: '' }),
  goals: () => ({ id: crypto.randomUUID(), text: '' }),
};

export function historyToForm(history: HealthHistory): HistoryFormValues {
  const text = (value: string | null) => value ?? '';
  return {
    conditions: history.conditions.map((entry) => ({
      ...entry,
      onsetDate: text(entry.onsetDate),
      resolvedDate: text(entry.resolvedDate),
      notes: text(entry.notes),
    })),
    medications: history.medications.map((entry) => ({
      ...entry,
      dose: text(entry.dose),
      reason: text(entry.reason),
    })),
    allergies: history.allergies.map((entry) => ({
      ...entry,
      name: text(entry.name),
      reaction: text(entry.reaction),
    })),
    surgeriesAndInjuries: history.surgeriesAndInjuries.map((entry) => ({
      ...entry,
      date: text(entry.date),
      notes: text(entry.notes),
    })),
    pregnancy: { ...history.pregnancy, dueDate: text(history.pregnancy.dueDate) },
    areasToAvoid: history.areasToAvoid,
    preferences: {
      ...history.preferences,
      pressure: history.preferences.pressure === null ? null : String(history.preferences.pressure),
      draping: text(history.preferences.draping),
      notes: text(history.preferences.notes),
    },
    goals: history.goals,
    notes: text(history.notes),
  };
}

/** What the schema reads: empty dates are null, pressure a number; the rest it trims itself. */
function toDraft(values: HistoryFormValues) {
  const date = (value: string) => (value === '' ? null : value);
  return {
    ...values,
    conditions: values.conditions.map((entry) => ({
      ...entry,
      onsetDate: date(entry.onsetDate),
      resolvedDate: date(entry.resolvedDate),
    })),
    surgeriesAndInjuries: values.surgeriesAndInjuries.map((entry) => ({
      ...entry,
      date: date(entry.date),
    })),
    pregnancy: {
      ...values.pregnancy,
      // A due date or high risk left from before "not pregnant" was chosen is not meant.
      dueDate: values.pregnancy.pregnant ? date(values.pregnancy.dueDate) : null,
      highRisk: values.pregnancy.pregnant && values.pregnancy.highRisk,
    },
    preferences: {
      ...values.preferences,
      pressure: values.preferences.pressure === null ? null : Number(values.preferences.pressure),
    },
  };
}

export function readHistory(values: HistoryFormValues): HealthHistory {
  return HealthHistory.parse(toDraft(values));
}

const checkHistory = zodResolver<HistoryFormValues>(HealthHistory, toDraft);

/** The form, checked by the rules the server applies, "today" being the practice's. */
export function useHealthHistoryForm(initialValues: HistoryFormValues, timeZone: string) {
  return useForm<HistoryFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const errors = checkHistory(values);
      if (Object.keys(errors).length > 0) return errors;
      for (const issue of healthHistoryIssues(readHistory(values), todayIn(timeZone))) {
        errors[issue.field] = issue.message;
      }
      return errors;
    },
  });
}

export type HistoryForm = ReturnType<typeof useHealthHistoryForm>;
