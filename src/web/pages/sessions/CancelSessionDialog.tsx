import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SessionCancel, type Session } from '../../../domain/sessions.js';
import type { Versioned } from '../../api/client.js';
import { cancelSession, sessionKeys } from '../../api/sessions.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { zodResolver } from '../../forms/zodResolver.js';

interface CancelForm {
  outcome: 'cancelled' | 'no_show';
  reason: string;
}

interface CancelProps {
  onClose: () => void;
  visit: Versioned<Session>;
}

/** Records that a session did not take place, and why; it then takes no note. */
export function CancelSessionDialog({ opened, ...props }: CancelProps & { opened: boolean }) {
  // The form mounts afresh each time the dialog opens, so it never shows the last answer.
  return (
    <Modal opened={opened} onClose={props.onClose} title="The session did not take place">
      <CancelForm {...props} />
    </Modal>
  );
}

function CancelForm({ onClose, visit }: CancelProps) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<CancelForm>({
    mode: 'controlled',
    initialValues: { outcome: 'cancelled', reason: '' },
    validate: zodResolver(SessionCancel),
  });
  const close = onClose;
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await cancelSession(visit.value.id, SessionCancel.parse(values), visit.etag);
      queryClient.setQueryData(sessionKeys.one(visit.value.id), saved);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      notifications.show({
        color: 'teal',
        message:
          values.outcome === 'cancelled' ? 'Recorded as cancelled.' : 'Recorded as a no-show.',
      });
      close();
    } catch (error) {
      setFailure(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={failure} />
        <ChoiceGroup
          legend="What happened"
          choices={[
            { value: 'cancelled', label: 'Cancelled' },
            { value: 'no_show', label: 'No-show' },
          ]}
          value={form.values.outcome}
          onChange={(outcome) => form.setFieldValue('outcome', outcome as CancelForm['outcome'])}
        />
        <Textarea
          label="Reason"
          description="Required. Kept with the session."
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Back
          </Button>
          <Button type="submit" color="red" loading={form.submitting}>
            Record it
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
