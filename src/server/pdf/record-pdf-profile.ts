import { consentKindLabels } from '../../domain/consent.js';
import type { ConsentState } from '../../domain/consent.js';
import type { HealthHistory } from '../../domain/health-history.js';
import type { HealthHistoryChange } from '../../domain/health-history-diff.js';
import {
  describeAllergy,
  describeAllergySeverity,
  describeMedication,
  describeSurgeryOrInjury,
  regionList,
} from '../../domain/health-history-labels.js';
import { healthHistorySourceLabels } from '../../domain/health-history-views.js';
import {
  conditionStatusLabels,
  conversationLabels,
  musicLabels,
  temperatureLabels,
} from '../../domain/health-history-vocabulary.js';
import { pressureLabels } from '../../domain/notes.js';
import type { SafetyRuleKind } from '../../domain/safety-rules.js';
import { ageOn, localDate } from '../../domain/time.js';
import { when, writeBullet, writeField, writeNothing, writeSubheading } from './pdf-document.js';
import type { ClientRecordDocument } from './record-pdf.js';

/**
 * The record's first sections: who the client is and how to reach them and their emergency
 * contact, their health history now and how it changed, what to watch for, and their consents.
 */
export function writeProfile(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  const { client } = record;
  const today = localDate(new Date(record.generatedAt), record.timeZone);
  writeField(doc, 'Legal name', `${client.legalFirstName} ${client.legalLastName}`);
  writeField(doc, 'Preferred name', client.preferredName);
  writeField(doc, 'Pronouns', client.pronouns);
  writeField(
    doc,
    'Date of birth',
    client.dateOfBirth ? `${client.dateOfBirth} (age ${ageOn(client.dateOfBirth, today)})` : null,
  );
  writeField(doc, 'Phone', client.phone);
  writeField(doc, 'Email', client.email);
  const address = client.address;
  writeField(
    doc,
    'Address',
    [
      address.line1,
      address.line2,
      address.city,
      address.region,
      address.postalCode,
      address.country,
    ]
      .filter(Boolean)
      .join(', '),
  );
  const contact = client.emergencyContact;
  writeField(
    doc,
    'Emergency contact',
    contact.name || contact.phone
      ? [contact.name, contact.relationship && `(${contact.relationship})`, contact.phone]
          .filter(Boolean)
          .join(' ')
      : null,
  );
  writeField(doc, 'Primary therapist', record.primaryTherapistName);
  writeField(doc, 'Referred by', client.referralSource);
  const channels = (['email', 'sms', 'phone'] as const).filter(
    (channel) => client.communicationPreferences[channel],
  );
  writeField(
    doc,
    'May be contacted by',
    channels.length
      ? channels.map((channel) => (channel === 'sms' ? 'text message' : channel)).join(', ')
      : 'not at all',
  );
  writeField(doc, 'Client since', localDate(new Date(client.createdAt), record.timeZone));
  if (client.status === 'archived' && client.archivedAt)
    writeField(doc, 'Archived', localDate(new Date(client.archivedAt), record.timeZone));
}

/** Each entry of a history as a line a clinician reads, per section, skipping empty ones. */
function historyLines(history: HealthHistory): Array<{ title: string; lines: string[] }> {
  const { preferences, pregnancy } = history;
  return [
    {
      title: 'Conditions',
      lines: history.conditions.map(
        (condition) =>
          `${condition.name} — ${conditionStatusLabels[condition.status]}${condition.onsetDate ? `, since ${condition.onsetDate}` : ''}${condition.resolvedDate ? `, resolved ${condition.resolvedDate}` : ''}${condition.regions.length ? ` (${regionList(condition.regions)})` : ''}${condition.notes ? `. ${condition.notes}` : ''}`,
      ),
    },
    {
      title: 'Medications',
      lines: history.medications.map(
        (medication) =>
          `${describeMedication(medication)}${medication.reason ? `, for ${medication.reason}` : ''}`,
      ),
    },
    {
      title: 'Allergies and sensitivities',
      lines: history.allergies.map(
        (allergy) =>
          `${describeAllergy(allergy)} — ${describeAllergySeverity(allergy)}${allergy.reaction ? `; reaction: ${allergy.reaction}` : ''}`,
      ),
    },
    {
      title: 'Surgeries and injuries',
      lines: history.surgeriesAndInjuries.map(
        (entry) =>
          `${describeSurgeryOrInjury(entry)}${entry.regions.length ? ` (${regionList(entry.regions)})` : ''}${entry.notes ? `. ${entry.notes}` : ''}`,
      ),
    },
    {
      title: 'Pregnancy',
      lines: pregnancy.pregnant
        ? [
            `Pregnant${pregnancy.dueDate ? `, due ${pregnancy.dueDate}` : ''}${pregnancy.highRisk ? ' — high-risk pregnancy' : ''}`,
          ]
        : [],
    },
    {
      title: 'Areas to avoid',
      lines: history.areasToAvoid.map((area) => `${regionList(area.regions)}: ${area.reason}`),
    },
    {
      title: 'Preferences',
      lines: [
        preferences.pressure &&
          `Pressure: ${preferences.pressure} (${pressureLabels[preferences.pressure]})`,
        preferences.temperature && `Temperature: ${temperatureLabels[preferences.temperature]}`,
        preferences.music && `Music: ${musicLabels[preferences.music]}`,
        preferences.conversation && `Conversation: ${conversationLabels[preferences.conversation]}`,
        preferences.draping && `Draping: ${preferences.draping}`,
        preferences.notes && `Other: ${preferences.notes}`,
      ].filter((line): line is string => Boolean(line)),
    },
    { title: 'Goals for care', lines: history.goals.map((goal) => goal.text) },
    { title: 'Other notes', lines: history.notes ? [history.notes] : [] },
  ].filter((section) => section.lines.length > 0);
}

