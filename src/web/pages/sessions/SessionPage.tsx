import { Anchor, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { canCancel } from '../../../domain/sessions.js';
import { ApiProblem } from '../../api/client.js';
import { nameOf } from '../../api/catalogue.js';
import { fetchSessionRecord, sessionKeys } from '../../api/sessions.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { SessionStatusBadge } from '../../components/SessionStatusBadge.js';
import { formatDayOf, formatInstant, formatTimeSpan } from '../../format.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import {
  FrontDeskFollowUpLink,
  SessionFollowUpSection,
} from '../follow-ups/SessionFollowUpSection.js';
import { CancelSessionDialog } from './CancelSessionDialog.js';
import { SessionNote } from './SessionNote.js';

/** One session: when, who and what was booked, then its SOAP note and the client's follow-up. */
export function SessionPage() {
  const { id = '' } = useParams<{ id: string }>();
  const session = useSession();
  const timeZone = session.practice.timeZone;
  const record = useQuery({
    queryKey: sessionKeys.one(id),
    queryFn: ({ signal }) => fetchSessionRecord(id, signal),
  });
  const catalogue = useCatalogue();
  const [cancelling, cancelDialog] = useDisclosure(false);

  if (record.isPending) return <PageLoader />;
  if (record.isError) {
    const missing = record.error instanceof ApiProblem && record.error.status === 404;
    return (
      <>
        <PageHeading title={missing ? 'Session not found' : 'Session'} />
        {missing ? (
          <Text>
            There is no session at this address, or you may not see it.{' '}
            <Link href="/today">Back to today</Link>
          </Text>
        ) : (
          <LoadError error={record.error} onRetry={() => void record.refetch()} />
        )}
      </>
    );
  }

  const visit = record.data.value;
  const minutes = visit.actualMinutes ?? visit.plannedMinutes;
  const day = formatDayOf(visit.startsAt, timeZone);
  const facts = [
    `${day}, ${formatTimeSpan(visit.startsAt, minutes, timeZone)} (${minutes} min)`,
    nameOf(catalogue.data?.sessionTypes, visit.sessionType),
    `with ${visit.therapistName}`,
    visit.location,
  ].filter(Boolean);

  return (
    <>
      <Text size="sm" className="print-only">
        {session.practice.name} · printed {formatInstant(new Date().toISOString(), timeZone)} by{' '}
        {session.user.displayName}
      </Text>
      <PageHeading
        title={`Session with ${visit.clientName}`}
        tabTitle={`${visit.clientName}, ${day}`}
        actions={
          canCancel(visit.status) && (
            <Button variant="default" onClick={cancelDialog.open} className="no-print">
              Cancelled or no-show…
            </Button>
          )
        }
      >
        <Group gap="xs" mt={4} align="center">
          <SessionStatusBadge status={visit.status} />
          <Text size="sm">{facts.join(' · ')}</Text>
        </Group>
        <Text size="sm" mt={4} className="no-print">
          <Anchor component={Link} href={`/clients/${encodeURIComponent(visit.clientId)}`}>
            {visit.clientName}’s profile and earlier sessions
          </Anchor>
          {offers.clinicalNotes(session.user.role) && (
            <>
              {' · '}
              <Anchor component={Link} href={`/sessions/${encodeURIComponent(visit.id)}/briefing`}>
                Pre-session briefing
              </Anchor>
            </>
          )}
        </Text>
        {visit.statusReason && (
          <Text size="sm" mt={4}>
            Reason: {visit.statusReason}
          </Text>
        )}
      </PageHeading>
      <SessionNote visit={visit} />
      {offers.clinicalNotes(session.user.role) ? (
        <SessionFollowUpSection visit={visit} timeZone={timeZone} />
      ) : (
        <FrontDeskFollowUpLink visit={visit} timeZone={timeZone} />
      )}
      <CancelSessionDialog opened={cancelling} onClose={cancelDialog.close} visit={record.data} />
    </>
  );
}
