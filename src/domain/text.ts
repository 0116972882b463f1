import { z } from 'zod';

/**
 * Folds text for matching: lower case, accents removed, so "José" finds "jose" and "JOSE".
 * Used for client search and duplicate detection on both SQLite and PostgreSQL, whose own
 * collations disagree about accents.
 */
export function foldForSearch(text: string): string {
  // Most notes are plain ASCII, with nothing to decompose: every autosave folds the whole note,
  // so the Unicode passes run only when some letter needs them.
  const letters = nonAscii.test(text)
    ? text
        .replace(/[æÆøØßœŒłŁđĐþÞ]/g, (letter) => letterFolds[letter] ?? letter)
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
    : text;
  return letters.toLowerCase().replace(/\s+/g, ' ').trim();
}

const nonAscii = /[^\t-~]/;

/** Letters that Unicode does not decompose into a base letter plus an accent. */
const letterFolds: Record<string, string> = {
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  ß: 'ss',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  þ: 'th',
  Þ: 'th',
};

/**
 * The part of a phone number that identifies it for duplicate checks: the last ten digits, so
 * "+1 250 555 0100" and "250-555-0100" match (a country or trunk prefix is dropped).
 */
export function phoneMatchKey(phone: string | null | undefined): string {
  return phoneDigits(phone).slice(-10);
}

/** Phone numbers are compared by their digits alone: "(555) 010-2233" equals "555.010.2233". */
export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').replace(/\D/g, '');
}

/** A trimmed single-line text field with a length cap; empty strings become null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Must be at most ${max} characters.`)
    .nullish()
    .transform((value) => (value ? value : null));
}

export function requiredText(max: number, label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `Must be at most ${max} characters.`);
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written YYYY-MM-DD (no 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export const CalendarDate = z.string().refine(isCalendarDate, 'Must be a date written YYYY-MM-DD.');

export const EmailAddress = z
  .string()
  .trim()
  .max(254, 'Must be at most 254 characters.')
  .email('Must be an email address like name@example.com.')
  .transform((value) => value.toLowerCase());

/**
 * An email address that may be left out: blank (or missing) is null, anything else must be an
 * address. A union of "blank" and "address" would answer a typo with zod's bare "Invalid
 * input"; one string rule keeps the address's own message.
 */
export const OptionalEmailAddress = z
  .string()
  .trim()
  .max(254, 'Must be at most 254 characters.')
  .refine(
    (value) => value === '' || EmailAddress.safeParse(value).success,
    'Must be an email address like name@example.com.',
  )
  .nullish()
  .transform((value) => (value ? value.toLowerCase() : null));

export const PhoneNumber = z
  .string()
  .trim()
  .max(40, 'Must be at most 40 characters.')
  .refine(
    (value) => /^[+()\d\s.\-x]*$/.test(value),
    'May contain digits, spaces and + ( ) . - only.',
  )
  .refine(
    (value) => value === '' || phoneDigits(value).length >= 7,
    'Must have at least 7 digits.',
  );
