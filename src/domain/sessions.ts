import { z } from 'zod';
import { optionalText } from './text.js';

/**
 * A session (a visit): booked → in progress (draft note) → signed (→ amended), or cancelled /
 * no-show with a reason. Start times are UTC instants; the date of service is the local date
 * in the practice's time zone.
 */
/**
 * Sessions on the first page of a client's timeline, as the chart opens it (more load as the
 * therapist scrolls). The benchmark opens a timeline with the same page.
 */
export const timelineFirstPage = 10;

export const sessionStatuses = [
  'booked',
  'in_progress',
  'signed',
  'amended',
  'cancelled',
  'no_show',
] as const;
export const SessionStatus = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const SessionBooking = z.object({
  clientId: z.string().min(1).max(64),
  therapistId: z.string().min(1).max(64),
  startsAt: z.iso.datetime({
    offset: true,
    error: 'Must be a date and time like 2026-11-27T14:00:00Z.',
  }),
  plannedMinutes: z
    .number()
    .int()
    .min(15, 'Must be at least 15 minutes.')
    .max(480, 'Must be at most 480 minutes.'),
  sessionType: z.string().min(1).max(40),
  location: optionalText(80),
});
export type SessionBooking = z.infer<typeof SessionBooking>;

export const SessionUpdate = SessionBooking.omit({ clientId: true }).extend({
  actualMinutes: z.number().int().min(1).max(480).nullable().default(null),
});
export type SessionUpdate = z.infer<typeof SessionUpdate>;

export const SessionCancel = z.object({
  outcome: z.enum(['cancelled', 'no_show']),
  reason: z.string().trim().min(1, 'Say why the session did not happen.').max(500),
});

export const Session = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  therapistId: z.string(),
  therapistName: z.string(),
  startsAt: z.string(),
  serviceDate: z.string(),
  plannedMinutes: z.number().int(),
  actualMinutes: z.number().int().nullable(),
  sessionType: z.string(),
  location: z.string().nullable(),
  status: SessionStatus,
  statusReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof Session>;

/** Moves allowed by hand; signing and amending happen through the note. */
export function canReschedule(status: SessionStatus): boolean {
  return status === 'booked' || status === 'in_progress';
}

export function canCancel(status: SessionStatus): boolean {
  return status === 'booked' || status === 'in_progress';
}

/** A cancelled or no-show session did not take place: it takes no note and none is signed. */
export function tookPlace(status: SessionStatus): boolean {
  return status !== 'cancelled' && status !== 'no_show';
}

/** The minutes a note's techniques may add up to: what the session actually lasted, or was planned. */
export function sessionMinutes(session: Pick<Session, 'plannedMinutes' | 'actualMinutes'>): number {
  return session.actualMinutes ?? session.plannedMinutes;
}

export interface TimeSlot {
  id: string;
  startsAt: string;
  minutes: number;
}

/** Sessions of the same therapist whose time overlaps the proposed one (a warning, not a refusal). */
export function overlappingSessions(proposed: TimeSlot, existing: TimeSlot[]): TimeSlot[] {
  const start = new Date(proposed.startsAt).getTime();
  const end = start + proposed.minutes * 60_000;
  return existing.filter((other) => {
    if (other.id === proposed.id) return false;
    const otherStart = new Date(other.startsAt).getTime();
    const otherEnd = otherStart + other.minutes * 60_000;
    return otherStart < end && start < otherEnd;
  });
}
