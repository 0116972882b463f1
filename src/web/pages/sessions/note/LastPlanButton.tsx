import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { NoteContent } from '../../../../domain/notes.js';
import { ApiProblem, problemMessage } from '../../../api/client.js';
import { fetchLastPlan } from '../../../api/notes.js';

/**
 * "Start from last plan": brings the previous signed plan in beside this note, marked as
 * carried over. Nothing is copied into this note's own fields.
 */
export function LastPlanButton({
  sessionId,
  onPlan,
}: {
  sessionId: string;
  onPlan: (plan: NonNullable<NoteContent['carriedOver']>) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const plan = await fetchLastPlan(sessionId);
      onPlan({
        fromSessionId: plan.fromSessionId,
        focus: plan.focus,
        homeCare: plan.homeCare,
        frequency: plan.frequency,
      });
    } catch (error) {
      setMessage(
        error instanceof ApiProblem && error.status === 404
          ? 'There is no signed note before this session to start from.'
          : problemMessage(error),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="sm" align="center">
      <Button variant="default" loading={busy} onClick={() => void start()}>
        Start from last plan
      </Button>
      <Text size="sm" role="status">
        {message ?? 'Shows the previous session’s plan beside this note, marked as carried over.'}
      </Text>
    </Group>
  );
}