function describeChange(change: HealthHistoryChange): string {
  if (change.kind === 'added') return `Added: ${change.after ?? change.label}`;
  if (change.kind === 'removed') return `Removed: ${change.before ?? change.label}`;
  return `${change.label}: ${change.before ?? '—'} → ${change.after ?? '—'}`;
}

export function writeHealthHistory(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  const { current, versions } = record.healthHistory;
  if (!current) {
    writeNothing(doc, 'No health history has been recorded.');
    return;
  }
  writeSubheading(
    doc,
    `Current health history (version ${current.number}, ${when(current.recordedAt, record.timeZone)}${current.recordedByName ? `, ${current.recordedByName}` : ''})`,
  );
  const sections = historyLines(current.history);
  if (sections.length === 0) writeNothing(doc, 'Nothing to report: the history is empty.');
  for (const section of sections) {
    doc.font('bold').text(section.title).font('regular');
    for (const line of section.lines) writeBullet(doc, line);
    doc.moveDown(0.2);
  }
  writeSubheading(doc, 'Changes over time');
  if (versions.length === 0)
    writeNothing(doc, 'No version of the history was saved in this period.');
  for (const version of versions) {
    doc
      .font('bold')
      .text(
        `Version ${version.number}${version.number === 1 ? ' (first recorded)' : ''} — ${when(version.recordedAt, record.timeZone)} — ${version.recordedByName ?? 'former staff'} (${healthHistorySourceLabels[version.source].toLowerCase()})`,
      )
      .font('regular');
    if (version.changes.length === 0) writeBullet(doc, 'Saved with no changes.');
    for (const change of version.changes) writeBullet(doc, describeChange(change));
    doc.moveDown(0.2);
  }
}

const alertKindTitles: Record<SafetyRuleKind, string> = {
  absolute: 'No massage (absolute contraindication)',
  local: 'Avoid an area (local contraindication)',
  caution: 'Caution: adjust the treatment',
  allergy: 'Allergy and sensitivity',
};

export function writeSafety(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  const { alerts, avoidRegions, evaluatedOn } = record.safety;
  doc.fillColor('#555555').text(`Evaluated on ${evaluatedOn} against the current health history.`);
  doc.fillColor('black').moveDown(0.3);
  if (alerts.length === 0) writeNothing(doc, 'No safety alerts.');
  for (const kind of ['absolute', 'local', 'caution', 'allergy'] as const) {
    const ofKind = alerts.filter((alert) => alert.kind === kind);
    if (ofKind.length === 0) continue;
    writeSubheading(doc, alertKindTitles[kind]);
    for (const alert of ofKind) {
      writeBullet(doc, alert.message);
      if (alert.because)
        doc
          .fillColor('#555555')
          .text(`Because of: ${alert.because}`, doc.page.margins.left + 20)
          .fillColor('black');
      doc.x = doc.page.margins.left;
      doc.moveDown(0.2);
    }
  }
  if (avoidRegions.length > 0) {
    writeSubheading(doc, 'Regions to avoid');
    for (const region of avoidRegions)
      writeBullet(doc, `${region.label}: ${region.reasons.join('; ')}`);
  }
  const allergies = record.healthHistory.current?.history.allergies ?? [];
  writeSubheading(doc, 'Allergies and sensitivities on record');
  if (allergies.length === 0) writeNothing(doc, 'None recorded.');
  for (const allergy of allergies)
    writeBullet(
      doc,
      `${describeAllergy(allergy)} — ${describeAllergySeverity(allergy)}${allergy.reaction ? `; reaction: ${allergy.reaction}` : ''}`,
    );
}

const stateWords: Record<ConsentState, string> = {
  current: 'Current',
  expired: 'Expired',
  superseded: 'Needs signing again (the text changed)',
  withdrawn: 'Withdrawn',
  missing: 'Not signed',
};

export function writeConsents(doc: PDFKit.PDFDocument, record: ClientRecordDocument): void {
  const consents = record.consents;
  if (!consents) {
    writeNothing(doc);
    return;
  }
  for (const entry of consents.entries) {
    // Guardian consent means nothing for an adult who never had one.
    if (entry.kind === 'guardian_for_minor' && !consents.minor && !entry.signature) continue;
    const signature = entry.signature;
    doc
      .font('bold')
      .text(`${consentKindLabels[entry.kind]}${entry.party ? ` — ${entry.party}` : ''}: `, {
        continued: true,
      })
      .font('regular')
      .text(stateWords[entry.state]);
    if (signature) {
      writeBullet(
        doc,
        `Signed ${when(signature.signedAt, record.timeZone)} by ${signature.signerName}${signature.signerRole === 'guardian' ? ` (${signature.guardianRelationship ?? 'guardian'})` : ''}, text version ${signature.textVersion}${entry.expiresOn ? `; counts until ${entry.expiresOn}` : ''}`,
      );
      if (signature.withdrawal)
        writeBullet(
          doc,
          `Withdrawn ${when(signature.withdrawal.at, record.timeZone)}: ${signature.withdrawal.reason}`,
        );
    }
    doc.moveDown(0.2);
  }
}
