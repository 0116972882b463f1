import '../body-chart/body-chart.css';
import { Text } from '@mantine/core';
import { useId, type CSSProperties } from 'react';
import type { BodyMark } from '../../../domain/notes.js';
import type { AvoidRegion } from '../../../domain/safety.js';
import { BodyFigure } from '../body-chart/BodyFigure.js';
import { readOnlyViews } from '../body-chart/bodyViews.js';
import { MarkPatterns, MarkSwatch } from '../body-chart/markStyles.js';

/**
 * The regions the health history asks to avoid, drawn with the body chart's "avoid" mark and
 * listed in words beside the drawing (the drawing alone says nothing to a screen reader).
 */
export function AvoidRegionsChart({ regions }: { regions: AvoidRegion[] }) {
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  if (!regions.length) return null;
  const marks: BodyMark[] = regions.map((entry) => ({
    region: entry.region,
    kind: 'avoid',
    intensity: 3,
  }));
  const views = readOnlyViews(marks);
  return (
    <section className="avoid-regions" aria-labelledby={`${idPrefix}-avoid-title`}>
      <MarkPatterns idPrefix={idPrefix} />
      <Text fw={700} id={`${idPrefix}-avoid-title`}>
        <MarkSwatch kind="avoid" idPrefix={idPrefix} /> Areas to avoid
      </Text>
      <ul className="avoid-region-list">
        {regions.map((entry) => (
          <li key={entry.region}>
            <strong>{entry.label}</strong>: {entry.reasons.join('; ')}
          </li>
        ))}
      </ul>
      <div
        className="body-figures avoid-region-figures"
        style={{ '--figure-count': views.length } as CSSProperties}
      >
        {views.map((view) => (
          <BodyFigure key={view} view={view} marks={marks} idPrefix={idPrefix} />
        ))}
      </div>
    </section>
  );
}
