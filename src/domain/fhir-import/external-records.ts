import type { FieldIssue } from '../errors.js';
import type { ExternalRecordKind } from '../external-records.js';
import { recordKeyOf, type BundleEntry, type BundleReading } from './bundle.js';
import { fhirDateProblem } from './fhir-dates.js';
import { valueText } from './observation-values.js';
import {
  arrayOf,
  clip,
  conceptCode,
  conceptText,
  isObject,
  joinParts,
  narrativeText,
  objectsOf,
  textOf,
  type FhirObject,
} from './fhir-json.js';

/**
 * Another provider's encounters, procedures, observations and documents as read-only records
 * for the client's chart. Each keeps a short text to read (title, value, detail), who and
 * where, the encounter it belongs to, and the original resource, so nothing the source said
 * is lost even where Palpate shows less.
 */
export interface ExternalRecordDraft {
  entryIndex: number;
  recordKey: string;
  kind: ExternalRecordKind;
  occurredAt: string | null;
  endedAt: string | null;
  title: string;
  value: string | null;
  detail: string | null;
  code: string | null;
  performer: string | null;
  organization: string | null;
  /** The record key of the encounter this belongs to. */
  encounterKey: string | null;
  resource: string;
}

export type RecordReading =
  | { kind: 'record'; record: ExternalRecordDraft }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; errors: FieldIssue[] };

export const recordResourceTypes: Record<string, ExternalRecordKind> = {
  Encounter: 'encounter',
  Procedure: 'procedure',
  Observation: 'observation',
  Composition: 'document',
};

const loinc = 'http://loinc.org';

/** Practitioner, organisation or patient names behind references, for "who" and "where". */
function nameBehind(reference: unknown, entry: BundleEntry, bundle: BundleReading): string | null {
  if (!isObject(reference)) return null;
  const target = bundle.resolve(reference, entry);
  const resource =
    target.kind === 'entry'
      ? target.entry.resource
      : target.kind === 'contained'
        ? target.resource
        : null;
  if (resource) {
    if (typeof resource['name'] === 'string') return textOf(resource['name']);
    const name = objectsOf(resource['name'])[0];
    if (name) {
      const parts = [
        ...arrayOf(name['prefix']).map(textOf),
        ...arrayOf(name['given']).map(textOf),
        textOf(name['family']),
      ];
      const full = joinParts(parts, ' ') ?? textOf(name['text']);
      if (full) return full;
    }
  }
  return textOf(reference['display']);
}

function names(references: unknown[], entry: BundleEntry, bundle: BundleReading): string | null {
  return joinParts(
    references.map((reference) => nameBehind(reference, entry, bundle)),
    ', ',
  );
}

interface Moment {
  start: string | null;
  end: string | null;
}

/** Reads a dateTime or Period element, recording malformed dates as errors. */
function momentOf(entry: BundleEntry, elements: string[], errors: FieldIssue[]): Moment {
  for (const element of elements) {
    const value = entry.resource[element];
    if (value === undefined) continue;
    if (/period$/i.test(element)) {
      if (!isObject(value)) {
        errors.push({ field: `${entry.location}.${element}`, message: 'Must be a Period.' });
        return { start: null, end: null };
      }
      const moment: Moment = { start: null, end: null };
      for (const edge of ['start', 'end'] as const) {
        if (value[edge] === undefined) continue;
        const problem = fhirDateProblem(value[edge], 'dateTime');
        if (problem)
          errors.push({ field: `${entry.location}.${element}.${edge}`, message: problem });
        else moment[edge] = value[edge] as string;
      }
      return moment;
    }
    const problem = fhirDateProblem(value, 'dateTime');
    if (problem) {
      errors.push({ field: `${entry.location}.${element}`, message: problem });
      return { start: null, end: null };
    }
    return { start: value as string, end: null };
  }
  return { start: null, end: null };
}

