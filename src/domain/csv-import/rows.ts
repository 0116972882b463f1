import { ClientInput } from '../clients.js';
import type {
  ClientListField,
  CsvImportRequest,
  CsvRow,
  CsvRowIssue,
  DateFormat,
} from '../client-list-import.js';
import { readBirthDate } from './dates.js';

/**
 * One line of a client list as a client: the mapped cells, names split when the file has
 * them in one column, the birth date read in the file's format, and every problem with the
 * line and the column it came from, so a person can find and fix it in the file or here.
 */
export type RowReading =
  | { kind: 'empty' }
  | { kind: 'invalid'; name: string | null; issues: CsvRowIssue[] }
  | { kind: 'client'; name: string; client: ClientInput; notes: string | null };

/** Notes go to the health history, which holds at most this much of them. */
const notesLimit = 2000;

/** "Smith, Mary Ann" or "Mary Ann Smith": the family name is the part after the comma, or last. */
export function splitFullName(full: string): { first: string; last: string } | null {
  const comma = full.indexOf(',');
  if (comma > 0) {
    const last = full.slice(0, comma).trim();
    const first = full.slice(comma + 1).trim();
    return first && last ? { first, last } : null;
  }
  const words = full.trim().split(/\s+/);
  if (words.length < 2) return null;
  return { first: words.slice(0, -1).join(' '), last: words.at(-1)! };
}

/** Which input field a ClientInput issue path belongs to, to name the column it came from. */
const fieldOfPath: Record<string, ClientListField> = {
  legalFirstName: 'firstName',
  legalLastName: 'lastName',
  preferredName: 'preferredName',
  pronouns: 'pronouns',
  dateOfBirth: 'dateOfBirth',
  email: 'email',
  phone: 'phone',
  'address.line1': 'addressLine1',
  'address.line2': 'addressLine2',
  'address.city': 'city',
  'address.region': 'region',
  'address.postalCode': 'postalCode',
  'address.country': 'country',
  'emergencyContact.name': 'emergencyContactName',
  'emergencyContact.phone': 'emergencyContactPhone',
  'emergencyContact.relationship': 'emergencyContactRelationship',
  referralSource: 'referralSource',
};

export function readClientRow(
  row: CsvRow,
  request: Pick<CsvImportRequest, 'headers' | 'mapping'>,
  dateFormat: DateFormat,
  today: string,
): RowReading {
  const issues: CsvRowIssue[] = [];
  const columnOf = (field: ClientListField) => {
    const index = request.mapping.indexOf(field);
    return index >= 0 ? (request.headers[index] ?? null) : null;
  };
  const issue = (field: ClientListField | null, message: string) =>
    issues.push({ line: row.line, column: field ? columnOf(field) : null, field, message });

  const values = new Map<ClientListField, string>();
  const notes: string[] = [];
  request.mapping.forEach((field, index) => {
    const value = row.cells[index]?.trim() ?? '';
    if (!field || !value) return;
    if (field === 'notes') {
      const several = request.mapping.filter((candidate) => candidate === 'notes').length > 1;
      notes.push(several ? `${request.headers[index]}: ${value}` : value);
    } else {
      values.set(field, value);
    }
  });
  if (values.size === 0 && notes.length === 0) return { kind: 'empty' };

  const extra = row.cells.slice(request.headers.length).filter((cell) => cell.trim());
  if (extra.length > 0) {
    issue(
      null,
      `This line has ${request.headers.length + extra.length} values but the header names ${request.headers.length} columns: a value may hold an unquoted delimiter.`,
    );
  }

  let first = values.get('firstName') ?? null;
  let last = values.get('lastName') ?? null;
  const full = values.get('fullName');
  if (full) {
    const split = splitFullName(full);
    if (split) ({ first, last } = split);
    else issue('fullName', `“${full}” is not a first and a last name.`);
  } else {
    if (!first) issue('firstName', 'The first name is missing.');
    if (!last) issue('lastName', 'The last name is missing.');
  }
  const name = first || last ? [first, last].filter(Boolean).join(' ') : null;

  let dateOfBirth: string | null = null;
  const birth = values.get('dateOfBirth');
  if (birth) {
    const reading = readBirthDate(birth, dateFormat, today);
    if ('problem' in reading) issue('dateOfBirth', reading.problem);
    else dateOfBirth = reading.date;
  }
  const notesText = notes.join('\n');
  if (notesText.length > notesLimit) {
    issue(
      'notes',
      `The notes are ${notesText.length} characters; a health history keeps ${notesLimit}.`,
    );
  }

  const parsed = ClientInput.safeParse({
    legalFirstName: first ?? '',
    legalLastName: last ?? '',
    preferredName: values.get('preferredName'),
    pronouns: values.get('pronouns'),
    dateOfBirth,
    email: values.get('email'),
    phone: values.get('phone'),
    address: {
      line1: values.get('addressLine1'),
      line2: values.get('addressLine2'),
      city: values.get('city'),
      region: values.get('region'),
      postalCode: values.get('postalCode'),
      country: values.get('country'),
    },
    emergencyContact: {
      name: values.get('emergencyContactName'),
      relationship: values.get('emergencyContactRelationship'),
      phone: values.get('emergencyContactPhone'),
    },
    referralSource: values.get('referralSource'),
  });
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const path = zodIssue.path.join('.');
      const field = fieldOfPath[path] ?? null;
      // Missing names are already said once, in words about the file.
      if ((path === 'legalFirstName' && !first) || (path === 'legalLastName' && !last)) continue;
      const shown =
        field === 'firstName' && full
          ? 'fullName'
          : field === 'lastName' && full
            ? 'fullName'
            : field;
      // One message a cell: the first says what to fix.
      if (issues.some((known) => known.field === shown)) continue;
      issue(shown, zodIssue.message);
    }
  }
  if (issues.length > 0 || !parsed.success) return { kind: 'invalid', name, issues };
  return { kind: 'client', name: name ?? '', client: parsed.data, notes: notesText || null };
}
