import type { FastifyRequest } from 'fastify';
import type { AuditEntry, AuditOutcome } from '../domain/audit.js';
import type { Db } from '../store/database.js';
import { appendAudit } from '../store/audit.js';
import type { AppContext } from './context.js';

export interface AuditFacts {
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  clientId?: string | null;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown> | null;
  /** For events before a user is known (a failed login names the account it tried). */
  userId?: string | null;
  practiceId?: string | null;
  role?: string | null;
}

/**
 * Writes one audit event for this request: who (from the actor), from where (IP, user agent),
 * what and with which outcome. Pass the transaction of the write it records, so both commit
 * together.
 */
export async function recordAudit(
  context: AppContext,
  db: Db,
  request: FastifyRequest,
  facts: AuditFacts,
): Promise<void> {
  const actor = request.actor;
  const entry: AuditEntry = {
    practiceId: facts.practiceId ?? actor?.practiceId ?? null,
    userId: facts.userId ?? actor?.userId ?? null,
    role: facts.role ?? actor?.role ?? null,
    action: facts.action,
    recordType: facts.recordType ?? null,
    recordId: facts.recordId ?? null,
    clientId: facts.clientId ?? null,
    ip: request.ip ?? null,
    userAgent: truncate(request.headers['user-agent'], 300),
    outcome: facts.outcome ?? 'success',
    detail: facts.detail ?? null,
  };
  await appendAudit(db, entry, {
    id: context.runtime.newId(),
    at: context.runtime.now().toISOString(),
  });
}

function truncate(value: string | undefined, max: number): string | null {
  if (!value) return null;
  return value.length > max ? value.slice(0, max) : value;
}
