import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { ingredientVocabulary } from '../../../domain/catalogue.js';
import {
  allergySeverityVocabulary,
  allergySubstanceVocabulary,
  conditionStatusVocabulary,
  conditionVocabulary,
  medicationClassVocabulary,
  surgeryOrInjuryKindVocabulary,
  treeNutVocabulary,
} from '../../../domain/health-history-vocabulary.js';
import { groupedRegionChoices } from '../../components/body-chart/RegionPicker.js';
import { newEntry, type HistoryForm, type ListSection } from './historyFormValues.js';

const choices = (vocabulary: ReadonlyArray<{ code: string; label: string }>) =>
  vocabulary.map((entry) => ({ value: entry.code, label: entry.label }));

const essentialOilChoices = ingredientVocabulary
  .filter((ingredient) => ingredient.groups.includes('essential_oil'))
  .map((ingredient) => ({ value: ingredient.code, label: ingredient.name }));

/**
 * One list of the history (medications, allergies …): each entry in its own box with a remove
 * button naming it, and an add button below. The entry's fields come from `children`.
 */
export function ListFields({
  form,
  section,
  title,
  addLabel,
  entryName,
  emptyText,
  children,
}: {
  form: HistoryForm;
  section: ListSection;
  title: string;
  addLabel: string;
  entryName: (index: number) => string;
  emptyText: string;
  children: (index: number) => ReactNode;
}) {
  const entries = form.getValues()[section];
  const headingId = `history-${section}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">
        {entries.length === 0 && (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        )}
        {entries.map((entry, index) => (
          <Paper key={entry.id} withBorder p="sm" bg="var(--mantine-color-gray-0)">
            <Stack gap="xs">
              {children(index)}
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => form.removeListItem(section, index)}
                >
                  Remove {entryName(index)}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => form.insertListItem(section, newEntry[section]())}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const regionsField = (form: HistoryForm, path: string, label: string, required = false) => (
  <MultiSelect
    label={label}
    data={groupedRegionChoices}
    searchable
    clearable
    required={required}
    nothingFoundMessage="No region by that name"
    {...form.getInputProps(path)}
  />
);

export function ConditionFields({ form }: { form: HistoryForm }) {
  const field = form.getInputProps;
  const values = form.getValues().conditions;
  return (
    <ListFields
      form={form}
      section="conditions"
      title="Conditions"
      addLabel="Add condition"
      entryName={(index) => values[index]?.name || 'this condition'}
      emptyText="No conditions recorded."
    >
      {(index) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Condition" required {...field(`conditions.${index}.name`)} />
          <Select
            label="Kind of condition"
            description="Choose one the safety alerts know, if it fits"
            data={choices(conditionVocabulary)}
            searchable
            clearable
            {...field(`conditions.${index}.code`)}
          />
          <Select
            label="Status"
            data={choices(conditionStatusVocabulary)}
            allowDeselect={false}
            required
            {...field(`conditions.${index}.status`)}
          />
          <TextInput label="Since" type="date" {...field(`conditions.${index}.onsetDate`)} />
          <TextInput
            label="Resolved on"
            type="date"
            {...field(`conditions.${index}.resolvedDate`)}
          />
          {regionsField(form, `conditions.${index}.regions`, 'Where on the body')}
          <Textarea
            label="Condition notes"
            autosize
            minRows={1}
            {...field(`conditions.${index}.notes`)}
          />
        </SimpleGrid>
      )}
    </ListFields>
  );
}

export function MedicationFields({ form }: { form: HistoryForm }) {
  const field = form.getInputProps;
  const values = form.getValues().medications;
  return (
    <ListFields
      form={form}
      section="medications"
      title="Medications"
      addLabel="Add medication"
      entryName={(index) => values[index]?.name || 'this medication'}
      emptyText="No medications recorded."
    >
      {(index) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Medication" required {...field(`medications.${index}.name`)} />
          <Select
            label="Kind of medication"
            description="What it means for massage follows from this"
            data={choices(medicationClassVocabulary)}
            required
            {...field(`medications.${index}.class`)}
          />
          <TextInput label="Dose" {...field(`medications.${index}.dose`)} />
          <TextInput label="Taken for" {...field(`medications.${index}.reason`)} />
        </SimpleGrid>
      )}
    </ListFields>
  );
}

export function AllergyFields({ form }: { form: HistoryForm }) {
  const field = form.getInputProps;
  const values = form.getValues().allergies;
  return (
    <ListFields
      form={form}
      section="allergies"
      title="Allergies and sensitivities"
      addLabel="Add allergy or sensitivity"
      entryName={(index) => `allergy ${index + 1}`}
      emptyText="No allergies or sensitivities recorded."
    >
      {(index) => {
        const substance = values[index]?.substance;
        return (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Allergic or sensitive to"
              data={choices(allergySubstanceVocabulary)}
              required
              {...field(`allergies.${index}.substance`)}
            />
            {substance === 'tree_nut' && (
              <Select
                label="Which nut"
                data={choices(treeNutVocabulary)}
                clearable
                {...field(`allergies.${index}.nut`)}
              />
            )}
            {substance === 'essential_oil' && (
              <Select
                label="Which essential oil"
                data={essentialOilChoices}
                searchable
                clearable
                {...field(`allergies.${index}.oil`)}
              />
            )}
            {(substance === 'topical_product' || substance === 'other') && (
              <TextInput label="What exactly" required {...field(`allergies.${index}.name`)} />
            )}
            <Select
              label="Severity"
              data={choices(allergySeverityVocabulary)}
              clearable
              placeholder="Not known"
              {...field(`allergies.${index}.severity`)}
            />
            <TextInput label="Reaction" {...field(`allergies.${index}.reaction`)} />
          </SimpleGrid>
        );
      }}
    </ListFields>
  );
}

export function SurgeryOrInjuryFields({ form }: { form: HistoryForm }) {
  const field = form.getInputProps;
  const values = form.getValues().surgeriesAndInjuries;
  return (
    <ListFields
      form={form}
      section="surgeriesAndInjuries"
      title="Surgeries and injuries"
      addLabel="Add surgery or injury"
      entryName={(index) => values[index]?.description || 'this surgery or injury'}
      emptyText="No surgeries or injuries recorded."
    >
      {(index) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Kind"
            data={choices(surgeryOrInjuryKindVocabulary)}
            required
            {...field(`surgeriesAndInjuries.${index}.kind`)}
          />
          <TextInput
            label="What happened"
            required
            {...field(`surgeriesAndInjuries.${index}.description`)}
          />
          <TextInput
            label="Date"
            type="date"
            description="Recent ones change what is safe to treat"
            {...field(`surgeriesAndInjuries.${index}.date`)}
          />
          {regionsField(form, `surgeriesAndInjuries.${index}.regions`, 'Where on the body')}
          <Textarea
            label="Surgery or injury notes"
            autosize
            minRows={1}
            {...field(`surgeriesAndInjuries.${index}.notes`)}
          />
        </SimpleGrid>
      )}
    </ListFields>
  );
}

export function AreaToAvoidFields({ form }: { form: HistoryForm }) {
  const field = form.getInputProps;
  return (
    <ListFields
      form={form}
      section="areasToAvoid"
      title="Areas to avoid"
      addLabel="Add area to avoid"
      entryName={(index) => `area ${index + 1}`}
      emptyText="No areas to avoid."
    >
      {(index) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {regionsField(form, `areasToAvoid.${index}.regions`, 'Regions to avoid', true)}
          <TextInput label="Why" required {...field(`areasToAvoid.${index}.reason`)} />
        </SimpleGrid>
      )}
    </ListFields>
  );
}

export function GoalFields({ form }: { form: HistoryForm }) {
  return (
    <ListFields
      form={form}
      section="goals"
      title="Goals for care"
      addLabel="Add goal"
      entryName={(index) => `goal ${index + 1}`}
      emptyText="No goals recorded."
    >
      {(index) => (
        <TextInput label="Goal" required {...form.getInputProps(`goals.${index}.text`)} />
      )}
    </ListFields>
  );
}
