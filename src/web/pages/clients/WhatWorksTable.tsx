import { Stack, Table, Text } from '@mantine/core';
import type { EffectivenessRow, FactorKind } from '../../../domain/effectiveness-views.js';
import { reactionLabels, type Reaction } from '../../../domain/follow-ups.js';
import { intervalText, points } from '../../../domain/effectiveness-wording.js';
import {
  MeanFigure,
  SessionLinks,
  VerdictBadge,
  ScrollingTable,
  kindHeadings,
} from '../../components/effectiveness/Figures.js';

/** One kind of factor (techniques, pressure or products) for one client, as a real table. */
export function WhatWorksTable({
  kind,
  rows,
  dates,
  minimumSessions,
}: {
  kind: FactorKind;
  rows: EffectivenessRow[];
  dates: ReadonlyMap<string, string>;
  minimumSessions: number;
}) {
  const heading = kindHeadings[kind];
  return (
    <ScrollingTable label={`${heading.title} table`} minWidth={720}>
      <Table className="effectiveness-table" verticalSpacing="sm" withRowBorders>
        <caption>{heading.title}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{heading.column}</Table.Th>
            <Table.Th scope="col">Sessions</Table.Th>
            <Table.Th scope="col">Compared with sessions without it</Table.Th>
            <Table.Th scope="col">Relief during the session</Table.Th>
            <Table.Th scope="col">Relief by the next visit</Table.Th>
            <Table.Th scope="col">Follow-ups</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.kind}:${row.key}`}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <Table.Td>
                <Text size="sm" className="effectiveness-number">
                  {row.sessions.count}
                </Text>
                <SessionLinks
                  sessionIds={row.sessions.sessionIds}
                  dates={dates}
                  label="See sessions"
                />
              </Table.Td>
              {row.enough ? (
                <Figures row={row} dates={dates} />
              ) : (
                <Table.Td colSpan={4}>
                  <Text size="sm" className="effectiveness-note">
                    Not enough sessions yet: {row.sessions.count} of the {minimumSessions} needed
                    before figures are shown.
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollingTable>
  );
}

function Figures({ row, dates }: { row: EffectivenessRow; dates: ReadonlyMap<string, string> }) {
  const difference = row.difference;
  return (
    <>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <VerdictBadge verdict={row.verdict} summary={row.summary} />
          {difference && (
            <>
              <Text size="xs" c="dimmed" className="effectiveness-number">
                {points(difference.withMean)} with, {points(difference.withoutMean)} without
              </Text>
              <Text size="xs" c="dimmed" className="effectiveness-number">
                {intervalText(difference)}
              </Text>
              <SessionLinks
                sessionIds={difference.withoutSessionIds}
                dates={dates}
                label={`${difference.withoutSessionIds.length} sessions without it`}
              />
            </>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <MeanFigure
          figure={row.relief}
          behind={row.relief && <SessionLinks sessionIds={row.relief.sessionIds} dates={dates} />}
        />
      </Table.Td>
      <Table.Td>
        <MeanFigure
          figure={row.carryOver}
          behind={
            row.carryOver && <SessionLinks sessionIds={row.carryOver.sessionIds} dates={dates} />
          }
        />
      </Table.Td>
      <Table.Td className="effectiveness-follow-ups">
        <FollowUps row={row} dates={dates} />
      </Table.Td>
    </>
  );
}

function FollowUps({ row, dates }: { row: EffectivenessRow; dates: ReadonlyMap<string, string> }) {
  const followUps = row.followUps;
  if (!followUps || followUps.reported.count === 0) {
    return (
      <Text size="sm" c="dimmed">
        None reported yet
      </Text>
    );
  }
  const kinds = Object.entries(followUps.reactionKinds)
    .map(([code, count]) => `${reactionLabels[code as Reaction] ?? code} ×${count}`)
    .join(', ');
  const reported = followUps.reported.count;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {reported} {reported === 1 ? 'follow-up' : 'follow-ups'}
      </Text>
      <SessionLinks
        sessionIds={followUps.reported.sessionIds}
        dates={dates}
        label="Which sessions"
      />
      <Text size="sm">
        Reactions: {followUps.reactions.count}
        {kinds && ` (${kinds})`}
      </Text>
      <SessionLinks
        sessionIds={followUps.reactions.sessionIds}
        dates={dates}
        label="Which sessions"
      />
      <Text size="sm">High soreness (7+): {followUps.highSoreness.count}</Text>
      <SessionLinks
        sessionIds={followUps.highSoreness.sessionIds}
        dates={dates}
        label="Which sessions"
      />
    </Stack>
  );
}
