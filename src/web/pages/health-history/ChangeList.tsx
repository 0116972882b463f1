import { Badge, Group, List, Stack, Text } from '@mantine/core';
import {
  healthHistorySectionLabels,
  type HealthHistoryChange,
} from '../../../domain/health-history-diff.js';

const kindLabels: Record<HealthHistoryChange['kind'], { label: string; color: string }> = {
  added: { label: 'Added', color: 'teal' },
  removed: { label: 'Removed', color: 'red' },
  changed: { label: 'Changed', color: 'orange' },
};

function describe(change: HealthHistoryChange): string {
  if (change.field === null) return change.label;
  if (change.kind === 'added') return `${change.label}: ${change.after ?? ''}`;
  if (change.kind === 'removed') return `${change.label}: ${change.before ?? ''} (cleared)`;
  return `${change.label}: ${change.before ?? ''} → ${change.after ?? ''}`;
}

/** What changed between two versions, by section, each line saying added/removed/changed. */
export function ChangeList({
  changes,
  emptyText = 'Nothing changed.',
}: {
  changes: HealthHistoryChange[];
  emptyText?: string;
}) {
  if (changes.length === 0) return <Text size="sm">{emptyText}</Text>;
  const sections = [...new Set(changes.map((change) => change.section))];
  return (
    <Stack gap="sm">
      {sections.map((section) => (
        <div key={section}>
          <Text fw={600} size="sm">
            {healthHistorySectionLabels[section]}
          </Text>
          <List size="sm" spacing={4} listStyleType="none" ml={0}>
            {changes
              .filter((change) => change.section === section)
              .map((change, index) => (
                <List.Item key={`${change.itemId ?? ''}-${change.field ?? ''}-${index}`}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge
                      size="sm"
                      variant="light"
                      color={kindLabels[change.kind].color}
                      style={{ flexShrink: 0 }}
                    >
                      {kindLabels[change.kind].label}
                    </Badge>
                    <Text size="sm">{describe(change)}</Text>
                  </Group>
                </List.Item>
              ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}
