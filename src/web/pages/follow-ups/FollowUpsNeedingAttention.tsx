import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { followUpSummary } from '../../../domain/follow-ups.js';
import { followUpKeys, listFollowUpsNeedingAttention } from '../../api/followUps.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatDayOf } from '../../format.js';
import { AcknowledgeFollowUp, flagReason } from './AcknowledgeFollowUp.js';

/**
 * On the Today page: follow-ups that reported a reaction or high soreness, waiting for a
 * clinician to read and acknowledge them, the longest waiting first.
 */
export function FollowUpsNeedingAttention({ timeZone }: { timeZone: string }) {
  const list = useQuery({
    queryKey: followUpKeys.attention,
    queryFn: ({ signal }) => listFollowUpsNeedingAttention(signal),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-ups-attention">
      <Title order={2} size="h4" id="follow-ups-attention" mb="xs">
        Follow-ups needing attention
      </Title>
      {list.isPending && <PageLoader />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && (
        <Text size="sm">No reactions or high soreness reported that are waiting for you.</Text>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="plain-list">
          {list.data.map(({ followUp, clientName, sessionStartsAt, therapistName }) => (
            <li key={followUp.id}>
              <Group justify="space-between" wrap="nowrap" gap="sm" py={6} align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text fw={600}>
                    <Anchor
                      component={Link}
                      href={`/sessions/${encodeURIComponent(followUp.sessionId)}`}
                      c="inherit"
                    >
                      {clientName}
                    </Anchor>{' '}
                    <Text span c="red.8" fw={600}>
                      · {flagReason(followUp)}
                    </Text>
                  </Text>
                  <Text size="sm">{followUpSummary(followUp)}</Text>
                  {followUp.reactionDetails && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      “{followUp.reactionDetails}”
                    </Text>
                  )}
                  <Text size="sm" c="dimmed">
                    After the session of {formatDayOf(sessionStartsAt, timeZone)} with{' '}
                    {therapistName}
                  </Text>
                </Stack>
                <AcknowledgeFollowUp followUp={followUp} clientName={clientName} />
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
