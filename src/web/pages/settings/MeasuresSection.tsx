import { Badge, Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { scaleText } from '../../../domain/outcome-labels.js';
import { currentDefinition, type MeasureView } from '../../../domain/outcome-measures.js';
import { listMeasures, outcomeKeys, setMeasureRetired } from '../../api/outcomes.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { MeasureDialog } from './MeasureDialog.js';

/**
 * The practice's outcome measures (owner): the built-ins, and its own with their current
 * version. A measure in use is retired, never deleted; its scores stay.
 */
export function MeasuresSection() {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<MeasureView | 'new' | null>(null);
  const measures = useQuery({
    queryKey: outcomeKeys.definitions,
    queryFn: ({ signal }) => listMeasures(signal),
  });
  const retire = useMutation({
    mutationFn: (measure: MeasureView) =>
      setMeasureRetired(measure.id, measure.retiredAt === null, measure.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outcomeKeys.definitions }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-measures">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="settings-measures">
          Outcome measures
        </Title>
        <Button onClick={() => setEditing('new')}>Add measure</Button>
      </Group>
      <Text size="sm" mb="sm">
        Measures a therapist schedules in a client’s plan and scores over time. A change after
        scores exist becomes a new version; old scores keep their meaning.
      </Text>
      {measures.isPending && <PageLoader />}
      {measures.isError && (
        <LoadError error={measures.error} onRetry={() => void measures.refetch()} />
      )}
      {retire.error && <ProblemAlert error={retire.error} title="Not changed" />}
      {measures.data && (
        <Table.ScrollContainer minWidth={400}>
          <Table verticalSpacing="xs" aria-label="Outcome measures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Measure</Table.Th>
                <Table.Th>Scale</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {measures.data.map((measure) => {
                const definition = currentDefinition(measure);
                return (
                  <Table.Tr key={measure.id}>
                    <Table.Td>
                      {definition.name}{' '}
                      {measure.builtIn && (
                        <Badge variant="light" color="gray">
                          Built in
                        </Badge>
                      )}
                      {measure.retiredAt && (
                        <Badge variant="outline" color="gray">
                          Retired
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{scaleText(definition)}</Text>
                    </Table.Td>
                    <Table.Td>{measure.currentNumber}</Table.Td>
                    <Table.Td>
                      {!measure.builtIn && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setEditing(measure)}
                            aria-label={`Change ${definition.name}`}
                          >
                            Change
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            loading={retire.isPending && retire.variables?.id === measure.id}
                            onClick={() => retire.mutate(measure)}
                            aria-label={`${measure.retiredAt ? 'Restore' : 'Retire'} ${definition.name}`}
                          >
                            {measure.retiredAt ? 'Restore' : 'Retire'}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <MeasureDialog
          measure={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
