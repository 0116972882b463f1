import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'wouter';
import type { Session } from '../../domain/sessions.js';
import { formatTimeSpan } from '../format.js';
import { SessionStatusBadge } from './SessionStatusBadge.js';

/**
 * One session in a day's list: the whole row is a link to the session, so one click or Enter
 * opens its note.
 */
export function SessionRow({
  session,
  typeName,
  timeZone,
  showTherapist = false,
}: {
  session: Session;
  typeName: string;
  timeZone: string;
  showTherapist?: boolean;
}) {
  const minutes = session.actualMinutes ?? session.plannedMinutes;
  const details = [typeName, showTherapist ? session.therapistName : null, session.location]
    .filter(Boolean)
    .join(' · ');
  return (
    <UnstyledButton
      component={Link}
      href={`/sessions/${encodeURIComponent(session.id)}`}
      className="session-row"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" align="center">
        <Group gap="md" wrap="nowrap" align="center" miw={0}>
          <Text fw={700} size="sm" className="session-row-time">
            {formatTimeSpan(session.startsAt, minutes, timeZone)}
          </Text>
          <Stack gap={0} miw={0}>
            <Text fw={600} truncate="end">
              {session.clientName}
            </Text>
            <Text size="sm" c="dimmed" truncate="end">
              {details}
            </Text>
          </Stack>
        </Group>
        <SessionStatusBadge status={session.status} />
      </Group>
    </UnstyledButton>
  );
}
