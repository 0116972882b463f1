import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ScoreEntry } from '../../../domain/measure-scores.js';
import { dueText } from '../../../domain/outcome-labels.js';
import { currentDefinition, maxActivePsfsActivities } from '../../../domain/outcome-measures.js';
import type { ClientMeasuresView } from '../../../domain/outcome-views.js';
import { ApiProblem } from '../../api/client.js';
import { outcomeKeys, recordScores } from '../../api/outcomes.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ScoreField } from './ScoreField.js';
import { scoreFormLayout, type ScoreBlock } from './scoreFormLayout.js';

type Values = Record<string, number | null>;

/** Each entry sent, with the key of the field it came from, to place the server's messages. */
function entriesOf(
  blocks: ScoreBlock[],
  values: Values,
  newActivity: string,
): Array<{ key: string; entry: ScoreEntry }> {
  const sent: Array<{ key: string; entry: ScoreEntry }> = [];
  const blank = { activityId: null, newActivity: null };
  const add = (key: string, entry: Omit<ScoreEntry, 'value'>) => {
    const value = values[key];
    if (value !== null && value !== undefined) sent.push({ key, entry: { ...entry, value } });
  };
  for (const { measure, activities, canAddActivity } of blocks) {
    if (!measure.perActivity) {
      add(measure.id, { ...blank, measureId: measure.id });
      continue;
    }
    for (const activity of activities) {
      add(`${measure.id}:${activity.id}`, {
        ...blank,
        measureId: measure.id,
        activityId: activity.id,
      });
    }
    if (canAddActivity && newActivity.trim()) {
      add(`${measure.id}:new`, {
        ...blank,
        measureId: measure.id,
        newActivity: newActivity.trim(),
      });
    }
  }
  return sent;
}

/**
 * Scores for a client, due measures first, any other measure in use on request: at a session
 * (a note's panel) or on the chart. The batch is recorded whole or not at all; the server's
 * message for a value shows by its field.
 */
export function ScoreEntryForm({
  clientId,
  sessionId,
  view,
  onRecorded,
}: {
  clientId: string;
  sessionId: string | null;
  view: ClientMeasuresView;
  onRecorded?: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({});
  const [newActivity, setNewActivity] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { blocks, others } = scoreFormLayout(view, sessionId, added);
  const sent = entriesOf(blocks, values, newActivity);

  const record = useMutation({
    mutationFn: () => recordScores(clientId, { sessionId, scores: sent.map((item) => item.entry) }),
    onSuccess: (scores) => {
      setValues({});
      setNewActivity('');
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: outcomeKeys.client(clientId) });
      notifications.show({
        color: 'teal',
        message: `${scores.length} score${scores.length === 1 ? '' : 's'} recorded.`,
      });
      onRecorded?.();
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      const placed: Record<string, string> = {};
      for (const issue of error.errors) {
        const index = Number(/^scores\.(\d+)\./.exec(issue.field)?.[1]);
        const key = sent[index]?.key;
        if (key !== undefined) placed[key] ??= issue.message;
      }
      setErrors(placed);
    },
  });
  const set = (key: string) => (value: number | null) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sent.length > 0) record.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {blocks.length === 0 && (
          <Text size="sm" c="dimmed">
            No measure is due. Add one below to record it anyway.
          </Text>
        )}
        {blocks.map(({ measure, activities, canAddActivity }) => {
          const definition = currentDefinition(measure);
          const due = view.due.measures.find((entry) => entry.measureId === measure.id);
          const description = due ? `Due: ${dueText(due.reasons)}` : undefined;
          if (!measure.perActivity) {
            return (
              <ScoreField
                key={measure.id}
                label={definition.name}
                description={description}
                scale={definition}
                value={values[measure.id] ?? null}
                onChange={set(measure.id)}
                error={errors[measure.id]}
              />
            );
          }
          return (
            <Stack key={measure.id} gap="sm">
              <Text fw={600} size="sm">
                {definition.name}
                {description && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {description}
                  </Text>
                )}
              </Text>
              {activities.map((activity) => (
                <ScoreField
                  key={activity.id}
                  label={activity.description}
                  scale={definition}
                  value={values[`${measure.id}:${activity.id}`] ?? null}
                  onChange={set(`${measure.id}:${activity.id}`)}
                  error={errors[`${measure.id}:${activity.id}`]}
                />
              ))}
              {canAddActivity && (
                <>
                  <TextInput
                    label="New activity the client finds hard"
                    description={`Up to ${maxActivePsfsActivities} activities, e.g. “turning my head to reverse the car”.`}
                    maxLength={120}
                    value={newActivity}
                    onChange={(event) => setNewActivity(event.currentTarget.value)}
                  />
                  {newActivity.trim() && (
                    <ScoreField
                      label={`Score for “${newActivity.trim()}”`}
                      scale={definition}
                      value={values[`${measure.id}:new`] ?? null}
                      onChange={set(`${measure.id}:new`)}
                      error={errors[`${measure.id}:new`]}
                    />
                  )}
                </>
              )}
            </Stack>
          );
        })}
        {others.length > 0 && (
          <Select
            label="Record another measure"
            placeholder="Choose a measure"
            data={others.map((measure) => ({
              value: measure.id,
              label: currentDefinition(measure).name,
            }))}
            value={null}
            onChange={(id) => id && setAdded((current) => [...current, id])}
          />
        )}
        {record.error && <ProblemAlert error={record.error} title="Not recorded" />}
        <Group>
          <Button type="submit" loading={record.isPending} disabled={sent.length === 0}>
            Record scores
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
