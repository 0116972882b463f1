import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { effectivenessKeys, fetchTherapistOutcomes } from '../../api/effectiveness.js';
import { MeanFigure, ScrollingTable } from '../../components/effectiveness/Figures.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { FollowUpCounts } from './CohortTable.js';

/** Each therapist's outcomes, for the owner: a view for supporting staff, not ranking them. */
export function TherapistOutcomesSection() {
  const result = useQuery({
    queryKey: effectivenessKeys.therapists,
    queryFn: ({ signal }) => fetchTherapistOutcomes(signal),
  });
  const outcomes = result.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="insights-therapists">
      <Title order={2} size="h4" id="insights-therapists" mb="xs">
        Outcomes by therapist
      </Title>
      <Text size="sm" mb="sm">
        From the signed notes each therapist wrote, each client counted once. Clients differ, so
        differences between therapists are not a measure of skill. Only the owner sees this.
      </Text>
      {result.isPending && <PageLoader />}
      {result.isError && <LoadError error={result.error} onRetry={() => void result.refetch()} />}
      {outcomes && (
        <ScrollingTable label="Therapists table" minWidth={720}>
          <Table className="effectiveness-table" verticalSpacing="sm">
            <caption>Therapists ({outcomes.therapists.length})</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Therapist</Table.Th>
                <Table.Th scope="col">Clients</Table.Th>
                <Table.Th scope="col">Signed sessions</Table.Th>
                <Table.Th scope="col">Pain recorded</Table.Th>
                <Table.Th scope="col">Relief during the session</Table.Th>
                <Table.Th scope="col">Relief by the next visit</Table.Th>
                <Table.Th scope="col">Follow-ups</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcomes.therapists.map((therapist) => (
                <Table.Tr key={therapist.therapistId}>
                  <Table.Th scope="row">{therapist.therapistName}</Table.Th>
                  <Table.Td className="effectiveness-number">{therapist.clients}</Table.Td>
                  <Table.Td className="effectiveness-number">{therapist.signedSessions}</Table.Td>
                  <Table.Td className="effectiveness-number">
                    {Math.round(therapist.painRecorded * 100)}%
                  </Table.Td>
                  <Table.Td>
                    {therapist.relief ? (
                      <MeanFigure figure={therapist.relief} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        Not enough clients yet
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {therapist.carryOver ? (
                      <MeanFigure figure={therapist.carryOver} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        Not enough clients yet
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {therapist.followUps === 0 ? (
                      <Text size="sm" c="dimmed">
                        None reported yet
                      </Text>
                    ) : (
                      <FollowUpCounts
                        reported={therapist.followUps}
                        reactions={therapist.reactions}
                        highSoreness={therapist.highSoreness}
                      />
                    )}
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
