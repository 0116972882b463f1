import { Text } from '@mantine/core';
import { Bar, ComposedChart, LabelList, Tooltip, YAxis } from 'recharts';
import { pressureLabels } from '../../../domain/notes.js';
import { techniquesText, type TreatmentMarker } from '../../../domain/progress-series.js';
import { formatCalendarDate } from '../../format.js';
import {
  axisTick,
  ChartLegend,
  timeAxis,
  tooltipContent,
  treatmentColor,
  chartMargin,
  openNearestRow,
  yAxisWidth,
} from './chartParts.js';
import { techniqueInitials } from './chartText.js';

const pressureName = (pressure: number) => pressureLabels[pressure] ?? String(pressure);

/** Past this many sessions the initials would overlap; the tooltip and the table still say. */
const maxLabelledMarkers = 24;

/**
 * A marker under the pain chart for each session: a bar as high as the firmest pressure given
 * (light … very firm), labelled with the initials of the techniques, on the same time axis.
 */
export function TreatmentStrip({
  markers,
  domain,
  techniqueName,
  openSession,
}: {
  markers: TreatmentMarker[];
  domain: [number, number];
  techniqueName: (code: string) => string;
  openSession: (sessionId: string) => void;
}) {
  if (markers.length === 0) return null;
  const names = markers.flatMap((marker) =>
    marker.techniques.map((use) => techniqueName(use.technique)),
  );
  const initials = techniqueInitials(names);
  const labelOf = (marker: TreatmentMarker) =>
    [...new Set(marker.techniques.map((use) => initials.get(techniqueName(use.technique))))].join(
      ' ',
    );
  const rows = markers.map((marker) => ({ ...marker, label: labelOf(marker) }));
  return (
    <>
      <Text size="xs" c="dimmed" mt={4} ml={4}>
        Treatment at each session: bar height is the firmest pressure, from 1 light to 5 very firm;
        letters name the techniques
      </Text>
      <ComposedChart
        responsive
        style={{ width: '100%', height: 112 }}
        data={rows}
        margin={chartMargin}
        accessibilityLayer={false}
        syncId="progress-pain"
        syncMethod="value"
        barSize={8}
        onClick={openNearestRow(rows, openSession)}
        className="progress-clickable"
      >
        {timeAxis(domain, { hideTicks: true })}
        <YAxis
          // Room above a very firm bar for two lines of initials.
          domain={[0, 7]}
          ticks={[1, 3, 5]}
          tick={axisTick}
          width={yAxisWidth}
          interval={0}
        />
        <Bar dataKey="firmestPressure" fill={treatmentColor} isAnimationActive={false}>
          {markers.length <= maxLabelledMarkers && (
            <LabelList dataKey="label" position="top" fontSize={11} fill="#212529" />
          )}
        </Bar>
        <Tooltip
          cursor={{ fill: '#F1F3F5' }}
          content={tooltipContent<TreatmentMarker>((marker) => (
            <>
              <Text size="sm" fw={600}>
                {formatCalendarDate(marker.serviceDate)}
              </Text>
              <Text size="xs">
                {techniquesText(marker.techniques, techniqueName, pressureName)}
              </Text>
            </>
          ))}
        />
      </ComposedChart>
      <ChartLegend
        items={[...initials].map(([name, short]) => ({
          label: `${short}: ${name}`,
          style: { color: treatmentColor, symbol: 'square' as const },
          kind: 'bar' as const,
        }))}
      />
    </>
  );
}
