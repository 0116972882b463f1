import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Charts, or the same numbers as tables: the reader's choice, kept for the whole page. */
export type ProgressView = 'charts' | 'tables';

/**
 * One chart with its summary and its table. The drawing is hidden from screen readers, which
 * read the summary and then the table: a real table with a caption and headers, always in
 * the page. Shown as charts, the table is visually hidden but appears as soon as keyboard
 * focus enters it (like a skip link), so no focused link is ever invisible.
 */
export function ProgressFigure({
  view,
  summary,
  chart,
  table,
}: {
  view: ProgressView;
  summary: ReactNode;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="progress-figure">
      <figcaption>{summary}</figcaption>
      {view === 'charts' && (
        <div className="progress-chart" aria-hidden="true">
          {chart}
        </div>
      )}
      <div className={view === 'charts' ? 'progress-table on-request' : 'progress-table'}>
        {table}
      </div>
    </figure>
  );
}

/** A section of the progress page: a titled card, kept whole on a printed page if it fits. */
export function ProgressSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} className="progress-section">
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
