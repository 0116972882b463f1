import {
  figureHeight,
  figureWidth,
  frontBackCentre,
  headSize,
  pointsOf,
  silhouetteHalves,
} from '../../domain/body-figure.js';
import { bodyRegion } from '../../domain/body-regions.js';
import { markKindLabels, markKinds, type BodyMark, type MarkKind } from '../../domain/notes.js';

/**
 * A note's body chart drawn in the record: front and back figures with a symbol on each
 * marked region. The region list printed with the note is the exact record; the drawing is
 * there to be taken in at a glance. The figure and where each region's marks go are the app's
 * own (domain/body-figure.ts), so the paper shows what the screen shows.
 */
/** Dark enough for print, and told apart by shape as well as colour (as in the app). */
const markColours: Record<MarkKind, string> = {
  pain: '#c92a2a',
  tension: '#d9480f',
  trigger_point: '#6741d9',
  numbness: '#1864ab',
  treated: '#2b8a3e',
  avoid: '#212529',
};

function drawSymbol(doc: PDFKit.PDFDocument, kind: MarkKind, x: number, y: number, size: number) {
  doc.save().fillColor(markColours[kind]).strokeColor(markColours[kind]).lineWidth(1.2);
  switch (kind) {
    case 'pain':
      doc.circle(x, y, size).fill();
      break;
    case 'tension':
      doc.rect(x - size, y - size, size * 2, size * 2).fill();
      break;
    case 'trigger_point':
      doc
        .polygon(
          [x, y - size * 1.2],
          [x + size * 1.1, y + size * 0.8],
          [x - size * 1.1, y + size * 0.8],
        )
        .fill();
      break;
    case 'numbness':
      doc.polygon([x, y - size * 1.3], [x + size, y], [x, y + size * 1.3], [x - size, y]).fill();
      break;
    case 'treated':
      doc.circle(x, y, size).stroke();
      break;
    case 'avoid':
      doc
        .moveTo(x - size, y - size)
        .lineTo(x + size, y + size)
        .moveTo(x + size, y - size)
        .lineTo(x - size, y + size)
        .stroke();
      break;
  }
  doc.restore();
}

function outline(
  points: number[],
  mirrored: boolean,
  at: (dx: number, y: number) => [number, number],
): Array<[number, number]> {
  return pointsOf(points).map(([dx, y]) => at(mirrored ? -dx : dx, y));
}

/**
 * Draws front and back side by side at the current position, `height` points tall, and moves
 * below them. On the front the client faces the reader, so their right is on the reader's
 * left; on the back their right is on the reader's right, as in the app.
 */
export function drawBodyChart(
  doc: PDFKit.PDFDocument,
  marks: readonly BodyMark[],
  height = 150,
): void {
  if (doc.y + height + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const scale = height / figureHeight;
  const width = figureWidth * scale;
  const left = doc.page.margins.left;
  const top = doc.y + 14;
  const views = [
    { view: 'front' as const, x: left },
    { view: 'back' as const, x: left + width + 30 },
  ];
  for (const { view, x } of views) {
    const at = (dx: number, y: number): [number, number] => [
      x + (figureWidth / 2 + dx) * scale,
      top + y * scale,
    ];
    doc.save().lineWidth(0.6).strokeColor('#868e96').fillColor('#f1f3f5');
    const [trunkAndLeg, arm] = silhouetteHalves as [number[], number[]];
    doc
      .ellipse(...at(0, headSize.cy), (headSize.rx + 1) * scale, (headSize.ry + 1) * scale)
      .fillAndStroke();
    // The trunk and legs are one outline: down one side, back up the other.
    doc
      .polygon(...outline(trunkAndLeg, false, at), ...outline(trunkAndLeg, true, at).reverse())
      .fillAndStroke();
    for (const mirrored of [false, true])
      doc.polygon(...outline(arm, mirrored, at)).fillAndStroke();
    doc.restore();
    doc.font('regular').fontSize(8).fillColor('#495057');
    doc.text(view === 'front' ? 'Front' : 'Back', x, top - 12, { width, align: 'center' });
    doc.text(view === 'front' ? 'R' : 'L', x, top + 40 * scale, { lineBreak: false });
    doc.text(view === 'front' ? 'L' : 'R', x + width - 6, top + 40 * scale, { lineBreak: false });
    for (const mark of marks) {
      const region = bodyRegion(mark.region);
      const base =
        region?.laterality === 'midline' ? mark.region : mark.region.replace(/_[lr]$/, '');
      const place = frontBackCentre(base, view);
      if (!region || !place) continue;
      // The client's left is the reader's right on the front view and the reader's left on the back.
      const toReadersRight =
        region.laterality === 'left'
          ? view === 'front'
          : region.laterality === 'right'
            ? view === 'back'
            : true;
      const dx = region.laterality === 'midline' ? 0 : toReadersRight ? place[0] : -place[0];
      drawSymbol(doc, mark.kind, ...at(dx, place[1]), 2 + mark.intensity);
    }
  }
  const legendX = left + 2 * width + 60;
  let legendY = top;
  const used = markKinds.filter((kind) => marks.some((mark) => mark.kind === kind));
  for (const kind of used) {
    drawSymbol(doc, kind, legendX + 4, legendY + 5, 3.5);
    doc
      .fillColor('black')
      .fontSize(8)
      .text(markKindLabels[kind], legendX + 14, legendY, { lineBreak: false });
    legendY += 13;
  }
  doc.fillColor('black').font('regular').fontSize(10);
  doc.x = left;
  doc.y = top + height + 8;
}
