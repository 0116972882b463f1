import { reactionLabels } from '../../domain/follow-ups.js';
import { writeBullet, writeField, writeNothing, writeSubheading } from './pdf-document.js';
import { drawLineChart } from './record-pdf-chart.js';
import type { ClientRecordDocument } from './record-pdf.js';

/**
 * How the client has progressed and what has helped, in the words and figures the app shows:
 * pain before and after each session, measure scores against goals, follow-ups, and what has
 * worked and what has not. Read-only views gathered by `gatherClientRecord`.
 */
export interface RecordMeasureChart {
  title: string;
  min: number;
  max: number;
  /** "Higher is better", and the smallest change that matters, said under the chart. */
  caption: string;
  points: Array<{ date: string; value: number }>;
  /** Goal targets on this measure, drawn across the chart. */
  targets: Array<{ value: number; label: string }>;
}

export interface RecordGoal {
  title: string;
  status: string;
  /** Where it stands: "Met on 2026-10-02", "3 of 5 sessions at or under target" … */
  progress: string | null;
  reEvaluateOn: string | null;
}

export interface RecordProgress {
  pain: Array<{ date: string; before: number | null; after: number | null }>;
  /** Goals set on pain from the notes, drawn across the pain chart. */
  painTargets: Array<{ value: number; label: string }>;
  measures: RecordMeasureChart[];
  goals: RecordGoal[];
  /** The current treatment plan in lines ("2 sessions a week", "Techniques: …"); empty if none. */
  plan: string[];
}

/** Rows of "what has worked": one technique, pressure or product and what went with it. */
export interface RecordEffectiveness {
  rows: Array<{
    group: string;
    label: string;
    sessions: number;
    summary: string;
    /** Each figure in plain words, with its interval and the sessions behind it. */
    statements: string[];
  }>;
  /** The statistician's caveat, printed once above the rows. */
  caveat: string | null;
}

export const emptyProgress = (): RecordProgress => ({
  pain: [],
  painTargets: [],
  measures: [],
  goals: [],
  plan: [],
});

export function writeProgress(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  const { pain, painTargets, measures, goals, plan } = record.progress;
  if (plan.length > 0) {
    writeSubheading(doc, 'Current treatment plan');
    for (const line of plan) writeBullet(doc, line);
  }
  writeSubheading(doc, 'Goals');
  if (goals.length === 0) writeNothing(doc, 'No measurable goals recorded.');
  for (const goal of goals) {
    doc.font('bold').text(goal.title).font('regular');
    writeBullet(
      doc,
      `Status: ${goal.status}${goal.reEvaluateOn ? `; re-evaluate on ${goal.reEvaluateOn}` : ''}`,
    );
    if (goal.progress) writeBullet(doc, goal.progress);
    doc.moveDown(0.2);
  }
  doc.moveDown(0.5);
  const before = pain.flatMap((point) =>
    point.before === null ? [] : [{ date: point.date, value: point.before }],
  );
  const after = pain.flatMap((point) =>
    point.after === null ? [] : [{ date: point.date, value: point.after }],
  );
  if (before.length + after.length === 0) writeNothing(doc, 'No pain scores in this period.');
  else
    drawLineChart(doc, {
      title: `Pain before and after treatment (0–10), ${pain.length} session${pain.length === 1 ? '' : 's'}: lower is better; about 2 points is a change clients notice`,
      min: 0,
      max: 10,
      series: [
        { label: 'Before treatment', colour: '#c92a2a', points: before },
        { label: 'After treatment', colour: '#1864ab', dashed: true, points: after },
      ],
      lines: painTargets.map((target) => ({ ...target, colour: '#6741d9' })),
    });
  for (const measure of measures) {
    if (measure.points.length === 0) continue;
    drawLineChart(doc, {
      title: measure.title,
      min: measure.min,
      max: measure.max,
      series: [{ label: 'Score', colour: '#2b8a3e', points: measure.points }],
      lines: measure.targets.map((target) => ({ ...target, colour: '#6741d9' })),
    });
    doc.fontSize(8).fillColor('#555555').text(measure.caption).fillColor('black').fontSize(10);
  }
}

export function writeEffectiveness(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  const effectiveness = record.effectiveness;
  if (!effectiveness || effectiveness.rows.length === 0) {
    writeNothing(doc, 'Too few sessions yet to say what has worked for this client.');
    return;
  }
  if (effectiveness.caveat)
    doc.fontSize(8).fillColor('#555555').text(effectiveness.caveat).fillColor('black').fontSize(10);
  let group: string | null = null;
  for (const row of effectiveness.rows) {
    if (row.group !== group) {
      writeSubheading(doc, row.group);
      group = row.group;
    }
    writeBullet(
      doc,
      `${row.label} (${row.sessions} session${row.sessions === 1 ? '' : 's'}): ${row.summary}`,
    );
    for (const statement of row.statements)
      doc
        .fillColor('#555555')
        .text(statement, doc.page.margins.left + 20)
        .fillColor('black');
    doc.x = doc.page.margins.left;
  }
}

export function writeFollowUps(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  const sessionDates = new Map(
    record.notes.map((note) => [note.session.id, note.session.serviceDate]),
  );
  if (record.followUps.length === 0) {
    writeNothing(doc, 'No follow-ups in this period.');
    return;
  }
  for (const followUp of record.followUps) {
    const session = sessionDates.get(followUp.sessionId);
    doc
      .font('bold')
      .text(
        `${followUp.submittedAt.slice(0, 10)}${session ? ` — after the session of ${session}` : ''} (${followUp.source === 'staff' ? 'taken by staff' : 'sent by the client'})`,
      )
      .font('regular');
    writeField(doc, 'Relief (0–10)', followUp.relief);
    writeField(doc, 'Soreness (0–10)', followUp.soreness);
    writeField(
      doc,
      'Reactions',
      followUp.reactions.length
        ? followUp.reactions.map((code) => reactionLabels[code]).join(', ')
        : 'none',
    );
    writeField(doc, 'Details', followUp.reactionDetails);
    doc.moveDown(0.3);
  }
}
