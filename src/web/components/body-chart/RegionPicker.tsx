import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { bodyRegions, type BodyRegion } from '../../../domain/body-regions.js';

export const regionGroupLabels: Record<BodyRegion['group'], string> = {
  head_neck: 'Head and neck',
  shoulder_arm: 'Shoulder and arm',
  trunk: 'Trunk',
  hip_leg: 'Hip and leg',
};

/** Every region by group, for selects that name regions (the chart's list, techniques). */
export const groupedRegionChoices = (Object.keys(regionGroupLabels) as BodyRegion['group'][]).map(
  (group) => ({
    group: regionGroupLabels[group],
    items: bodyRegions
      .filter((region) => region.group === group)
      .map((region) => ({ value: region.code, label: region.label })),
  }),
);

/** The body chart without the drawing: choose a region by name and add the chosen mark. */
export function RegionPicker({
  onAdd,
  kindLabel,
}: {
  onAdd: (region: string) => void;
  kindLabel: string;
}) {
  const [region, setRegion] = useState<string | null>(null);
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label="Mark a region from the list"
        description={`Adds the mark chosen above (${kindLabel}).`}
        placeholder="Choose a region"
        data={groupedRegionChoices}
        value={region}
        onChange={setRegion}
        searchable
        nothingFoundMessage="No region by that name"
        style={{ flex: '1 1 260px' }}
      />
      <Button
        variant="default"
        disabled={region === null}
        onClick={() => {
          if (region === null) return;
          onAdd(region);
          setRegion(null);
        }}
      >
        Add mark
      </Button>
    </Group>
  );
}
