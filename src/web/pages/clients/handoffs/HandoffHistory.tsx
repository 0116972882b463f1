import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchHandoffs, handoffKeys } from '../../../api/handoffs.js';
import { LoadError } from '../../../components/PageStatus.js';
import { formatInstant } from '../../../format.js';
import { HandoffNote, handoffPeople } from './HandoffNote.js';

/** Every handoff of the client, newest first, each with its note and whether it was read. */
export function HandoffHistory({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const handoffs = useQuery({
    queryKey: handoffKeys.ofClient(clientId),
    queryFn: ({ signal }) => fetchHandoffs(clientId, signal),
  });
  const list = handoffs.data?.handoffs ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-handoffs">
      <Title order={2} size="h4" id="client-handoffs" mb="xs">
        Handoffs
      </Title>
      {handoffs.isError && (
        <LoadError error={handoffs.error} onRetry={() => void handoffs.refetch()} />
      )}
      {handoffs.data && list.length === 0 && (
        <Text size="sm">This client has not been handed over between therapists.</Text>
      )}
      <Stack gap="md">
        {list.map((handoff) => (
          <article
            key={handoff.id}
            aria-label={`Handoff of ${formatInstant(handoff.handedOffAt, timeZone)}`}
          >
            <Group gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                {formatInstant(handoff.handedOffAt, timeZone)}: {handoffPeople(handoff)}
              </Text>
              {handoff.acknowledgedAt ? (
                <Badge color="teal" variant="light">
                  Read {formatInstant(handoff.acknowledgedAt, timeZone)}
                </Badge>
              ) : (
                <Badge color="orange" variant="light">
                  Not yet read
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" mb={4}>
              By {handoff.handedOffByName ?? 'a former staff member'}
            </Text>
            <HandoffNote handoff={handoff} />
          </article>
        ))}
      </Stack>
    </Paper>
  );
}
