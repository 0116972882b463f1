import { Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StaffInvitation } from '../../../domain/invitations.js';
import { roleLabels } from '../../../domain/roles.js';
import { invitationKeys, listInvitations, revokeInvitation } from '../../api/invitations.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatInstant } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';

/** Invitations nobody has used yet; accepted, expired and revoked ones need no action. */
export function PendingInvitations() {
  const { practice } = useSession();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<StaffInvitation | null>(null);
  const invitations = useQuery({
    queryKey: invitationKeys.all,
    queryFn: ({ signal }) => listInvitations(signal),
  });
  const revoke = useMutation({
    mutationFn: (invitation: StaffInvitation) => revokeInvitation(invitation.id),
    onSuccess: (_, invitation) => {
      notifications.show({
        color: 'teal',
        message: `The invitation for ${invitation.displayName} was revoked. Its link no longer works.`,
      });
    },
    onSettled: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: invitationKeys.all });
    },
  });

  const pending = (invitations.data ?? []).filter((invitation) => invitation.status === 'pending');
  if (!invitations.isError && pending.length === 0) return null;

  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="pending-invitations">
      <Title order={2} size="h3" id="pending-invitations" mb="xs">
        Pending invitations
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        People who have been invited but have not chosen a password yet.
      </Text>
      {invitations.isError && (
        <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
      )}
      {revoke.error && <ProblemAlert error={revoke.error} />}
      {pending.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" aria-label="Pending invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Link expires</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {invitation.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {invitation.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{roleLabels[invitation.role]}</Table.Td>
                  <Table.Td>{formatInstant(invitation.expiresAt, practice.timeZone)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Revoke the invitation for ${invitation.displayName}`}
                      onClick={() => setRevoking(invitation)}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={`Revoke the invitation for ${revoking?.displayName ?? ''}?`}
        confirmLabel="Revoke invitation"
        danger
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        The link stops working at once. You can invite them again later.
      </ConfirmDialog>
    </Paper>
  );
}
