import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import type { Role } from '../../../domain/roles.js';
import { StaffCreate } from '../../../domain/staff.js';
import { createStaff, staffKeys } from '../../api/staff.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { roleChoices, roleDescriptions } from './roleChoices.js';

interface StaffCreateForm {
  displayName: string;
  email: string;
  role: Role;
  password: string;
}

const blank: StaffCreateForm = { displayName: '', email: '', role: 'therapist', password: '' };

export function AddStaffDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const form = useForm<StaffCreateForm>({
    mode: 'controlled',
    initialValues: blank,
    validate: zodResolver(StaffCreate),
  });

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const member = await createStaff(StaffCreate.parse(values));
      await queryClient.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({
        color: 'teal',
        message: `${member.displayName} was added. Give them their password privately.`,
      });
      close();
    } catch (error) {
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  return (
    <Modal opened={opened} onClose={close} title="Add staff member" size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {failure && <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />}
          <Text size="sm">Every field is required.</Text>
          <TextInput label="Name" required data-autofocus {...form.getInputProps('displayName')} />
          <TextInput
            label="Email"
            description="They sign in with this address."
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
          <PasswordInput
            label="First password"
            description="At least 10 characters. Tell it to them privately."
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Add staff member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
