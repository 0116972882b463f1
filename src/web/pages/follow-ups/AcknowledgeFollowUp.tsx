import { Badge, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { needsAttention, raisesFlag, type FollowUp } from '../../../domain/follow-ups.js';
import { acknowledgeFollowUp, followUpKeys } from '../../api/followUps.js';
import { problemMessage } from '../../api/client.js';

/** "Reaction reported" or "High soreness": why a follow-up was flagged, in two words. */
export function flagReason(followUp: Pick<FollowUp, 'reactions'>): string {
  return followUp.reactions.length > 0 ? 'Reaction reported' : 'High soreness';
}

/** A flagged follow-up's badge: red while it waits for a clinician, grey once acknowledged. */
export function FollowUpFlagBadge({ followUp }: { followUp: FollowUp }) {
  if (!raisesFlag(followUp)) return null;
  const waiting = needsAttention(followUp);
  return (
    <Badge
      color={waiting ? 'red' : 'gray'}
      variant="light"
      style={{ flexShrink: 0 }}
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {waiting ? flagReason(followUp) : 'Acknowledged'}
    </Badge>
  );
}

/** Marks a flagged follow-up as seen by a clinician; every list showing it refreshes. */
export function AcknowledgeFollowUp({
  followUp,
  clientName,
}: {
  followUp: FollowUp;
  /** Names the client in the button's accessible name where a list holds several. */
  clientName?: string;
}) {
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeFollowUp(followUp.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Follow-up acknowledged.' });
      await queryClient.invalidateQueries({ queryKey: followUpKeys.all });
    },
    onError: (error) => {
      notifications.show({ color: 'red', message: problemMessage(error) });
      void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
    },
  });
  if (!needsAttention(followUp)) return null;
  return (
    <Button
      size="compact-sm"
      variant="default"
      loading={acknowledge.isPending}
      onClick={() => acknowledge.mutate()}
      aria-label={clientName ? `Acknowledge ${clientName}’s follow-up` : undefined}
      style={{ flexShrink: 0 }}
    >
      Acknowledge
    </Button>
  );
}
