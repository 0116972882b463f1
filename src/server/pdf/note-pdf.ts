import { bodyRegion } from '../../domain/body-regions.js';
import { markKindLabels, pressureLabels, type NoteContent } from '../../domain/notes.js';
import type { Session } from '../../domain/sessions.js';
import type { Addendum } from '../../store/notes.js';
import { openPdf, when, writeField, writeNothing } from './pdf-document.js';

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

/** What a signed note says, without the letterhead: also one entry of the whole record's PDF. */
export type SignedNoteBody = Pick<
  SignedNoteDocument,
  'timeZone' | 'content' | 'signedBy' | 'signedAt' | 'addenda' | 'techniqueNames' | 'productNames'
>;

/** The signed note as a PDF a colleague, insurer or the client can read: SOAP in order, then addenda. */
export function renderNotePdf(note: SignedNoteDocument): Promise<Buffer> {
  const { doc, done } = openPdf({
    title: `Session note — ${note.clientName} — ${note.session.serviceDate}`,
  });
  doc.font('bold').fontSize(16).text(note.practiceName);
  doc.font('regular').fontSize(10).text('Session note (signed)').moveDown(0.5);
  writeField(doc, 'Client', note.clientName);
  writeField(doc, 'Date of birth', note.clientBirthDate);
  writeField(
    doc,
    'Session',
    `${when(note.session.startsAt, note.timeZone)} · ${note.session.sessionType} · ${note.session.actualMinutes ?? note.session.plannedMinutes} min`,
  );
  writeField(doc, 'Therapist', note.session.therapistName);
  writeSignedNoteBody(doc, note);
  doc.end();
  return done;
}

/** SOAP in order, the signature, then each addendum with its reason, author and time. */
export function writeSignedNoteBody(doc: PDFKit.PDFDocument, note: SignedNoteBody): void {
  const heading = (text: string, filled: boolean) => {
    doc
      .moveDown(0.6)
      .font('bold')
      .fontSize(12)
      .text(text)
      .moveDown(0.2)
      .font('regular')
      .fontSize(10);
    if (!filled) writeNothing(doc);
  };
  const any = (...values: unknown[]) =>
    values.some(
      (value) =>
        value !== null &&
        value !== '' &&
        !(Array.isArray(value) && value.length === 0) &&
        value !== 'none',
    );
  const field = (label: string, value: string | number | null) => writeField(doc, label, value);

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
}
