import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { AuditEventView } from '../../../domain/audit.js';
import { roleLabels, Role } from '../../../domain/roles.js';
import { formatInstant } from '../../format.js';

const outcomeColors: Record<AuditEventView['outcome'], string> = {
  success: 'teal',
  denied: 'orange',
  failed: 'red',
};

function roleLabel(role: string | null): string {
  const known = Role.safeParse(role);
  return known.success ? roleLabels[known.data] : (role ?? '');
}

function describeDetail(detail: AuditEventView['detail']): string {
  if (detail === null) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

export function AuditTable({ events, timeZone }: { events: AuditEventView[]; timeZone: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" fz="sm" aria-label="Audit events" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Client</Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              Details
            </Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              From
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>{formatInstant(event.at, timeZone, true)}</Table.Td>
              <Table.Td>
                {event.userName ?? (event.userId ? 'Unknown account' : 'Nobody signed in')}
                {event.role && (
                  <Text span size="xs" c="dimmed" display="block">
                    {roleLabel(event.role)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{event.action}</Code>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={outcomeColors[event.outcome]}>
                  {event.outcome}
                </Badge>
              </Table.Td>
              <Table.Td>
                {event.clientId && (
                  <Anchor
                    component={Link}
                    href={`/clients/${encodeURIComponent(event.clientId)}`}
                    title={event.clientId}
                  >
                    {event.clientId.slice(0, 8)}…
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td visibleFrom="lg">{describeDetail(event.detail)}</Table.Td>
              <Table.Td visibleFrom="lg">{event.ip}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
