import { createHash } from 'node:crypto';
import type { AuditEntry, AuditEvent, AuditEventView, AuditOutcome, AuditQuery, ChainBreak } from '../domain/audit.js';
import { canonicalAuditContent, findChainBreak, genesisHash } from '../domain/audit.js';
import type { Db } from './database.js';
import type { AuditEventTable } from './schema.js';
import type { Selectable } from 'kysely';
import { isSqlite } from './migrations/dialect.js';

export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

function toEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    at: row.at,
    practiceId: row.practice_id,
    userId: row.user_id,
    role: row.role,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    clientId: row.client_id,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome as AuditOutcome,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends one event to the chain. Runs inside the caller's transaction when there is one, so a
 * clinical write and its audit event commit or fail together; the chain head row is locked
 * (FOR UPDATE on PostgreSQL; SQLite already serialises writers) so the chain never forks.
 */
export async function appendAudit(
  db: Db,
  entry: AuditEntry,
  stamp: { id: string; at: string },
): Promise<AuditEvent> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => appendAudit(trx, entry, stamp));
  }
  let headQuery = db.selectFrom('audit_chain').selectAll().where('id', '=', 'main');
  if (!isSqlite(db)) headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const content: Omit<AuditEvent, 'hash'> = {
    ...entry,
    id: stamp.id,
    seq: Number(head.last_seq) + 1,
    at: stamp.at,
    prevHash: head.last_hash,
  };
  const hash = sha256(canonicalAuditContent(content));
  await db
    .insertInto('audit_events')
    .values({
      id: content.id,
      seq: content.seq,
      at: content.at,
      practice_id: content.practiceId,
      user_id: content.userId,
      role: content.role,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      client_id: content.clientId,
      ip: content.ip,
      user_agent: content.userAgent,
      outcome: content.outcome,
      detail: content.detail === null ? null : JSON.stringify(content.detail),
      prev_hash: content.prevHash,
      hash,
    })
    .execute();
  await db
    .updateTable('audit_chain')
    .set({ last_seq: content.seq, last_hash: hash })
    .where('id', '=', 'main')
    .execute();
  return { ...content, hash };
}

export async function queryAudit(
  db: Db,
  practiceId: string,
  query: AuditQuery,
): Promise<AuditEventView[]> {
  let select = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.user_id')
    .selectAll('audit_events')
    .select('users.display_name as user_name')
    .where('audit_events.practice_id', '=', practiceId);
  if (query.clientId) select = select.where('audit_events.client_id', '=', query.clientId);
  if (query.userId) select = select.where('audit_events.user_id', '=', query.userId);
  if (query.action) select = select.where('audit_events.action', '=', query.action);
  if (query.from) select = select.where('audit_events.at', '>=', new Date(query.from).toISOString());
  if (query.to) select = select.where('audit_events.at', '<=', new Date(query.to).toISOString());
  if (query.beforeSeq) select = select.where('audit_events.seq', '<', query.beforeSeq);
  const rows = await select.orderBy('audit_events.seq', 'desc').limit(query.limit).execute();
  return rows.map((row) => {
    const event = toEvent(row);
    return {
      id: event.id,
      seq: event.seq,
      at: event.at,
      userId: event.userId,
      userName: row.user_name ?? null,
      role: event.role,
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId,
      clientId: event.clientId,
      ip: event.ip,
      userAgent: event.userAgent,
      outcome: event.outcome,
      detail: event.detail,
    };
  });
}

export type ChainVerdict =
  | { intact: true; events: number }
  | { intact: false; events: number; firstBreak: ChainBreak | { kind: 'head_mismatch'; seq: number; id: string | null } };

/** Re-computes every hash in order, in pages, and checks the stored head matches the last event. */
export async function verifyAuditChain(db: Db, pageSize = 2000): Promise<ChainVerdict> {
  let last = { seq: 0, hash: genesisHash, id: null as string | null };
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', last.seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    const events = rows.map(toEvent);
    const firstBreak = findChainBreak(events, sha256, last);
    if (firstBreak) return { intact: false, events: count, firstBreak };
    count += events.length;
    const tail = events[events.length - 1]!;
    last = { seq: tail.seq, hash: tail.hash, id: tail.id };
  }
  const head = await db.selectFrom('audit_chain').selectAll().where('id', '=', 'main').executeTakeFirstOrThrow();
  if (Number(head.last_seq) !== last.seq || head.last_hash !== last.hash) {
    // The newest events were removed (or the head was edited): name where the chain now ends.
    return { intact: false, events: count, firstBreak: { kind: 'head_mismatch', seq: Number(head.last_seq), id: last.id } };
  }
  return { intact: true, events: count };
}
