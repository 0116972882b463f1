import './progress.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { displayName } from '../../../domain/clients.js';
import { measureCharts, painGoalLines } from '../../../domain/progress-measures.js';
import {
  followUpSeries,
  progressPeriods,
  type ProgressPeriod,
} from '../../../domain/progress-series.js';
import { nameOf } from '../../api/catalogue.js';
import { clientKeys, fetchClient } from '../../api/clients.js';
import {
  fetchClientProgress,
  fetchProgressFollowUps,
  fetchProgressGoals,
  fetchProgressMeasures,
  progressKeys,
} from '../../api/progress.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { sessionHref } from './chartText.js';
import { FollowUpsSection } from './FollowUpsSection.js';
import { MeasuresSection } from './MeasuresSection.js';
import { PainSection } from './PainSection.js';
import type { ProgressView } from './ProgressFigure.js';
import { periodLabels, progressScope } from './progressScope.js';
import { RegionPainSection } from './RegionPainSection.js';

const viewStorageKey = 'palpate.progressView';

/** Charts or tables, as this reader last chose on this device. */
function useProgressView(): [ProgressView, (view: ProgressView) => void] {
  const [view, setView] = useState<ProgressView>(() =>
    window.localStorage.getItem(viewStorageKey) === 'tables' ? 'tables' : 'charts',
  );
  return [
    view,
    (next) => {
      window.localStorage.setItem(viewStorageKey, next);
      setView(next);
    },
  ];
}

/**
 * A client's progress: pain before and after each session with what was done, pain by body
 * region, outcome measures with their important-change bands and goals, and how the client
 * felt after each session — charts on one time axis, or the same numbers as tables.
 */
export function ProgressPage() {
  const { id = '' } = useParams<{ id: string }>();
  const session = useSession();
  const [, navigate] = useLocation();
  const [view, setView] = useProgressView();
  const [period, setPeriod] = useState<ProgressPeriod | null>(null);
  const clinician = offers.clinicalNotes(session.user.role);
  const timeZone = session.practice.timeZone;
  const catalogue = useCatalogue();
  const client = useQuery({
    queryKey: clientKeys.one(id),
    queryFn: ({ signal }) => fetchClient(id, signal),
  });
  const progress = useQuery({
    queryKey: progressKeys.notes(id),
    queryFn: ({ signal }) => fetchClientProgress(id, signal),
    enabled: clinician,
  });
  const measures = useQuery({
    queryKey: progressKeys.measures(id),
    queryFn: ({ signal }) => fetchProgressMeasures(id, signal),
    enabled: clinician,
  });
  const goals = useQuery({
    queryKey: progressKeys.goals(id),
    queryFn: ({ signal }) => fetchProgressGoals(id, signal),
    enabled: clinician,
  });
  const followUps = useQuery({
    queryKey: progressKeys.followUps(id),
    queryFn: ({ signal }) => fetchProgressFollowUps(id, signal),
    enabled: clinician,
  });

  if (!clinician) {
    return (
      <NotAllowed
        title="Progress"
        reason="Progress is drawn from session notes: clinical content, for the client’s therapists only."
      />
    );
  }
  if (client.isPending || progress.isPending) return <PageLoader />;
  if (client.isError || progress.isError) {
    return (
      <>
        <PageHeading title="Progress" />
        <LoadError
          error={client.error ?? progress.error}
          onRetry={() => void Promise.all([client.refetch(), progress.refetch()])}
        />
      </>
    );
  }
  // Measures, goals and follow-ups come from their own documents: the charts wait for them
  // so every chart shares one time axis, and one that fails says so in its own section.
  if (measures.isPending || goals.isPending || followUps.isPending) return <PageLoader />;

  const name = displayName(client.data.value);
  const goalViews = goals.data?.goals ?? [];
  const scope = progressScope(
    {
      sessions: progress.data.sessions,
      charts: measures.data ? measureCharts(measures.data, goalViews, progress.data.sessions) : [],
      followUps: followUps.data ? followUpSeries(followUps.data, progress.data.sessions) : [],
    },
    period,
  );
  const { sessions, charts, domain, within, hiddenWithin } = scope;
  const openSession = (sessionId: string) => navigate(sessionHref(sessionId));
  const techniqueName = (code: string) => nameOf(catalogue.data?.techniques, code);

  return (
    <>
      <PageHeading
        title={`Progress — ${name}`}
        tabTitle={`Progress · ${name}`}
        actions={
          <>
            <Button variant="default" onClick={() => window.print()}>
              Print
            </Button>
            <Button
              component={Link}
              href={`/clients/${encodeURIComponent(id)}`}
              variant="default"
              className="no-print"
            >
              Back to {name}
            </Button>
          </>
        }
      >
        <Text size="sm" c="dimmed" mt={4}>
          From{' '}
          {progress.data.sessions.length === 1
            ? 'one signed note'
            : `${progress.data.sessions.length} signed notes`}
          {measures.data ? ', outcome measures' : ''}
          {followUps.data ? ' and follow-ups' : ''}.
        </Text>
      </PageHeading>
      <Group className="no-print progress-choices" gap="lg" align="flex-start">
        <ChoiceGroup
          legend="Show as"
          choices={[
            { value: 'charts', label: 'Charts' },
            { value: 'tables', label: 'Tables' },
          ]}
          value={view}
          onChange={(value) => setView(value === 'tables' ? 'tables' : 'charts')}
        />
        {scope.offerPeriods && (
          <ChoiceGroup
            legend="Period"
            choices={progressPeriods.map((value) => ({ value, label: periodLabels[value] }))}
            value={scope.period}
            onChange={(value) =>
              setPeriod(progressPeriods.find((known) => known === value) ?? 'all')
            }
          />
        )}
      </Group>
      {within && (
        <Text size="sm" mb="sm">
          Showing {within}, counted back from the latest entry.
        </Text>
      )}
      <Stack gap="md" className="progress-page">
        <PainSection
          within={hiddenWithin.sessions}
          sessions={sessions}
          goals={painGoalLines(goalViews)}
          domain={domain}
          view={view}
          techniqueName={techniqueName}
          openSession={openSession}
        />
        <RegionPainSection
          within={hiddenWithin.regions}
          sessions={sessions}
          domain={domain}
          view={view}
          openSession={openSession}
        />
        {measures.isError || goals.isError ? (
          <LoadError
            error={measures.error ?? goals.error}
            onRetry={() => void Promise.all([measures.refetch(), goals.refetch()])}
          />
        ) : (
          <MeasuresSection
            within={hiddenWithin.charts}
            charts={charts}
            domain={domain}
            view={view}
            timeZone={timeZone}
            openSession={openSession}
          />
        )}
        {followUps.isError ? (
          <LoadError error={followUps.error} onRetry={() => void followUps.refetch()} />
        ) : (
          <FollowUpsSection
            within={hiddenWithin.followUps}
            points={scope.followUps}
            domain={domain}
            view={view}
            timeZone={timeZone}
            openSession={openSession}
          />
        )}
      </Stack>
    </>
  );
}
