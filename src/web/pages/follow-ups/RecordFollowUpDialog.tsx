import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FollowUpAnswers } from '../../../domain/follow-ups.js';
import { ApiProblem } from '../../api/client.js';
import { followUpKeys, recordFollowUp } from '../../api/followUps.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { FollowUpAnswerFields, noAnswers } from './FollowUpAnswerFields.js';

interface RecordProps {
  clientId: string;
  sessionId: string;
  onClose: () => void;
}

/** Staff write down a follow-up the client gave by phone; it counts as the session's one. */
export function RecordFollowUpDialog({ opened, ...props }: RecordProps & { opened: boolean }) {
  // The form mounts afresh each time the dialog opens, so it never shows the last answers.
  return (
    <Modal opened={opened} onClose={props.onClose} title="Follow-up taken by phone" size="lg">
      <RecordForm {...props} />
    </Modal>
  );
}

function RecordForm({ clientId, sessionId, onClose }: RecordProps) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<FollowUpAnswers>(noAnswers);
  const save = useMutation({
    mutationFn: () => recordFollowUp(clientId, { sessionId, ...answers }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Follow-up recorded.' });
      await queryClient.invalidateQueries({ queryKey: followUpKeys.all });
      onClose();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const errors = Object.fromEntries(
    (problem?.errors ?? []).map((issue) => [issue.field, issue.message]),
  );
  const placed = ['relief', 'soreness', 'reactionDetails'];
  const unplaced = (problem?.errors ?? []).filter(
    (issue) => !placed.includes(issue.field) && !issue.field.startsWith('reactions'),
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {save.error && <ProblemAlert error={save.error} unplacedFields={unplaced} />}
        <FollowUpAnswerFields
          answers={answers}
          onChange={(patch) => setAnswers((current) => ({ ...current, ...patch }))}
          errors={errors}
          voice="staff"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save follow-up
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