function encounterKeyOf(entry: BundleEntry, bundle: BundleReading): string | null {
  const target = bundle.resolve(entry.resource['encounter'], entry);
  return target.kind === 'entry' && target.entry.resourceType === 'Encounter'
    ? recordKeyOf(target.entry)
    : null;
}

const notesOf = (resource: FhirObject) =>
  objectsOf(resource['note']).map((note) => textOf(note['text']));

function draft(
  entry: BundleEntry,
  kind: ExternalRecordKind,
  parts: Omit<ExternalRecordDraft, 'entryIndex' | 'recordKey' | 'kind' | 'resource'>,
): RecordReading {
  return {
    kind: 'record',
    record: {
      entryIndex: entry.index,
      recordKey: recordKeyOf(entry),
      kind,
      ...parts,
      title: clip(parts.title, 300),
      value: parts.value ? clip(parts.value, 300) : null,
      detail: parts.detail ? clip(parts.detail, 8000) : null,
      performer: parts.performer ? clip(parts.performer, 300) : null,
      organization: parts.organization ? clip(parts.organization, 300) : null,
      resource: JSON.stringify(entry.resource),
    },
  };
}

function readEncounter(entry: BundleEntry, bundle: BundleReading): RecordReading {
  const resource = entry.resource;
  const status = textOf(resource['status']);
  if (status === 'entered-in-error' || status === 'cancelled') {
    return { kind: 'ignored', reason: `Marked ${status} in the source.` };
  }
  const errors: FieldIssue[] = [];
  const moment = momentOf(entry, ['period'], errors);
  if (errors.length) return { kind: 'invalid', errors };
  const types = objectsOf(resource['type']);
  const classConcept = isObject(resource['class']) ? resource['class'] : null;
  const title =
    conceptText(types[0]) ??
    conceptText(resource['serviceType']) ??
    textOf(classConcept?.['display']) ??
    'Visit';
  const reasons = [
    ...objectsOf(resource['reasonCode']).map(conceptText),
    ...objectsOf(resource['reasonReference']).map((reason) => {
      const target = bundle.resolve(reason, entry);
      return target.kind === 'entry'
        ? conceptText(target.entry.resource['code'])
        : textOf(reason['display']);
    }),
  ];
  const locations = objectsOf(resource['location']).map((place) =>
    nameBehind(place['location'], entry, bundle),
  );
  return draft(entry, 'encounter', {
    occurredAt: moment.start,
    endedAt: moment.end,
    title,
    value: null,
    detail: joinParts([
      joinParts(reasons, ', ') ? `Reason: ${joinParts(reasons, ', ')}` : null,
      joinParts(locations, ', ') ? `Where: ${joinParts(locations, ', ')}` : null,
      status && status !== 'finished' ? `Status in the source: ${status}` : null,
    ]),
    code: conceptCode(types[0]),
    performer: names(
      objectsOf(resource['participant']).map((participant) => participant['individual']),
      entry,
      bundle,
    ),
    organization: nameBehind(resource['serviceProvider'], entry, bundle),
    encounterKey: null,
  });
}

function readProcedure(entry: BundleEntry, bundle: BundleReading): RecordReading {
  const resource = entry.resource;
  const status = textOf(resource['status']);
  if (status === 'entered-in-error' || status === 'not-done') {
    return { kind: 'ignored', reason: `Marked ${status} in the source.` };
  }
  const title = conceptText(resource['code']);
  if (!title) return { kind: 'ignored', reason: 'No code or text says what the procedure was.' };
  const errors: FieldIssue[] = [];
  const moment = momentOf(entry, ['performedDateTime', 'performedPeriod'], errors);
  if (errors.length) return { kind: 'invalid', errors };
  const bodySites = joinParts(objectsOf(resource['bodySite']).map(conceptText), ', ');
  const reasons = joinParts(objectsOf(resource['reasonCode']).map(conceptText), ', ');
  return draft(entry, 'procedure', {
    occurredAt: moment.start ?? textOf(resource['performedString']),
    endedAt: moment.end,
    title,
    value: conceptText(resource['outcome']),
    detail: joinParts([
      bodySites ? `Body site: ${bodySites}` : null,
      reasons ? `Reason: ${reasons}` : null,
      ...objectsOf(resource['followUp']).map((followUp) => {
        const text = conceptText(followUp);
        return text ? `Follow-up: ${text}` : null;
      }),
      ...notesOf(resource),
    ]),
    code: conceptCode(resource['code']),
    performer: names(
      objectsOf(resource['performer']).map((performer) => performer['actor']),
      entry,
      bundle,
    ),
    organization: nameBehind(resource['location'], entry, bundle),
    encounterKey: encounterKeyOf(entry, bundle),
  });
}

