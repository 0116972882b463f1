import { Invalid } from '../errors.js';
import { isCalendarDate, foldForSearch } from '../text.js';

/**
 * The FHIR API's search parameters, parsed into what the store can run. One table says what
 * is supported; the CapabilityStatement is generated from it and anything else is refused
 * with 400 (strict handling), so a client never mistakes an ignored filter for an applied one.
 */
export const searchableTypes = [
  'Patient',
  'Encounter',
  'Observation',
  'Procedure',
  'Condition',
  'AllergyIntolerance',
] as const;
export type SearchableType = (typeof searchableTypes)[number];

export interface SearchParamDefinition {
  name: string;
  type: 'string' | 'date' | 'token' | 'reference' | 'number';
  documentation: string;
}

const patientParam: SearchParamDefinition = {
  name: 'patient',
  type: 'reference',
  documentation: 'Required: the patient whose records to search (Patient/{id} or {id}).',
};

export const searchParams: Record<SearchableType, SearchParamDefinition[]> = {
  Patient: [
    {
      name: 'name',
      type: 'string',
      documentation:
        'Every word must begin a part of the legal or preferred name (case and accents ignored).',
    },
    {
      name: 'birthdate',
      type: 'date',
      documentation:
        'YYYY, YYYY-MM or YYYY-MM-DD with an optional eq, ne, lt, le, gt or ge prefix.',
    },
    { name: 'identifier', type: 'token', documentation: 'system|value, or a value alone.' },
  ],
  Encounter: [patientParam],
  Observation: [patientParam],
  Procedure: [patientParam],
  Condition: [patientParam],
  AllergyIntolerance: [patientParam],
};

/** Parameters every search and `$everything` accept. */
export const resultParams: SearchParamDefinition[] = [
  { name: '_count', type: 'number', documentation: 'Entries per page, 0 to 100 (default 20).' },
  { name: '_offset', type: 'number', documentation: 'Entries to skip; the next links carry it.' },
];

export const defaultPageSize = 20;
export const maxPageSize = 100;

export type Query = Record<string, string | string[] | undefined>;

export interface Paging {
  count: number;
  offset: number;
}

const valuesOf = (query: Query, name: string): string[] => {
  const value = query[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

function single(query: Query, name: string): string | undefined {
  const values = valuesOf(query, name);
  if (values.length > 1)
    throw new Invalid(`Give ${name} once.`, [{ field: name, message: 'Repeated.' }]);
  return values[0];
}

function wholeNumber(query: Query, name: string, min: number, max: number): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) {
    throw new Invalid(`${name} must be a whole number from ${min} to ${max}.`, [
      { field: name, message: `Must be a whole number from ${min} to ${max}.` },
    ]);
  }
  return number;
}

export function parsePaging(query: Query): Paging {
  return {
    count: wholeNumber(query, '_count', 0, maxPageSize) ?? defaultPageSize,
    offset: wholeNumber(query, '_offset', 0, 10_000_000) ?? 0,
  };
}

/** `_format` may ask for JSON by any of its names; nothing else is served. */
export const jsonFormats = new Set([
  'json',
  'application/json',
  'application/fhir+json',
  'application/json+fhir',
]);

/**
 * Refuses any parameter the type does not support (a modifier such as `name:exact`, `_sort`,
 * `_include` …). `_format` is checked by content negotiation, not here.
 */
export function refuseUnsupported(query: Query, allowed: readonly string[]): void {
  const known = new Set([...allowed, ...resultParams.map((param) => param.name), '_format']);
  const unknown = Object.keys(query).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new Invalid(
      `Unsupported search parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. See /metadata for what this server supports.`,
      unknown.map((name) => ({ field: name, message: 'Not supported.' })),
    );
  }
}

