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
    <Table.ScrollContainer minWidth={280}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              Date of birth
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              Phone
            </Table.Th>
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
                  {/* A phone has no room for three columns: birth date and phone go under the name. */}
                  {(client.dateOfBirth ?? client.phone) && (
                    <Text size="sm" hiddenFrom="sm">
                      {[
                        client.dateOfBirth && `Born ${formatCalendarDate(client.dateOfBirth)}`,
                        client.phone,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                {/* A date or number broken over two lines is hard to read at a glance. */}
                <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatCalendarDate(client.dateOfBirth)}
                </Table.Td>
                <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                  {client.phone}
                </Table.Td>
                <Table.Td visibleFrom="md">{client.email}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
