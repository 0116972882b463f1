import { daysBetween } from '../../domain/time.js';

/**
 * Line charts drawn with pdfkit's own vector paths (no image, no browser): dates along the
 * bottom in proportion to the time between them, a fixed scale up the side so two charts of
 * the same measure compare, goal and reference lines across.
 */
export interface ChartSeries {
  label: string;
  colour: string;
  dashed?: boolean;
  points: ReadonlyArray<{ date: string; value: number }>;
}

export interface LineChart {
  title: string;
  /** The measure's own range (0–10 for pain), not the data's, so small changes look small. */
  min: number;
  max: number;
  series: ChartSeries[];
  /** A target or threshold drawn across the chart. */
  lines?: ReadonlyArray<{ value: number; label: string; colour: string }>;
}

/** Where dates and values land: pure arithmetic, kept apart so it can be checked by itself. */
export function chartScale(
  chart: Pick<LineChart, 'min' | 'max' | 'series'>,
  box: { x: number; y: number; width: number; height: number },
) {
  const dates = chart.series.flatMap((series) => series.points.map((point) => point.date)).sort();
  const first = dates[0] ?? '1970-01-01';
  const span = Math.max(daysBetween(first, dates[dates.length - 1] ?? first), 1);
  const single = dates.length > 0 && dates[0] === dates[dates.length - 1];
  return {
    first,
    last: dates[dates.length - 1] ?? first,
    x: (date: string) =>
      single ? box.x + box.width / 2 : box.x + (daysBetween(first, date) / span) * box.width,
    y: (value: number) => {
      const clamped = Math.min(chart.max, Math.max(chart.min, value));
      return box.y + box.height - ((clamped - chart.min) / (chart.max - chart.min)) * box.height;
    },
  };
}

/** About five labelled steps up the side, on round numbers of the measure. */
export function valueTicks(min: number, max: number): number[] {
  const raw = (max - min) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + 1e-9; value += step)
    ticks.push(Number(value.toFixed(6)));
  return ticks;
}

/** Draws the chart at the current position, the full text width, and moves below it. */
export function drawLineChart(doc: PDFKit.PDFDocument, chart: LineChart, height = 150): void {
  const needed = height + 70;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(10).text(chart.title, left, doc.y);
  const box = { x: left + 30, y: doc.y + 6, width: width - 40, height };
  const scale = chartScale(chart, box);

  doc.save().lineWidth(0.5).strokeColor('#ced4da').font('regular').fontSize(7).fillColor('#495057');
  for (const tick of valueTicks(chart.min, chart.max)) {
    const y = scale.y(tick);
    doc
      .moveTo(box.x, y)
      .lineTo(box.x + box.width, y)
      .stroke();
    doc.text(String(tick), left, y - 3.5, { width: 24, align: 'right', lineBreak: false });
  }
  const single = scale.first === scale.last;
  doc.text(scale.first, single ? scale.x(scale.first) - 20 : box.x, box.y + box.height + 4, {
    lineBreak: false,
  });
  if (!single)
    doc.text(scale.last, box.x + box.width - 44, box.y + box.height + 4, { lineBreak: false });
  doc.restore();

  for (const line of chart.lines ?? []) {
    const y = scale.y(line.value);
    doc.save().lineWidth(1).strokeColor(line.colour).dash(2, { space: 3 });
    doc
      .moveTo(box.x, y)
      .lineTo(box.x + box.width, y)
      .stroke()
      .undash();
    doc
      .fillColor(line.colour)
      .fontSize(7)
      .text(line.label, box.x + 4, y - 9, { lineBreak: false });
    doc.restore();
  }

  for (const series of chart.series) {
    const points = [...series.points].sort((a, b) => a.date.localeCompare(b.date));
    if (points.length === 0) continue;
    doc.save().lineWidth(1.5).strokeColor(series.colour).fillColor(series.colour);
    if (series.dashed) doc.dash(4, { space: 2 });
    points.forEach((point, index) => {
      const x = scale.x(point.date);
      const y = scale.y(point.value);
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    if (points.length > 1) doc.stroke();
    doc.undash();
    for (const point of points) doc.circle(scale.x(point.date), scale.y(point.value), 2).fill();
    doc.restore();
  }

  let legendX = box.x;
  const legendY = box.y + box.height + 16;
  doc.font('regular').fontSize(8);
  for (const series of chart.series) {
    doc.save().lineWidth(1.5).strokeColor(series.colour);
    if (series.dashed) doc.dash(4, { space: 2 });
    doc
      .moveTo(legendX, legendY + 4)
      .lineTo(legendX + 14, legendY + 4)
      .stroke()
      .restore();
    doc.fillColor('black').text(series.label, legendX + 18, legendY, { lineBreak: false });
    legendX += 30 + doc.widthOfString(series.label);
  }
  doc.fillColor('black').fontSize(10);
  doc.x = left;
  doc.y = legendY + 18;
}
