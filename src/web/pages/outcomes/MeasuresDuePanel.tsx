import './outcomes.css';
import { List, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { effectiveScores } from '../../../domain/measure-scores.js';
import { formatScore, measureName } from '../../../domain/outcome-labels.js';
import { definitionOf } from '../../../domain/outcome-measures.js';
import { fetchClientMeasures, outcomeKeys } from '../../api/outcomes.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ScoreEntryForm } from './ScoreEntryForm.js';

/**
 * The note's "Measures due" panel: what the plan asks for at this session, recorded with it.
 * Scores are saved at once, linked to the session, not with the note's draft. Once the note
 * is signed they are part of the signed record: none is added to the session any more, and a
 * wrong one is corrected on the chart with a reason — a new score; the original stays.
 */
export function MeasuresDuePanel({ sessionId, clientId }: { sessionId: string; clientId: string }) {
  const measures = useQuery({
    queryKey: outcomeKeys.measures(clientId, sessionId),
    queryFn: ({ signal }) => fetchClientMeasures(clientId, sessionId, signal),
  });
  const view = measures.data;
  const atSession = view
    ? effectiveScores(view.scores).filter((score) => score.sessionId === sessionId)
    : [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="note-measures">
      <Title order={2} size="h3" id="note-measures" mb="xs">
        Measures due
      </Title>
      {measures.isPending && <PageLoader />}
      {measures.isError && (
        <LoadError error={measures.error} onRetry={() => void measures.refetch()} />
      )}
      {view && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            Scores are saved as you record them, with this session. After signing they are part of
            the signed record: correct one on the client’s chart, with a reason.
          </Text>
          {atSession.length > 0 && (
            <div className="recorded-scores">
              <Text size="sm" fw={600}>
                Recorded at this session
              </Text>
              <List size="sm" mb="sm">
                {atSession.map((score) => {
                  const measure = view.measures.find((entry) => entry.id === score.measureId);
                  const definition = measure && definitionOf(measure, score.measureVersion);
                  const activity = view.activities.find((entry) => entry.id === score.activityId);
                  return (
                    <List.Item key={score.id}>
                      {measureName(score.measureId, view.measures)}
                      {activity ? ` — ${activity.description}` : ''}:{' '}
                      <strong>{formatScore(score.value!, definition?.decimals ?? 2)}</strong>
                    </List.Item>
                  );
                })}
              </List>
            </div>
          )}
          <ScoreEntryForm clientId={clientId} sessionId={sessionId} view={view} />
        </>
      )}
    </Paper>
  );
}
