import PDFDocument from 'pdfkit';
import { pdfFonts } from './fonts.js';

/**
 * What every Palpate PDF shares: A4 with 50 pt margins, DejaVu fonts registered as `regular`
 * and `bold` (accents in every name), and the finished bytes collected into one Buffer.
 */
export function openPdf(info: { title: string }): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: info.title, Producer: 'Palpate' },
  });
  doc.registerFont('regular', pdfFonts.regular);
  doc.registerFont('bold', pdfFonts.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** An instant as the practice reads it: "Nov 27, 2026, 10:00 a.m." in the practice's zone. */
export function when(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(instant));
}

/** "Label: value" on one line, the label bold; nothing at all for an empty value. */
export function writeField(
  doc: PDFKit.PDFDocument,
  label: string,
  value: string | number | null | undefined,
): void {
  if (value === null || value === undefined || value === '') return;
  doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(String(value));
}

/** A grey line saying a section has nothing to show, so an empty section is not mistaken for a gap. */
export function writeNothing(doc: PDFKit.PDFDocument, words = 'Nothing recorded.'): void {
  doc.fillColor('#555555').text(words).fillColor('black');
}

/** A heading inside a section (a health-history version, a goal, a session). */
export function writeSubheading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.moveDown(0.5).font('bold').fontSize(11).text(text, doc.page.margins.left).moveDown(0.15);
  doc.font('regular').fontSize(10);
}

/** A bulleted line, indented under the heading it belongs to. */
export function writeBullet(doc: PDFKit.PDFDocument, text: string): void {
  doc.text(`•  ${text}`, doc.page.margins.left + 8, doc.y, {
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right - 8,
  });
  doc.x = doc.page.margins.left;
}
