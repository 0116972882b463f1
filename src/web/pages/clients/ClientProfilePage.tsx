import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { Client, displayName } from '../../../domain/clients.js';
import { ApiProblem, versionTag, type Versioned } from '../../api/client.js';
import {
  archiveClient,
  clientKeys,
  fetchClient,
  listTherapists,
  restoreClient,
} from '../../api/clients.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { ClientSafetyBanner } from '../../components/safety/ClientSafetyBanner.js';
import { IntakeSection } from '../intake/IntakeSection.js';
import { ClientFollowUpFlags } from '../follow-ups/ClientFollowUpFlags.js';
import { HealthHistoryCard } from '../health-history/HealthHistoryCard.js';
import { GoalsPlanSection } from '../outcomes/GoalsPlanSection.js';
import { CareTeamSection } from './CareTeamSection.js';
import { ClientDetails } from './ClientDetails.js';
import { ConsentSection } from './consent/ConsentSection.js';
import { ExternalHistorySection } from './ExternalHistorySection.js';
import { HandoffCard } from './handoffs/HandoffCard.js';
import { HandoffHistory } from './handoffs/HandoffHistory.js';
import { HandOverDialog } from './handoffs/HandOverDialog.js';
import { RecordExportActions } from './export/RecordExportActions.js';
import { ReflectionsPanel } from './ReflectionsPanel.js';
import { SessionTimeline } from './SessionTimeline.js';
import { WhatWorksSection } from './WhatWorksSection.js';

