import { Button, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClientPastRetention, RetentionOverview } from '../../../domain/retention.js';
import {
  fetchClientPurges,
  fetchClientsPastRetention,
  retentionKeys,
} from '../../api/retention.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatCalendarDate, formatInstant } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';
import { clientLabel, PurgeDialog } from './PurgeDialog.js';

function ruleSentence(rule: RetentionOverview['rule']): string {
  return (
    `Records are kept ${rule.yearsAfterLastEntry} years after the last entry and, for a client ` +
    `who was a minor, ${rule.yearsAfterMajority} years after they turn ${rule.ageOfMajority}, ` +
    'whichever ends later.'
  );
}

/**
 * The owner's retention duty: archived clients whose records may now be purged, with the dates
 * that decide it, and the purges already made. Active clients and records still inside their
 * period never appear here (the server refuses to purge them too).
 */
export function RetentionSection() {
  const { practice } = useSession();
  const [purging, setPurging] = useState<ClientPastRetention | null>(null);
  const overview = useQuery({
    queryKey: retentionKeys.clients,
    queryFn: ({ signal }) => fetchClientsPastRetention(signal),
  });
  const purges = useQuery({
    queryKey: retentionKeys.purges,
    queryFn: ({ signal }) => fetchClientPurges(signal),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-retention">
      <Title order={2} size="h3" id="settings-retention" mb="xs">
        Records past retention
      </Title>
      {overview.isPending && <PageLoader />}
      {overview.isError && (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      )}
      {overview.data && (
        <Stack gap="sm">
          <Text size="sm">
            {ruleSentence(overview.data.rule)} Only archived clients are listed, once that day has
            passed.
          </Text>
          {overview.data.clients.length === 0 ? (
            <Text size="sm">No archived client is past the retention period.</Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing="sm" aria-label="Archived clients past retention">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Client</Table.Th>
                    <Table.Th scope="col">Last entry</Table.Th>
                    <Table.Th scope="col">Kept until</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.data.clients.map((client) => (
                    <Table.Tr key={client.clientId}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {clientLabel(client)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {client.dateOfBirth
                            ? `Born ${formatCalendarDate(client.dateOfBirth)}`
                            : 'Date of birth not recorded'}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatCalendarDate(client.lastEntryOn)}</Table.Td>
                      <Table.Td>
                        {formatCalendarDate(client.retainedUntil)}
                        {client.because === 'minor' && (
                          <Text size="xs" c="dimmed">
                            Kept longer as a minor
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          aria-label={`Purge the record of ${clientLabel(client)}`}
                          onClick={() => setPurging(client)}
                        >
                          Purge…
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Title order={3} size="h4" mt="sm">
            Purged records
          </Title>
          {purges.isError && (
            <LoadError error={purges.error} onRetry={() => void purges.refetch()} />
          )}
          {purges.data && purges.data.length === 0 && (
            <Text size="sm">No record has been purged.</Text>
          )}
          {purges.data && purges.data.length > 0 && (
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing="xs" aria-label="Purged records">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">By</Table.Th>
                    <Table.Th scope="col">Why</Table.Th>
                    <Table.Th scope="col">Rows removed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {purges.data.map((purge) => (
                    <Table.Tr key={purge.id}>
                      <Table.Td>{formatInstant(purge.purgedAt, practice.timeZone)}</Table.Td>
                      <Table.Td>{purge.purgedByName ?? 'A former staff member'}</Table.Td>
                      <Table.Td>{purge.reason}</Table.Td>
                      <Table.Td>
                        {Object.values(purge.removed).reduce((sum, count) => sum + count, 0)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
      <PurgeDialog client={purging} onClose={() => setPurging(null)} />
    </Paper>
  );
}
