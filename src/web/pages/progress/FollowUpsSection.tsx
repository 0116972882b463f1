import { Anchor, Table, Text } from '@mantine/core';
import {
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ReferenceLine,
  Scatter,
  Tooltip,
  YAxis,
} from 'recharts';
import { Link } from 'wouter';
import { highSoreness, reactionLabels, type Reaction } from '../../../domain/follow-ups.js';
import type { FollowUpPoint } from '../../../domain/progress-series.js';
import { formatCalendarDate, formatDayOf } from '../../format.js';
import {
  axisTick,
  ChartLegend,
  ChartSummary,
  followUpStyles,
  goalColor,
  sessionDot,
  timeAxis,
  tooltipContent,
  chartMargin,
  denseAfter,
  openNearestRow,
  yAxisWidth,
} from './chartParts.js';
import { count, nothingWithin, sessionHref } from './chartText.js';
import { ProgressFigure, ProgressSection, type ProgressView } from './ProgressFigure.js';

/** Reaction markers ride above the 0–10 scale, on a row of their own. */
const reactionRow = 11.2;

const reactionsText = (reactions: Reaction[]) =>
  reactions.map((code) => reactionLabels[code]).join(', ');

/** How the client felt a day or two after each session: relief, soreness, reactions. */
export function FollowUpsSection({
  points,
  within,
  domain,
  view,
  timeZone,
  openSession,
}: {
  points: FollowUpPoint[];
  within: string | null;
  domain: [number, number] | null;
  view: ProgressView;
  timeZone: string;
  openSession: (sessionId: string) => void;
}) {
  return (
    <ProgressSection id="progress-follow-ups" title="How the client felt after each session">
      {points.length === 0 || domain === null ? (
        <Text size="sm">
          {within
            ? nothingWithin(within, 'follow-ups')
            : 'No follow-ups yet. Relief, soreness and any reaction the client reports a day or two after a session appear here.'}
        </Text>
      ) : (
        <ProgressFigure
          view={view}
          summary={<ChartSummary>{followUpSummary(points, timeZone)}</ChartSummary>}
          chart={<FollowUpChart points={points} domain={domain} openSession={openSession} />}
          table={<FollowUpTable points={points} timeZone={timeZone} />}
        />
      )}
    </ProgressSection>
  );
}

function sessionDate(point: FollowUpPoint, timeZone: string): string {
  return point.serviceDate
    ? formatCalendarDate(point.serviceDate)
    : formatDayOf(point.submittedAt, timeZone);
}

function followUpSummary(points: FollowUpPoint[], timeZone: string): string {
  const series = (pick: (point: FollowUpPoint) => number | null) =>
    points.map(pick).filter((value): value is number => value !== null);
  const span = (values: number[]) =>
    values.length === 0
      ? 'not given'
      : values.length === 1
        ? `${values[0]}, once`
        : `from ${values[0]} to ${values.at(-1)}`;
  const reacted = points.filter((point) => point.reactions.length > 0);
  return [
    `${count(points.length, 'follow-up')}.`,
    `Relief (higher is better): ${span(series((point) => point.relief))}.`,
    `Soreness (lower is better): ${span(series((point) => point.soreness))}.`,
    reacted.length === 0
      ? 'No adverse reaction reported.'
      : `Adverse reactions after ${count(reacted.length, 'session')}: ${reacted
          .map(
            (point) =>
              `${reactionsText(point.reactions).toLowerCase()} (${sessionDate(point, timeZone)})`,
          )
          .join('; ')}.`,
  ].join(' ');
}

