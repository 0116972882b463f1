import { Anchor, Table, Text } from '@mantine/core';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, YAxis } from 'recharts';
import { Link } from 'wouter';
import { bodyRegion } from '../../../domain/body-regions.js';
import { painIntensityLabels, type ProgressSession } from '../../../domain/progress.js';
import { regionPainSeries, type RegionPainPoint } from '../../../domain/progress-series.js';
import { formatCalendarDate } from '../../format.js';
import { ChartSummary, timeAxis, tooltipContent, chartMargin, yAxisWidth } from './chartParts.js';
import { count, nothingWithin, sessionHref } from './chartText.js';
import { ProgressFigure, ProgressSection, type ProgressView } from './ProgressFigure.js';

/** More rows than this and the chart stops being readable on a tablet; the table has them all. */
const maxRegions = 8;

const regionLabel = (code: string) => bodyRegion(code)?.label ?? code;
const intensityName = (intensity: number) => painIntensityLabels[intensity] ?? String(intensity);

/** Mild, moderate, severe: darker, larger and numbered, so no one depends on the colour. */
const intensityMarks = [
  { fill: '#FFFFFF', stroke: '#C0440A', text: '#7A2A06', r: 7 },
  { fill: '#F3C4A8', stroke: '#C0440A', text: '#5C1F04', r: 9 },
  { fill: '#C0440A', stroke: '#7A2A06', text: '#FFFFFF', r: 11 },
];

/** Where the body charts mark pain, region by region over time. */
export function RegionPainSection({
  sessions,
  within,
  domain,
  view,
  openSession,
}: {
  sessions: ProgressSession[];
  within: string | null;
  domain: [number, number] | null;
  view: ProgressView;
  openSession: (sessionId: string) => void;
}) {
  const series = regionPainSeries(sessions, maxRegions);
  const marked = sessions.filter((session) => session.regionPain.length > 0);
  return (
    <ProgressSection id="progress-regions" title="Pain by body region">
      {marked.length === 0 || domain === null ? (
        <Text size="sm">
          {within
            ? nothingWithin(within, 'pain marks on a body chart')
            : 'No body chart marks pain yet. Pain marks (mild, moderate, severe) on a note’s body chart appear here by region.'}
        </Text>
      ) : (
        <ProgressFigure
          view={view}
          summary={
            <ChartSummary>
              Pain marked on the body chart in {count(marked.length, 'session')}, in{' '}
              {count(series.regions.length + series.otherRegions.length, 'region')}. Most often:{' '}
              {series.regions.slice(0, 3).map(regionLabel).join('; ')}.
              {series.otherRegions.length > 0 &&
                ` The chart shows the ${series.regions.length} regions marked most often; the table lists every region.`}
            </ChartSummary>
          }
          chart={
            <RegionChart
              points={series.points}
              regions={series.regions}
              domain={domain}
              openSession={openSession}
            />
          }
          table={<RegionTable sessions={marked} />}
        />
      )}
    </ProgressSection>
  );
}

function RegionChart({
  points,
  regions,
  domain,
  openSession,
}: {
  points: RegionPainPoint[];
  regions: string[];
  domain: [number, number];
  openSession: (sessionId: string) => void;
}) {
  // The category axis lists regions top to bottom in the order given: most often marked first.
  // The axis lists categories in the order the data first names them: rank order, then time.
  const rows = points
    .map((point) => ({ ...point, row: regionLabel(point.region) }))
    .sort((a, b) => regions.indexOf(a.region) - regions.indexOf(b.region) || a.at - b.at);
  return (
    <>
      <ScatterChart
        responsive
        style={{ width: '100%', height: 56 + regions.length * 56 }}
        margin={chartMargin}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#E9ECEF" horizontal vertical={false} />
        {timeAxis(domain)}
        <YAxis
          type="category"
          dataKey="row"
          ticks={regions.map(regionLabel)}
          domain={regions.map(regionLabel)}
          allowDuplicatedCategory={false}
          // The most often marked region on top.
          reversed
          tick={<RegionTick />}
          width={yAxisWidth}
          interval={0}
        />
        <Scatter
          data={rows}
          isAnimationActive={false}
          shape={(props: unknown) => {
            const { cx, cy, payload } = props as {
              cx: number;
              cy: number;
              payload: RegionPainPoint;
            };
            return (
              <g
                className="progress-point"
                data-session-id={payload.sessionId}
                onClick={() => openSession(payload.sessionId)}
              >
                <circle cx={cx} cy={cy} r={14} fill="transparent" />
                <IntensityMark cx={cx} cy={cy} intensity={payload.intensity} />
              </g>
            );
          }}
        />
        <Tooltip
          cursor={false}
          content={tooltipContent<RegionPainPoint>((point) => (
            <>
              <Text size="sm" fw={600}>
                {formatCalendarDate(point.serviceDate)}
              </Text>
              <Text size="sm">
                {regionLabel(point.region)}: {intensityName(point.intensity).toLowerCase()}
              </Text>
            </>
          ))}
        />
      </ScatterChart>
      <ul className="progress-legend" aria-hidden="true">
        {[1, 2, 3].map((intensity) => (
          <li key={intensity}>
            <svg width="24" height="24" viewBox="0 0 24 24" focusable="false">
              <IntensityMark cx={12} cy={12} intensity={intensity} />
            </svg>
            <span>{intensityName(intensity).toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A body-chart pain mark: its number inside a circle that grows and darkens with it. */
function IntensityMark({ cx, cy, intensity }: { cx: number; cy: number; intensity: number }) {
  const mark = intensityMarks[intensity - 1] ?? intensityMarks[0]!;
  return (
    <>
      <circle cx={cx} cy={cy} r={mark.r} fill={mark.fill} stroke={mark.stroke} strokeWidth={1.5} />
      <text
        x={cx}
        y={cy}
        dy="0.35em"
        textAnchor="middle"
        fontSize={11}
        fontWeight={700}
        fill={mark.text}
      >
        {intensity}
      </text>
    </>
  );
}

/**
 * A region's name written inside the plot, just above its row, so this chart's axis is as
 * narrow as the others' and its sessions line up with theirs. A white halo keeps the words
 * readable where a mark sits under them.
 */
function RegionTick(props: { x?: number; y?: number; payload?: { value: string } }) {
  const { x = 0, y = 0, payload } = props;
  return (
    <text
      x={x + 8}
      y={y - 18}
      textAnchor="start"
      fontSize={12}
      fill="#212529"
      stroke="#fff"
      strokeWidth={3}
      paintOrder="stroke"
    >
      {payload?.value}
    </text>
  );
}

function RegionTable({ sessions }: { sessions: ProgressSession[] }) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped>
        <Table.Caption>Pain marked on the body chart at each session, by region</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Session</Table.Th>
            <Table.Th scope="col">Regions marked painful (mild, moderate or severe)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.sessionId}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} href={sessionHref(session.sessionId)}>
                  {formatCalendarDate(session.serviceDate)}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {session.regionPain
                  .map(
                    (mark) =>
                      `${regionLabel(mark.region)}: ${intensityName(mark.intensity).toLowerCase()}`,
                  )
                  .join('; ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
