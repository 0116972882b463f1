import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { progressStateLabels, type ProgressState } from '../../../domain/goal-progress.js';
import { comparatorSymbols, goalStatusLabels, type GoalStatus } from '../../../domain/goals.js';
import { formatScore, goalTargetText } from '../../../domain/outcome-labels.js';
import type { MeasureView, PsfsActivity } from '../../../domain/outcome-measures.js';
import type { GoalView } from '../../../domain/outcome-views.js';
import { formatCalendarDate, formatDayOf } from '../../format.js';

const statusColors: Record<GoalStatus, string> = {
  active: 'teal',
  met: 'blue',
  revised: 'gray',
  stopped: 'gray',
};
const stateColors: Record<ProgressState, string> = {
  no_scores: 'gray',
  baseline_only: 'gray',
  target_reached: 'blue',
  improving: 'teal',
  no_important_change: 'yellow',
  worsening: 'red',
};

/** A goal on the chart: its target, the baseline and latest scores, and how far it has come. */
export function GoalCard({
  goal,
  measures,
  activities,
  timeZone,
  onEdit,
}: {
  goal: GoalView;
  measures: MeasureView[];
  activities: PsfsActivity[];
  timeZone: string;
  onEdit: () => void;
}) {
  const { progress } = goal;
  const decimals = 2;
  const figure = (point: GoalView['progress']['baseline']) =>
    point ? `${formatScore(point.value, decimals)} on ${formatDayOf(point.at, timeZone)}` : '—';
  const percent = Math.round((progress.towardTarget ?? 0) * 100);
  const changeText =
    progress.change === null
      ? ''
      : ` (${progress.change > 0 ? '+' : ''}${formatScore(progress.change, decimals)}; a change of ${progress.minimalImportantChange} is one the client notices)`;
  return (
    <Paper withBorder p="sm" className="goal-card" data-status={goal.status} component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={600}>{goal.statement}</Text>
            <Text size="sm">{goalTargetText(goal, measures, activities)}</Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Badge color={statusColors[goal.status]} variant="light">
              {goalStatusLabels[goal.status]}
            </Badge>
            <Button
              size="compact-sm"
              variant="default"
              onClick={onEdit}
              aria-label={`Edit goal: ${goal.statement}`}
            >
              Edit
            </Button>
          </Group>
        </Group>
        <dl className="goal-figures">
          <div>
            <dt>Baseline</dt>
            <dd>{figure(progress.baseline)}</dd>
          </div>
          <div>
            <dt>Latest</dt>
            <dd>{figure(progress.latest)}</dd>
          </div>
          <div>
            <dt>Target</dt>
            <dd>
              {comparatorSymbols[goal.comparator]} {formatScore(goal.targetValue, decimals)}
            </dd>
          </div>
          {goal.reEvaluationDate && (
            <div>
              <dt>Re-evaluate</dt>
              <dd>{formatCalendarDate(goal.reEvaluationDate)}</dd>
            </div>
          )}
        </dl>
        {goal.status === 'active' && progress.baseline && (
          <Progress.Root size="lg">
            <Progress.Section
              value={percent}
              color={stateColors[progress.state]}
              aria-label={`Progress toward the target: ${percent}% of the way from the baseline`}
            />
          </Progress.Root>
        )}
        <Text size="sm">
          <Badge color={stateColors[progress.state]} variant="outline" mr={6}>
            {progressStateLabels[progress.state]}
          </Badge>
          {changeText}
        </Text>
        {goal.statusReason && (
          <Text size="sm" c="dimmed">
            {goal.statusReason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
