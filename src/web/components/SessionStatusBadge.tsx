import { Badge } from '@mantine/core';
import type { SessionStatus } from '../../domain/sessions.js';

export const sessionStatusLabels: Record<SessionStatus, string> = {
  booked: 'Booked',
  in_progress: 'Draft note',
  signed: 'Signed',
  amended: 'Signed, amended',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

const statusColours: Record<SessionStatus, string> = {
  booked: 'blue',
  in_progress: 'orange',
  signed: 'teal',
  amended: 'teal',
  cancelled: 'gray',
  no_show: 'red',
};

/** A session's status in words; the colour only repeats what the words say. */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return (
    <Badge color={statusColours[status]} variant="light" style={{ flexShrink: 0 }}>
      {sessionStatusLabels[status]}
    </Badge>
  );
}
