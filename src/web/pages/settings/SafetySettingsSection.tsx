import { Paper, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/client.js';
import { fetchSafetySettings, safetyKeys, updateSafetySettings } from '../../api/safety.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** The owner's say in the safety rules: whether coconut counts as a tree nut. */
export function SafetySettingsSection() {
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: safetyKeys.settings,
    queryFn: ({ signal }) => fetchSafetySettings(signal),
  });
  const save = useMutation({
    mutationFn: (coconutWithTreeNuts: boolean) =>
      updateSafetySettings({ coconutWithTreeNuts }, current.data?.version ?? 0),
    onSuccess: (saved) => {
      queryClient.setQueryData(safetyKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: ['safety-alerts'] });
      notifications.show({ color: 'teal', message: 'Safety setting saved.' });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.is('stale-version'))
        void queryClient.invalidateQueries({ queryKey: safetyKeys.settings });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-safety">
      <Title order={2} size="h3" id="settings-safety" mb="xs">
        Safety alerts
      </Title>
      {current.isPending && <PageLoader />}
      {current.isError && (
        <LoadError error={current.error} onRetry={() => void current.refetch()} />
      )}
      {save.error && <ProblemAlert error={save.error} title="Not saved" />}
      {current.data && (
        <Switch
          label="Warn about coconut for clients with a tree-nut allergy"
          description="Coconut is not botanically a tree nut and coconut allergy is rare, but some labels and some clients count it as one."
          checked={current.data.settings.coconutWithTreeNuts}
          disabled={save.isPending}
          onChange={(event) => save.mutate(event.currentTarget.checked)}
        />
      )}
      <Text size="sm" mt="md">
        Every other rule comes from the reviewed rule set, each with its reason and source.
      </Text>
    </Paper>
  );
}
