import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { displayName, type ClientSummary } from '../../../domain/clients.js';
import { formatCalendarDate } from '../../format.js';

/**
 * Each row opens the client's profile on click; the name is a real link, so Tab and Enter
 * work and the browser's "open in new tab" does too.
 */
export function ClientTable({
  clients,
  showStatus,
}: {
  clients: ClientSummary[];
  showStatus: boolean;
}) {
  const [, navigate] = useLocation();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Email
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => {
            const href = `/clients/${encodeURIComponent(client.id)}`;
            const name = displayName(client);
            const legalName = `${client.legalFirstName} ${client.legalLastName}`;
            return (
              <Table.Tr
                key={client.id}
                className="clickable-row"
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('a')) return;
                  navigate(href);
                }}
              >
                <Table.Td>
                  <Anchor component={Link} href={href} fw={600} underline="hover">
                    {name}
                  </Anchor>
                  {showStatus && client.status === 'archived' && (
                    <Badge ml="xs" size="sm" color="gray" variant="light">
                      Archived
                    </Badge>
                  )}
                  {legalName !== name && (
                    <Text size="xs" c="dimmed">
                      Legal name: {legalName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatCalendarDate(client.dateOfBirth)}</Table.Td>
                <Table.Td>{client.phone}</Table.Td>
                <Table.Td visibleFrom="md">{client.email}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
