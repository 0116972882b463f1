import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { roleLabels } from '../../../domain/roles.js';
import type { StaffMember } from '../../../domain/staff.js';
import { formatInstant } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';

export function StaffTable({
  staff,
  currentUserId,
  onEdit,
  onDeactivate,
  onReactivate,
  busyId,
}: {
  staff: StaffMember[];
  currentUserId: string;
  onEdit: (member: StaffMember) => void;
  onDeactivate: (member: StaffMember) => void;
  onReactivate: (member: StaffMember) => void;
  busyId: string | null;
}) {
  const { practice } = useSession();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="sm" aria-label="Staff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Last sign-in
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => {
            const active = member.status === 'active';
            const isMe = member.id === currentUserId;
            return (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {member.displayName}
                    {isMe && ' (you)'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>{roleLabels[member.role]}</Table.Td>
                <Table.Td>
                  <Badge
                    color={active ? 'teal' : 'gray'}
                    variant={active ? 'light' : 'outline'}
                    styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                  >
                    {active ? 'Active' : 'Deactivated'}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  {member.lastLoginAt
                    ? formatInstant(member.lastLoginAt, practice.timeZone)
                    : 'Never'}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${member.displayName}`}
                      onClick={() => onEdit(member)}
                    >
                      Edit
                    </Button>
                    {active ? (
                      !isMe && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Deactivate ${member.displayName}`}
                          onClick={() => onDeactivate(member)}
                        >
                          Deactivate
                        </Button>
                      )
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Reactivate ${member.displayName}`}
                        loading={busyId === member.id}
                        onClick={() => onReactivate(member)}
                      >
                        Reactivate
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
