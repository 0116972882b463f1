import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { HealthHistory } from '../../../domain/health-history.js';
import type { SessionHealthCheckState } from '../../../domain/health-history-views.js';
import { ApiProblem } from '../../api/client.js';
import {
  fetchSessionHealthCheck,
  healthHistoryKeys,
  recordSessionHealthCheck,
} from '../../api/healthHistory.js';
import { safetyKeys } from '../../api/safety.js';
import { sessionKeys } from '../../api/sessions.js';
import { LoadError } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatInstant } from '../../format.js';
import { ChangeList } from './ChangeList.js';
import { HealthHistoryEditor } from './HealthHistoryEditor.js';

/** The check's answer names fields under `history.`; the form's paths start at the history. */
function withFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return error;
  return new ApiProblem(error.status, {
    ...error.extensions,
    type: error.type,
    title: error.title,
    detail: error.detail,
    errors: error.errors.map((issue) => ({
      ...issue,
      field: issue.field.replace(/^history\./, ''),
    })),
  });
}

function Recorded({ state, timeZone }: { state: SessionHealthCheckState; timeZone: string }) {
  const check = state.check;
  if (!check) return null;
  const when = formatInstant(check.checkedAt, timeZone);
  const who = check.checkedByName ?? 'a former staff member';
  return check.outcome === 'changed' ? (
    <Alert color="orange" title="Health history updated at this session" role="status">
      {`The client’s changes were saved as version ${check.historyNumber} by ${who}, ${when}.`}
    </Alert>
  ) : (
    <Alert color="teal" title="No changes since the last visit" role="status">
      {`Confirmed by ${who}, ${when}.`}
    </Alert>
  );
}

/**
 * "Any changes since your last visit?", at the top of every note: "No changes" records the
 * answer with the session; "Update health history" saves the new version with it.
 */
export function HealthCheckStep({
  sessionId,
  clientId,
  timeZone,
}: {
  sessionId: string;
  clientId: string;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const state = useQuery({
    queryKey: healthHistoryKeys.sessionCheck(sessionId),
    queryFn: ({ signal }) => fetchSessionHealthCheck(sessionId, signal),
  });
  const refreshAfterCheck = async () => {
    await queryClient.invalidateQueries({ queryKey: healthHistoryKeys.sessionCheck(sessionId) });
    await queryClient.invalidateQueries({ queryKey: healthHistoryKeys.all(clientId) });
    await queryClient.invalidateQueries({ queryKey: sessionKeys.timeline(clientId) });
    await queryClient.invalidateQueries({ queryKey: safetyKeys.client(clientId) });
  };
  const noChanges = useMutation({
    mutationFn: (expectedNumber: number) =>
      recordSessionHealthCheck(sessionId, { outcome: 'no_changes', expectedNumber }),
    onSuccess: refreshAfterCheck,
    onError: async (error) => {
      // Someone saved a newer version meanwhile: show it, so the answer is about what is there.
      if (error instanceof ApiProblem && error.is('stale-version')) await refreshAfterCheck();
    },
  });
  const saveChanges = async (history: HealthHistory, expectedNumber: number) => {
    try {
      const recorded = await recordSessionHealthCheck(sessionId, {
        outcome: 'changed',
        expectedNumber,
        history,
      });
      return recorded.current;
    } catch (error) {
      throw withFormPaths(error);
    }
  };

  if (state.isPending) return null;
  if (state.isError) return <LoadError error={state.error} onRetry={() => void state.refetch()} />;
  const { check, current, changes } = state.data;
  const historyHref = `/clients/${encodeURIComponent(clientId)}/health-history`;
  const staleAnswer = noChanges.error instanceof ApiProblem && noChanges.error.is('stale-version');

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="health-check"
      className="no-print"
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="health-check">
          Any changes since your last visit?
        </Title>
        <Anchor component={Link} href={historyHref} size="sm">
          Open health history
        </Anchor>
      </Group>
      <Stack gap="sm">
        <Recorded state={state.data} timeZone={timeZone} />
        {!check && changes.lastVisit && changes.changes.length > 0 && (
          <div>
            <Text size="sm" mb={4}>
              Already recorded since the last visit:
            </Text>
            <ChangeList changes={changes.changes} />
          </div>
        )}
        {!check && !editing && (
          <Text size="sm">
            Ask the client about new conditions, medications, allergies, injuries or pregnancy
            {current.number === 0 ? '. No health history is recorded yet.' : '.'}
          </Text>
        )}
        {staleAnswer && (
          <Alert color="orange" title="Not recorded" role="alert">
            The health history was changed by someone else a moment ago; the latest version is shown
            now. Check it with the client and answer again.
          </Alert>
        )}
        {noChanges.error && !staleAnswer && <ProblemAlert error={noChanges.error} />}
        {editing ? (
          <HealthHistoryEditor
            start={current}
            timeZone={timeZone}
            save={saveChanges}
            submitLabel="Save changes to the health history"
            onSaved={() => {
              setEditing(false);
              void refreshAfterCheck();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          check?.outcome !== 'changed' && (
            <Group gap="sm">
              {!check && (
                <Button
                  loading={noChanges.isPending}
                  onClick={() => noChanges.mutate(current.number)}
                >
                  No changes
                </Button>
              )}
              <Button variant="default" onClick={() => setEditing(true)}>
                Update health history
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}
