import { Text } from '@mantine/core';
import { followUpSummary, type FollowUp } from '../../../domain/follow-ups.js';

/** The session's follow-up in one line under its timeline row. */
export function FollowUpLine({ followUp }: { followUp: FollowUp }) {
  return (
    <Text size="sm">
      Follow-up: {followUpSummary(followUp)}
      {followUp.source === 'staff' ? ' (by phone)' : ''}
    </Text>
  );
}
