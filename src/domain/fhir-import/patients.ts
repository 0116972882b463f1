import { ClientInput, EmergencyContact, birthDateIssue } from '../clients.js';
import type { FieldIssue } from '../errors.js';
import { PostalAddress, emptyAddress } from '../practice.js';
import { OptionalEmailAddress, PhoneNumber } from '../text.js';
import type { BundleEntry } from './bundle.js';
import { calendarDay, fhirDateProblem } from './fhir-dates.js';
import {
  arrayOf,
  clip,
  codingsOf,
  isObject,
  objectsOf,
  textOf,
  type FhirObject,
} from './fhir-json.js';

/** A FHIR Patient read as a Palpate client, with what recognises them on a later import. */
export interface PatientReading {
  entry: BundleEntry;
  client: ClientInput;
  /**
   * `identifier:<system>|<value>` for each identifier with a system (the same person in any
   * bundle of that system), and `record:<source>|Patient/<id>` for the resource itself.
   */
  keys: string[];
  /** Names to compare with existing clients by name and birth date (full given names, first). */
  nameVariants: Array<{ legalFirstName: string; legalLastName: string }>;
  warnings: FieldIssue[];
}

const nameLimit = 100;

/** v2-0131 contact roles a therapist would call in an emergency, in order of preference. */
const contactRoles: Record<string, string> = {
  C: 'Emergency contact',
  N: 'Next of kin',
  E: 'Employer',
  F: 'Federal agency',
  I: 'Insurance company',
  O: 'Other',
  S: 'State agency',
  U: 'Unknown',
};

function patientName(resource: FhirObject): {
  given: string[];
  family: string | null;
  usual: string | null;
} {
  const names = objectsOf(resource['name']);
  const current = names.filter((name) => !['old', 'maiden'].includes(textOf(name['use']) ?? ''));
  const chosen =
    current.find((name) => textOf(name['use']) === 'official') ??
    current.find((name) => textOf(name['family'])) ??
    current[0] ??
    names[0];
  const usualGiven = textOf(
    arrayOf(names.find((name) => textOf(name['use']) === 'usual')?.['given'])[0],
  );
  if (!chosen) return { given: [], family: null, usual: usualGiven };
  let given = arrayOf(chosen['given'])
    .map(textOf)
    .filter((part): part is string => part !== null);
  let family = textOf(chosen['family']);
  const text = textOf(chosen['text']);
  if ((!family || given.length === 0) && text) {
    const words = text.split(' ');
    family ??= words.length > 1 ? words.at(-1)! : null;
    if (given.length === 0) given = words.slice(0, -1);
  }
  return { given, family, usual: usualGiven };
}

function rankOrder(point: FhirObject): number {
  const rank = point['rank'];
  return typeof rank === 'number' ? rank : 1000;
}

/** Telecom values of one system, best first: by rank, then mobile and home before work. */
function contactPoints(telecom: unknown, system: string): string[] {
  const useOrder = ['mobile', 'home', 'work', 'temp'];
  return objectsOf(telecom)
    .filter((point) => textOf(point['system']) === system && textOf(point['use']) !== 'old')
    .sort((a, b) => {
      const byRank = rankOrder(a) - rankOrder(b);
      if (byRank !== 0) return byRank;
      const useIndex = (point: FhirObject) => {
        const index = useOrder.indexOf(textOf(point['use']) ?? '');
        return index < 0 ? useOrder.length : index;
      };
      return useIndex(a) - useIndex(b);
    })
    .map((point) => textOf(point['value']))
    .filter((value): value is string => value !== null);
}

/** The first value the domain accepts; those it refuses are named in a warning. */
function firstValid(
  values: string[],
  accepts: (value: string) => boolean,
  warn: (value: string) => void,
): string | null {
  for (const value of values) {
    if (accepts(value)) return value;
    warn(value);
  }
  return null;
}

function addressOf(resource: FhirObject, warn: (message: string) => void): PostalAddress {
  const addresses = objectsOf(resource['address']).filter(
    (address) => textOf(address['use']) !== 'old',
  );
  const address =
    addresses.find((candidate) => textOf(candidate['use']) === 'home') ?? addresses[0];
  if (!address) return emptyAddress;
  const lines = arrayOf(address['line'])
    .map(textOf)
    .filter((line): line is string => line !== null);
  const draft = {
    line1: lines[0] ?? (lines.length === 0 ? textOf(address['text']) : null),
    line2: lines.slice(1).join(', ') || null,
    city: textOf(address['city']),
    region: textOf(address['state']),
    postalCode: textOf(address['postalCode']),
    country: textOf(address['country']),
  };
  const limits = { line1: 200, line2: 200, city: 100, region: 100, postalCode: 20, country: 100 };
  for (const [field, max] of Object.entries(limits) as Array<[keyof typeof limits, number]>) {
    const value = draft[field];
    if (value && value.length > max) {
      warn(`The address's ${field} was longer than ${max} characters and was shortened.`);
      draft[field] = clip(value, max);
    }
  }
  return PostalAddress.parse(draft);
}