function readObservation(entry: BundleEntry, bundle: BundleReading): RecordReading {
  const resource = entry.resource;
  const status = textOf(resource['status']);
  if (status === 'entered-in-error' || status === 'cancelled') {
    return { kind: 'ignored', reason: `Marked ${status} in the source.` };
  }
  const title = conceptText(resource['code']);
  if (!title) return { kind: 'ignored', reason: 'No code or text says what was observed.' };
  const errors: FieldIssue[] = [];
  const moment = momentOf(
    entry,
    ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant', 'issued'],
    errors,
  );
  if (errors.length) return { kind: 'invalid', errors };
  const components = objectsOf(resource['component']).map((component) => {
    const name = conceptText(component['code']);
    const value = valueText(component);
    return name && value ? `${name}: ${value}` : (name ?? value);
  });
  const interpretation = joinParts(objectsOf(resource['interpretation']).map(conceptText), ', ');
  return draft(entry, 'observation', {
    occurredAt: moment.start,
    endedAt: moment.end,
    title,
    value: valueText(resource) ?? joinParts(components),
    detail: joinParts([
      interpretation ? `Interpretation: ${interpretation}` : null,
      conceptText(resource['bodySite']) ? `Body site: ${conceptText(resource['bodySite'])}` : null,
      ...notesOf(resource),
    ]),
    code: conceptCode(resource['code'], loinc),
    performer: names(objectsOf(resource['performer']), entry, bundle),
    organization: null,
    encounterKey: encounterKeyOf(entry, bundle),
  });
}

/** A clinical document's narrative, section by section, as plain text. */
function readComposition(entry: BundleEntry, bundle: BundleReading): RecordReading {
  const resource = entry.resource;
  const status = textOf(resource['status']);
  if (status === 'entered-in-error')
    return { kind: 'ignored', reason: 'Marked entered-in-error in the source.' };
  const errors: FieldIssue[] = [];
  const moment = momentOf(entry, ['date'], errors);
  if (errors.length) return { kind: 'invalid', errors };
  const sectionText = (section: FhirObject): string | null => {
    const text = isObject(section['text']) ? narrativeText(section['text']['div']) : null;
    const inner = objectsOf(section['section']).map(sectionText);
    const body = joinParts([text, ...inner], '\n');
    const heading = textOf(section['title']) ?? conceptText(section['code']);
    return body ? (heading ? `${heading}\n${body}` : body) : null;
  };
  return draft(entry, 'document', {
    occurredAt: moment.start,
    endedAt: null,
    title: textOf(resource['title']) ?? conceptText(resource['type']) ?? 'Clinical document',
    value: null,
    detail: joinParts(objectsOf(resource['section']).map(sectionText), '\n\n'),
    code: conceptCode(resource['type'], loinc),
    performer: names(objectsOf(resource['author']), entry, bundle),
    organization: nameBehind(resource['custodian'], entry, bundle),
    encounterKey: encounterKeyOf(entry, bundle),
  });
}

export function readExternalRecord(entry: BundleEntry, bundle: BundleReading): RecordReading {
  switch (entry.resourceType) {
    case 'Encounter':
      return readEncounter(entry, bundle);
    case 'Procedure':
      return readProcedure(entry, bundle);
    case 'Observation':
      return readObservation(entry, bundle);
    default:
      return readComposition(entry, bundle);
  }
}