function FollowUpChart({
  points,
  domain,
  openSession,
}: {
  points: FollowUpPoint[];
  domain: [number, number];
  openSession: (sessionId: string) => void;
}) {
  const rows = points.map((point) => ({
    ...point,
    reactionMark: point.reactions.length > 0 ? reactionRow : null,
    reactionLabel:
      point.reactions.length > 1
        ? `${reactionLabels[point.reactions[0]!].split(' ')[0]} +${point.reactions.length - 1}`
        : point.reactions[0]
          ? reactionLabels[point.reactions[0]].split(' ')[0]
          : '',
  }));
  const hasReactions = rows.some((row) => row.reactionMark !== null);
  const dense = rows.length > denseAfter;
  return (
    <>
      <ComposedChart
        responsive
        style={{ width: '100%', height: 250 }}
        data={rows}
        margin={chartMargin}
        accessibilityLayer={false}
        onClick={dense ? openNearestRow(rows, openSession) : undefined}
        className={dense ? 'progress-clickable' : undefined}
      >
        <CartesianGrid stroke="#DEE2E6" vertical={false} />
        {timeAxis(domain)}
        <YAxis domain={[0, 12]} ticks={[0, 2, 4, 6, 8, 10]} tick={axisTick} width={yAxisWidth} />
        <ReferenceLine
          y={highSoreness}
          stroke={goalColor}
          strokeDasharray="2 4"
          label={{
            value: `High soreness (${highSoreness}+)`,
            position: 'insideTopRight',
            fill: goalColor,
            fontSize: 12,
          }}
        />
        <Line
          dataKey="relief"
          name="Relief"
          stroke={followUpStyles.relief.color}
          strokeWidth={2.5}
          dot={dense ? false : sessionDot(followUpStyles.relief, openSession)}
          activeDot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="soreness"
          name="Soreness"
          stroke={followUpStyles.soreness.color}
          strokeWidth={2.5}
          strokeDasharray={followUpStyles.soreness.dash}
          dot={dense ? false : sessionDot(followUpStyles.soreness, openSession)}
          activeDot={false}
          connectNulls
          isAnimationActive={false}
        />
        {hasReactions && (
          <Scatter
            dataKey="reactionMark"
            fill={followUpStyles.reaction.color}
            shape="cross"
            isAnimationActive={false}
            onClick={(entry: { payload?: { sessionId?: string } }) => {
              if (entry.payload?.sessionId) openSession(entry.payload.sessionId);
            }}
            className="progress-clickable"
          >
            <LabelList dataKey="reactionLabel" position="left" fontSize={11} fill="#7A0016" />
          </Scatter>
        )}
        <Tooltip
          content={tooltipContent<FollowUpPoint>((point) => (
            <>
              <Text size="sm">
                Relief {point.relief ?? '–'} · soreness {point.soreness ?? '–'}
              </Text>
              {point.reactions.length > 0 && (
                <Text size="sm" c="red.9">
                  {reactionsText(point.reactions)}
                </Text>
              )}
            </>
          ))}
        />
      </ComposedChart>
      <ChartLegend
        items={[
          { label: 'Relief (higher is better)', style: followUpStyles.relief },
          { label: 'Soreness (lower is better)', style: followUpStyles.soreness },
          ...(hasReactions
            ? [
                {
                  label: 'Adverse reaction reported',
                  style: followUpStyles.reaction,
                  kind: 'marker' as const,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function FollowUpTable({ points, timeZone }: { points: FollowUpPoint[]; timeZone: string }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Caption>
          Follow-ups after each session: relief and soreness from 0 to 10, and reactions
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Session</Table.Th>
            <Table.Th scope="col">Relief</Table.Th>
            <Table.Th scope="col">Soreness</Table.Th>
            <Table.Th scope="col">Reactions</Table.Th>
            <Table.Th scope="col">Reported</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr key={point.followUpId}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} href={sessionHref(point.sessionId)}>
                  {point.serviceDate ? formatCalendarDate(point.serviceDate) : 'Open session'}
                </Anchor>
              </Table.Th>
              <Table.Td>{point.relief ?? 'Not given'}</Table.Td>
              <Table.Td>{point.soreness ?? 'Not given'}</Table.Td>
              <Table.Td>
                {point.reactions.length === 0
                  ? 'None'
                  : `${reactionsText(point.reactions)}${point.reactionDetails ? `: ${point.reactionDetails}` : ''}`}
              </Table.Td>
              <Table.Td>{formatDayOf(point.submittedAt, timeZone)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
