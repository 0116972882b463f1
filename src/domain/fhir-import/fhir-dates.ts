import { isCalendarDate } from '../text.js';

/**
 * FHIR R4's date types (https://hl7.org/fhir/R4/datatypes.html#primitive): a `date` is a
 * year, a year and month, or a full date; a `dateTime` may add a time, which then needs a
 * zone; an `instant` always has both. Anything else (12/03/1985, 1985-02-30) is refused with
 * where it was, since a wrong date in a health history is worse than none.
 */
const year = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const datePart = `${year}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?`;
const timePart =
  'T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const datePattern = new RegExp(`^${datePart}$`);
const dateTimePattern = new RegExp(`^${datePart}(${timePart})?$`);

export type FhirDateKind = 'date' | 'dateTime';

const expected: Record<FhirDateKind, string> = {
  date: 'a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)',
  dateTime: 'a FHIR dateTime (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss with a zone such as Z or +01:00)',
};

/** Why a value is not a valid FHIR date of this kind, or null when it is. */
export function fhirDateProblem(value: unknown, kind: FhirDateKind): string | null {
  if (typeof value !== 'string') return `Must be ${expected[kind]}, written as text.`;
  const pattern = kind === 'date' ? datePattern : dateTimePattern;
  if (!pattern.test(value)) return `"${value}" is not ${expected[kind]}.`;
  const day = value.slice(0, 10);
  if (day.length === 10 && !isCalendarDate(day)) return `${day} is not a day of the calendar.`;
  return null;
}

/** The calendar day of a date or dateTime as written, when it has one (not "1974" or "2012-06"). */
export function calendarDay(value: string | null): string | null {
  if (!value || value.length < 10) return null;
  const day = value.slice(0, 10);
  return isCalendarDate(day) ? day : null;
}
