import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import type { Role } from '../../../domain/roles.js';
import { StaffUpdate, type StaffMember } from '../../../domain/staff.js';
import { ApiProblem } from '../../api/client.js';
import { staffKeys, updateStaff } from '../../api/staff.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { StaleNotice } from '../../components/StaleNotice.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { roleChoices, roleDescriptions } from './roleChoices.js';

interface StaffEditForm {
  displayName: string;
  role: Role;
  status: StaffMember['status'];
}

export function EditStaffDialog({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const form = useForm<StaffEditForm>({
    mode: 'controlled',
    initialValues: { displayName: member.displayName, role: member.role, status: member.status },
    validate: zodResolver(StaffUpdate),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await updateStaff(member, StaffUpdate.parse(values));
      await queryClient.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({ color: 'teal', message: `${saved.displayName} was updated.` });
      onClose();
    } catch (error) {
      if (error instanceof ApiProblem && error.is('stale-version')) {
        await queryClient.invalidateQueries({ queryKey: staffKeys.all });
      }
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  const stale = failure?.error instanceof ApiProblem && failure.error.is('stale-version');

  return (
    <Modal opened onClose={onClose} title={`Edit ${member.displayName}`} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {failure &&
            (stale ? (
              <StaleNotice>
                This account was changed by someone else while you were editing. Your changes were
                not saved. Close this window to see their version, then edit again.
              </StaleNotice>
            ) : (
              <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />
            ))}
          <TextInput label="Name" required data-autofocus {...form.getInputProps('displayName')} />
          <Select
            label="Role"
            description={roleDescriptions}
            data={roleChoices}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting} disabled={stale}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
