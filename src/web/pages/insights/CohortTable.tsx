import { Stack, Table, Text } from '@mantine/core';
import type { CohortRow, FactorKind } from '../../../domain/effectiveness-views.js';
import { intervalText, points } from '../../../domain/effectiveness-wording.js';
import {
  MeanFigure,
  ScrollingTable,
  VerdictBadge,
  kindHeadings,
} from '../../components/effectiveness/Figures.js';

const clientsAndSessions = (figure: { clients: number; sessions: number }) => (
  <Text size="xs" c="dimmed">
    {figure.clients} {figure.clients === 1 ? 'client' : 'clients'}, {figure.sessions}{' '}
    {figure.sessions === 1 ? 'session' : 'sessions'}
  </Text>
);

/** One kind of factor across the clients of a cohort, each client counted once. */
export function CohortTable({
  kind,
  rows,
  minimumClients,
}: {
  kind: FactorKind;
  rows: CohortRow[];
  minimumClients: number;
}) {
  const heading = kindHeadings[kind];
  return (
    <ScrollingTable label={`${heading.title} table`} minWidth={720}>
      <Table className="effectiveness-table" verticalSpacing="sm">
        <caption>{heading.title}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{heading.column}</Table.Th>
            <Table.Th scope="col">Clients (sessions)</Table.Th>
            <Table.Th scope="col">Compared with the same clients’ sessions without it</Table.Th>
            <Table.Th scope="col">Relief during the session</Table.Th>
            <Table.Th scope="col">Relief by the next visit</Table.Th>
            <Table.Th scope="col">Follow-ups</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.kind}:${row.key}`}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <Table.Td className="effectiveness-number">
                <Text size="sm">
                  {row.clients} ({row.sessions})
                </Text>
              </Table.Td>
              {row.enough ? (
                <>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <VerdictBadge verdict={row.verdict} summary={row.summary} />
                      {row.difference && (
                        <>
                          <Text size="xs" c="dimmed" className="effectiveness-number">
                            {points(row.difference.mean)} points
                          </Text>
                          <Text size="xs" c="dimmed" className="effectiveness-number">
                            {intervalText(row.difference)}
                          </Text>
                          {clientsAndSessions(row.difference)}
                        </>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <MeanFigure
                      figure={row.relief}
                      behind={row.relief && clientsAndSessions(row.relief)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <MeanFigure
                      figure={row.carryOver}
                      behind={row.carryOver && clientsAndSessions(row.carryOver)}
                    />
                  </Table.Td>
                  <Table.Td className="effectiveness-follow-ups">
                    {row.followUps && row.followUps.reported > 0 ? (
                      <FollowUpCounts {...row.followUps} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        None reported yet
                      </Text>
                    )}
                  </Table.Td>
                </>
              ) : (
                <Table.Td colSpan={4}>
                  <Text size="sm" className="effectiveness-note">
                    Not enough clients yet: {row.clients} of the {minimumClients} needed before
                    figures are shown.
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

export function FollowUpCounts({
  reported,
  reactions,
  highSoreness,
}: {
  reported: number;
  reactions: number;
  highSoreness: number;
}) {
  return (
    <>
      <Text size="sm">
        {reported} {reported === 1 ? 'follow-up' : 'follow-ups'}
      </Text>
      <Text size="sm">Reactions: {reactions}</Text>
      <Text size="sm">High soreness (7+): {highSoreness}</Text>
    </>
  );
}
