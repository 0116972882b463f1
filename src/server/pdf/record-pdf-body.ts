import { bodyRegion } from '../../domain/body-regions.js';
import { markKindLabels, markKinds, type BodyMark, type MarkKind } from '../../domain/notes.js';

/**
 * A note's body chart drawn in the record: front and back figures with a symbol on each
 * marked region. The region list printed with the note is the exact record; the drawing is
 * there to be taken in at a glance, so a schematic figure is enough.
 *
 * Coordinates are those of the chart in the app (a 200 × 470 figure, midline x = 100): each
 * region's centre is given as (distance from the midline towards the client's own side,
 * height), read off the app's region shapes. Regions drawn only on the side views in the app
 * are placed where they show from the front.
 */
type Place = readonly [number, number];
const centres: Record<string, { front?: Place; back?: Place }> = {
  head: { front: [0, 20], back: [0, 26] },
  face_jaw: { front: [10, 44] },
  suboccipitals: { back: [8, 50] },
  anterior_neck: { front: [6, 65] },
  posterior_neck: { back: [6, 67] },
  upper_trapezius: { front: [29, 73], back: [26, 75] },
  levator_scapulae: { back: [21, 88] },
  deltoid: { front: [51, 97], back: [51, 97] },
  rotator_cuff: { back: [33, 111] },
  pectorals: { front: [21, 101] },
  upper_arm_anterior: { front: [53, 147] },
  upper_arm_posterior: { back: [53, 147] },
  forearm_flexors: { front: [61, 217] },
  forearm_extensors: { back: [61, 217] },
  hand_wrist: { front: [69, 276], back: [69, 276] },
  rhomboids: { back: [16, 115] },
  thoracic_erectors: { back: [5, 133] },
  latissimus: { back: [25, 155] },
  lumbar_erectors: { back: [6, 204] },
  quadratus_lumborum: { back: [25, 203] },
  abdomen: { front: [0, 168] },
  ribs_intercostals: { front: [33, 150] },
  sacrum: { back: [0, 242] },
  gluteals: { back: [24, 250] },
  lateral_hip: { front: [43, 222], back: [43, 222] },
  hip_flexors: { front: [21, 223] },
  it_band: { front: [40, 277], back: [39, 314] },
  adductors: { front: [10, 279] },
  quadriceps: { front: [26, 279] },
  hamstrings: { back: [19, 318] },
  knee: { front: [24, 348] },
  shin: { front: [24, 399] },
  peroneals: { front: [31, 400] },
  calves: { back: [24, 394] },
  foot_ankle: { front: [24, 448], back: [23, 447] },
};

/** The outline behind the marks, one half (trunk and leg, then arm) mirrored for the other. */
const trunkAndLeg = [
  0, 50, 11, 51, 12, 72, 42, 80, 53, 85, 45, 118, 41, 150, 37, 190, 43, 215, 47, 238, 45, 300, 39,
  332, 36, 352, 33, 372, 32, 402, 30, 430, 36, 464, 12, 464, 13, 432, 14, 402, 11, 352, 8, 322, 3,
  254, 0, 250,
];
const arm = [
  43, 84, 57, 86, 63, 100, 64, 176, 70, 210, 74, 250, 80, 272, 78, 294, 65, 299, 58, 280, 59, 257,
  54, 222, 48, 184, 44, 150, 42, 116,
];

const figure = { width: 200, height: 470, midline: 100 };

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
) {
  const pairs: Array<[number, number]> = [];
  for (let index = 0; index + 1 < points.length; index += 2)
    pairs.push(at(mirrored ? -points[index]! : points[index]!, points[index + 1]!));
  return pairs;
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
  const scale = height / figure.height;
  const width = figure.width * scale;
  const left = doc.page.margins.left;
  const top = doc.y + 14;
  const views = [
    { view: 'front' as const, x: left },
    { view: 'back' as const, x: left + width + 30 },
  ];
  for (const { view, x } of views) {
    const at = (dx: number, y: number): [number, number] => [
      x + (figure.midline + dx) * scale,
      top + y * scale,
    ];
    doc.save().lineWidth(0.6).strokeColor('#868e96').fillColor('#f1f3f5');
    doc.ellipse(...at(0, 32), 20 * scale, 25 * scale).fillAndStroke();
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
      const place = centres[base]?.[view];
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
