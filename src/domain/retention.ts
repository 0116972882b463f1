import { z } from 'zod';
import type { PracticeSettings } from './practice.js';
import { localDate } from './time.js';

/**
 * How long a client's record must be kept. Jurisdictions count from the last entry in the
 * record, and for a client who was a minor from when they come of age, whichever ends later
 * (Ontario: 10 years after the last entry or 10 years after the 18th birthday; New York: 6
 * years or until age 22). A purge is only ever possible after the day this returns.
 */
export interface RetentionRule {
  yearsAfterLastEntry: number;
  yearsAfterMajority: number;
  ageOfMajority: number;
}

export function retentionRule(settings: PracticeSettings): RetentionRule {
  return {
    yearsAfterLastEntry: settings.retentionYears,
    yearsAfterMajority: settings.minorRetentionYears,
    ageOfMajority: settings.ageOfMajority,
  };
}

export const RetentionReason = z.enum(['last_entry', 'minor']);
export type RetentionReason = z.infer<typeof RetentionReason>;

export interface RetentionEnd {
  /** The last day the record must still be kept (YYYY-MM-DD). */
  retainedUntil: string;
  /** Which rule gave the later date; `minor` when coming of age outlasts the last entry. */
  because: RetentionReason;
}

/**
 * The same day `years` later. A 29 February lands on 1 March in a common year: a record is
 * then kept a day longer rather than a day too short (and it matches how ages are counted in
 * time.ts, where someone born on 29 February turns 18 on 1 March).
 */
export function addYearsNoEarlier(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  if (month === 2 && day === 29 && !leap) return `${String(target).padStart(4, '0')}-03-01`;
  return `${String(target).padStart(4, '0')}${date.slice(4)}`;
}

/**
 * When a client's record may first be purged: after the last entry plus the practice's years,
 * and, when the date of birth is known, after coming of age plus the years for minors. For an
 * adult the second date always falls earlier, so it only decides for those who were minors.
 * An unknown date of birth cannot extend the period; the owner sees it is missing.
 */
export function retentionEnd(
  client: { lastEntryOn: string; dateOfBirth: string | null },
  rule: RetentionRule,
): RetentionEnd {
  const afterLastEntry = addYearsNoEarlier(client.lastEntryOn, rule.yearsAfterLastEntry);
  if (client.dateOfBirth === null) return { retainedUntil: afterLastEntry, because: 'last_entry' };
  const afterMajority = addYearsNoEarlier(
    client.dateOfBirth,
    rule.ageOfMajority + rule.yearsAfterMajority,
  );
  return afterMajority > afterLastEntry
    ? { retainedUntil: afterMajority, because: 'minor' }
    : { retainedUntil: afterLastEntry, because: 'last_entry' };
}

/** Past retention only from the day after the last day the record must be kept. */
export function isPastRetention(retainedUntil: string, today: string): boolean {
  return today > retainedUntil;
}

/**
 * Everything that dates a client's record: calendar dates (sessions' dates of service) and
 * instants (a note signed, a health history saved, a consent signed, the client added…).
 */
export interface RecordEntries {
  dates: Array<string | null>;
  instants: Array<string | null>;
}

/** The practice's local date of the newest entry; the record's creation counts, so never null. */
export function lastEntryOn(entries: RecordEntries, timeZone: string): string | null {
  const days = [
    ...entries.dates.filter((date): date is string => date !== null),
    ...entries.instants
      .filter((instant): instant is string => instant !== null)
      .map((instant) => localDate(new Date(instant), timeZone)),
  ];
  return days.length === 0 ? null : days.reduce((latest, day) => (day > latest ? day : latest));
}

/** Why a client cannot be purged today, or null when they can. */
export type PurgeRefusal =
  { kind: 'active' } | { kind: 'retained'; retainedUntil: string; because: RetentionReason };

export function purgeRefusal(
  client: { status: 'active' | 'archived' },
  end: RetentionEnd,
  today: string,
): PurgeRefusal | null {
  if (client.status !== 'archived') return { kind: 'active' };
  if (!isPastRetention(end.retainedUntil, today)) return { kind: 'retained', ...end };
  return null;
}

// What the API says.

export const ClientPastRetention = z.object({
  clientId: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  archivedAt: z.string().nullable(),
  lastEntryOn: z.string(),
  retainedUntil: z.string(),
  because: RetentionReason,
});
export type ClientPastRetention = z.infer<typeof ClientPastRetention>;

export const RetentionOverview = z.object({
  today: z.string(),
  rule: z.object({
    yearsAfterLastEntry: z.number().int(),
    yearsAfterMajority: z.number().int(),
    ageOfMajority: z.number().int(),
  }),
  clients: z.array(ClientPastRetention),
});
export type RetentionOverview = z.infer<typeof RetentionOverview>;

export const PurgeInput = z.object({
  reason: z
    .string({ error: 'Say why this record is purged.' })
    .trim()
    .min(1, 'Say why this record is purged.')
    .max(500, 'Must be at most 500 characters.'),
  /** Re-confirms the owner at the moment of an irreversible deletion, as signing a note does. */
  password: z
    .string({ error: 'Enter your password to purge.' })
    .min(1, 'Enter your password to purge.')
    .max(200),
});
export type PurgeInput = z.infer<typeof PurgeInput>;

/** What a purge removed: rows per table, never their content. */
export const ClientPurge = z.object({
  id: z.string(),
  clientId: z.string(),
  reason: z.string(),
  purgedBy: z.string(),
  purgedByName: z.string().nullable(),
  purgedAt: z.string(),
  removed: z.record(z.string(), z.number().int()),
});
export type ClientPurge = z.infer<typeof ClientPurge>;
