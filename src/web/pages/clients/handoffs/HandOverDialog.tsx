import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Client, displayName } from '../../../../domain/clients.js';
import type { FieldIssue } from '../../../../domain/errors.js';
import { HandoffInput } from '../../../../domain/handoffs.js';
import { ApiProblem, versionTag, type Versioned } from '../../../api/client.js';
import { clientKeys, listTherapists } from '../../../api/clients.js';
import { handOffClient, handoffKeys } from '../../../api/handoffs.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../../forms/fieldErrors.js';
import { zodResolver } from '../../../forms/zodResolver.js';

interface HandoffForm {
  toTherapistId: string;
  reason: string;
  continueWith: string;
  avoid: string;
}

const blank: HandoffForm = { toTherapistId: '', reason: '', continueWith: '', avoid: '' };

/**
 * Hands the client to another therapist with a note for them. Sent with the client version the
 * page shows, so a handoff never lands on a client someone else just changed.
 */
export function HandOverDialog({
  opened,
  onClose,
  record,
}: {
  opened: boolean;
  onClose: () => void;
  record: Versioned<Client>;
}) {
  const client = record.value;
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const therapists = useQuery({
    queryKey: clientKeys.therapists,
    queryFn: ({ signal }) => listTherapists(signal),
    staleTime: 5 * 60_000,
    enabled: opened,
  });
  const form = useForm<HandoffForm>({
    mode: 'controlled',
    initialValues: blank,
    validate: zodResolver(HandoffInput),
  });
  const choices = (therapists.data ?? [])
    .filter((therapist) => therapist.id !== client.primaryTherapistId)
    .map((therapist) => ({ value: therapist.id, label: therapist.displayName }));

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const done = await handOffClient(client.id, HandoffInput.parse(values), record.etag);
      queryClient.setQueryData(clientKeys.one(client.id), done.client);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: handoffKeys.ofClient(client.id) }),
        queryClient.invalidateQueries({ queryKey: clientKeys.careTeam(client.id) }),
        queryClient.invalidateQueries({ queryKey: clientKeys.all, refetchType: 'none' }),
      ]);
      notifications.show({
        color: 'teal',
        message: `${displayName(client)} was handed over to ${done.handoff.toTherapistName ?? 'their new therapist'}.`,
      });
      close();
    } catch (error) {
      // Someone changed the client meanwhile: show their version, keep what was written here.
      const current =
        error instanceof ApiProblem && error.is('stale-version')
          ? Client.safeParse(error.extensions.current)
          : null;
      if (current?.success) {
        queryClient.setQueryData(clientKeys.one(client.id), {
          value: current.data,
          etag: versionTag(current.data.version),
        });
      }
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  const stale = failure?.error instanceof ApiProblem && failure.error.is('stale-version');

  return (
    <Modal opened={opened} onClose={close} title={`Hand over ${displayName(client)}`} size="lg">
      <form onSubmit={submit} noValidate aria-label="Handoff">
        <Stack gap="sm">
          {stale ? (
            <Alert color="orange" title="Not handed over" role="alert">
              This client was changed by someone else in the meantime. Their latest version is shown
              now; check it and hand over again. Your note is still here.
            </Alert>
          ) : (
            failure && <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />
          )}
          <Text size="sm">
            The therapist you choose becomes the primary therapist and joins the care team. They see
            this note the first time they open the client.
          </Text>
          <Select
            label="Hand over to"
            placeholder={therapists.isPending ? 'Loading therapists…' : 'Choose a therapist'}
            data={choices}
            searchable
            required
            nothingFoundMessage="No other therapist"
            data-autofocus
            {...form.getInputProps('toTherapistId')}
          />
          <Textarea
            label="Why is the client handed over?"
            required
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('reason')}
          />
          <Textarea
            label="What to continue"
            description="What has worked: techniques, pressure, products, home care."
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps('continueWith')}
          />
          <Textarea
            label="What to avoid"
            description="What did not help or left the client worse."
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps('avoid')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Hand over
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
