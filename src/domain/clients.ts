import { z } from 'zod';
import { PostalAddress, emptyAddress } from './practice.js';
import {
  CalendarDate,
  OptionalEmailAddress,
  PhoneNumber,
  foldForSearch,
  optionalText,
  phoneDigits,
  phoneMatchKey,
  requiredText,
} from './text.js';

export const EmergencyContact = z.object({
  name: optionalText(120),
  relationship: optionalText(60),
  phone: PhoneNumber.nullish().transform((value) => value || null),
});
export type EmergencyContact = z.infer<typeof EmergencyContact>;

export const CommunicationPreferences = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  phone: z.boolean(),
  appointmentReminders: z.boolean(),
});
export type CommunicationPreferences = z.infer<typeof CommunicationPreferences>;

export const defaultCommunicationPreferences: CommunicationPreferences = {
  email: true,
  sms: false,
  phone: true,
  appointmentReminders: true,
};

export const ClientInput = z.object({
  legalFirstName: requiredText(100, 'Legal first name'),
  legalLastName: requiredText(100, 'Legal last name'),
  preferredName: optionalText(100),
  pronouns: optionalText(40),
  dateOfBirth: CalendarDate.nullish().transform((value) => value ?? null),
  email: OptionalEmailAddress,
  phone: PhoneNumber.nullish().transform((value) => value || null),
  address: PostalAddress.default(emptyAddress),
  emergencyContact: EmergencyContact.default({ name: null, relationship: null, phone: null }),
  primaryTherapistId: z
    .string()
    .max(64)
    .nullish()
    .transform((value) => value ?? null),
  referralSource: optionalText(200),
  communicationPreferences: CommunicationPreferences.default(defaultCommunicationPreferences),
});
export type ClientInput = z.infer<typeof ClientInput>;

export const ClientStatus = z.enum(['active', 'archived']);
export type ClientStatus = z.infer<typeof ClientStatus>;

export const Client = z.object({
  id: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: PostalAddress,
  emergencyContact: EmergencyContact,
  primaryTherapistId: z.string().nullable(),
  referralSource: z.string().nullable(),
  communicationPreferences: CommunicationPreferences,
  status: ClientStatus,
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof Client>;

export const ClientSummary = Client.pick({
  id: true,
  legalFirstName: true,
  legalLastName: true,
  preferredName: true,
  dateOfBirth: true,
  email: true,
  phone: true,
  primaryTherapistId: true,
  status: true,
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const ClientListQuery = z.object({
  q: z.string().trim().max(100, 'Must be at most 100 characters.').optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ClientListQuery = z.infer<typeof ClientListQuery>;

export const ClientPage = z.object({
  clients: z.array(ClientSummary),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const DuplicateCandidate = z.object({
  client: ClientSummary,
  reasons: z.array(z.enum(['name_and_birth_date', 'phone'])),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** The name a therapist calls the client by: preferred name when given. */
export function displayName(
  client: Pick<Client, 'legalFirstName' | 'legalLastName' | 'preferredName'>,
): string {
  const first = client.preferredName ?? client.legalFirstName;
  return `${first} ${client.legalLastName}`;
}

/** Everything a search box may match, folded once at write time so reads stay index-friendly. */
export function clientSearchText(
  client: Pick<
    ClientInput,
    'legalFirstName' | 'legalLastName' | 'preferredName' | 'email' | 'phone'
  >,
): string {
  return foldForSearch(
    [
      client.legalFirstName,
      client.legalLastName,
      client.preferredName ?? '',
      client.email ?? '',
      phoneDigits(client.phone),
    ].join(' '),
  );
}

/** Key for "same person": folded legal name plus birth date. */
export function nameAndBirthKey(
  client: Pick<ClientInput, 'legalFirstName' | 'legalLastName' | 'dateOfBirth'>,
): string | null {
  if (!client.dateOfBirth) return null;
  return `${foldForSearch(client.legalFirstName)}|${foldForSearch(client.legalLastName)}|${client.dateOfBirth}`;
}

/** Why an existing client looks like the one being created; empty when it does not. */
export function duplicateReasons(
  candidate: Pick<ClientInput, 'legalFirstName' | 'legalLastName' | 'dateOfBirth' | 'phone'>,
  existing: Pick<ClientInput, 'legalFirstName' | 'legalLastName' | 'dateOfBirth' | 'phone'>,
): DuplicateCandidate['reasons'] {
  const reasons: DuplicateCandidate['reasons'] = [];
  const key = nameAndBirthKey(candidate);
  if (key !== null && key === nameAndBirthKey(existing)) reasons.push('name_and_birth_date');
  const digits = phoneMatchKey(candidate.phone);
  if (digits.length >= 7 && digits === phoneMatchKey(existing.phone)) reasons.push('phone');
  return reasons;
}

/** A search box's words, folded; a phone-like query also matches by digits. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .map((term) => (/^[\d()+.-]+$/.test(term) ? phoneDigits(term) || term : term))
    .filter((term) => term.length > 0)
    .slice(0, 6);
}

/** Checks that a date of birth is not in the future relative to the practice's today. */
export function birthDateIssue(dateOfBirth: string | null, today: string): string | null {
  if (dateOfBirth === null) return null;
  if (dateOfBirth > today) return 'Date of birth cannot be in the future.';
  if (dateOfBirth < '1900-01-01') return 'Date of birth must be after 1900.';
  return null;
}

/**
 * A therapist who creates a client without naming a primary therapist becomes it: under
 * assigned care the client would otherwise vanish from their own list the moment it is saved.
 */
export function withDefaultPrimaryTherapist<T extends Pick<ClientInput, 'primaryTherapistId'>>(
  input: T,
  creator: { userId: string; role: string },
): T {
  if (input.primaryTherapistId || creator.role !== 'therapist') return input;
  return { ...input, primaryTherapistId: creator.userId };
}
