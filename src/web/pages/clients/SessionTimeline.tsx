import { Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { bodyRegion } from '../../../domain/body-regions.js';
import { followUpRefusal } from '../../../domain/follow-ups.js';
import { nameOf } from '../../api/catalogue.js';
import { fetchTimeline, sessionKeys, type TimelineEntry } from '../../api/sessions.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { SessionStatusBadge } from '../../components/SessionStatusBadge.js';
import { formatInstant, todayIn } from '../../format.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { FollowUpFlagBadge } from '../follow-ups/AcknowledgeFollowUp.js';
import { FollowUpLine } from '../follow-ups/FollowUpLine.js';
import { SendFollowUpLink } from '../follow-ups/SendFollowUpLink.js';
import { useClientFollowUps } from '../follow-ups/useClientFollowUps.js';
import { BookSessionDialog } from '../schedule/BookSessionDialog.js';

/** "Pain 6 → 3": pain before and after, as far as they were recorded. */
function painChange({ painBefore, painAfter }: TimelineEntry): string | null {
  if (painBefore !== null && painAfter !== null) return `Pain ${painBefore} → ${painAfter}`;
  if (painBefore !== null) return `Pain before ${painBefore}`;
  if (painAfter !== null) return `Pain after ${painAfter}`;
  return null;
}

/** A follow-up link is offered on rows of the last week, as the missing follow-ups list is. */
const followUpWindowMs = 7 * 86_400_000;

/** A client's sessions, newest first, a page at a time; each opens its session. */
export function SessionTimeline({
  clientId,
  clientName,
}: {
  clientId: string;
  clientName: string;
}) {
  const session = useSession();
  const timeZone = session.practice.timeZone;
  const catalogue = useCatalogue();
  const [booking, bookingDialog] = useDisclosure(false);
  const timeline = useInfiniteQuery({
    queryKey: sessionKeys.timeline(clientId),
    queryFn: ({ pageParam, signal }) => fetchTimeline(clientId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const entries = timeline.data?.pages.flatMap((page) => page.entries) ?? [];
  const clinician = offers.clinicalNotes(session.user.role);
  const followUps = useClientFollowUps(clientId, clinician);
  const now = new Date();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-sessions">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="client-sessions">
          Sessions
        </Title>
        <Button variant="default" onClick={bookingDialog.open}>
          Book session
        </Button>
      </Group>
      {timeline.isPending && <PageLoader />}
      {timeline.isError && (
        <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />
      )}
      {timeline.data && entries.length === 0 && <Text size="sm">No sessions yet.</Text>}
      {entries.length > 0 && (
        <ul className="plain-list">
          {entries.map((entry) => {
            const techniques = entry.techniques.map((code) =>
              nameOf(catalogue.data?.techniques, code),
            );
            const regions = entry.regions.map((code) => bodyRegion(code)?.label ?? code);
            const pain = painChange(entry);
            const followUp = followUps.bySession.get(entry.session.id);
            const offerLink =
              clinician &&
              followUps.isSuccess &&
              !followUp &&
              followUpRefusal(entry.session, now) === null &&
              now.getTime() - Date.parse(entry.session.startsAt) < followUpWindowMs;
            return (
              <li key={entry.session.id}>
                <UnstyledButton
                  component={Link}
                  href={`/sessions/${encodeURIComponent(entry.session.id)}`}
                  className="session-row"
                >
                  <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                    <Stack gap={2} miw={0}>
                      <Text fw={600}>{formatInstant(entry.session.startsAt, timeZone)}</Text>
                      <Text size="sm">
                        {[
                          nameOf(catalogue.data?.sessionTypes, entry.session.sessionType),
                          entry.session.therapistName,
                          pain,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {techniques.length > 0 && (
                        <Text size="sm" c="dimmed">
                          Techniques: {techniques.join(', ')}
                        </Text>
                      )}
                      {regions.length > 0 && (
                        <Text size="sm" c="dimmed">
                          Regions: {regions.join('; ')}
                        </Text>
                      )}
                      {followUp && <FollowUpLine followUp={followUp} />}
                    </Stack>
                    <Stack gap={4} align="flex-end">
                      <SessionStatusBadge status={entry.session.status} />
                      {entry.healthHistoryChanged && (
                        <Badge color="orange" variant="light">
                          Health history changed
                        </Badge>
                      )}
                      {followUp && <FollowUpFlagBadge followUp={followUp} />}
                    </Stack>
                  </Group>
                </UnstyledButton>
                {offerLink && (
                  <Group gap="xs" px="sm" pb="xs">
                    <Text size="sm" c="dimmed">
                      No follow-up yet.
                    </Text>
                    <SendFollowUpLink
                      clientId={clientId}
                      sessionId={entry.session.id}
                      timeZone={timeZone}
                      compact
                    />
                  </Group>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {timeline.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            loading={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            Load more sessions
          </Button>
        </Group>
      )}
      <BookSessionDialog
        opened={booking}
        onClose={bookingDialog.close}
        client={{ id: clientId, name: clientName }}
        date={todayIn(timeZone)}
      />
    </Paper>
  );
}
