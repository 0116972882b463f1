import {
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import { InvitationCreate, invitationValidDays } from '../../../domain/invitations.js';
import type { Role } from '../../../domain/roles.js';
import { invitationKeys, inviteStaff, type CreatedInvitation } from '../../api/invitations.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { roleChoices, roleDescriptions } from './roleChoices.js';

interface InvitationForm {
  displayName: string;
  email: string;
  role: Role;
}

const blank: InvitationForm = { displayName: '', email: '', role: 'therapist' };

/**
 * Invites a new staff member: Palpate makes a one-time link and the person chooses their own
 * password, so the owner never knows it. The link is shown once, right after it is made.
 */
export function InviteStaffDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const form = useForm<InvitationForm>({
    mode: 'controlled',
    initialValues: blank,
    validate: zodResolver(InvitationCreate),
  });

  const close = () => {
    form.reset();
    setFailure(null);
    setCreated(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      setCreated(await inviteStaff(InvitationCreate.parse(values)));
      await queryClient.invalidateQueries({ queryKey: invitationKeys.all });
    } catch (error) {
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  return (
    <Modal opened={opened} onClose={close} title="Invite staff member" size="md">
      {created ? (
        <InvitationLink created={created} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {failure && <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />}
            <Text size="sm">
              Palpate makes a link for them to choose their own password. Every field is required.
            </Text>
            <TextInput
              label="Name"
              required
              data-autofocus
              autoComplete="off"
              {...form.getInputProps('displayName')}
            />
            <TextInput
              label="Email"
              description="They will sign in with this address."
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <Select
              label="Role"
              description={roleDescriptions}
              data={roleChoices}
              allowDeselect={false}
              required
              {...form.getInputProps('role')}
            />
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                Create invitation link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function InvitationLink({ created, onDone }: { created: CreatedInvitation; onDone: () => void }) {
  const { invitation, url } = created;
  return (
    <Stack gap="sm">
      <Alert color="teal" title="Invitation created" role="status">
        Send this link to {invitation.displayName} ({invitation.email}) privately, by email or text
        message. It is valid for {invitationValidDays} days and works once. It will not be shown
        again.
      </Alert>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label="Invitation link"
          value={url}
          readOnly
          style={{ flex: 1 }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'default'} onClick={copy}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end" mt="xs">
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
