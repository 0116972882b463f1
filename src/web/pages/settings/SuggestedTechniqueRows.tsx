import { Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { pressureLabels } from '../../../domain/notes.js';
import type { Catalogue } from '../../api/catalogue.js';
import type { NoteTemplateFormValues } from './noteTemplateFormValues.js';

const pressureChoices = [1, 2, 3, 4, 5].map((level) => ({
  value: String(level),
  label: `${level} ${pressureLabels[level]}`,
}));

/**
 * The techniques a template suggests, each with its usual minutes and pressure. A new note
 * offers them as buttons; none is recorded until the therapist adds it.
 */
export function SuggestedTechniqueRows({
  form,
  techniques,
}: {
  form: UseFormReturnType<NoteTemplateFormValues>;
  techniques: Catalogue['techniques'];
}) {
  const rows = form.getValues().treatment.techniques;
  const choices = techniques
    .filter((entry) => entry.retiredAt === null || rows.some((row) => row.technique === entry.code))
    .map((entry) => ({ value: entry.code, label: entry.name }));
  const nameOf = (code: string) => choices.find((choice) => choice.value === code)?.label ?? code;
  const totalError = form.errors['treatment.techniques'];

  return (
    <Stack gap="sm">
      <div>
        <Text fw={600} size="sm">
          Suggested techniques
        </Text>
        <Text size="sm" c="dimmed">
          Offered as buttons in a new note; recorded only when the therapist adds one.
        </Text>
      </div>
      {rows.map((row, index) => {
        const path = `treatment.techniques.${index}` as const;
        return (
          <Paper
            key={index}
            withBorder
            p="sm"
            radius="md"
            component="fieldset"
            className="template-suggestion"
          >
            <legend className="template-suggestion-legend">
              Suggestion {index + 1}: {nameOf(row.technique)}
            </legend>
            <Group align="flex-start" gap="sm">
              <Select
                label="Technique"
                data={choices}
                allowDeselect={false}
                searchable
                style={{ flex: '2 1 200px' }}
                {...form.getInputProps(`${path}.technique`)}
              />
              <NumberInput
                label="Minutes"
                min={1}
                max={480}
                step={5}
                allowDecimal={false}
                style={{ flex: '1 1 100px' }}
                {...form.getInputProps(`${path}.minutes`)}
              />
              <Select
                label="Pressure"
                data={pressureChoices}
                allowDeselect={false}
                style={{ flex: '1 1 160px' }}
                value={String(row.pressure)}
                onChange={(level) => level && form.setFieldValue(`${path}.pressure`, Number(level))}
                error={form.errors[`${path}.pressure`]}
              />
            </Group>
            <Group justify="flex-end" mt="xs">
              <Button
                variant="subtle"
                color="red"
                onClick={() => form.removeListItem('treatment.techniques', index)}
                aria-label={`Remove suggestion ${index + 1} (${nameOf(row.technique)})`}
              >
                Remove suggestion
              </Button>
            </Group>
          </Paper>
        );
      })}
      {totalError && (
        <Text size="sm" c="red.9" role="alert">
          {totalError}
        </Text>
      )}
      <Select
        label="Suggest a technique"
        placeholder="Choose a technique"
        data={choices.filter((choice) => !rows.some((row) => row.technique === choice.value))}
        value={null}
        onChange={(code) =>
          code &&
          form.insertListItem('treatment.techniques', { technique: code, minutes: 15, pressure: 3 })
        }
        searchable
        disabled={rows.length >= 10}
      />
    </Stack>
  );
}
