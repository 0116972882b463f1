import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Symbols, XAxis, type DotItemDotProps, type TooltipContentProps } from 'recharts';
import { timeTicks } from '../../../domain/progress-series.js';
import { timeTickFormatter } from './chartText.js';

/**
 * What the progress charts share: colours that pass 4.5:1 on white and are told apart by
 * people with the common colour-vision deficiencies (Okabe–Ito hues, darkened), and always
 * a second cue — a marker shape and a dash style — so no series is known by colour alone.
 */

export type SymbolName = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross' | 'wye';

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash?: string;
  symbol: SymbolName;
}

export const painStyles = {
  before: { color: '#C0440A', symbol: 'circle' },
  after: { color: '#0067A5', dash: '7 4', symbol: 'square' },
} satisfies Record<string, SeriesStyle>;

export const followUpStyles = {
  relief: { color: '#007A5A', symbol: 'triangle' },
  soreness: { color: '#8E3B8A', dash: '7 4', symbol: 'diamond' },
  reaction: { color: '#B00020', symbol: 'cross' },
} satisfies Record<string, SeriesStyle>;

/** One style per PSFS activity (at most five are active at once). */
export const lineStyles: SeriesStyle[] = [
  { color: '#0067A5', symbol: 'circle' },
  { color: '#C0440A', dash: '7 4', symbol: 'square' },
  { color: '#007A5A', dash: '2 3', symbol: 'triangle' },
  { color: '#8E3B8A', dash: '10 3 2 3', symbol: 'diamond' },
  { color: '#8A6100', dash: '14 5', symbol: 'star' },
];
export const lineStyle = (index: number): SeriesStyle => lineStyles[index % lineStyles.length]!;

export const goalColor = '#343A40';
export const goalDash = '12 5';
export const bandColor = '#868E96';
export const treatmentColor = '#0B7285';

/** A legend sample drawn in the chart's own terms: the line, its dash and its marker. */
function LegendSample({ style, kind }: { style: SeriesStyle; kind: LegendKind }) {
  return (
    <svg width="36" height="16" viewBox="0 0 36 16" aria-hidden="true" focusable="false">
      {kind === 'band' ? (
        <rect x="1" y="2" width="34" height="12" fill={style.color} fillOpacity={0.22} />
      ) : kind === 'bar' ? (
        <rect x="15" y="2" width="6" height="13" fill={style.color} />
      ) : (
        <>
          {kind !== 'marker' && (
            <line
              x1="1"
              y1="8"
              x2="35"
              y2="8"
              stroke={style.color}
              strokeWidth={kind === 'goal' ? 1.5 : 2.5}
              strokeDasharray={style.dash}
            />
          )}
          {kind !== 'goal' && (
            <Symbols
              cx={18}
              cy={8}
              type={style.symbol}
              size={kind === 'marker' ? 90 : 60}
              fill={style.color}
            />
          )}
        </>
      )}
    </svg>
  );
}

type LegendKind = 'line' | 'band' | 'goal' | 'marker' | 'bar';

export interface LegendItem {
  label: string;
  style: SeriesStyle;
  kind?: LegendKind;
}

/** The key to a chart, as HTML so it wraps on a phone and prints crisply. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="progress-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={`${item.kind ?? 'line'}-${item.label}`}>
          <LegendSample style={item.style} kind={item.kind ?? 'line'} />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A point that opens its session when tapped or clicked. The visible marker is small; an
 * invisible ring around it makes a target a fingertip can hit (about 28 px across).
 */
export function sessionDot(
  style: SeriesStyle,
  openSession: (sessionId: string) => void,
  sessionIdOf: (row: Record<string, unknown>) => string | null = (row) =>
    typeof row['sessionId'] === 'string' ? row['sessionId'] : null,
) {
  function SessionDot(props: DotItemDotProps) {
    const { cx, cy, payload, value } = props as DotItemDotProps & { cx?: number; cy?: number };
    if (cx === undefined || cy === undefined || value === null || value === undefined) {
      return <g key={`${props.index}-empty`} />;
    }
    const sessionId = sessionIdOf(payload as Record<string, unknown>);
    return (
      <g
        key={`${props.index}-${String(props.dataKey)}`}
        className={sessionId ? 'progress-point' : undefined}
        data-session-id={sessionId ?? undefined}
        onClick={sessionId ? () => openSession(sessionId) : undefined}
      >
        <circle cx={cx} cy={cy} r={14} fill="transparent" />
        <Symbols
          cx={cx}
          cy={cy}
          type={style.symbol}
          size={70}
          fill={style.color}
          stroke="#fff"
          strokeWidth={1}
        />
      </g>
    );
  }
  return SessionDot;
}

/**
 * Past this many points a chart draws its lines without markers (they would merge into a
 * smear), and a click anywhere opens the session nearest the pointer instead.
 */
export const denseAfter = 60;

/** A chart's click handler that opens the session of the row under the pointer. */
export function openNearestRow(
  rows: ReadonlyArray<{ sessionId: string | null }>,
  openSession: (sessionId: string) => void,
) {
  return (state: { activeTooltipIndex?: number | string | null | undefined }) => {
    const index = Number(state.activeTooltipIndex);
    const sessionId = Number.isInteger(index) ? rows[index]?.sessionId : null;
    if (sessionId) openSession(sessionId);
  };
}

/** The time axis every chart of the page shares, so a session sits at one x on each. */
export function timeAxis(domain: [number, number], options: { hideTicks?: boolean } = {}) {
  const ticks = timeTicks(domain, 6);
  return (
    <XAxis
      dataKey="at"
      type="number"
      scale="time"
      domain={domain}
      ticks={ticks}
      tickFormatter={timeTickFormatter(domain)}
      tick={options.hideTicks ? false : { fontSize: 12, fill: '#343A40' }}
      height={options.hideTicks ? 6 : 30}
      allowDataOverflow
    />
  );
}

export const axisTick = { fontSize: 12, fill: '#343A40' };

/**
 * Every chart's value axis is this wide and its right margin the same, so their plot areas
 * line up and a session is at the same x on each chart of the page.
 */
export const yAxisWidth = 44;
export const chartMargin = { top: 14, right: 12, bottom: 0, left: 0 };

/** A tooltip box whose contents the chart decides from the hovered row. */
export function tooltipContent<Row>(render: (row: Row) => ReactNode) {
  function ProgressTooltip({ active, payload }: TooltipContentProps) {
    const row = payload?.[0]?.payload as Row | undefined;
    if (!active || !row) return null;
    return (
      <Paper shadow="sm" withBorder p="xs" className="progress-tooltip">
        {render(row)}
      </Paper>
    );
  }
  return ProgressTooltip;
}

/** A chart section's summary: what the chart shows, in words, also read before the table. */
export function ChartSummary({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" component="p" className="progress-summary">
      {children}
    </Text>
  );
}
