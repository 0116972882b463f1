import { Anchor, Badge, List, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { FactorKind, Verdict } from '../../../domain/effectiveness-views.js';
import { intervalText, points } from '../../../domain/effectiveness-wording.js';
import { formatCalendarDate } from '../../format.js';
import './effectiveness.css';

/**
 * The pieces of an effectiveness table, shared by the client's "What works" and the practice's
 * Insights: a mean with its interval, the reading of a row as words and colour (never colour
 * alone), and the sessions behind a figure as links.
 */

export const kindHeadings: Record<FactorKind, { title: string; column: string }> = {
  technique: { title: 'Techniques', column: 'Technique' },
  pressure: { title: 'Pressure', column: 'Pressure' },
  product: { title: 'Products', column: 'Product' },
};

const verdictColours: Record<Verdict, string> = {
  more_relief: 'teal',
  less_relief: 'orange',
  no_clear_difference: 'gray',
  nothing_to_compare: 'gray',
  not_enough_sessions: 'gray',
};

export function VerdictBadge({ verdict, summary }: { verdict: Verdict; summary: string }) {
  return (
    <Badge
      color={verdictColours[verdict]}
      variant={verdict === 'more_relief' || verdict === 'less_relief' ? 'light' : 'outline'}
      className="effectiveness-verdict"
      classNames={{ label: 'effectiveness-verdict-label' }}
    >
      {summary}
    </Badge>
  );
}

/** "2.3 points" over "95% CI 1.6 to 3.0", with what stands behind it underneath. */
export function MeanFigure({
  figure,
  behind,
}: {
  figure: { mean: number; low: number; high: number } | null;
  behind?: ReactNode;
}) {
  if (!figure) {
    return (
      <Text size="sm" c="dimmed">
        Too few sessions with pain recorded
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" fw={600} className="effectiveness-number">
        {points(figure.mean)} points
      </Text>
      <Text size="xs" c="dimmed" className="effectiveness-number">
        {intervalText(figure)}
      </Text>
      {behind}
    </>
  );
}

/**
 * The sessions behind a figure as a disclosure of links (newest last), so a table stays short
 * and every number can still be traced to the notes it came from.
 */
export function SessionLinks({
  sessionIds,
  dates,
  label,
}: {
  sessionIds: readonly string[];
  dates: ReadonlyMap<string, string>;
  label?: string;
}) {
  if (sessionIds.length === 0) return null;
  return (
    <details className="effectiveness-sessions">
      <summary>
        {label ?? `${sessionIds.length} ${sessionIds.length === 1 ? 'session' : 'sessions'}`}
      </summary>
      <List size="sm" listStyleType="none" spacing={2}>
        {sessionIds.map((id) => (
          <List.Item key={id}>
            <Anchor component={Link} href={`/sessions/${encodeURIComponent(id)}`} size="sm">
              {formatCalendarDate(dates.get(id) ?? null) || 'Session'}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </details>
  );
}

/**
 * A wide table that scrolls sideways on a tablet. The scrolling area takes keyboard focus, so
 * it can be scrolled without a mouse even when no cell holds a link.
 */
export function ScrollingTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'group', 'aria-label': label } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
