import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  YAxis,
} from 'recharts';
import {
  measureRows,
  type MeasureChart,
  type MeasureLine,
  type MeasureRow,
} from '../../../domain/progress-measures.js';
import {
  axisTick,
  bandColor,
  ChartLegend,
  ChartSummary,
  goalColor,
  goalDash,
  lineStyle,
  sessionDot,
  timeAxis,
  tooltipContent,
  type LegendItem,
  chartMargin,
  denseAfter,
  openNearestRow,
  yAxisWidth,
} from './chartParts.js';
import { changeText, count, nothingWithin, scaleTicks } from './chartText.js';
import { MeasureTable } from './MeasureTable.js';
import { ProgressFigure, ProgressSection, type ProgressView } from './ProgressFigure.js';

/** Outcome measures over time: the PSFS one line per activity, each measure its own chart. */
export function MeasuresSection({
  charts,
  within,
  domain,
  view,
  timeZone,
  openSession,
}: {
  charts: MeasureChart[];
  within: string | null;
  domain: [number, number] | null;
  view: ProgressView;
  timeZone: string;
  openSession: (sessionId: string) => void;
}) {
  return (
    <ProgressSection id="progress-measures" title="Outcome measures">
      {charts.length === 0 || domain === null ? (
        <Text size="sm">
          {within
            ? nothingWithin(within, 'outcome-measure scores')
            : 'No outcome-measure scores yet. Scores of the Patient-Specific Functional Scale and the practice’s measures appear here, with the goals set on them.'}
        </Text>
      ) : (
        <Stack gap="lg">
          {charts.map((chart) => (
            <MeasureFigure
              key={chart.measureId}
              chart={chart}
              domain={domain}
              view={view}
              timeZone={timeZone}
              openSession={openSession}
            />
          ))}
        </Stack>
      )}
    </ProgressSection>
  );
}

function lineSummary(chart: MeasureChart, line: MeasureLine): string {
  const { definition } = chart;
  const values = line.points.map((point) => point.value);
  const name = chart.perActivity ? `“${line.label}”${line.retired ? ' (retired)' : ''}` : '';
  const goals = chart.goals
    .filter((goal) => goal.seriesKey === (chart.perActivity ? line.key : null))
    .map((goal) => goal.label.toLowerCase());
  const described = [name, changeText(values, definition.minimalImportantChange, definition.better)]
    .filter(Boolean)
    .join(' ');
  return goals.length > 0 ? `${described}, ${goals.join(', ')}` : described;
}

