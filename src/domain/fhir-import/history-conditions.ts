import type { FieldIssue } from '../errors.js';
import { guessInjuryKind } from '../health-history-guesses.js';
import type { BundleEntry } from './bundle.js';
import { guessConditionCode } from './clinical-vocabulary.js';
import { clip, codingsOf, conceptText, firstCode, joinParts, objectsOf } from './fhir-json.js';
import { datesOf, notesOf, type HistoryReading } from './history-reading.js';
import { palpateConditionCode, palpateInjuryKind, palpateRegions } from './palpate-vocabulary.js';

/**
 * Conditions, and surgeries and injuries, as health-history entries. An injury written as a
 * Condition (Synthea's "Sprain of ankle") becomes a surgery-or-injury entry, since that is
 * where the recent-injury rules look; so does a surgery written as a Procedure.
 */
export function readCondition(
  entry: BundleEntry,
  recordKey: string,
  today: string,
): HistoryReading {
  const resource = entry.resource;
  const verification = firstCode(resource['verificationStatus']);
  if (verification === 'refuted' || verification === 'entered-in-error') {
    return { kind: 'ignored', reason: `Marked ${verification} in the source.` };
  }
  const name = conceptText(resource['code']);
  if (!name) return { kind: 'ignored', reason: 'No code or text says what the condition is.' };
  const errors: FieldIssue[] = [];
  const days = datesOf(
    entry,
    ['onsetDateTime', 'abatementDateTime', 'onsetPeriod.start', 'recordedDate'],
    errors,
  );
  if (errors.length) return { kind: 'invalid', errors };
  const warnings: FieldIssue[] = [];
  const clinical = firstCode(resource['clinicalStatus']);
  // Palpate's export says "Managed" in words over the R4 code "active".
  const managed = clinical === 'active' && conceptText(resource['clinicalStatus']) === 'Managed';
  const resolved =
    clinical === 'resolved' ||
    clinical === 'inactive' ||
    clinical === 'remission' ||
    (clinical === null && resource['abatementDateTime'] !== undefined);
  let onsetDate = days['onsetDateTime'] ?? days['onsetPeriod.start'] ?? null;
  let resolvedDate = resolved ? (days['abatementDateTime'] ?? null) : null;
  const dropFuture = (date: string | null, element: string) => {
    if (date === null || date <= today) return date;
    warnings.push({
      field: `${entry.location}.${element}`,
      message: `${date} is in the future; the entry is imported without it.`,
    });
    return null;
  };
  onsetDate = dropFuture(onsetDate, 'onsetDateTime');
  resolvedDate = dropFuture(resolvedDate, 'abatementDateTime');
  if (onsetDate && resolvedDate && resolvedDate < onsetDate) resolvedDate = null;
  const bodySites = objectsOf(resource['bodySite']).map(conceptText);
  const detail = joinParts([
    name.length > 120 ? name : null,
    bodySites.length ? `Body site: ${joinParts(bodySites, ', ')}` : null,
    conceptText(resource['severity']) ? `Severity: ${conceptText(resource['severity'])}` : null,
    clinical && !['active', 'resolved'].includes(clinical)
      ? `Status in the source: ${clinical}`
      : null,
    ...notesOf(resource),
  ]);

  const regions = palpateRegions(resource['bodySite']);
  const injury =
    palpateInjuryKind(resource['code']) ??
    (guessInjuryKind(name) !== 'other_injury' ? guessInjuryKind(name) : null);
  if (injury) {
    return {
      kind: 'entry',
      warnings,
      entry: {
        entryIndex: entry.index,
        recordKey,
        section: 'surgeriesAndInjuries',
        value: {
          kind: injury,
          description: clip(name, 200),
          date: onsetDate,
          regions,
          notes: detail ? clip(detail, 1000) : null,
        },
      },
    };
  }
  return {
    kind: 'entry',
    warnings,
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'conditions',
      value: {
        code:
          palpateConditionCode(resource['code']) ??
          guessConditionCode(name, codingsOf(resource['code'])),
        name: clip(name, 120),
        status: resolved ? 'resolved' : managed ? 'managed' : 'active',
        onsetDate,
        resolvedDate,
        regions,
        notes: detail ? clip(detail, 1000) : null,
      },
    },
  };
}

/** A surgery (a Procedure Palpate or the source calls surgical) as a surgery-or-injury entry. */
export function readSurgery(entry: BundleEntry, recordKey: string, today: string): HistoryReading {
  const resource = entry.resource;
  const status = resource['status'];
  if (status === 'entered-in-error' || status === 'not-done') {
    return { kind: 'ignored', reason: `Marked ${String(status)} in the source.` };
  }
  const description = conceptText(resource['code']);
  if (!description)
    return { kind: 'ignored', reason: 'No code or text says what the surgery was.' };
  const errors: FieldIssue[] = [];
  const days = datesOf(entry, ['performedDateTime', 'performedPeriod.start'], errors);
  if (errors.length) return { kind: 'invalid', errors };
  const performed = days['performedDateTime'] ?? days['performedPeriod.start'] ?? null;
  const warnings: FieldIssue[] =
    performed && performed > today
      ? [
          {
            field: `${entry.location}.performedDateTime`,
            message: `${performed} is in the future; the entry is imported without it.`,
          },
        ]
      : [];
  const notes = joinParts(notesOf(resource));
  return {
    kind: 'entry',
    warnings,
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'surgeriesAndInjuries',
      value: {
        kind: palpateInjuryKind(resource['code']) ?? 'surgery',
        description: clip(description, 200),
        date: warnings.length ? null : performed,
        regions: palpateRegions(resource['bodySite']),
        notes: notes ? clip(notes, 1000) : null,
      },
    },
  };
}
