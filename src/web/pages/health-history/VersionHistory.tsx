import {
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { healthHistorySectionLabels } from '../../../domain/health-history-diff.js';
import {
  healthHistorySourceLabels,
  type HealthHistoryVersionSummary,
} from '../../../domain/health-history-views.js';
import {
  compareHealthHistoryVersions,
  healthHistoryKeys,
  listHealthHistoryVersions,
} from '../../api/healthHistory.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatDayOf, formatInstant } from '../../format.js';
import { ChangeList } from './ChangeList.js';

function versionLabel(version: HealthHistoryVersionSummary, timeZone: string): string {
  return `Version ${version.number}, ${formatDayOf(version.recordedAt, timeZone)}`;
}

/** Two versions side by side as a list of changes; version 0 is "nothing recorded". */
function Comparison({ clientId, from, to }: { clientId: string; from: number; to: number }) {
  const comparison = useQuery({
    queryKey: healthHistoryKeys.compare(clientId, from, to),
    queryFn: ({ signal }) => compareHealthHistoryVersions(clientId, from, to, signal),
  });
  if (comparison.isPending) return <PageLoader />;
  if (comparison.isError) {
    return <LoadError error={comparison.error} onRetry={() => void comparison.refetch()} />;
  }
  return (
    <div aria-live="polite">
      <ChangeList changes={comparison.data.changes} emptyText="These two versions are the same." />
    </div>
  );
}

/** Every version with who saved it, when and how, and a comparison of any two. */
export function VersionHistory({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const versions = useQuery({
    queryKey: healthHistoryKeys.versions(clientId),
    queryFn: ({ signal }) => listHealthHistoryVersions(clientId, signal),
  });
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);

  if (versions.isPending) return <PageLoader />;
  if (versions.isError) {
    return <LoadError error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  const list = versions.data;
  const latest = list[0]?.number ?? 0;
  const shown = pair ?? { from: Math.max(latest - 1, 0), to: latest };
  const versionChoices = [
    ...list.map((version) => ({
      value: String(version.number),
      label: versionLabel(version, timeZone),
    })),
    { value: '0', label: 'Nothing recorded' },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="history-versions">
        <Title order={2} size="h4" id="history-versions" mb="sm">
          Versions
        </Title>
        {list.length === 0 ? (
          <Text size="sm">No health history has been recorded yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Saved</Table.Th>
                  <Table.Th>What changed</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Compare</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((version) => (
                  <Table.Tr key={version.number}>
                    <Table.Td>{version.number}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatInstant(version.recordedAt, timeZone)}</Text>
                      <Text size="sm" c="dimmed">
                        {version.recordedByName ?? 'A former staff member'} ·{' '}
                        {healthHistorySourceLabels[version.source]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {version.changedSections.length > 0
                        ? version.changedSections
                            .map((section) => healthHistorySectionLabels[section])
                            .join(', ')
                        : 'Confirmed unchanged'}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={`Compare version ${version.number} with the one before`}
                        onClick={() => setPair({ from: version.number - 1, to: version.number })}
                      >
                        Compare
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="history-compare">
          <Title order={2} size="h4" id="history-compare" mb="sm">
            Compare versions
          </Title>
          <Group gap="sm" align="flex-end" mb="md" grow>
            <Select
              label="From version"
              data={versionChoices}
              value={String(shown.from)}
              allowDeselect={false}
              onChange={(value) => value !== null && setPair({ ...shown, from: Number(value) })}
            />
            <Select
              label="To version"
              data={versionChoices}
              value={String(shown.to)}
              allowDeselect={false}
              onChange={(value) => value !== null && setPair({ ...shown, to: Number(value) })}
            />
          </Group>
          <Comparison clientId={clientId} from={shown.from} to={shown.to} />
        </Paper>
      )}
    </Stack>
  );
}
