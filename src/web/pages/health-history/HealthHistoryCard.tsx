import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { healthHistorySectionLabels } from '../../../domain/health-history-diff.js';
import { describeAllergy } from '../../../domain/health-history-labels.js';
import {
  fetchChangesSinceLastVisit,
  fetchHealthHistory,
  healthHistoryKeys,
} from '../../api/healthHistory.js';
import { LoadError } from '../../components/PageStatus.js';
import { savedLine } from './SinceLastVisit.js';

/** The health history on the client's profile: when it was saved, what changed, the way in. */
export function HealthHistoryCard({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const current = useQuery({
    queryKey: healthHistoryKeys.current(clientId),
    queryFn: ({ signal }) => fetchHealthHistory(clientId, signal),
  });
  const changes = useQuery({
    queryKey: healthHistoryKeys.sinceLastVisit(clientId),
    queryFn: ({ signal }) => fetchChangesSinceLastVisit(clientId, signal),
  });
  const allergies = current.data?.history.allergies ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-health-history">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="client-health-history">
          Health history
        </Title>
        <Button
          variant="default"
          component={Link}
          href={`/clients/${encodeURIComponent(clientId)}/health-history`}
        >
          Open health history
        </Button>
      </Group>
      {current.isError && (
        <LoadError error={current.error} onRetry={() => void current.refetch()} />
      )}
      {current.data && (
        <Text size="sm" c="dimmed">
          {savedLine(current.data, timeZone)}
        </Text>
      )}
      {allergies.length > 0 && (
        <Text size="sm" mt={4}>
          Allergies: {allergies.map(describeAllergy).join('; ')}
        </Text>
      )}
      {changes.data && changes.data.sections.length > 0 && (
        <Group gap="xs" mt="xs">
          <Text size="sm">Changed since the last visit:</Text>
          {changes.data.sections.map((section) => (
            <Badge key={section} color="orange" variant="light">
              {healthHistorySectionLabels[section]}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
