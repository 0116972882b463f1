import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { acknowledgeHandoff, fetchHandoffs, handoffKeys } from '../../../api/handoffs.js';
import { fetchTimeline, sessionKeys } from '../../../api/sessions.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { formatInstant } from '../../../format.js';
import { briefingPath, briefingSessionId } from './briefing.js';
import { HandoffNote, handoffPeople } from './HandoffNote.js';

/**
 * The handoff a therapist has just received, at the top of the client's chart until they say
 * they have read it: why the client moves, what to continue, what to avoid, and the way to the
 * briefing. Acknowledging is recorded; the note stays in the chart's list of handoffs.
 */
export function HandoffCard({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const queryClient = useQueryClient();
  const handoffs = useQuery({
    queryKey: handoffKeys.ofClient(clientId),
    queryFn: ({ signal }) => fetchHandoffs(clientId, signal),
  });
  const handoff = handoffs.data?.awaitingYou;
  // The first page of the timeline holds the sessions nearest now, the ones a briefing is for.
  const sessions = useQuery({
    queryKey: [...sessionKeys.timeline(clientId), 'briefing'],
    queryFn: ({ signal }) => fetchTimeline(clientId, undefined, signal),
    enabled: Boolean(handoff),
  });
  const briefingFor = sessions.data
    ? briefingSessionId(
        sessions.data.entries.map((entry) => entry.session),
        new Date(),
      )
    : null;
  const acknowledge = useMutation({
    mutationFn: (handoffId: string) => acknowledgeHandoff(clientId, handoffId),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Handoff acknowledged.' });
      await queryClient.invalidateQueries({ queryKey: handoffKeys.ofClient(clientId) });
    },
  });

  if (!handoff) return null;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="handoff-awaiting"
      style={{
        borderColor: 'var(--mantine-color-blue-6)',
        borderWidth: 2,
        background: 'var(--mantine-color-blue-0)',
      }}
    >
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="handoff-awaiting">
            Handed over to you
          </Title>
          <Text size="sm">
            {handoff.handedOffByName ?? 'A former staff member'} handed this client over{' '}
            {handoffPeople(handoff)} on {formatInstant(handoff.handedOffAt, timeZone)}.
          </Text>
        </div>
        <HandoffNote handoff={handoff} />
        {acknowledge.error && <ProblemAlert error={acknowledge.error} />}
        <Group gap="sm">
          <Button loading={acknowledge.isPending} onClick={() => acknowledge.mutate(handoff.id)}>
            I have read this handoff
          </Button>
          {briefingFor ? (
            <Button variant="default" component={Link} href={briefingPath(briefingFor)}>
              Open the briefing
            </Button>
          ) : (
            sessions.data && (
              <Text size="sm">The briefing opens with the client’s next session, once booked.</Text>
            )
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
