import './outcomes.css';
import { Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dueText, measureName } from '../../../domain/outcome-labels.js';
import type { GoalView } from '../../../domain/outcome-views.js';
import { fetchClientGoals, fetchClientMeasures, outcomeKeys } from '../../api/outcomes.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatInstant } from '../../format.js';
import { GoalCard } from './GoalCard.js';
import { GoalDialog } from './GoalDialog.js';
import { MeasuresLink } from './MeasuresLink.js';
import { PlanDialog } from './PlanDialog.js';
import { PlanSummary } from './PlanSummary.js';
import { ScoreEntryForm } from './ScoreEntryForm.js';
import { ScoreHistory } from './ScoreHistory.js';

type Dialog = { kind: 'goal'; goal: GoalView | null } | { kind: 'plan' } | { kind: 'scores' };

/** Front desk sends the link; what comes back is not theirs to read. */
function DeskMeasures({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-measures-link">
      <Title order={2} size="h4" id="client-measures-link" mb="xs">
        Outcome measures
      </Title>
      <Text size="sm" mb="sm">
        Send the client a link to fill in the measures their therapist asks for, on their phone.
      </Text>
      <MeasuresLink clientId={clientId} timeZone={timeZone} />
    </Paper>
  );
}

/**
 * "Goals and plan" on the client's chart: each goal with its baseline, latest score, target
 * and progress; the plan in a few lines; the measures due at the next visit, recorded here or
 * sent to the client as a link; the latest scores, each correctable.
 */
export function GoalsPlanSection({
  clientId,
  clinical,
  timeZone,
}: {
  clientId: string;
  clinical: boolean;
  timeZone: string;
}) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const goals = useQuery({
    queryKey: outcomeKeys.goals(clientId),
    queryFn: ({ signal }) => fetchClientGoals(clientId, signal),
    enabled: clinical,
  });
  const measures = useQuery({
    queryKey: outcomeKeys.measures(clientId, null),
    queryFn: ({ signal }) => fetchClientMeasures(clientId, null, signal),
    enabled: clinical,
  });
  if (!clinical) return <DeskMeasures clientId={clientId} timeZone={timeZone} />;
  const close = () => setDialog(null);
  const failed = goals.error ?? measures.error;
  const view = measures.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-goals-plan">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="client-goals-plan">
          Goals and plan
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => setDialog({ kind: 'goal', goal: null })}
            disabled={!view}
          >
            New goal
          </Button>
          <Button
            variant="default"
            onClick={() => setDialog({ kind: 'plan' })}
            disabled={!goals.data || !view}
          >
            Edit plan
          </Button>
        </Group>
      </Group>
      {(goals.isPending || measures.isPending) && !failed && <PageLoader />}
      {failed && (
        <LoadError
          error={failed}
          onRetry={() => {
            void goals.refetch();
            void measures.refetch();
          }}
        />
      )}
      {goals.data && view && (
        <Stack gap="md">
          <Stack gap="xs">
            {goals.data.goals.length === 0 && (
              <Text size="sm" c="dimmed">
                No goals yet.
              </Text>
            )}
            {goals.data.goals.map((goal) => (
              <GoalCard
                key={goal.id}
                goal={goal}
                measures={view.measures}
                activities={view.activities}
                timeZone={timeZone}
                onEdit={() => setDialog({ kind: 'goal', goal })}
              />
            ))}
          </Stack>
          <div>
            <Title order={3} size="h5" mb={4}>
              Treatment plan
            </Title>
            <PlanSummary view={goals.data.plan} measures={view.measures} />
          </div>
          <div>
            <Title order={3} size="h5" mb={4}>
              Measures due
              {view.due.startsAt
                ? ` at the visit on ${formatInstant(view.due.startsAt, timeZone)}`
                : ' at the next visit'}
            </Title>
            {view.due.measures.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing due.
              </Text>
            ) : (
              <List size="sm">
                {view.due.measures.map((entry) => (
                  <List.Item key={entry.measureId}>
                    {measureName(entry.measureId, view.measures)} — {dueText(entry.reasons)}
                  </List.Item>
                ))}
              </List>
            )}
            <Group mt="xs" align="flex-start">
              <Button onClick={() => setDialog({ kind: 'scores' })}>Record scores</Button>
              <MeasuresLink clientId={clientId} timeZone={timeZone} />
            </Group>
          </div>
          <div>
            <Title order={3} size="h5" mb={4}>
              Latest scores
            </Title>
            <ScoreHistory clientId={clientId} view={view} timeZone={timeZone} />
          </div>
        </Stack>
      )}
      {dialog?.kind === 'goal' && view && (
        <GoalDialog
          clientId={clientId}
          goal={dialog.goal}
          measures={view.measures}
          activities={view.activities}
          onClose={close}
        />
      )}
      {dialog?.kind === 'plan' && goals.data && view && (
        <PlanDialog
          clientId={clientId}
          current={goals.data.plan}
          measures={view.measures}
          timeZone={timeZone}
          onClose={close}
        />
      )}
      {dialog?.kind === 'scores' && view && (
        <Modal opened onClose={close} title="Record scores" size="lg">
          <ScoreEntryForm clientId={clientId} sessionId={null} view={view} onRecorded={close} />
        </Modal>
      )}
    </Paper>
  );
}
