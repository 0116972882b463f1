import { isBodyRegionCode } from '../body-regions.js';
import type { FieldIssue } from '../errors.js';
import { palpateExtension, palpateVocabulary, snomedConcepts } from '../fhir/systems.js';
import { daysBetween } from '../time.js';
import type { BundleEntry } from './bundle.js';
import { calendarDay, fhirDateProblem } from './fhir-dates.js';
import { clip, codingsOf, firstCode, objectsOf, textOf, type FhirObject } from './fhir-json.js';
import type { HistoryReading } from './history-reading.js';
import { isPalpateHistoryEntry } from './palpate-vocabulary.js';

/**
 * The two parts of a health history that are not lists of conditions or allergies, as
 * Palpate's export writes them: a current pregnancy (a Condition coded "Pregnant" or "High
 * risk pregnancy"), and an area to avoid (a Flag with Palpate's extension). Both are what the
 * safety rules read before a session, so a record moved between practices keeps them.
 */
const pregnancyCodes = new Set([
  snomedConcepts.pregnant.code,
  snomedConcepts.highRiskPregnancy.code,
]);

function snomedCode(concept: unknown): string | null {
  return (
    codingsOf(concept).find(
      (coding) =>
        coding.system === snomedConcepts.pregnant.system && pregnancyCodes.has(coding.code ?? ''),
    )?.code ?? null
  );
}

/** A Condition saying the client is pregnant, from Palpate or any system using these codes. */
export function isPregnancy(resource: FhirObject): boolean {
  return resource['resourceType'] === 'Condition' && snomedCode(resource['code']) !== null;
}

const extensionOf = (holder: FhirObject, url: string) =>
  objectsOf(holder['extension']).find((extension) => extension['url'] === url);

/** A due date further ahead than a pregnancy lasts cannot be saved; it is dropped with a warning. */
const longestDueIn = 300;

export function readPregnancy(
  entry: BundleEntry,
  recordKey: string,
  today: string,
): HistoryReading {
  const resource = entry.resource;
  const clinical = firstCode(resource['clinicalStatus']);
  const verification = firstCode(resource['verificationStatus']);
  if (verification === 'refuted' || verification === 'entered-in-error') {
    return { kind: 'ignored', reason: `Marked ${verification} in the source.` };
  }
  if (clinical !== null && clinical !== 'active') {
    return { kind: 'ignored', reason: `A pregnancy no longer current (${clinical}).` };
  }
  const dueExtension = extensionOf(resource, palpateExtension.dueDate);
  const due = dueExtension?.['valueDate'];
  const warnings: FieldIssue[] = [];
  let dueDate: string | null = null;
  if (due !== undefined) {
    const field = `${entry.location}.extension`;
    const problem = fhirDateProblem(due, 'date');
    if (problem) return { kind: 'invalid', errors: [{ field, message: problem }] };
    dueDate = calendarDay(due as string);
    if (dueDate && daysBetween(today, dueDate) > longestDueIn) {
      warnings.push({
        field,
        message: `The due date ${dueDate} is more than ten months away; the pregnancy is imported without it.`,
      });
      dueDate = null;
    }
  }
  return {
    kind: 'entry',
    warnings,
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'pregnancy',
      value: {
        pregnant: true,
        dueDate,
        highRisk: snomedCode(resource['code']) === snomedConcepts.highRiskPregnancy.code,
      },
    },
  };
}

/** A Flag Palpate wrote for an area to avoid (another system's flags are its own alerts). */
export function isPalpateAreaToAvoid(resource: FhirObject): boolean {
  return (
    resource['resourceType'] === 'Flag' &&
    isPalpateHistoryEntry(resource) &&
    extensionOf(resource, palpateExtension.areaToAvoid) !== undefined
  );
}

export function readAreaToAvoid(entry: BundleEntry, recordKey: string): HistoryReading {
  const resource = entry.resource;
  const status = textOf(resource['status']);
  if (status && status !== 'active') {
    return { kind: 'ignored', reason: `No longer active in the source (${status}).` };
  }
  const parts = objectsOf(extensionOf(resource, palpateExtension.areaToAvoid)?.['extension']);
  const regions = parts
    .filter((part) => part['url'] === 'region')
    .map((part) => objectsOf([part['valueCoding']])[0])
    .filter((coding) => coding?.['system'] === palpateVocabulary.bodyRegion)
    .map((coding) => textOf(coding?.['code']))
    .filter((code): code is string => code !== null && isBodyRegionCode(code));
  const reason = textOf(parts.find((part) => part['url'] === 'reason')?.['valueString']);
  if (regions.length === 0 || !reason) {
    return { kind: 'ignored', reason: 'The area to avoid names no known region or no reason.' };
  }
  return {
    kind: 'entry',
    warnings: [],
    entry: {
      entryIndex: entry.index,
      recordKey,
      section: 'areasToAvoid',
      value: { regions: [...new Set(regions)].slice(0, 63), reason: clip(reason, 200) },
    },
  };
}