/** The client id in `patient=Patient/{id}` or `patient={id}`. */
export function parsePatientReference(query: Query): string {
  const value = single(query, 'patient');
  if (!value) {
    throw new Invalid('Name the patient: this server searches one patient’s records at a time.', [
      { field: 'patient', message: 'Required.' },
    ]);
  }
  const id = value.replace(/^Patient\//, '');
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) {
    throw new Invalid('patient must be Patient/{id} or an id.', [
      { field: 'patient', message: 'Not a patient reference.' },
    ]);
  }
  return id;
}

export type BirthDateCondition =
  | { kind: 'within' | 'outside'; from: string; to: string }
  | { kind: 'compare'; operator: '<' | '<=' | '>' | '>='; value: string };

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${day}`;
}

/** A FHIR date parameter as the inclusive range of days it stands for. */
function dateRange(value: string): { from: string; to: string } | null {
  if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31` };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const monthNumber = Number(month[2]);
    if (monthNumber < 1 || monthNumber > 12) return null;
    return { from: `${value}-01`, to: lastDayOfMonth(Number(month[1]), monthNumber) };
  }
  return isCalendarDate(value) ? { from: value, to: value } : null;
}

export function parseBirthDate(value: string): BirthDateCondition {
  const match = /^(eq|ne|lt|le|gt|ge)?(.+)$/.exec(value);
  const range = match ? dateRange(match[2]!) : null;
  if (!match || !range) {
    throw new Invalid(
      'birthdate must be a date (YYYY, YYYY-MM or YYYY-MM-DD) with an optional prefix.',
      [{ field: 'birthdate', message: 'Not a supported date.' }],
    );
  }
  switch (match[1] ?? 'eq') {
    case 'ne':
      return { kind: 'outside', ...range };
    case 'lt':
      return { kind: 'compare', operator: '<', value: range.from };
    case 'le':
      return { kind: 'compare', operator: '<=', value: range.to };
    case 'gt':
      return { kind: 'compare', operator: '>', value: range.to };
    case 'ge':
      return { kind: 'compare', operator: '>=', value: range.from };
    default:
      return { kind: 'within', ...range };
  }
}

export interface PatientSearch {
  /** Folded words; each must begin a part of the client's name. */
  nameWords: string[];
  birthDates: BirthDateCondition[];
  /**
   * The identifier asked for, or null when none was. A null system matches any system; an
   * empty one (`|value`) asks for an identifier without a system, which no client has.
   */
  identifier: { system: string | null; value: string } | null;
}

export function parsePatientSearch(query: Query): PatientSearch {
  refuseUnsupported(
    query,
    searchParams.Patient.map((param) => param.name),
  );
  const names = valuesOf(query, 'name');
  if (names.some((name) => name.includes(','))) {
    throw new Invalid('Searching several names at once (a comma list) is not supported.', [
      { field: 'name', message: 'One name per parameter.' },
    ]);
  }
  const nameWords = names
    .flatMap((name) => foldForSearch(name).split(/\s+/))
    .filter((word) => word.length > 0)
    .slice(0, 8);
  const token = single(query, 'identifier');
  let identifier: PatientSearch['identifier'] = null;
  if (token !== undefined) {
    const bar = token.indexOf('|');
    identifier =
      bar < 0
        ? { system: null, value: token }
        : { system: token.slice(0, bar), value: token.slice(bar + 1) };
  }
  return {
    nameWords,
    birthDates: valuesOf(query, 'birthdate').map(parseBirthDate),
    identifier,
  };
}

/**
 * FHIR's string search: each word begins some part of a name, ignoring case and accents.
 * Parts are the words of the legal and preferred names, and the pieces of hyphenated ones, so
 * "mej" finds Gustavo Mejía and "jones" finds Ana Smith-Jones.
 */
export function nameMatches(
  words: readonly string[],
  names: ReadonlyArray<string | null>,
): boolean {
  const parts = names
    .filter((name): name is string => Boolean(name))
    .flatMap((name) => foldForSearch(name).split(' '))
    .flatMap((part) => [part, ...part.split(/[-'’]/)]);
  return words.every((word) => parts.some((part) => part.startsWith(word)));
}
