import { Stack, Text } from '@mantine/core';
import type { Handoff } from '../../../../domain/handoffs.js';

/** The three parts of a handoff note, each under its own label; empty parts are left out. */
export function HandoffNote({ handoff }: { handoff: Handoff }) {
  const parts = [
    { label: 'Why', text: handoff.reason },
    { label: 'Continue', text: handoff.continueWith },
    { label: 'Avoid', text: handoff.avoid },
  ];
  return (
    <Stack gap={6}>
      {parts.map(
        (part) =>
          part.text && (
            <div key={part.label}>
              <Text size="sm" fw={600}>
                {part.label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {part.text}
              </Text>
            </div>
          ),
      )}
    </Stack>
  );
}

/** "from Maya Chen to Sam Lee", as the chart and the card say it. */
export function handoffPeople(handoff: Handoff): string {
  const to = handoff.toTherapistName ?? 'a former staff member';
  return handoff.fromTherapistId === null
    ? `to ${to}`
    : `from ${handoff.fromTherapistName ?? 'a former staff member'} to ${to}`;
}
