import {
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { effectiveScores } from '../../../domain/measure-scores.js';
import { formatScore, measureName } from '../../../domain/outcome-labels.js';
import { definitionOf, type MeasureScore } from '../../../domain/outcome-measures.js';
import type { ClientMeasuresView } from '../../../domain/outcome-views.js';
import { ApiProblem } from '../../api/client.js';
import { correctScore, outcomeKeys } from '../../api/outcomes.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatDayOf } from '../../format.js';
import { ScoreField } from './ScoreField.js';

const shown = 12;

function label(score: MeasureScore, view: ClientMeasuresView): string {
  const activity = view.activities.find((entry) => entry.id === score.activityId);
  return `${measureName(score.measureId, view.measures)}${activity ? ` — ${activity.description}` : ''}`;
}

/** A correction appends: the right value (or "entered in error") with the reason. */
function CorrectScoreDialog({
  clientId,
  score,
  view,
  onClose,
}: {
  clientId: string;
  score: MeasureScore;
  view: ClientMeasuresView;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const measure = view.measures.find((entry) => entry.id === score.measureId);
  const definition = measure && definitionOf(measure, score.measureVersion);
  const [value, setValue] = useState<number | null>(score.value);
  const [inError, setInError] = useState(false);
  const [reason, setReason] = useState('');
  const correct = useMutation({
    mutationFn: () => correctScore(clientId, score.id, { value: inError ? null : value, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: outcomeKeys.client(clientId) });
      onClose();
    },
  });
  const fieldError = (field: string) =>
    correct.error instanceof ApiProblem
      ? correct.error.errors.find((issue) => issue.field === field)?.message
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    correct.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Correct: ${label(score, view)}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The score recorded stays visible in the record; the correction is added with your name,
            the time and the reason.
          </Text>
          <ProblemAlert error={correct.error} title="Not corrected" />
          {definition && !inError && (
            <ScoreField
              label="Correct score"
              scale={definition}
              value={value}
              onChange={setValue}
              error={fieldError('value')}
            />
          )}
          <Checkbox
            label="Entered in error: strike it out"
            checked={inError}
            onChange={(event) => setInError(event.currentTarget.checked)}
          />
          <Textarea
            label="Reason"
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={correct.isPending}>
              Save correction
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The latest scores, newest first, each correctable; corrected ones say so. */
export function ScoreHistory({
  clientId,
  view,
  timeZone,
}: {
  clientId: string;
  view: ClientMeasuresView;
  timeZone: string;
}) {
  const [correcting, setCorrecting] = useState<MeasureScore | null>(null);
  const scores = effectiveScores(view.scores).reverse().slice(0, shown);
  if (scores.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No scores recorded yet.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} aria-label="Latest scores">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Measure</Table.Th>
              <Table.Th>Score</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scores.map((score) => {
              const measure = view.measures.find((entry) => entry.id === score.measureId);
              const definition = measure && definitionOf(measure, score.measureVersion);
              return (
                <Table.Tr key={score.id}>
                  <Table.Td>{formatDayOf(score.recordedAt, timeZone)}</Table.Td>
                  <Table.Td>
                    {label(score, view)}
                    {score.source === 'client_link' && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (from the client’s link)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatScore(score.value!, definition?.decimals ?? 2)}
                    {score.correctsId && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (corrected: {score.reason})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setCorrecting(score)}
                      aria-label={`Correct ${label(score, view)}`}
                    >
                      Correct
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {correcting && (
        <CorrectScoreDialog
          clientId={clientId}
          score={correcting}
          view={view}
          onClose={() => setCorrecting(null)}
        />
      )}
    </>
  );
}
