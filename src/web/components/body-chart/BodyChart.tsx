import './body-chart.css';
import { Stack, Text } from '@mantine/core';
import { useId, useState, type CSSProperties } from 'react';
import { markKindLabels, markKinds, type BodyMark, type MarkKind } from '../../../domain/notes.js';
import { ChoiceGroup } from '../ChoiceGroup.js';
import { BodyFigure } from './BodyFigure.js';
import { marksOutOfView, readOnlyViews, viewPairs, type ViewPair } from './bodyViews.js';
import { describeMark, regionLabel, spokenKinds, toggleMark, type Intensity } from './bodyMarks.js';
import { MarkList } from './MarkList.js';
import { MarkPatterns, MarkSwatch } from './markStyles.js';
import { RegionPicker } from './RegionPicker.js';

const intensityChoices = [
  { value: '1', label: '1 Mild' },
  { value: '2', label: '2 Moderate' },
  { value: '3', label: '3 Severe' },
];

const viewPairChoices = (Object.keys(viewPairs) as ViewPair[]).map((value) => ({
  value,
  label: viewPairs[value].label,
}));

const orientation: Record<ViewPair, string> = {
  front_back:
    'Left and right are the client’s own: on the front view the client’s right side is on your left.',
  sides:
    'The left side view shows the client’s left side, facing left; the right side view their right side, facing right.',
};

/**
 * The body chart: front, back and side views with named regions, two views at a time. Choose
 * a kind of mark and an intensity, then tap regions to mark them (tap again to take the mark
 * away). Every region is also reachable by keyboard, and the region list below does the same
 * without the drawing. A region drawn on several views carries its marks on each. Without
 * `onChange` the chart is read-only, for signed notes: front and back, and a side only when a
 * mark is somewhere only that side shows.
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
  const [pair, setPair] = useState<ViewPair>('front_back');
  const editable = onChange !== undefined;
  const views = editable ? viewPairs[pair].views : readOnlyViews(marks);
  const elsewhere = editable ? marksOutOfView(marks, views) : [];
  const otherPair = pair === 'front_back' ? 'sides' : 'front_back';

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
      {editable && (
        <ChoiceGroup
          legend="Views"
          choices={viewPairChoices}
          value={pair}
          onChange={(value) => setPair(value as ViewPair)}
        />
      )}
      <Text size="sm" fw={500}>
        {orientation[editable ? pair : 'front_back']}
      </Text>
      <div className="body-figures" style={{ '--figure-count': views.length } as CSSProperties}>
        {views.map((view) => (
          <BodyFigure
            key={view}
            view={view}
            marks={marks}
            idPrefix={idPrefix}
            onRegion={editable ? toggle : undefined}
          />
        ))}
      </div>
      {elsewhere.length > 0 && (
        <Text size="sm" className="body-chart-elsewhere">
          Not drawn on these views:{' '}
          {[...new Set(elsewhere.map((mark) => regionLabel(mark.region)))].join('; ')}. Choose “
          {viewPairs[otherPair].label}” to see {elsewhere.length === 1 ? 'it' : 'them'}.
        </Text>
      )}
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
