import { Anchor, Table, Text } from '@mantine/core';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  YAxis,
} from 'recharts';
import { Link } from 'wouter';
import { comparatorSymbols } from '../../../domain/goals.js';
import { pressureLabels } from '../../../domain/notes.js';
import { painBand, type GoalLine } from '../../../domain/progress-measures.js';
import {
  painSeries,
  techniquesText,
  treatmentMarkers,
  type PainPoint,
} from '../../../domain/progress-series.js';
import type { ProgressSession } from '../../../domain/progress.js';
import { formatCalendarDate } from '../../format.js';
import {
  axisTick,
  bandColor,
  ChartLegend,
  ChartSummary,
  goalColor,
  goalDash,
  painStyles,
  sessionDot,
  timeAxis,
  tooltipContent,
  type LegendItem,
  chartMargin,
  denseAfter,
  openNearestRow,
  yAxisWidth,
} from './chartParts.js';
import { changeText, count, nothingWithin, sessionHref } from './chartText.js';
import { ProgressFigure, ProgressSection, type ProgressView } from './ProgressFigure.js';
import { TreatmentStrip } from './TreatmentStrip.js';

const pressureName = (pressure: number) => pressureLabels[pressure] ?? String(pressure);

interface PainSectionProps {
  sessions: ProgressSession[];
  /** "in the last 12 months" when a period leaves earlier sessions out. */
  within: string | null;
  goals: GoalLine[];
  domain: [number, number] | null;
  view: ProgressView;
  techniqueName: (code: string) => string;
  openSession: (sessionId: string) => void;
}

/** Pain before and after each signed session, with what was done at each. */
export function PainSection(props: PainSectionProps) {
  const { sessions, goals, domain, view, within } = props;
  const points = painSeries(sessions);
  return (
    <ProgressSection id="progress-pain" title="Pain before and after each session">
      {points.length === 0 || domain === null ? (
        <Text size="sm">
          {within && sessions.length === 0
            ? nothingWithin(within, 'signed notes')
            : sessions.length === 0
              ? 'No signed notes yet. Pain before and after each session appears here once a note is signed.'
              : sessions.length === 1
                ? 'The signed note records no pain before or after treatment.'
                : `None of the ${count(sessions.length, 'signed note')} records pain before or after treatment.`}
        </Text>
      ) : (
        <ProgressFigure
          view={view}
          summary={<ChartSummary>{painSummary(points, goals)}</ChartSummary>}
          chart={<PainChart {...props} points={points} domain={domain} />}
          table={<PainTable points={points} techniqueName={props.techniqueName} />}
        />
      )}
    </ProgressSection>
  );
}

function painSummary(points: PainPoint[], goals: GoalLine[]): string {
  const values = (pick: (point: PainPoint) => number | null) =>
    points.map(pick).filter((value): value is number => value !== null);
  const first = formatCalendarDate(points[0]!.serviceDate);
  const last = formatCalendarDate(points.at(-1)!.serviceDate);
  const span = points.length === 1 ? `on ${first}` : `from ${first} to ${last}`;
  const parts = [
    `${count(points.length, 'session')} with pain scores, ${span}.`,
    `Pain before: ${
      changeText(
        values((point) => point.before),
        2,
        'lower',
      ) ?? 'not recorded'
    }.`,
    `Pain after: ${
      changeText(
        values((point) => point.after),
        2,
        'lower',
      ) ?? 'not recorded'
    }.`,
  ];
  if (points.length === 1) parts.push('A trend needs at least two sessions.');
  for (const goal of goals) {
    const met = goal.status === 'met' ? ', met' : '';
    parts.push(
      `Goal: pain ${goal.seriesKey} ${comparatorSymbols[goal.comparator]} ${goal.value} (“${goal.statement}”${met}).`,
    );
  }
  return parts.join(' ');
}

