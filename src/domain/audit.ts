import { z } from 'zod';

export const AuditOutcome = z.enum(['success', 'denied', 'failed']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** What an audit event records, before the chain fields are added. */
export interface AuditEntry {
  practiceId: string | null;
  userId: string | null;
  role: string | null;
  /** `<recordType>.<verb>`, e.g. `client.read`, `auth.login`. */
  action: string;
  recordType: string | null;
  recordId: string | null;
  /** The client whose record this touches, so the owner can filter one client's trail. */
  clientId: string | null;
  ip: string | null;
  userAgent: string | null;
  outcome: AuditOutcome;
  /** Small, non-clinical context: field names changed, a reason code. Never clinical text. */
  detail: Record<string, unknown> | null;
}

export interface AuditEvent extends AuditEntry {
  id: string;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export const AuditEventView = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  clientId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  outcome: AuditOutcome,
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditQuery = z.object({
  clientId: z.string().max(64).optional(),
  userId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date-time.' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date-time.' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The chain starts from a fixed, documented value so the first event is checkable too. */
export const genesisHash = '0'.repeat(64);

/**
 * The exact bytes an event's hash covers: every field but the hash itself, in a fixed order,
 * including the previous event's hash. Changing, inserting or removing any event breaks
 * every later link.
 */
export function canonicalAuditContent(event: Omit<AuditEvent, 'hash'>): string {
  return JSON.stringify([
    event.id,
    event.seq,
    event.at,
    event.practiceId,
    event.userId,
    event.role,
    event.action,
    event.recordType,
    event.recordId,
    event.clientId,
    event.ip,
    event.userAgent,
    event.outcome,
    event.detail === null ? null : sortKeys(event.detail),
    event.prevHash,
  ]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    );
  }
  return value;
}

export type ChainBreak =
  | { kind: 'hash_mismatch'; seq: number; id: string }
  | { kind: 'broken_link'; seq: number; id: string }
  | { kind: 'missing_event'; seq: number; id: string; expectedSeq: number };

/**
 * Walks events in sequence order and returns the first place the chain is broken, or null.
 * `hash` is injected so this stays pure (the store passes SHA-256).
 */
export function findChainBreak(
  events: Iterable<AuditEvent>,
  hash: (content: string) => string,
  start: { seq: number; hash: string } = { seq: 0, hash: genesisHash },
): ChainBreak | null {
  let expectedSeq = start.seq + 1;
  let previousHash = start.hash;
  for (const event of events) {
    if (event.seq !== expectedSeq) {
      return { kind: 'missing_event', seq: event.seq, id: event.id, expectedSeq };
    }
    if (event.prevHash !== previousHash)
      return { kind: 'broken_link', seq: event.seq, id: event.id };
    const { hash: stored, ...content } = event;
    if (hash(canonicalAuditContent(content)) !== stored) {
      return { kind: 'hash_mismatch', seq: event.seq, id: event.id };
    }
    previousHash = stored;
    expectedSeq += 1;
  }
  return null;
}
