import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { MissingFollowUp } from '../../../domain/follow-up-views.js';
import { followUpKeys, listMissingFollowUps } from '../../api/followUps.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatDayOf, formatInstant } from '../../format.js';
import { linkStateLabel } from './SessionFollowUpSection.js';
import { SendFollowUpLink } from './SendFollowUpLink.js';

const days = 7;

function status(entry: MissingFollowUp, timeZone: string): string {
  if (!entry.lastLink) return 'No link sent';
  return `Link sent ${formatInstant(entry.lastLink.createdAt, timeZone)} · ${linkStateLabel(
    entry.lastLink.state,
  ).toLowerCase()}`;
}

/**
 * On the Today page: sessions of the last week nobody has followed up, with no link sent or
 * none answered; a link can be sent (again) from the row.
 */
export function MissingFollowUps({ timeZone }: { timeZone: string }) {
  const list = useQuery({
    queryKey: followUpKeys.missing(days),
    queryFn: ({ signal }) => listMissingFollowUps(days, signal),
  });
  const sessions = list.data?.sessions;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="missing-follow-ups">
      <Title order={2} size="h4" id="missing-follow-ups" mb="xs">
        Missing follow-ups
      </Title>
      {list.isPending && <PageLoader />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {sessions?.length === 0 && (
        <Text size="sm">Every session of the last {days} days has its follow-up.</Text>
      )}
      {sessions && sessions.length > 0 && (
        <>
          <Text size="sm" mb="sm">
            {sessions.length === 1 ? 'One session' : `${sessions.length} sessions`} of the last{' '}
            {days} days without a follow-up from the client.
          </Text>
          <ul className="plain-list">
            {sessions.map((entry) => (
              <li key={entry.sessionId}>
                <Group justify="space-between" wrap="wrap" gap="sm" py={6}>
                  <Stack gap={0} miw={0}>
                    <Anchor
                      component={Link}
                      href={`/sessions/${encodeURIComponent(entry.sessionId)}`}
                      fw={600}
                      c="inherit"
                    >
                      {entry.clientName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {formatDayOf(entry.startsAt, timeZone)} with {entry.therapistName} ·{' '}
                      {status(entry, timeZone)}
                    </Text>
                  </Stack>
                  <SendFollowUpLink
                    clientId={entry.clientId}
                    sessionId={entry.sessionId}
                    timeZone={timeZone}
                    label={entry.lastLink ? 'Send a new link' : 'Send link'}
                    accessibleLabel={`${entry.lastLink ? 'Send a new link' : 'Send link'} to ${entry.clientName}`}
                    compact
                  />
                </Group>
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}