function MeasureFigure({
  chart,
  domain,
  view,
  timeZone,
  openSession,
}: {
  chart: MeasureChart;
  domain: [number, number];
  view: ProgressView;
  timeZone: string;
  openSession: (sessionId: string) => void;
}) {
  const { definition } = chart;
  const rows = measureRows(chart);
  const unit = definition.unit ? ` ${definition.unit}` : '';
  const headingId = `progress-measure-${chart.measureId}`;
  const summary = [
    `${count(rows.length, 'score')} ${chart.perActivity ? `on ${count(chart.lines.length, 'activity', 'activities')}` : ''}, ${definition.min} to ${definition.max}${unit}, ${definition.better} is better, minimal important change ${definition.minimalImportantChange}.`,
    `${chart.lines.map((line) => lineSummary(chart, line)).join('; ')}.`,
    chart.otherScaleScores > 0
      ? `${count(chart.otherScaleScores, 'earlier score')} on a former scale of this measure ${chart.otherScaleScores === 1 ? 'is' : 'are'} not drawn.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section aria-labelledby={headingId} className="progress-measure">
      <Title order={3} size="h5" id={headingId} mb={4}>
        {definition.name}
      </Title>
      <ProgressFigure
        view={view}
        summary={<ChartSummary>{summary}</ChartSummary>}
        chart={<MeasureLines chart={chart} rows={rows} domain={domain} openSession={openSession} />}
        table={<MeasureTable chart={chart} rows={rows} timeZone={timeZone} />}
      />
    </section>
  );
}

function MeasureLines({
  chart,
  rows,
  domain,
  openSession,
}: {
  chart: MeasureChart;
  rows: MeasureRow[];
  domain: [number, number];
  openSession: (sessionId: string) => void;
}) {
  const { definition } = chart;
  const dense = rows.length > denseAfter;
  // Several activities' bands on one chart would cover it; the reader picks whose to see.
  const [bandKey, setBandKey] = useState(chart.lines[0]?.key ?? '');
  const banded = chart.lines.find((line) => line.key === bandKey) ?? chart.lines[0];
  const styleOf = (key: string | null) =>
    lineStyle(
      Math.max(
        0,
        chart.lines.findIndex((line) => line.key === key),
      ),
    );
  const legend: LegendItem[] = [
    ...chart.lines.map((line, index) => ({
      label: chart.perActivity
        ? `${line.label}${line.retired ? ' (retired)' : ''}`
        : definition.name,
      style: lineStyle(index),
    })),
    {
      label: `Within ${definition.minimalImportantChange} of the first score${chart.perActivity && banded ? ` of “${banded.label}”` : ''}: no important change`,
      style: { color: bandColor, symbol: 'square' },
      kind: 'band',
    },
    ...(chart.goals.length > 0
      ? [
          {
            label: chart.perActivity ? 'Goal, in its activity’s colour' : 'Goal',
            style: { color: goalColor, dash: goalDash, symbol: 'circle' as const },
            kind: 'goal' as const,
          },
        ]
      : []),
  ];
  return (
    <>
      {chart.perActivity && chart.lines.length > 1 && (
        <NativeSelect
          size="xs"
          label="Important-change band for"
          data={chart.lines.map((line) => ({ value: line.key, label: line.label }))}
          value={banded?.key ?? ''}
          onChange={(event) => setBandKey(event.currentTarget.value)}
          className="no-print progress-band-choice"
          // The chart is hidden from screen readers; so is this choice, which only changes it.
          tabIndex={-1}
        />
      )}
      <ComposedChart
        responsive
        style={{ width: '100%', height: 240 }}
        data={rows.map((row) => ({ ...row, ...row.values }))}
        onClick={dense ? openNearestRow(rows, openSession) : undefined}
        className={dense ? 'progress-clickable' : undefined}
        margin={chartMargin}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#DEE2E6" vertical={false} />
        {timeAxis(domain)}
        <YAxis
          domain={[definition.min, definition.max]}
          ticks={scaleTicks(definition.min, definition.max)}
          tick={axisTick}
          width={yAxisWidth}
          allowDataOverflow
        />
        {banded && (
          <ReferenceArea
            y1={banded.band.from}
            y2={banded.band.to}
            fill={bandColor}
            fillOpacity={0.16}
            ifOverflow="hidden"
          />
        )}
        {chart.goals.map((goal) => (
          <ReferenceLine
            key={goal.goalId}
            y={goal.value}
            stroke={chart.perActivity ? styleOf(goal.seriesKey).color : goalColor}
            strokeDasharray={goalDash}
            label={{
              value: chart.perActivity
                ? `${goal.label}: ${chart.lines.find((line) => line.key === goal.seriesKey)?.label ?? goal.statement}`
                : goal.label,
              position: 'insideTopLeft',
              fill: goalColor,
              fontSize: 12,
            }}
          />
        ))}
        {chart.lines.map((line, index) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            stroke={lineStyle(index).color}
            strokeWidth={2.5}
            strokeDasharray={lineStyle(index).dash}
            dot={dense ? false : sessionDot(lineStyle(index), openSession)}
            activeDot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        <Tooltip
          content={tooltipContent<MeasureRow>((row) => (
            <>
              {chart.lines
                .filter((line) => row.values[line.key] !== undefined)
                .map((line) => (
                  <Text size="sm" key={line.key}>
                    {chart.perActivity ? `${line.label}: ` : ''}
                    {row.values[line.key]}
                  </Text>
                ))}
            </>
          ))}
        />
      </ComposedChart>
      <ChartLegend items={legend} />
    </>
  );
}
