import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import {
  conversationVocabulary,
  musicVocabulary,
  temperatureVocabulary,
} from '../../../domain/health-history-vocabulary.js';
import { pressureLabels } from '../../../domain/notes.js';
import {
  AllergyFields,
  AreaToAvoidFields,
  ConditionFields,
  GoalFields,
  MedicationFields,
  SurgeryOrInjuryFields,
} from './HistoryListFields.js';
import type { HistoryForm } from './historyFormValues.js';

const choices = (vocabulary: ReadonlyArray<{ code: string; label: string }>) =>
  vocabulary.map((entry) => ({ value: entry.code, label: entry.label }));
const pressureChoices = [1, 2, 3, 4, 5].map((level) => ({
  value: String(level),
  label: `${level} ${pressureLabels[level]}`,
}));

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Every part of a health history, for the profile's edit and the note's "update" step. */
export function HealthHistoryForm({
  form,
  onSubmit,
  onCancel,
  submitLabel,
  notices,
  submitDisabled = false,
}: {
  form: HistoryForm;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  submitLabel: string;
  notices?: ReactNode;
  submitDisabled?: boolean;
}) {
  const field = form.getInputProps;
  const pregnant = form.getValues().pregnancy.pregnant;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Health history">
      <Stack gap="md">
        {notices}
        <ConditionFields form={form} />
        <MedicationFields form={form} />
        <AllergyFields form={form} />
        <SurgeryOrInjuryFields form={form} />
        <Section id="history-pregnancy" title="Pregnancy">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Checkbox
              label="Pregnant"
              mt="sm"
              {...field('pregnancy.pregnant', { type: 'checkbox' })}
            />
            {pregnant && (
              <>
                <TextInput label="Due date" type="date" {...field('pregnancy.dueDate')} />
                <Checkbox
                  label="High-risk pregnancy"
                  description="Needs medical clearance"
                  mt="sm"
                  {...field('pregnancy.highRisk', { type: 'checkbox' })}
                />
              </>
            )}
          </SimpleGrid>
        </Section>
        <AreaToAvoidFields form={form} />
        <Section id="history-preferences" title="Comfort preferences">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Preferred pressure"
              data={pressureChoices}
              clearable
              placeholder="Not said"
              {...field('preferences.pressure')}
            />
            <Select
              label="Table temperature"
              data={choices(temperatureVocabulary)}
              clearable
              placeholder="Not said"
              {...field('preferences.temperature')}
            />
            <Select
              label="Music"
              data={choices(musicVocabulary)}
              clearable
              placeholder="Not said"
              {...field('preferences.music')}
            />
            <Select
              label="Conversation"
              data={choices(conversationVocabulary)}
              clearable
              placeholder="Not said"
              {...field('preferences.conversation')}
            />
            <TextInput label="Draping" {...field('preferences.draping')} />
            <Textarea
              label="Other preferences"
              autosize
              minRows={1}
              {...field('preferences.notes')}
            />
          </SimpleGrid>
        </Section>
        <GoalFields form={form} />
        <Section id="history-notes" title="Anything else">
          <Textarea
            label="Other notes for the therapist"
            autosize
            minRows={2}
            {...field('notes')}
          />
        </Section>
        <Group gap="sm">
          <Button type="submit" loading={form.submitting} disabled={submitDisabled}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
