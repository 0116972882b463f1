import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { followUpSummary, needsAttention } from '../../../domain/follow-ups.js';
import { formatInstant } from '../../format.js';
import { AcknowledgeFollowUp, flagReason } from './AcknowledgeFollowUp.js';
import { useClientFollowUps } from './useClientFollowUps.js';

/**
 * On the client's chart, above everything else a clinician reads: follow-ups that reported a
 * reaction or high soreness and that nobody has acknowledged yet. Nothing shows when none do.
 */
export function ClientFollowUpFlags({
  clientId,
  timeZone,
}: {
  clientId: string;
  timeZone: string;
}) {
  const followUps = useClientFollowUps(clientId, true);
  const waiting = (followUps.data ?? []).filter(needsAttention);
  if (waiting.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={
        waiting.length === 1
          ? 'A follow-up needs attention'
          : `${waiting.length} follow-ups need attention`
      }
      // A standing notice of the chart, not an interruption: a region (named by its title).
      role="region"
    >
      <Stack gap="sm">
        {waiting.map((followUp) => (
          <Group
            key={followUp.id}
            justify="space-between"
            align="flex-start"
            wrap="nowrap"
            gap="sm"
          >
            <Stack gap={2} miw={0}>
              <Text size="sm" fw={600}>
                {flagReason(followUp)}: {followUpSummary(followUp)}
              </Text>
              {followUp.reactionDetails && <Text size="sm">“{followUp.reactionDetails}”</Text>}
              <Text size="sm">
                Reported {formatInstant(followUp.submittedAt, timeZone)} ·{' '}
                <Anchor
                  component={Link}
                  href={`/sessions/${encodeURIComponent(followUp.sessionId)}`}
                >
                  Open the session
                </Anchor>
              </Text>
            </Stack>
            <AcknowledgeFollowUp followUp={followUp} />
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
