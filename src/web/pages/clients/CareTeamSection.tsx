import { Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { roleLabels } from '../../../domain/roles.js';
import { ApiProblem } from '../../api/client.js';
import {
  addToCareTeam,
  clientKeys,
  fetchCareTeam,
  listTherapists,
  removeFromCareTeam,
} from '../../api/clients.js';
import { LoadError } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** The staff who share this client's care; the owner changes it. */
export function CareTeamSection({ clientId, canChange }: { clientId: string; canChange: boolean }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const team = useQuery({
    queryKey: clientKeys.careTeam(clientId),
    queryFn: ({ signal }) => fetchCareTeam(clientId, signal),
  });
  const therapists = useQuery({
    queryKey: clientKeys.therapists,
    queryFn: ({ signal }) => listTherapists(signal),
    staleTime: 5 * 60_000,
    enabled: canChange,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: clientKeys.careTeam(clientId) });
  const add = useMutation({
    mutationFn: (userId: string) => addToCareTeam(clientId, userId),
    onSuccess: async () => {
      setChosen(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeFromCareTeam(clientId, userId),
    onSuccess: refresh,
  });

  // A role that may not see the care team simply does not get the section.
  if (team.error instanceof ApiProblem && team.error.status === 403) return null;

  const members = team.data ?? [];
  const candidates = (therapists.data ?? [])
    .filter((therapist) => !members.some((member) => member.userId === therapist.id))
    .map((therapist) => ({ value: therapist.id, label: therapist.displayName }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="care-team">
      <Title order={2} size="h4" id="care-team" mb="xs">
        Care team
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Therapists on the care team can see this client when care is shared by assignment.
      </Text>
      {team.isError && <LoadError error={team.error} onRetry={() => void team.refetch()} />}
      {(add.error || remove.error) && <ProblemAlert error={add.error ?? remove.error} />}
      <Stack gap="sm">
        {team.data && members.length === 0 && <Text size="sm">Nobody has been added yet.</Text>}
        {members.length > 0 && (
          <List listStyleType="none" spacing="xs">
            {members.map((member) => (
              <List.Item key={member.userId}>
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm">
                    {member.displayName}{' '}
                    <Text span size="xs" c="dimmed">
                      ({roleLabels[member.role]})
                    </Text>
                  </Text>
                  {canChange && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${member.displayName} from the care team`}
                      loading={remove.isPending && remove.variables === member.userId}
                      onClick={() => remove.mutate(member.userId)}
                    >
                      Remove
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {canChange && (
          <Group align="flex-end" gap="sm">
            <Select
              label="Add to care team"
              placeholder="Choose a therapist"
              data={candidates}
              value={chosen}
              onChange={setChosen}
              searchable
              nothingFoundMessage="No other therapist"
              style={{ flex: '1 1 220px' }}
            />
            <Button
              variant="default"
              disabled={chosen === null}
              loading={add.isPending}
              onClick={() => chosen && add.mutate(chosen)}
            >
              Add
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
