import { Anchor, NumberInput, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { defaultPlateauSessions } from '../../../domain/effectiveness-views.js';
import { effectivenessKeys, fetchClientsNotImproving } from '../../api/effectiveness.js';
import { ScrollingTable } from '../../components/effectiveness/Figures.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatCalendarDate } from '../../format.js';

/** Clients whose pain has not fallen by the minimal important change: time to revisit the plan. */
export function PainNotImprovingSection() {
  const [typed, setTyped] = useState<number | string>(defaultPlateauSessions);
  const sessions =
    typeof typed === 'number' && Number.isInteger(typed) && typed >= 2 && typed <= 20
      ? typed
      : defaultPlateauSessions;
  const result = useQuery({
    queryKey: effectivenessKeys.notImproving(sessions),
    queryFn: ({ signal }) => fetchClientsNotImproving(sessions, signal),
  });
  const list = result.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="insights-not-improving">
      <Title order={2} size="h4" id="insights-not-improving" mb="xs">
        Pain not improving
      </Title>
      <Text size="sm" mb="sm">
        Active clients whose pain before the session has not fallen by at least 2 points (the
        smallest change that matters on the 0–10 scale) from the first to the last of their recent
        signed sessions. Worth revisiting their plan.
      </Text>
      <NumberInput
        label="Sessions to look back over"
        min={2}
        max={20}
        allowDecimal={false}
        value={typed}
        onChange={setTyped}
        w={220}
        mb="md"
      />
      {result.isPending && <PageLoader />}
      {result.isError && <LoadError error={result.error} onRetry={() => void result.refetch()} />}
      {list && list.clients.length === 0 && (
        <Text size="sm" c="dimmed">
          No client with {list.sessions} signed sessions is without improvement.
        </Text>
      )}
      {list && list.clients.length > 0 && (
        <ScrollingTable label="Clients not improving table" minWidth={480}>
          <Table className="effectiveness-table" verticalSpacing="sm">
            <caption>
              {list.clients.length} {list.clients.length === 1 ? 'client' : 'clients'} over their
              last {list.sessions} sessions
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Client</Table.Th>
                <Table.Th scope="col">Pain before, oldest to latest</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.clients.map((client) => (
                <Table.Tr key={client.clientId}>
                  <Table.Th scope="row">
                    <Anchor
                      component={Link}
                      href={`/clients/${encodeURIComponent(client.clientId)}`}
                    >
                      {client.clientName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    {client.readings.map((reading, index) => (
                      <span key={reading.sessionId}>
                        {index > 0 && ' → '}
                        <Anchor
                          component={Link}
                          href={`/sessions/${encodeURIComponent(reading.sessionId)}`}
                          size="sm"
                          title={formatCalendarDate(reading.serviceDate)}
                          aria-label={`${reading.painBefore} on ${formatCalendarDate(reading.serviceDate)}`}
                        >
                          {reading.painBefore}
                        </Anchor>
                      </span>
                    ))}
                  </Table.Td>
                  <Table.Td className="effectiveness-number">
                    {client.decrease > 0
                      ? `Down ${client.decrease}`
                      : client.decrease < 0
                        ? `Up ${-client.decrease}`
                        : 'No change'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollingTable>
      )}
    </Paper>
  );
}
