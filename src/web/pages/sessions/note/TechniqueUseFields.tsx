import { Button, Group, MultiSelect, NumberInput, Paper, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import type { TechniqueUse } from '../../../../domain/notes.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { groupedRegionChoices } from '../../../components/body-chart/RegionPicker.js';
import { pressureChoices } from './scoreChoices.js';

/**
 * One technique as given: which, where, how long and how firmly. Minutes are kept as typed
 * until they are a whole number the note accepts, so clearing the field to retype works.
 */
export function TechniqueUseFields({
  use,
  number,
  techniqueChoices,
  sessionMinutes,
  onChange,
  onRemove,
}: {
  use: TechniqueUse;
  number: number;
  techniqueChoices: { value: string; label: string }[];
  sessionMinutes: number;
  onChange: (use: TechniqueUse) => void;
  onRemove: () => void;
}) {
  const [minutesTyped, setMinutesTyped] = useState<string | number>(use.minutes);
  const minutes = Number(minutesTyped);
  const minutesError =
    minutesTyped === '' || !Number.isInteger(minutes) || minutes < 1
      ? 'Enter the minutes, 1 or more.'
      : minutes > sessionMinutes
        ? `Must not exceed the session’s ${sessionMinutes} minutes.`
        : null;
  const name = techniqueChoices.find((choice) => choice.value === use.technique)?.label;

  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" className="technique-use">
      <legend className="technique-use-legend">
        Technique {number}
        {name ? `: ${name}` : ''}
      </legend>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
          <Select
            label="Technique"
            data={techniqueChoices}
            value={use.technique}
            onChange={(technique) => technique && onChange({ ...use, technique })}
            allowDeselect={false}
            searchable
            style={{ flex: '2 1 200px' }}
          />
          <NumberInput
            label="Minutes"
            min={1}
            max={sessionMinutes}
            step={5}
            value={minutesTyped}
            onChange={(value) => {
              setMinutesTyped(value);
              const typed = Number(value);
              if (value !== '' && Number.isInteger(typed) && typed >= 1 && typed <= 480) {
                onChange({ ...use, minutes: typed });
              }
            }}
            error={minutesError}
            style={{ flex: '1 1 120px' }}
          />
        </Group>
        <MultiSelect
          label="Regions"
          placeholder={use.regions.length === 0 ? 'Choose regions' : undefined}
          data={groupedRegionChoices}
          value={use.regions}
          onChange={(regions) => onChange({ ...use, regions })}
          searchable
          hidePickedOptions
          nothingFoundMessage="No region by that name"
        />
        <ChoiceGroup
          legend="Pressure"
          choices={pressureChoices}
          value={String(use.pressure)}
          onChange={(pressure) => onChange({ ...use, pressure: Number(pressure) })}
        />
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={`Remove technique ${number}${name ? ` (${name})` : ''}`}
          >
            Remove technique
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
