import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import { PurgeInput, type ClientPastRetention } from '../../../domain/retention.js';
import { formatCalendarDate } from '../../format.js';
import { purgeClient, retentionKeys } from '../../api/retention.js';
import { clientKeys } from '../../api/clients.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';

export function clientLabel(client: ClientPastRetention): string {
  const preferred = client.preferredName ? ` (${client.preferredName})` : '';
  return `${client.legalFirstName}${preferred} ${client.legalLastName}`;
}

/**
 * Purging deletes a client's whole record for good, so the owner says why and confirms who
 * they are with their password, as when signing a note.
 */
export function PurgeDialog({
  client,
  onClose,
}: {
  client: ClientPastRetention | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const form = useForm<PurgeInput>({
    mode: 'controlled',
    initialValues: { reason: '', password: '' },
    validate: zodResolver(PurgeInput),
  });

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    if (!client) return;
    setFailure(null);
    try {
      await purgeClient(client.clientId, PurgeInput.parse(values));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: retentionKeys.all }),
        queryClient.invalidateQueries({ queryKey: clientKeys.all, refetchType: 'none' }),
      ]);
      notifications.show({
        color: 'teal',
        message: `The record of ${clientLabel(client)} was purged. The audit trail keeps what was removed.`,
      });
      close();
    } catch (error) {
      form.setFieldValue('password', '');
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  return (
    <Modal
      opened={client !== null}
      onClose={close}
      title={client ? `Purge the record of ${clientLabel(client)}` : 'Purge a record'}
      size="lg"
    >
      {client && (
        <form onSubmit={submit} noValidate aria-label="Purge">
          <Stack gap="sm">
            {failure && <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />}
            <Alert color="red" title="This cannot be undone" role="note">
              Every session, note, addendum, health history, consent, intake and other record of
              this client is deleted for good. The retention period ended on{' '}
              {formatCalendarDate(client.retainedUntil)}. The audit trail keeps who purged the
              record, when, why and how many rows were removed, never what they said.
            </Alert>
            <Textarea
              label="Why is this record purged?"
              description="Kept in the audit trail. Do not write clinical details here."
              required
              autosize
              minRows={2}
              maxLength={500}
              data-autofocus
              {...form.getInputProps('reason')}
            />
            <PasswordInput
              label="Your password"
              required
              autoComplete="current-password"
              {...form.getInputProps('password')}
            />
            <Text size="sm">
              Last entry {formatCalendarDate(client.lastEntryOn)}
              {client.dateOfBirth ? `; born ${formatCalendarDate(client.dateOfBirth)}` : ''}.
            </Text>
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={form.submitting}>
                Purge the record
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
