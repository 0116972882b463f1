import type { Client } from '../../domain/clients.js';
import { displayName } from '../../domain/clients.js';
import type { ClientConsentsView } from '../../domain/consent-views.js';
import type { FollowUp } from '../../domain/follow-ups.js';
import type { HealthHistoryChange } from '../../domain/health-history-diff.js';
import type { HealthHistorySource } from '../../domain/health-history-views.js';
import {
  describePeriod,
  orderedSections,
  recordSectionLabels,
  type RecordSection,
} from '../../domain/record-export.js';
import type { AvoidRegion, SafetyAlert } from '../../domain/safety.js';
import type { SignedNoteEntry } from '../../store/client-record.js';
import type { StoredHealthHistory } from '../../store/health-history.js';
import { openPdf, when, writeField } from './pdf-document.js';
import { writeNotes } from './record-pdf-notes.js';
import {
  writeConsents,
  writeHealthHistory,
  writeProfile,
  writeSafety,
} from './record-pdf-profile.js';
import {
  writeEffectiveness,
  writeFollowUps,
  writeProgress,
  type RecordProgress,
  type RecordEffectiveness,
} from './record-pdf-progress.js';

/** One saved version of the health history and what it changed from the one before. */
export interface HealthHistoryVersionEntry {
  number: number;
  recordedAt: string;
  recordedByName: string | null;
  source: HealthHistorySource;
  changes: HealthHistoryChange[];
}

/**
 * Everything the record's PDF prints, gathered by `gatherClientRecord` (server/commands) for
 * the sections asked for; a section not asked for may be left empty. Private reflections have
 * no field here: they cannot reach the document by mistake.
 */
export interface ClientRecordDocument {
  practiceName: string;
  timeZone: string;
  generatedAt: string;
  generatedBy: string;
  /** Who the copy is for and on what basis, in one sentence. */
  recipient: string;
  sections: RecordSection[];
  period: { from: string | null; to: string | null };
  client: Client;
  primaryTherapistName: string | null;
  healthHistory: { current: StoredHealthHistory | null; versions: HealthHistoryVersionEntry[] };
  safety: { evaluatedOn: string; alerts: SafetyAlert[]; avoidRegions: AvoidRegion[] };
  consents: ClientConsentsView | null;
  progress: RecordProgress;
  effectiveness: RecordEffectiveness | null;
  followUps: FollowUp[];
  notes: SignedNoteEntry[];
  names: {
    techniques: ReadonlyMap<string, string>;
    products: ReadonlyMap<string, string>;
    sessionTypes: ReadonlyMap<string, string>;
  };
}

const writers: Record<
  RecordSection,
  (doc: PDFKit.PDFDocument, record: ClientRecordDocument) => void
> = {
  profile: writeProfile,
  healthHistory: writeHealthHistory,
  safety: writeSafety,
  consents: writeConsents,
  progress: writeProgress,
  effectiveness: writeEffectiveness,
  followUps: writeFollowUps,
  notes: writeNotes,
};

/**
 * Room a section needs below its heading before it is worth starting on this page: a chart,
 * or a note with its body chart, should not leave its heading alone at the foot of a page.
 */
const roomNeeded: Partial<Record<RecordSection, number>> = { progress: 260, notes: 330 };

/** A section's title, ruled off, starting a new page when less than `room` is left. */
export function writeSectionHeading(doc: PDFKit.PDFDocument, title: string, room = 120): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - room) doc.addPage();
  const left = doc.page.margins.left;
  doc.moveDown(1).font('bold').fontSize(14).fillColor('#1b4965').text(title, left);
  const y = doc.y + 2;
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor('#1b4965')
    .moveTo(left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .stroke()
    .restore();
  doc.moveDown(0.5).font('regular').fontSize(10).fillColor('black');
}

/**
 * The client's record as one readable document, the playbook for the next clinician: who the
 * client is, what to watch for, how they have progressed, what has worked, and every signed
 * note in order with its addenda and body chart.
 */
export function renderRecordPdf(record: ClientRecordDocument): Promise<Buffer> {
  const name = displayName(record.client);
  const { doc, done } = openPdf({ title: `Client record — ${name}` });
  doc.font('bold').fontSize(16).text(record.practiceName);
  doc.font('regular').fontSize(12).text('Client record').moveDown(0.6);
  doc.fontSize(10);
  writeField(
    doc,
    'Client',
    `${name}${name.startsWith(record.client.legalFirstName) ? '' : ` (legal name ${record.client.legalFirstName} ${record.client.legalLastName})`}`,
  );
  writeField(doc, 'Date of birth', record.client.dateOfBirth);
  writeField(
    doc,
    'Prepared',
    `${when(record.generatedAt, record.timeZone)} by ${record.generatedBy}`,
  );
  writeField(doc, 'For', record.recipient);
  writeField(doc, 'Period', describePeriod(record.period));
  writeField(
    doc,
    'Contents',
    orderedSections(record.sections)
      .map((section) => recordSectionLabels[section])
      .join(' · '),
  );
  doc
    .moveDown(0.4)
    .fontSize(8)
    .fillColor('#555555')
    .text(
      'Confidential health information. Dated entries are limited to the period above; the profile, current health history, alerts and consents are as of the date prepared.',
    )
    .fillColor('black')
    .fontSize(10);
  for (const section of orderedSections(record.sections)) {
    writeSectionHeading(doc, recordSectionLabels[section], roomNeeded[section]);
    writers[section](doc, record);
  }
  writeFooters(
    doc,
    `${name}${record.client.dateOfBirth ? ` · born ${record.client.dateOfBirth}` : ''}`,
  );
  doc.end();
  return done;
}

/** Every page says whose record it is and where it sits, so a loose page finds its way back. */
function writeFooters(doc: PDFKit.PDFDocument, whose: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(
        `${whose} · Confidential · page ${index - range.start + 1} of ${range.count}`,
        doc.page.margins.left,
        doc.page.height - 35,
        {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
