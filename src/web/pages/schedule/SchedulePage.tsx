import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'wouter';
import type { Session } from '../../../domain/sessions.js';
import { localDate } from '../../../domain/time.js';
import { nameOf } from '../../api/catalogue.js';
import { clientKeys, listTherapists } from '../../api/clients.js';
import { listSessions, sessionKeys } from '../../api/sessions.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { SessionRow } from '../../components/SessionRow.js';
import {
  addDays,
  formatCalendarDate,
  formatWeekday,
  mondayOf,
  startOfDayIn,
  todayIn,
} from '../../format.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { BookSessionDialog } from './BookSessionDialog.js';

const everyone = 'everyone';
const isDate = (value: string | null): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** A week of sessions, Monday to Sunday, for one therapist or everyone. */
export function SchedulePage() {
  const session = useSession();
  const timeZone = session.practice.timeZone;
  const today = todayIn(timeZone);
  const [params, setParams] = useSearchParams();
  const week = mondayOf(isDate(params.get('week')) ? (params.get('week') as string) : today);
  const defaultTherapist = offers.clinicalNotes(session.user.role) ? session.user.id : everyone;
  const therapist = params.get('therapist') ?? defaultTherapist;
  const therapistId = therapist === everyone ? undefined : therapist;

  const change = (changes: Record<string, string>) =>
    setParams((previous) => ({ ...Object.fromEntries(previous), ...changes }), { replace: true });

  const range = {
    from: startOfDayIn(week, timeZone),
    to: startOfDayIn(addDays(week, 7), timeZone),
    therapistId,
  };
  const sessions = useQuery({
    queryKey: sessionKeys.range(range.from, range.to, therapistId),
    queryFn: ({ signal }) => listSessions(range, signal),
    placeholderData: keepPreviousData,
  });
  const therapists = useQuery({
    queryKey: clientKeys.therapists,
    queryFn: ({ signal }) => listTherapists(signal),
    staleTime: 5 * 60_000,
  });
  const catalogue = useCatalogue();
  const [booking, bookingDialog] = useDisclosure(false);

  const days = Array.from({ length: 7 }, (_, index) => addDays(week, index));
  const byDay = new Map<string, Session[]>();
  for (const entry of sessions.data ?? []) {
    const day = localDate(new Date(entry.startsAt), timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  }

  return (
    <>
      <PageHeading
        title="Schedule"
        actions={<Button onClick={bookingDialog.open}>Book session</Button>}
      >
        <Text c="dimmed">
          Week of {formatCalendarDate(week)} to {formatCalendarDate(addDays(week, 6))}
        </Text>
      </PageHeading>
      <Stack gap="md">
        <Group align="flex-end" gap="sm" justify="space-between">
          <Select
            label="Therapist"
            data={[
              { value: everyone, label: 'All therapists' },
              ...(therapists.data ?? []).map((entry) => ({
                value: entry.id,
                label: entry.displayName,
              })),
            ]}
            value={therapist}
            onChange={(value) => change({ therapist: value ?? everyone })}
            allowDeselect={false}
            style={{ flex: '1 1 220px', maxWidth: 320 }}
          />
          <Group gap="xs" component="nav" aria-label="Weeks">
            <Button variant="default" onClick={() => change({ week: addDays(week, -7) })}>
              Previous week
            </Button>
            <Button
              variant="default"
              onClick={() => change({ week: mondayOf(today) })}
              disabled={week === mondayOf(today)}
            >
              This week
            </Button>
            <Button variant="default" onClick={() => change({ week: addDays(week, 7) })}>
              Next week
            </Button>
          </Group>
        </Group>
        {sessions.isPending && <PageLoader />}
        {sessions.isError && (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        )}
        {sessions.data &&
          days.map((day) => {
            const daySessions = byDay.get(day) ?? [];
            const headingId = `day-${day}`;
            return (
              <Paper key={day} withBorder p="md" component="section" aria-labelledby={headingId}>
                <Title order={2} size="h4" id={headingId} mb="xs">
                  {formatWeekday(day)}
                  {day === today ? ' (today)' : ''}
                </Title>
                {daySessions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No sessions.
                  </Text>
                ) : (
                  <ul className="plain-list">
                    {daySessions.map((entry) => (
                      <li key={entry.id}>
                        <SessionRow
                          session={entry}
                          typeName={nameOf(catalogue.data?.sessionTypes, entry.sessionType)}
                          timeZone={timeZone}
                          showTherapist={therapistId === undefined}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </Paper>
            );
          })}
      </Stack>
      <BookSessionDialog
        opened={booking}
        onClose={bookingDialog.close}
        therapistId={therapistId}
        date={week === mondayOf(today) ? today : week}
      />
    </>
  );
}
