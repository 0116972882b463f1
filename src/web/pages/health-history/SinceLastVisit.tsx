import { Paper, Text, Title } from '@mantine/core';
import type {
  ChangesSinceLastVisit,
  HealthHistoryView,
} from '../../../domain/health-history-views.js';
import { formatCalendarDate, formatInstant } from '../../format.js';
import { ChangeList } from './ChangeList.js';
import type { Highlights } from './HealthHistorySummary.js';

export function highlightsOf(changes: ChangesSinceLastVisit | undefined): Highlights {
  return {
    sections: new Set(changes?.sections ?? []),
    itemIds: new Set(
      (changes?.changes ?? []).flatMap((change) => (change.itemId ? [change.itemId] : [])),
    ),
  };
}

export function savedLine(view: HealthHistoryView, timeZone: string): string {
  if (view.number === 0 || view.recordedAt === null) return 'Nothing recorded yet.';
  const who = view.recordedByName ?? 'a former staff member';
  return `Version ${view.number}, saved ${formatInstant(view.recordedAt, timeZone)} by ${who}.`;
}

/** "Changed since the last visit": what a therapist reads before the session starts. */
export function SinceLastVisit({ changes }: { changes: ChangesSinceLastVisit }) {
  if (!changes.lastVisit) return null;
  const date = formatCalendarDate(changes.lastVisit.serviceDate);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="since-last-visit">
      <Title order={2} size="h4" id="since-last-visit" mb="xs">
        Changed since the last visit
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Compared with the health history at the last signed visit, on {date}.
      </Text>
      <ChangeList changes={changes.changes} emptyText={`No changes since ${date}.`} />
    </Paper>
  );
}
