import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { displayName } from '../../../domain/clients.js';
import { clientKeys, fetchClient } from '../../api/clients.js';
import {
  fetchChangesSinceLastVisit,
  fetchHealthHistory,
  healthHistoryKeys,
  saveHealthHistory,
} from '../../api/healthHistory.js';
import { safetyKeys } from '../../api/safety.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { HealthHistoryEditor } from './HealthHistoryEditor.js';
import { HealthHistorySummary } from './HealthHistorySummary.js';
import { SinceLastVisit, highlightsOf, savedLine } from './SinceLastVisit.js';
import { VersionHistory } from './VersionHistory.js';

/** A client's health history: the summary, what changed since the last visit, edit, versions. */
export function HealthHistoryPage() {
  const { id = '' } = useParams<{ id: string }>();
  const session = useSession();
  const queryClient = useQueryClient();
  const timeZone = session.practice.timeZone;
  const [editing, setEditing] = useState(false);
  const clinician = offers.clinicalNotes(session.user.role);
  const client = useQuery({
    queryKey: clientKeys.one(id),
    queryFn: ({ signal }) => fetchClient(id, signal),
  });
  const current = useQuery({
    queryKey: healthHistoryKeys.current(id),
    queryFn: ({ signal }) => fetchHealthHistory(id, signal),
    enabled: clinician,
  });
  const changes = useQuery({
    queryKey: healthHistoryKeys.sinceLastVisit(id),
    queryFn: ({ signal }) => fetchChangesSinceLastVisit(id, signal),
    enabled: clinician,
  });

  if (!clinician) {
    return (
      <NotAllowed
        title="Health history"
        reason="A health history is clinical content, for the client’s therapists only."
      />
    );
  }
  if (client.isPending || current.isPending) return <PageLoader />;
  if (client.isError || current.isError) {
    return (
      <>
        <PageHeading title="Health history" />
        <LoadError
          error={client.error ?? current.error}
          onRetry={() => void Promise.all([client.refetch(), current.refetch()])}
        />
      </>
    );
  }
  const name = displayName(client.data.value);
  const profileHref = `/clients/${encodeURIComponent(id)}`;

  return (
    <>
      <PageHeading
        title={`Health history — ${name}`}
        tabTitle={`Health history · ${name}`}
        actions={
          <>
            {!editing && <Button onClick={() => setEditing(true)}>Edit health history</Button>}
            <Button component={Link} href={profileHref} variant="default">
              Back to {name}
            </Button>
          </>
        }
      >
        <Text size="sm" c="dimmed" mt={4}>
          {savedLine(current.data, timeZone)}
        </Text>
      </PageHeading>
      <Stack gap="md">
        {editing ? (
          <HealthHistoryEditor
            start={current.data}
            timeZone={timeZone}
            save={(history, number) => saveHealthHistory(id, number, history)}
            onSaved={(saved) => {
              queryClient.setQueryData(healthHistoryKeys.current(id), saved);
              void queryClient.invalidateQueries({ queryKey: healthHistoryKeys.all(id) });
              void queryClient.invalidateQueries({ queryKey: safetyKeys.client(id) });
              setEditing(false);
              notifications.show({
                color: 'teal',
                message: `Health history saved as version ${saved.number}.`,
              });
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            {changes.data && <SinceLastVisit changes={changes.data} />}
            <HealthHistorySummary
              history={current.data.history}
              highlights={highlightsOf(changes.data)}
            />
          </>
        )}
        <VersionHistory clientId={id} timeZone={timeZone} />
      </Stack>
    </>
  );
}
