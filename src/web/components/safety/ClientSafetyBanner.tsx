import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchClientSafetyAlerts, safetyKeys } from '../../api/safety.js';
import { LoadError } from '../PageStatus.js';
import { AvoidRegionsChart } from './AvoidRegionsChart.js';
import { SafetyAlertList } from './SafetyAlertList.js';

/**
 * The safety banner at the top of a client's chart: what the health history says to do or
 * avoid, blocking alerts first. Reading it is audited, so it is read once per visit to the page.
 */
export function ClientSafetyBanner({ clientId }: { clientId: string }) {
  const alerts = useQuery({
    queryKey: safetyKeys.client(clientId),
    queryFn: ({ signal }) => fetchClientSafetyAlerts(clientId, signal),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  if (alerts.isPending) return null;
  if (alerts.isError)
    return <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  const { alerts: list, avoidRegions, historyNumber } = alerts.data;
  if (historyNumber === null) {
    return (
      <Alert color="gray" title="No health history yet" role="region" aria-label="Safety alerts">
        Safety alerts come from the health history; record it before the first session.
      </Alert>
    );
  }
  if (!list.length) {
    return (
      <Text size="sm" role="status">
        No safety alerts from the health history.
      </Text>
    );
  }
  const blocking = list.some((alert) => alert.blocking);
  return (
    <Alert
      color={blocking ? 'red' : 'orange'}
      title={blocking ? 'Safety alerts: no massage today without an override' : 'Safety alerts'}
      role="region"
      aria-label="Safety alerts"
      className="safety-banner"
    >
      <Stack gap="sm">
        <SafetyAlertList alerts={list} />
        <AvoidRegionsChart regions={avoidRegions} />
      </Stack>
    </Alert>
  );
}
