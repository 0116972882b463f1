import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  GoalStatus,
  goalStatusLabels,
  type Comparator,
  type GoalInput,
  type GoalTarget,
  type PainMoment,
} from '../../../domain/goals.js';
import {
  currentDefinition,
  type MeasureView,
  type PsfsActivity,
} from '../../../domain/outcome-measures.js';
import type { GoalView } from '../../../domain/outcome-views.js';
import { ApiProblem } from '../../api/client.js';
import { createGoal, outcomeKeys, updateGoal } from '../../api/outcomes.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const fieldOrder = [
  'statement',
  'target.measureId',
  'target.activityId',
  'comparator',
  'targetValue',
  'reEvaluationDate',
  'statusReason',
];

/**
 * Setting or changing a goal: a statement in the client's words and a measurable target — a
 * measure (a PSFS activity for the PSFS) or pain from the notes — with a re-evaluation date.
 * Changing one saves over the version shown; stopping needs a reason.
 */
export function GoalDialog({
  clientId,
  goal,
  measures,
  activities,
  onClose,
}: {
  clientId: string;
  /** Null for a new goal. */
  goal: GoalView | null;
  measures: MeasureView[];
  activities: PsfsActivity[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const initialTarget: GoalTarget = goal?.target ?? {
    kind: 'measure',
    measureId: 'psfs',
    activityId: null,
  };
  const [statement, setStatement] = useState(goal?.statement ?? '');
  const [kind, setKind] = useState<GoalTarget['kind']>(initialTarget.kind);
  const [measureId, setMeasureId] = useState(
    initialTarget.kind === 'measure' ? initialTarget.measureId : 'psfs',
  );
  const [activityId, setActivityId] = useState<string | null>(
    initialTarget.kind === 'measure' ? initialTarget.activityId : null,
  );
  const [moment, setMoment] = useState<PainMoment>(
    initialTarget.kind === 'pain' ? initialTarget.moment : 'after',
  );
  const [comparator, setComparator] = useState<Comparator>(goal?.comparator ?? 'at_least');
  const [targetValue, setTargetValue] = useState<number | ''>(goal?.targetValue ?? '');
  const [reEvaluationDate, setReEvaluationDate] = useState(goal?.reEvaluationDate ?? '');
  const [status, setStatus] = useState<GoalStatus>(goal?.status ?? 'active');
  const [statusReason, setStatusReason] = useState(goal?.statusReason ?? '');

  const choosable = measures.filter(
    (measure) => measure.retiredAt === null || measure.id === measureId,
  );
  const measure = measures.find((entry) => entry.id === measureId);
  const choosableActivities = activities.filter(
    (activity) => activity.retiredAt === null || activity.id === activityId,
  );
  const target: GoalTarget =
    kind === 'pain'
      ? { kind, moment }
      : { kind, measureId, activityId: measure?.perActivity ? activityId : null };
  const input: GoalInput = {
    statement,
    target,
    comparator,
    targetValue: targetValue === '' ? Number.NaN : targetValue,
    reEvaluationDate: reEvaluationDate || null,
    status,
    statusReason: statusReason.trim() || null,
  };
  const save = useMutation({
    mutationFn: () =>
      goal
        ? updateGoal(clientId, goal.id, input, goal.version)
        : createGoal(clientId, { ...input, revisesGoalId: null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: outcomeKeys.client(clientId) });
      onClose();
    },
  });
  const errors = new Map(
    save.error instanceof ApiProblem
      ? save.error.errors.map((issue) => [issue.field, issue.message])
      : [],
  );
  const unplaced = [...errors.keys()].filter((field) => !fieldOrder.includes(field));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={goal ? 'Change the goal' : 'New goal'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            title="Not saved"
            unplacedFields={unplaced.map((field) => ({ field, message: errors.get(field)! }))}
          />
          <Textarea
            label="Goal, in the client’s words"
            autosize
            minRows={2}
            maxLength={300}
            value={statement}
            onChange={(event) => setStatement(event.currentTarget.value)}
            error={errors.get('statement')}
            data-autofocus
          />
          <div>
            <Text size="sm" fw={500} id="goal-target-kind" mb={4}>
              Measured by
            </Text>
            <SegmentedControl
              aria-labelledby="goal-target-kind"
              value={kind}
              onChange={(value) => setKind(value as GoalTarget['kind'])}
              data={[
                { value: 'measure', label: 'An outcome measure' },
                { value: 'pain', label: 'Pain in the notes' },
              ]}
            />
          </div>
          {kind === 'measure' ? (
            <>
              <Select
                label="Measure"
                data={choosable.map((entry) => ({
                  value: entry.id,
                  label: currentDefinition(entry).name,
                }))}
                value={measureId}
                onChange={(value) => value && setMeasureId(value)}
                allowDeselect={false}
                error={errors.get('target.measureId')}
              />
              {measure?.perActivity && (
                <Select
                  label="Activity"
                  placeholder={
                    choosableActivities.length
                      ? 'Choose the activity'
                      : 'Record a score for an activity first'
                  }
                  data={choosableActivities.map((activity) => ({
                    value: activity.id,
                    label: activity.description,
                  }))}
                  value={activityId}
                  onChange={setActivityId}
                  error={errors.get('target.activityId')}
                />
              )}
            </>
          ) : (
            <Select
              label="Pain"
              data={[
                { value: 'after', label: 'After treatment' },
                { value: 'before', label: 'Before treatment' },
              ]}
              value={moment}
              onChange={(value) => value && setMoment(value as PainMoment)}
              allowDeselect={false}
            />
          )}
          <Group grow align="flex-start">
            <Select
              label="Target"
              data={[
                { value: 'at_least', label: 'At least (≥)' },
                { value: 'at_most', label: 'At most (≤)' },
              ]}
              value={comparator}
              onChange={(value) => value && setComparator(value as Comparator)}
              allowDeselect={false}
              error={errors.get('comparator')}
            />
            <NumberInput
              label="Target value"
              value={targetValue}
              onChange={(value) => setTargetValue(typeof value === 'number' ? value : '')}
              error={errors.get('targetValue')}
            />
          </Group>
          <TextInput
            type="date"
            label="Re-evaluate on"
            value={reEvaluationDate}
            onChange={(event) => setReEvaluationDate(event.currentTarget.value)}
            error={errors.get('reEvaluationDate')}
          />
          {goal && (
            <Select
              label="Status"
              data={GoalStatus.options.map((value) => ({ value, label: goalStatusLabels[value] }))}
              value={status}
              onChange={(value) => value && setStatus(value as GoalStatus)}
              allowDeselect={false}
            />
          )}
          {goal && status !== 'active' && (
            <Textarea
              label={status === 'stopped' ? 'Why was it stopped?' : 'Note (optional)'}
              autosize
              minRows={2}
              maxLength={500}
              value={statusReason}
              onChange={(event) => setStatusReason(event.currentTarget.value)}
              error={errors.get('statusReason')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {goal ? 'Save goal' : 'Set goal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
