import PDFDocument from 'pdfkit';
import { bodyRegion } from '../../domain/body-regions.js';
import { markKindLabels, pressureLabels, type NoteContent } from '../../domain/notes.js';
import type { Session } from '../../domain/sessions.js';
import type { Addendum } from '../../store/notes.js';
import { pdfFonts } from './fonts.js';

export interface SignedNoteDocument {
  practiceName: string;
  timeZone: string;
  clientName: string;
  clientBirthDate: string | null;
  session: Session;
  content: NoteContent;
  signedBy: string;
  signedAt: string;
  addenda: Addendum[];
  techniqueNames: ReadonlyMap<string, string>;
  productNames: ReadonlyMap<string, string>;
}

function when(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(instant));
}

/** The signed note as a PDF a colleague, insurer or the client can read: SOAP in order, then addenda. */
export function renderNotePdf(note: SignedNoteDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Session note — ${note.clientName} — ${note.session.serviceDate}`,
      Producer: 'Palpate',
    },
  });
  doc.registerFont('regular', pdfFonts.regular);
  doc.registerFont('bold', pdfFonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  const heading = (text: string, filled: boolean) => {
    doc
      .moveDown(0.6)
      .font('bold')
      .fontSize(12)
      .text(text)
      .moveDown(0.2)
      .font('regular')
      .fontSize(10);
    if (!filled) doc.fillColor('#555555').text('Nothing recorded.').fillColor('black');
  };
  const any = (...values: unknown[]) =>
    values.some(
      (value) =>
        value !== null &&
        value !== '' &&
        !(Array.isArray(value) && value.length === 0) &&
        value !== 'none',
    );
  const field = (label: string, value: string | number | null) => {
    if (value === null || value === '') return;
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(String(value));
  };

  doc.font('bold').fontSize(16).text(note.practiceName);
  doc.font('regular').fontSize(10).text('Session note (signed)').moveDown(0.5);
  field('Client', note.clientName);
  field('Date of birth', note.clientBirthDate);
  field(
    'Session',
    `${when(note.session.startsAt, note.timeZone)} · ${note.session.sessionType} · ${note.session.actualMinutes ?? note.session.plannedMinutes} min`,
  );
  field('Therapist', note.session.therapistName);

  const { subjective, objective, treatment, assessment, plan, carriedOver } = note.content;
  heading(
    'Subjective',
    any(
      subjective.reasonForVisit,
      subjective.symptoms,
      subjective.changesSinceLastVisit,
      subjective.painBefore,
      subjective.stress,
      subjective.sleepQuality,
    ),
  );
  field('Reason for visit', subjective.reasonForVisit);
  field('Symptoms', subjective.symptoms);
  field('Changes since last visit', subjective.changesSinceLastVisit);
  field('Pain before (0–10)', subjective.painBefore);
  field('Stress (0–10)', subjective.stress);
  field('Sleep quality (0–10)', subjective.sleepQuality);
  heading(
    'Objective',
    any(objective.posture, objective.palpation, objective.rangeOfMotion, objective.bodyChart),
  );
  field('Posture', objective.posture);
  field('Palpation', objective.palpation);
  field('Range of motion', objective.rangeOfMotion);
  for (const mark of objective.bodyChart) {
    doc.text(
      `• ${bodyRegion(mark.region)?.label ?? mark.region}: ${markKindLabels[mark.kind]} (${['', 'mild', 'moderate', 'severe'][mark.intensity]})`,
    );
  }
  heading(
    'Treatment',
    any(
      treatment.techniques,
      treatment.products,
      treatment.heatCold,
      treatment.tools,
      treatment.clientResponse,
    ),
  );
  for (const use of treatment.techniques) {
    const regions = use.regions.map((code) => bodyRegion(code)?.label ?? code).join(', ');
    doc.text(
      `• ${note.techniqueNames.get(use.technique) ?? use.technique} — ${use.minutes} min, pressure ${use.pressure} (${pressureLabels[use.pressure]})${regions ? ` — ${regions}` : ''}`,
    );
  }
  field(
    'Products',
    treatment.products
      .map((use) => note.productNames.get(use.productId) ?? use.productId)
      .join(', '),
  );
  field('Heat / cold', treatment.heatCold === 'none' ? null : treatment.heatCold);
  field('Tools', treatment.tools.join(', '));
  field('Client response', treatment.clientResponse);
  heading(
    'Assessment',
    any(assessment.responseToTreatment, assessment.painAfter, assessment.tissueChanges),
  );
  field('Response to treatment', assessment.responseToTreatment);
  field('Pain after (0–10)', assessment.painAfter);
  field('Tissue changes', assessment.tissueChanges);
  heading('Plan', any(plan.frequency, plan.homeCare, plan.focusNextTime, carriedOver?.focus ?? ''));
  field('Frequency', plan.frequency);
  field('Home care', plan.homeCare);
  field('Focus next time', plan.focusNextTime);
  if (carriedOver) field('Carried over from the previous plan', carriedOver.focus);

  doc
    .moveDown(1)
    .font('bold')
    .text(`Electronically signed by ${note.signedBy} on ${when(note.signedAt, note.timeZone)}`)
    .font('regular');
  if (note.addenda.length > 0) {
    heading('Addenda', true);
    for (const addendum of note.addenda) {
      doc
        .font('bold')
        .text(
          `${when(addendum.createdAt, note.timeZone)} — ${addendum.authorName}. Reason: ${addendum.reason}`,
        )
        .font('regular')
        .text(addendum.text)
        .moveDown(0.3);
    }
  }
  doc.end();
  return done;
}