function emergencyContactOf(resource: FhirObject): EmergencyContact {
  const contacts = objectsOf(resource['contact']);
  const roleOf = (contact: FhirObject) =>
    objectsOf(contact['relationship']).flatMap((concept) => codingsOf(concept))[0]?.code ?? null;
  const contact =
    contacts.find((candidate) => roleOf(candidate) === 'C') ??
    contacts.find((candidate) => roleOf(candidate) === 'N') ??
    contacts.find((candidate) => isObject(candidate['name']));
  if (!contact) return { name: null, relationship: null, phone: null };
  const name = isObject(contact['name']) ? contact['name'] : {};
  const fullName =
    [...arrayOf(name['given']).map(textOf), textOf(name['family'])]
      .filter((part): part is string => part !== null)
      .join(' ') || textOf(name['text']);
  const role = roleOf(contact);
  const relationship =
    objectsOf(contact['relationship'])
      .map((concept) => textOf(concept['text']))
      .find((text) => text !== null) ?? (role ? (contactRoles[role] ?? role) : null);
  const phone = contactPoints(contact['telecom'], 'phone').find(
    (value) => PhoneNumber.safeParse(value).success,
  );
  return EmergencyContact.parse({
    name: fullName ? clip(fullName, 120) : null,
    relationship: relationship ? clip(relationship, 60) : null,
    phone: phone ?? null,
  });
}

/**
 * Reads a Patient entry. Errors (no name, an impossible birth date) stop the whole import;
 * what can be left out without changing who the person is (a phone Palpate cannot store, a
 * birth year without a day) is left out with a warning.
 */
export function readPatient(
  entry: BundleEntry,
  source: string,
  today: string,
): { patient: PatientReading | null; errors: FieldIssue[] } {
  const resource = entry.resource;
  const at = entry.location;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  const { given, family, usual } = patientName(resource);
  if (!family || given.length === 0) {
    errors.push({
      field: `${at}.name`,
      message:
        'A client needs a given and a family name; this Patient has none that Palpate can use.',
    });
  }
  const legalFirstName = given.join(' ');
  for (const [field, value] of [
    ['given', legalFirstName],
    ['family', family ?? ''],
  ] as const) {
    if (value.length > nameLimit) {
      errors.push({
        field: `${at}.name.${field}`,
        message: `Must be at most ${nameLimit} characters.`,
      });
    }
  }

  let dateOfBirth: string | null = null;
  const birthDate = resource['birthDate'];
  if (birthDate !== undefined) {
    const problem = fhirDateProblem(birthDate, 'date');
    if (problem) {
      errors.push({ field: `${at}.birthDate`, message: problem });
    } else {
      dateOfBirth = calendarDay(birthDate as string);
      if (!dateOfBirth) {
        warnings.push({
          field: `${at}.birthDate`,
          message: `The birth date "${String(birthDate)}" has no day; the client is imported without one.`,
        });
      } else {
        const issue = birthDateIssue(dateOfBirth, today);
        if (issue) errors.push({ field: `${at}.birthDate`, message: issue });
      }
    }
  }
  if (resource['deceasedBoolean'] === true || resource['deceasedDateTime'] !== undefined) {
    warnings.push({
      field: `${at}.deceased`,
      message: 'The record says this person has died.',
    });
  }
  if (errors.length > 0 || !family) return { patient: null, errors };

  const warnAt = (field: string) => (message: string) =>
    warnings.push({ field: `${at}.${field}`, message });
  const phone = firstValid(
    contactPoints(resource['telecom'], 'phone'),
    (value) => PhoneNumber.safeParse(value).success,
    (value) => warnAt('telecom')(`The phone "${value}" is not one Palpate can store; left out.`),
  );
  const email = firstValid(
    contactPoints(resource['telecom'], 'email'),
    (value) => OptionalEmailAddress.safeParse(value).success,
    (value) => warnAt('telecom')(`"${value}" is not an email address; left out.`),
  );
  const preferredName = usual && usual !== given[0] ? clip(usual, 100) : null;

  const client = ClientInput.parse({
    legalFirstName,
    legalLastName: family,
    preferredName,
    dateOfBirth,
    email,
    phone,
    address: addressOf(resource, warnAt('address')),
    emergencyContact: emergencyContactOf(resource),
  });

  const keys = objectsOf(resource['identifier']).flatMap((identifier) => {
    const system = textOf(identifier['system']);
    const value = textOf(identifier['value']);
    if (!system || !value || isGovernmentNumber(identifier, system)) return [];
    return [`identifier:${system}|${value}`];
  });
  const recordName = entry.id ? `Patient/${entry.id}` : entry.fullUrl;
  if (recordName) keys.push(`record:${source}|${recordName}`);

  const nameVariants = [{ legalFirstName, legalLastName: family }];
  if (given.length > 1) nameVariants.push({ legalFirstName: given[0]!, legalLastName: family });

  return { patient: { entry, client, keys, nameVariants, warnings }, errors };
}

/** v2-0203 identifier types that are government numbers, and systems that name one. */
const governmentTypes = new Set(['SS', 'SB', 'DL', 'PPN', 'TAX', 'NI', 'NH', 'NNxxx', 'CZ', 'PEN']);
const governmentSystems = /ssn|social|passport|driver|licen[cs]e|tax|insurance-number/i;

/**
 * Social security, passport and driving-licence numbers are never kept, even as matching
 * keys: a massage practice has no use for them, and a record it does not hold cannot leak.
 * The source's own record number (MR) recognises the person just as well.
 */
function isGovernmentNumber(identifier: FhirObject, system: string): boolean {
  const types = codingsOf(identifier['type']).map((coding) => coding.code);
  return (
    types.some((code) => code !== null && governmentTypes.has(code)) ||
    governmentSystems.test(system)
  );
}

/** "Peter James Chalmers", for reports. */
export function patientLabel(reading: PatientReading): string {
  return `${reading.client.legalFirstName} ${reading.client.legalLastName}`;
}
