import { z } from 'zod';

/**
 * A handoff moves a client to another primary therapist inside the practice, with what the
 * next therapist needs to know: why the client moves, what has worked and should continue,
 * and what to avoid. It is part of the clinical record, kept as written (append-only).
 */
const optionalNoteText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be at most ${max.toLocaleString('en')} characters.`)
    .nullish()
    .transform((value) => (value ? value : null));

export const HandoffInput = z.object({
  toTherapistId: z
    .string({ error: 'Choose the therapist who takes over.' })
    .min(1, 'Choose the therapist who takes over.')
    .max(64),
  reason: z
    .string({ error: 'Say why the client is handed over.' })
    .trim()
    .min(1, 'Say why the client is handed over.')
    .max(2000, 'Must be at most 2,000 characters.'),
  continueWith: optionalNoteText(4000),
  avoid: optionalNoteText(4000),
});
export type HandoffInput = z.infer<typeof HandoffInput>;

export const Handoff = z.object({
  id: z.string(),
  clientId: z.string(),
  fromTherapistId: z.string().nullable(),
  fromTherapistName: z.string().nullable(),
  toTherapistId: z.string(),
  toTherapistName: z.string().nullable(),
  reason: z.string(),
  continueWith: z.string().nullable(),
  avoid: z.string().nullable(),
  handedOffBy: z.string(),
  handedOffByName: z.string().nullable(),
  handedOffAt: z.string(),
  /** When the receiving therapist confirmed they read it; null until then. */
  acknowledgedAt: z.string().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;

export const ClientHandoffs = z.object({
  /** Newest first. */
  handoffs: z.array(Handoff),
  /** The handoff to the reader they have not acknowledged yet, shown first on the chart. */
  awaitingYou: Handoff.nullable(),
});
export type ClientHandoffs = z.infer<typeof ClientHandoffs>;

/**
 * The newest handoff to this reader that they have not acknowledged, if it is still current:
 * once the client has been handed on again, an older one no longer asks for attention.
 */
export function handoffAwaiting(handoffs: Handoff[], readerId: string): Handoff | null {
  const latest = handoffs[0];
  if (!latest || latest.toTherapistId !== readerId || latest.acknowledgedAt !== null) return null;
  return latest;
}
