import { z } from 'zod';
import { optionalText, requiredText, OptionalEmailAddress, PhoneNumber } from './text.js';

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .refine(isTimeZone, 'Must be an IANA time zone such as America/Toronto.');

export const PostalAddress = z.object({
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country: optionalText(100),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

export const emptyAddress: PostalAddress = {
  line1: null,
  line2: null,
  city: null,
  region: null,
  postalCode: null,
  country: null,
};

/**
 * The US National Provider Identifier: 10 digits whose last is a Luhn check digit computed
 * with the card-issuer prefix 80840 (CMS, "NPI Check Digit" guidance).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits[digits.length - 1 - index]!;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** shared: every therapist sees every client. assigned: own clients and those shared with them. */
export const CareModel = z.enum(['shared', 'assigned']);
export type CareModel = z.infer<typeof CareModel>;

export const PracticeSettings = z.object({
  idleMinutes: z
    .number({ error: 'Must be a whole number of minutes.' })
    .int('Must be a whole number of minutes.')
    .min(1, 'Must be at least 1 minute.')
    .max(240, 'Must be at most 240 minutes.'),
  careModel: CareModel,
  retentionYears: z.number().int().min(4, 'Must be at least 4 years.').max(50),
  /** A minor's record is kept at least this many years after they come of age. */
  minorRetentionYears: z
    .number({ error: 'Must be a whole number of years.' })
    .int('Must be a whole number of years.')
    .min(0, 'Must be 0 or more.')
    .max(50, 'Must be at most 50 years.'),
  ageOfMajority: z
    .number({ error: 'Must be a whole number of years.' })
    .int('Must be a whole number of years.')
    .min(16, 'Must be at least 16.')
    .max(21, 'Must be at most 21.'),
  /**
   * Below this many sessions (or, across the practice, clients) effectiveness says "not enough
   * sessions yet" instead of figures. Two is the least a confidence interval needs.
   */
  effectivenessMinimumSessions: z
    .number({ error: 'Must be a whole number of sessions.' })
    .int('Must be a whole number of sessions.')
    .min(2, 'Must be at least 2 sessions.')
    .max(50, 'Must be at most 50 sessions.'),
});
export type PracticeSettings = z.infer<typeof PracticeSettings>;

/**
 * Ten years from the last entry, and for a minor ten years after they turn 18, is the
 * strictest common rule (Ontario); see PRODUCT.md. New York would be 6 years, and 4 after 18.
 */
export const defaultPracticeSettings: PracticeSettings = {
  idleMinutes: 15,
  careModel: 'shared',
  retentionYears: 10,
  minorRetentionYears: 10,
  ageOfMajority: 18,
  effectivenessMinimumSessions: 3,
};

export const PracticeProfileInput = z.object({
  name: requiredText(200, 'Practice name'),
  timeZone: TimeZone,
  address: PostalAddress.default(emptyAddress),
  phone: PhoneNumber.nullish().transform((value) => value || null),
  email: OptionalEmailAddress,
  licenceNumber: optionalText(60),
  npi: optionalText(10).refine(
    (value) => value === null || isValidNpi(value),
    'Must be a 10-digit NPI with a valid check digit.',
  ),
  taxId: optionalText(30),
});
export type PracticeProfileInput = z.infer<typeof PracticeProfileInput>;

export const PracticeUpdate = PracticeProfileInput.extend({ settings: PracticeSettings });
export type PracticeUpdate = z.infer<typeof PracticeUpdate>;

export const Practice = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  address: PostalAddress,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  npi: z.string().nullable(),
  taxId: z.string().nullable(),
  settings: PracticeSettings,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Practice = z.infer<typeof Practice>;
