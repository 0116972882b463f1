import { Anchor, Table } from '@mantine/core';
import { Link } from 'wouter';
import type { MeasureChart, MeasureRow } from '../../../domain/progress-measures.js';
import { formatCalendarDate, formatDayOf } from '../../format.js';
import { sessionHref } from './chartText.js';

/** A measure's scores as a table: one row per time scored, one column per activity. */
export function MeasureTable({
  chart,
  rows,
  timeZone,
}: {
  chart: MeasureChart;
  rows: MeasureRow[];
  timeZone: string;
}) {
  const { definition } = chart;
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped>
        <Table.Caption>
          {definition.name}: scores from {definition.min} to {definition.max}
          {definition.unit ? ` ${definition.unit}` : ''}, {definition.better} is better
          {chart.goals.length > 0 &&
            `; goals: ${chart.goals.map((goal) => (chart.perActivity ? `${chart.lines.find((line) => line.key === goal.seriesKey)?.label ?? goal.statement} ${goal.label.toLowerCase()}` : goal.label.toLowerCase())).join(', ')}`}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            {chart.lines.map((line) => (
              <Table.Th scope="col" key={line.key}>
                {chart.perActivity ? line.label : 'Score'}
              </Table.Th>
            ))}
            <Table.Th scope="col">Session</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.at}>
              <Table.Th scope="row" fw={400}>
                {row.serviceDate
                  ? formatCalendarDate(row.serviceDate)
                  : formatDayOf(row.recordedAt, timeZone)}
              </Table.Th>
              {chart.lines.map((line) => (
                <Table.Td key={line.key}>{row.values[line.key] ?? '–'}</Table.Td>
              ))}
              <Table.Td>
                {row.sessionId ? (
                  <Anchor component={Link} href={sessionHref(row.sessionId)}>
                    Open session
                  </Anchor>
                ) : (
                  'Outside a session'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
