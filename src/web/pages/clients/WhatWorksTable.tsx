import { Stack, Table, Text } from '@mantine/core';
import {
  sessionIdsAt,
  type EffectivenessRow,
  type FactorKind,
  type SessionReference,
} from '../../../domain/effectiveness-views.js';
import { reactionLabels, type Reaction } from '../../../domain/follow-ups.js';
import { intervalText, points } from '../../../domain/effectiveness-wording.js';
import {
  MeanFigure,
  SessionLinks,
  VerdictBadge,
  ScrollingTable,
  kindHeadings,
} from '../../components/effectiveness/Figures.js';

/** The answer's sessions, which figures name by position, and their dates by id. */
export interface SessionList {
  sessions: readonly SessionReference[];
  dates: ReadonlyMap<string, string>;
}

/** Links to the sessions at these positions in the answer's sessions list. */
function Sessions({
  indexes,
  list,
  label,
}: {
  indexes: readonly number[];
  list: SessionList;
  label?: string;
}) {
  return <SessionLinks sessionIds={sessionIdsAt(list, indexes)} dates={list.dates} label={label} />;
}

/** One kind of factor (techniques, pressure or products) for one client, as a real table. */
export function WhatWorksTable({
  kind,
  rows,
  list,
  minimumSessions,
}: {
  kind: FactorKind;
  rows: EffectivenessRow[];
  list: SessionList;
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
                <Sessions indexes={row.sessions.sessionIndexes} list={list} label="See sessions" />
              </Table.Td>
              {row.enough ? (
                <Figures row={row} list={list} />
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

function Figures({ row, list }: { row: EffectivenessRow; list: SessionList }) {
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
              <Sessions
                indexes={difference.withoutSessionIndexes}
                list={list}
                label={`${difference.withoutSessionIndexes.length} sessions without it`}
              />
            </>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <MeanFigure
          figure={row.relief}
          behind={row.relief && <Sessions indexes={row.relief.sessionIndexes} list={list} />}
        />
      </Table.Td>
      <Table.Td>
        <MeanFigure
          figure={row.carryOver}
          behind={row.carryOver && <Sessions indexes={row.carryOver.sessionIndexes} list={list} />}
        />
      </Table.Td>
      <Table.Td className="effectiveness-follow-ups">
        <FollowUps row={row} list={list} />
      </Table.Td>
    </>
  );
}

function FollowUps({ row, list }: { row: EffectivenessRow; list: SessionList }) {
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
      <Sessions indexes={followUps.reported.sessionIndexes} list={list} label="Which sessions" />
      <Text size="sm">
        Reactions: {followUps.reactions.count}
        {kinds && ` (${kinds})`}
      </Text>
      <Sessions indexes={followUps.reactions.sessionIndexes} list={list} label="Which sessions" />
      <Text size="sm">High soreness (7+): {followUps.highSoreness.count}</Text>
      <Sessions
        indexes={followUps.highSoreness.sessionIndexes}
        list={list}
        label="Which sessions"
      />
    </Stack>
  );
}