function PainChart({
  sessions,
  points,
  goals,
  domain,
  techniqueName,
  openSession,
}: PainSectionProps & { points: PainPoint[]; domain: [number, number] }) {
  const band = painBand(points.find((point) => point.before !== null)?.before ?? null);
  const hasAfter = points.some((point) => point.after !== null);
  const dense = points.length > denseAfter;
  const legend: LegendItem[] = [
    { label: 'Pain before', style: painStyles.before },
    ...(hasAfter ? [{ label: 'Pain after', style: painStyles.after }] : []),
    ...(band
      ? [
          {
            label: 'Within 2 points of the first pain before: no important change',
            style: { color: bandColor, symbol: 'square' as const },
            kind: 'band' as const,
          },
        ]
      : []),
    ...(goals.length > 0
      ? [
          {
            label: 'Goal',
            style: { color: goalColor, dash: goalDash, symbol: 'circle' as const },
            kind: 'goal' as const,
          },
        ]
      : []),
  ];
  return (
    <>
      <ComposedChart
        responsive
        style={{ width: '100%', height: 260 }}
        data={points}
        margin={chartMargin}
        accessibilityLayer={false}
        syncId="progress-pain"
        syncMethod="value"
        onClick={dense ? openNearestRow(points, openSession) : undefined}
        className={dense ? 'progress-clickable' : undefined}
      >
        <CartesianGrid stroke="#DEE2E6" vertical={false} />
        {timeAxis(domain)}
        <YAxis
          domain={[0, 10]}
          ticks={[0, 2, 4, 6, 8, 10]}
          tick={axisTick}
          width={yAxisWidth}
          label={{
            value: 'Pain',
            angle: -90,
            position: 'insideLeft',
            fill: '#343A40',
            fontSize: 12,
          }}
        />
        {band && (
          <ReferenceArea
            y1={band.from}
            y2={band.to}
            fill={bandColor}
            fillOpacity={0.16}
            ifOverflow="hidden"
          />
        )}
        {goals.map((goal) => (
          <ReferenceLine
            key={goal.goalId}
            y={goal.value}
            stroke={goalColor}
            strokeDasharray={goalDash}
            label={{
              value: `${goal.label} (pain ${goal.seriesKey})`,
              position: 'insideBottomLeft',
              fill: goalColor,
              fontSize: 12,
            }}
          />
        ))}
        <Line
          dataKey="before"
          name="Pain before"
          stroke={painStyles.before.color}
          strokeWidth={2.5}
          dot={dense ? false : sessionDot(painStyles.before, openSession)}
          activeDot={false}
          connectNulls
          isAnimationActive={false}
        />
        {hasAfter && (
          <Line
            dataKey="after"
            name="Pain after"
            stroke={painStyles.after.color}
            strokeWidth={2.5}
            strokeDasharray={painStyles.after.dash}
            dot={dense ? false : sessionDot(painStyles.after, openSession)}
            activeDot={false}
            connectNulls
            isAnimationActive={false}
          />
        )}
        <Tooltip
          content={tooltipContent<PainPoint>((point) => (
            <>
              <Text size="sm" fw={600}>
                {formatCalendarDate(point.serviceDate)}
              </Text>
              <Text size="sm">
                Pain {point.before ?? '–'} → {point.after ?? '–'}
              </Text>
              {point.techniques.length > 0 && (
                <Text size="xs">
                  {techniquesText(point.techniques, techniqueName, pressureName)}
                </Text>
              )}
            </>
          ))}
        />
      </ComposedChart>
      <TreatmentStrip
        markers={treatmentMarkers(sessions)}
        domain={domain}
        techniqueName={techniqueName}
        openSession={openSession}
      />
      <ChartLegend items={legend} />
    </>
  );
}

function PainTable({
  points,
  techniqueName,
}: {
  points: PainPoint[];
  techniqueName: (code: string) => string;
}) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Caption>Pain before and after each session (0 no pain, 10 the worst)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Session</Table.Th>
            <Table.Th scope="col">Pain before</Table.Th>
            <Table.Th scope="col">Pain after</Table.Th>
            <Table.Th scope="col">Relief in session</Table.Th>
            <Table.Th scope="col">Techniques (pressure)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr key={point.sessionId}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} href={sessionHref(point.sessionId)}>
                  {formatCalendarDate(point.serviceDate)}
                </Anchor>
              </Table.Th>
              <Table.Td>{point.before ?? 'Not recorded'}</Table.Td>
              <Table.Td>{point.after ?? 'Not recorded'}</Table.Td>
              <Table.Td>{point.relief ?? '–'}</Table.Td>
              <Table.Td>
                {techniquesText(point.techniques, techniqueName, pressureName) || 'None recorded'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
