import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { bodyRegions } from '../../../domain/body-regions.js';
import type { FactorKind } from '../../../domain/effectiveness-views.js';
import { conditionVocabulary } from '../../../domain/health-history-vocabulary.js';
import { effectivenessKeys, fetchSimilarClients } from '../../api/effectiveness.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { CohortTable } from './CohortTable.js';

const kinds: FactorKind[] = ['technique', 'pressure', 'product'];
const regionChoices = bodyRegions.map((region) => ({ value: region.code, label: region.label }));
const conditionChoices = conditionVocabulary.map((condition) => ({
  value: condition.code,
  label: condition.label,
}));

/** What works across clients with the same complaint: a painful region or a condition. */
export function SimilarClientsSection() {
  const [region, setRegion] = useState<string | null>(null);
  const [condition, setCondition] = useState<string | null>(null);
  const result = useQuery({
    queryKey: effectivenessKeys.similar(region, condition),
    queryFn: ({ signal }) => fetchSimilarClients({ region, condition }, signal),
  });
  const table = result.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="insights-similar">
      <Title order={2} size="h4" id="insights-similar" mb="xs">
        What works for similar complaints
      </Title>
      <Text size="sm" mb="sm">
        Clients with pain marked at the same body region in a signed note, or with the same
        condition in their current health history. Each client counts once, so one client seen every
        week does not outweigh the rest: each figure is the mean of each client’s own mean. Relief
        is pain before minus pain after (0–10): positive numbers mean less pain. Associated with
        relief, not proof of a cause.
      </Text>
      <Group align="flex-end" mb="md">
        <Select
          label="Pain at body region"
          placeholder="Any region"
          data={regionChoices}
          value={region}
          onChange={setRegion}
          searchable
          clearable
          w={260}
        />
        <Select
          label="Health-history condition"
          placeholder="Any condition"
          data={conditionChoices}
          value={condition}
          onChange={setCondition}
          searchable
          clearable
          w={300}
        />
      </Group>
      {result.isPending && <PageLoader />}
      {result.isError && <LoadError error={result.error} onRetry={() => void result.refetch()} />}
      {table && (
        <Stack gap="md">
          <Text size="sm" aria-live="polite">
            {table.clients} {table.clients === 1 ? 'client' : 'clients'} and {table.sessions} signed{' '}
            {table.sessions === 1 ? 'session' : 'sessions'} match. Rows need at least{' '}
            {table.minimumClients} clients before they show figures.
          </Text>
          {kinds.map((kind) => {
            const rows = table.rows.filter((row) => row.kind === kind);
            if (rows.length === 0) return null;
            return (
              <CohortTable
                key={kind}
                kind={kind}
                rows={rows}
                minimumClients={table.minimumClients}
              />
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
