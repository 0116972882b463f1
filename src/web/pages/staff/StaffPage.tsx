import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StaffMember } from '../../../domain/staff.js';
import { listStaff, staffKeys, updateStaff } from '../../api/staff.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { AddStaffDialog } from './AddStaffDialog.js';
import { EditStaffDialog } from './EditStaffDialog.js';
import { InviteStaffDialog } from './InviteStaffDialog.js';
import { PendingInvitations } from './PendingInvitations.js';
import { StaffTable } from './StaffTable.js';

export function StaffPage() {
  const session = useSession();
  if (!offers.staffAdmin(session.user.role)) {
    return <NotAllowed title="Staff" reason="Only the practice owner manages staff accounts." />;
  }
  return <StaffAdministration currentUserId={session.user.id} />;
}

function StaffAdministration({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [deactivating, setDeactivating] = useState<StaffMember | null>(null);
  const staff = useQuery({ queryKey: staffKeys.all, queryFn: ({ signal }) => listStaff(signal) });

  const setStatus = useMutation({
    mutationFn: ({ member, status }: { member: StaffMember; status: StaffMember['status'] }) =>
      updateStaff(member, { displayName: member.displayName, role: member.role, status }),
    onSuccess: async (saved) => {
      setDeactivating(null);
      notifications.show({
        color: 'teal',
        message:
          saved.status === 'active'
            ? `${saved.displayName} can sign in again.`
            : `${saved.displayName} was deactivated and signed out.`,
      });
      await queryClient.invalidateQueries({ queryKey: staffKeys.all });
    },
    onError: () => setDeactivating(null),
  });

  return (
    <>
      <PageHeading
        title="Staff"
        actions={
          <>
            <Button onClick={() => setInviting(true)}>Invite staff member</Button>
            <Button variant="default" onClick={() => setAdding(true)}>
              Add staff member
            </Button>
          </>
        }
      />
      {setStatus.error && <ProblemAlert error={setStatus.error} />}
      {staff.isPending && <PageLoader />}
      {staff.isError && <LoadError error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && (
        <StaffTable
          staff={staff.data}
          currentUserId={currentUserId}
          onEdit={setEditing}
          onDeactivate={setDeactivating}
          onReactivate={(member) => setStatus.mutate({ member, status: 'active' })}
          busyId={setStatus.isPending ? (setStatus.variables?.member.id ?? null) : null}
        />
      )}
      <PendingInvitations />
      <InviteStaffDialog opened={inviting} onClose={() => setInviting(false)} />
      <AddStaffDialog opened={adding} onClose={() => setAdding(false)} />
      {editing && (
        <EditStaffDialog key={editing.id} member={editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={deactivating !== null}
        title={`Deactivate ${deactivating?.displayName ?? ''}?`}
        confirmLabel="Deactivate"
        danger
        busy={setStatus.isPending}
        onCancel={() => setDeactivating(null)}
        onConfirm={() =>
          deactivating && setStatus.mutate({ member: deactivating, status: 'deactivated' })
        }
      >
        They will be signed out at once and can no longer sign in. Their notes and the audit trail
        are kept. You can reactivate the account later.
      </ConfirmDialog>
    </>
  );
}
