import { writeSignedNoteBody } from './note-pdf.js';
import { writeNothing } from './pdf-document.js';
import { drawBodyChart } from './record-pdf-body.js';
import type { ClientRecordDocument } from './record-pdf.js';

/**
 * Every signed note of the period in the order the sessions happened, each as the note's own
 * PDF shows it (SOAP, signature, addenda with their reasons), with its body chart drawn.
 */
export function writeNotes(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  if (record.notes.length === 0) {
    writeNothing(doc, 'No signed session notes in this period.');
    return;
  }
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  for (const note of record.notes) {
    // A note starts on a fresh page unless most of this one is still free.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 250) doc.addPage();
    else doc.moveDown(1.5);
    const { session } = note;
    doc
      .font('bold')
      .fontSize(12)
      .fillColor('#1b4965')
      .text(
        `${session.serviceDate} — ${record.names.sessionTypes.get(session.sessionType) ?? session.sessionType}, ${session.actualMinutes ?? session.plannedMinutes} min — ${session.therapistName}`,
        left,
      );
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#1b4965')
      .moveTo(left, doc.y + 1)
      .lineTo(right, doc.y + 1)
      .stroke()
      .restore();
    doc.font('regular').fontSize(10).fillColor('black').moveDown(0.3);
    if (note.content.objective.bodyChart.length > 0)
      drawBodyChart(doc, note.content.objective.bodyChart);
    writeSignedNoteBody(doc, {
      timeZone: record.timeZone,
      content: note.content,
      signedBy: note.signedByName,
      signedAt: note.signedAt,
      addenda: note.addenda,
      techniqueNames: record.names.techniques,
      productNames: record.names.products,
    });
  }
}
