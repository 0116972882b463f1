import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { nameOf } from '../../api/catalogue.js';
import { listSessions, sessionKeys } from '../../api/sessions.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { SessionRow } from '../../components/SessionRow.js';
import { formatWeekday, startOfDayIn, todayIn } from '../../format.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { BookSessionDialog } from '../schedule/BookSessionDialog.js';
import { FollowUpsNeedingAttention } from '../follow-ups/FollowUpsNeedingAttention.js';
import { MissingFollowUps } from '../follow-ups/MissingFollowUps.js';
import { UnsignedNotes } from './UnsignedNotes.js';

/**
 * The landing page: today's sessions; for clinicians, follow-ups that reported a reaction,
 * the notes still waiting for a signature, and recent sessions without a follow-up.
 */
export function TodayPage() {
  const session = useSession();
  const timeZone = session.practice.timeZone;
  const clinician = offers.clinicalNotes(session.user.role);
  const today = todayIn(timeZone);
  const range = {
    from: startOfDayIn(today, timeZone),
    to: startOfDayIn(today, timeZone, true),
    // Front desk runs the whole practice's day; a clinician sees their own.
    therapistId: clinician ? session.user.id : undefined,
  };
  const sessions = useQuery({
    queryKey: sessionKeys.range(range.from, range.to, range.therapistId),
    queryFn: ({ signal }) => listSessions(range, signal),
  });
  const catalogue = useCatalogue();
  const [booking, bookingDialog] = useDisclosure(false);

  return (
    <>
      <PageHeading
        title="Today"
        actions={<Button onClick={bookingDialog.open}>Book session</Button>}
      >
        <Text c="dimmed">{formatWeekday(today)}</Text>
      </PageHeading>
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="today-sessions">
          <Title order={2} size="h4" id="today-sessions" mb="sm">
            {clinician ? 'Your sessions today' : 'Sessions today'}
          </Title>
          {sessions.isPending && <PageLoader />}
          {sessions.isError && (
            <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
          )}
          {sessions.data?.length === 0 && <Text>No sessions booked for today.</Text>}
          {sessions.data && sessions.data.length > 0 && (
            <ul className="plain-list">
              {sessions.data.map((entry) => (
                <li key={entry.id}>
                  <SessionRow
                    session={entry}
                    typeName={nameOf(catalogue.data?.sessionTypes, entry.sessionType)}
                    timeZone={timeZone}
                    showTherapist={!clinician}
                  />
                </li>
              ))}
            </ul>
          )}
        </Paper>
        {clinician && <FollowUpsNeedingAttention timeZone={timeZone} />}
        {clinician && <UnsignedNotes timeZone={timeZone} />}
        {clinician && <MissingFollowUps timeZone={timeZone} />}
      </Stack>
      <BookSessionDialog opened={booking} onClose={bookingDialog.close} date={today} />
    </>
  );
}
