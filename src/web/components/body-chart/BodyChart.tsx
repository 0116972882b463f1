import './body-chart.css';
import { Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { markKindLabels, markKinds, type BodyMark, type MarkKind } from '../../../domain/notes.js';
import { ChoiceGroup } from '../ChoiceGroup.js';
import { BodyFigure } from './BodyFigure.js';
import { describeMark, regionLabel, spokenKinds, toggleMark, type Intensity } from './bodyMarks.js';
import { MarkList } from './MarkList.js';
import { MarkPatterns, MarkSwatch } from './markStyles.js';
import { RegionPicker } from './RegionPicker.js';

const intensityChoices = [
  { value: '1', label: '1 Mild' },
  { value: '2', label: '2 Moderate' },
  { value: '3', label: '3 Severe' },
];

/**
 * The body chart: front and back views with named regions. Choose a kind of mark and an
 * intensity, then tap regions to mark them (tap again to take the mark away). Every region is
 * also reachable by keyboard, and the region list below does the same without the drawing.
 * Without `onChange` the chart is read-only, for signed notes.
 */
export function BodyChart({
  marks,
  onChange,
}: {
  marks: BodyMark[];
  onChange?: ((marks: BodyMark[]) => void) | undefined;
}) {
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [kind, setKind] = useState<MarkKind>('pain');
  const [intensity, setIntensity] = useState<Intensity>(2);
  const [announcement, setAnnouncement] = useState('');
  const editable = onChange !== undefined;

  const toggle = (region: string) => {
    if (!onChange) return;
    const result = toggleMark(marks, region, kind, intensity);
    onChange(result.marks);
    const mark = describeMark({ kind, intensity });
    setAnnouncement(
      result.change === 'removed'
        ? `Removed ${spokenKinds[kind]} from ${regionLabel(region)}.`
        : `${regionLabel(region)}: ${mark}.`,
    );
  };

  return (
    <Stack gap="md" className="body-chart">
      <MarkPatterns idPrefix={idPrefix} />
      {editable && (
        <>
          <ChoiceGroup
            legend="Mark to place"
            choices={markKinds.map((value) => ({
              value,
              label: (
                <>
                  <MarkSwatch kind={value} idPrefix={idPrefix} />
                  {markKindLabels[value]}
                </>
              ),
            }))}
            value={kind}
            onChange={(value) => setKind(value as MarkKind)}
          />
          <ChoiceGroup
            legend="Intensity"
            choices={intensityChoices}
            value={String(intensity)}
            onChange={(value) => setIntensity(Number(value) as Intensity)}
          />
          <Text size="sm">
            Tap a region to mark it; tap it again to take the mark away. With a keyboard, Tab to a
            region and press Enter.
          </Text>
        </>
      )}
      <Text size="sm" fw={500}>
        Left and right are the client’s own: on the front view the client’s right side is on your
        left.
      </Text>
      <div className="body-figures">
        <BodyFigure
          view="front"
          marks={marks}
          idPrefix={idPrefix}
          onRegion={editable ? toggle : undefined}
        />
        <BodyFigure
          view="back"
          marks={marks}
          idPrefix={idPrefix}
          onRegion={editable ? toggle : undefined}
        />
      </div>
      {editable && (
        <Text size="sm" role="status" aria-live="polite" className="body-chart-last-change">
          {announcement}
        </Text>
      )}
      <Legend idPrefix={idPrefix} />
      {editable && (
        <RegionPicker
          onAdd={(region) => {
            const next = marks.filter((mark) => !(mark.region === region && mark.kind === kind));
            onChange([...next, { region, kind, intensity }]);
            setAnnouncement(`${regionLabel(region)}: ${describeMark({ kind, intensity })}.`);
          }}
          kindLabel={describeMark({ kind, intensity })}
        />
      )}
      <MarkList
        marks={marks}
        idPrefix={idPrefix}
        onRemove={
          onChange
            ? (removed) => {
                onChange(marks.filter((mark) => mark !== removed));
                setAnnouncement(
                  `Removed ${describeMark(removed)} from ${regionLabel(removed.region)}.`,
                );
              }
            : undefined
        }
      />
    </Stack>
  );
}

function Legend({ idPrefix }: { idPrefix: string }) {
  return (
    <div>
      <Text size="sm" fw={500} id={`${idPrefix}-legend`}>
        Key
      </Text>
      <ul className="body-legend" aria-labelledby={`${idPrefix}-legend`}>
        {markKinds.map((value) => (
          <li key={value}>
            <MarkSwatch kind={value} idPrefix={idPrefix} />
            {markKindLabels[value]}
          </li>
        ))}
        <li>The number on a mark is its intensity: 1 mild, 2 moderate, 3 severe.</li>
      </ul>
    </div>
  );
}