export function ClientProfilePage() {
  const { id = '' } = useParams<{ id: string }>();
  const session = useSession();
  const queryClient = useQueryClient();
  const [handingOver, setHandingOver] = useState(false);
  const record = useQuery({
    queryKey: clientKeys.one(id),
    queryFn: ({ signal }) => fetchClient(id, signal),
  });
  const therapists = useQuery({
    queryKey: clientKeys.therapists,
    queryFn: ({ signal }) => listTherapists(signal),
    staleTime: 5 * 60_000,
  });

  const changeStatus = useMutation({
    mutationFn: ({ value, etag }: Versioned<Client>) =>
      value.status === 'active' ? archiveClient(value.id, etag) : restoreClient(value.id, etag),
    onSuccess: async (saved) => {
      queryClient.setQueryData(clientKeys.one(id), saved);
      await queryClient.invalidateQueries({ queryKey: clientKeys.all, refetchType: 'none' });
      notifications.show({
        color: 'teal',
        message:
          saved.value.status === 'archived'
            ? `${displayName(saved.value)} was archived. Their record is kept.`
            : `${displayName(saved.value)} is active again.`,
      });
    },
    onError: (error) => {
      // Someone else changed the client first: show their version rather than act on an old one.
      const current =
        error instanceof ApiProblem ? Client.safeParse(error.extensions.current) : null;
      if (current?.success) {
        queryClient.setQueryData(clientKeys.one(id), {
          value: current.data,
          etag: versionTag(current.data.version),
        });
      }
    },
  });

  if (record.isPending) return <PageLoader />;
  if (record.isError) {
    const missing = record.error instanceof ApiProblem && record.error.status === 404;
    return (
      <>
        <PageHeading title={missing ? 'Client not found' : 'Client'} />
        {missing ? (
          <Text>
            There is no client at this address, or you may not see them.{' '}
            <Link href="/clients">Back to clients</Link>
          </Text>
        ) : (
          <LoadError error={record.error} onRetry={() => void record.refetch()} />
        )}
      </>
    );
  }

  const client = record.data.value;
  const archived = client.status === 'archived';
  const therapist = client.primaryTherapistId
    ? (therapists.data?.find((candidate) => candidate.id === client.primaryTherapistId)
        ?.displayName ?? (therapists.isPending ? '…' : 'A former staff member'))
    : null;
  const staleError =
    changeStatus.error instanceof ApiProblem && changeStatus.error.is('stale-version');

  return (
    <>
      <PageHeading
        title={displayName(client)}
        tabTitle={displayName(client)}
        actions={
          <>
            <Button component={Link} href={`/clients/${encodeURIComponent(client.id)}/edit`}>
              Edit
            </Button>
            {offers.clinicalNotes(session.user.role) && (
              <Button
                variant="default"
                component={Link}
                href={`/clients/${encodeURIComponent(client.id)}/progress`}
              >
                Progress
              </Button>
            )}
            {!archived &&
              offers.handOver(session.user.role, client.primaryTherapistId === session.user.id) && (
                <Button variant="default" onClick={() => setHandingOver(true)}>
                  Hand over
                </Button>
              )}
            <RecordExportActions clientId={client.id} clientName={displayName(client)} />
            {offers.archiveClient(session.user.role) && (
              <Button
                variant="default"
                loading={changeStatus.isPending}
                onClick={() => changeStatus.mutate(record.data)}
              >
                {archived ? 'Restore' : 'Archive'}
              </Button>
            )}
          </>
        }
      >
        <Group gap="xs" mt={4}>
          <Badge color={archived ? 'gray' : 'teal'} variant={archived ? 'outline' : 'light'}>
            {archived ? 'Archived' : 'Active'}
          </Badge>
          {client.pronouns && (
            <Text size="sm" c="dimmed">
              {client.pronouns}
            </Text>
          )}
        </Group>
      </PageHeading>
      <HandOverDialog
        opened={handingOver}
        onClose={() => setHandingOver(false)}
        record={record.data}
      />
      <Stack gap="md">
        {offers.clinicalNotes(session.user.role) && (
          <HandoffCard clientId={client.id} timeZone={session.practice.timeZone} />
        )}
        {offers.clinicalNotes(session.user.role) && <ClientSafetyBanner clientId={client.id} />}
        {offers.clinicalNotes(session.user.role) && (
          <ClientFollowUpFlags clientId={client.id} timeZone={session.practice.timeZone} />
        )}
        {staleError && (
          <Alert color="orange" title="Not changed" role="alert">
            This client was changed by someone else in the meantime. Their latest version is shown
            now; check it and try again.
          </Alert>
        )}
        {changeStatus.error && !staleError && <ProblemAlert error={changeStatus.error} />}
        {archived && (
          <Text size="sm">
            Archived clients are hidden from the client list. Their records are kept; restore the
            client to see them there again.
          </Text>
        )}
        {offers.clinicalNotes(session.user.role) && (
          <HealthHistoryCard clientId={client.id} timeZone={session.practice.timeZone} />
        )}
        {!archived && (
          <GoalsPlanSection
            clientId={client.id}
            clinical={offers.clinicalNotes(session.user.role)}
            timeZone={session.practice.timeZone}
          />
        )}
        <SessionTimeline clientId={client.id} clientName={displayName(client)} />
        {offers.clinicalNotes(session.user.role) && <WhatWorksSection clientId={client.id} />}
        {offers.clinicalNotes(session.user.role) && (
          <ExternalHistorySection clientId={client.id} timeZone={session.practice.timeZone} />
        )}
        {!archived && (
          <IntakeSection
            clientId={client.id}
            canReview={offers.clinicalNotes(session.user.role)}
            timeZone={session.practice.timeZone}
          />
        )}
        <ClientDetails
          client={client}
          therapistName={therapist}
          timeZone={session.practice.timeZone}
        />
        <ConsentSection
          clientId={client.id}
          clientName={displayName(client)}
          timeZone={session.practice.timeZone}
        />
        <CareTeamSection
          clientId={client.id}
          canChange={offers.careTeamChanges(
            session.user.role,
            client.primaryTherapistId === session.user.id,
          )}
        />
        {offers.clinicalNotes(session.user.role) && (
          <HandoffHistory clientId={client.id} timeZone={session.practice.timeZone} />
        )}
        {offers.clinicalNotes(session.user.role) && <ReflectionsPanel clientId={client.id} />}
      </Stack>
    </>
  );
}
