import { consentKindLabels } from '../../domain/consent.js';
import type { ConsentSignatureView } from '../../domain/consent-views.js';
import { openPdf } from './pdf-document.js';

export interface SignedConsentDocument {
  practiceName: string;
  timeZone: string;
  clientName: string;
  clientBirthDate: string | null;
  signature: ConsentSignatureView;
}

function when(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'long',
  }).format(new Date(instant));
}

/** Where a drawn signature is placed: a box as wide as a signature line, below the text. */
const signatureBox = { width: 260, height: 90 };

/**
 * The extent of SVG path data in the signing pad's coordinates, read from its numbers as x, y
 * pairs (what signature pads write: M, L and C commands with absolute points), so a drawn
 * signature of any pad size is scaled into the signature box.
 */
function pathBounds(path: string): { x: number; y: number; width: number; height: number } {
  const numbers = (path.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  const xs = numbers.filter((_, index) => index % 2 === 0);
  const ys = numbers.filter((_, index) => index % 2 === 1);
  if (xs.length === 0 || ys.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The signed consent as the client saw it: the exact text version, then who signed, in what
 * role, when, from where and on what device, and the signature itself.
 */
export function renderConsentPdf(consent: SignedConsentDocument): Promise<Buffer> {
  const { signature } = consent;
  const { doc, done } = openPdf({ title: `${signature.textTitle} — ${consent.clientName}` });
  const field = (label: string, value: string | null) => {
    if (value === null || value === '') return;
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  };

  doc.font('bold').fontSize(16).text(consent.practiceName);
  doc
    .font('regular')
    .fontSize(10)
    .text(`${consentKindLabels[signature.kind]} — text version ${signature.textVersion}`)
    .moveDown(0.5);
  field('Client', consent.clientName);
  field('Date of birth', consent.clientBirthDate);
  doc.moveDown(0.8).font('bold').fontSize(13).text(signature.textTitle).moveDown(0.3);
  doc.font('regular').fontSize(10).text(signature.textBody, { paragraphGap: 6 });
  if (signature.sharedWith) {
    doc.moveDown(0.3);
    field('Records may be shared with', signature.sharedWith);
  }

  doc.moveDown(1).font('bold').fontSize(12).text('Signature').font('regular').fontSize(10);
  doc.moveDown(0.3);
  const mark = signature.signature;
  if (mark.method === 'typed') {
    doc.font('regular').fontSize(18).text(mark.typedName).fontSize(10);
    doc.fillColor('#555555').text('(signed by typing their name)').fillColor('black');
  } else {
    const top = doc.y;
    if (mark.format === 'png_data_url') {
      doc.image(Buffer.from(mark.data.split(',')[1] ?? '', 'base64'), doc.x, top, {
        fit: [signatureBox.width, signatureBox.height],
      });
    } else {
      const box = pathBounds(mark.data);
      const scale = Math.min(
        signatureBox.width / Math.max(box.width, 1),
        signatureBox.height / Math.max(box.height, 1),
        1,
      );
      doc
        .save()
        .translate(doc.x, top)
        .scale(scale)
        .translate(-box.x, -box.y)
        .path(mark.data)
        .lineWidth(2 / scale)
        .stroke()
        .restore();
    }
    doc.y = top + signatureBox.height + 6;
    doc.x = doc.page.margins.left;
  }
  doc
    .moveTo(doc.x, doc.y)
    .lineTo(doc.x + signatureBox.width, doc.y)
    .stroke()
    .moveDown(0.5);
  field('Signed by', signature.signerName);
  field(
    'Role',
    signature.signerRole === 'guardian'
      ? `Parent or guardian (${signature.guardianRelationship ?? 'relationship not given'})`
      : 'Client',
  );
  field('Signed at', when(signature.signedAt, consent.timeZone));
  field(
    'Where',
    signature.channel === 'tablet'
      ? `On the practice’s device${signature.recordedByName ? `, with ${signature.recordedByName}` : ''}`
      : 'Through the client’s secure link',
  );
  field('IP address', signature.ip);
  field('Device', signature.userAgent);
  if (signature.withdrawal) {
    doc
      .moveDown(0.8)
      .font('bold')
      .text(
        `Withdrawn on ${when(signature.withdrawal.at, consent.timeZone)}${signature.withdrawal.byName ? ` (recorded by ${signature.withdrawal.byName})` : ''}. Reason: ${signature.withdrawal.reason}`,
      )
      .font('regular');
  }
  doc.end();
  return done;
}
