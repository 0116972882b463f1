import { createHash } from 'node:crypto';
import type {
  AuditEntry,
  AuditEvent,
  AuditEventView,
  AuditOutcome,
  AuditQuery,
  ChainBreak,
} from '../domain/audit.js';
import { canonicalAuditContent, findChainBreak, genesisHash } from '../domain/audit.js';
import type { Db } from './database.js';
import type { AuditEventTable, Database } from './schema.js';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { CommitQueue } from './commit-queue.js';
import { keptQuery } from './kept-query.js';
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

type Stamp = { id: string; at: string };
interface Append {
  entry: AuditEntry;
  stamp: Stamp;
}
interface PendingAppend extends Append {
  resolve(event: AuditEvent): void;
  reject(error: unknown): void;
}

/**
 * Appends events to the chain in order, inside `trx`: the chain head row is locked (FOR UPDATE
 * on PostgreSQL; SQLite already serialises writers) so the chain never forks, each event is
 * linked to the one before, and the head moves once to the last of them.
 */
async function appendChained(trx: Transaction<Database>, appends: Append[]): Promise<AuditEvent[]> {
  const head = await chainHead.first(trx, {});
  if (!head) throw new Error('The audit chain has no head row.');
  let seq = Number(head.last_seq);
  let prevHash = head.last_hash;
  const events = appends.map(({ entry, stamp }): AuditEvent => {
    seq += 1;
    const content: Omit<AuditEvent, 'hash'> = {
      ...entry,
      id: stamp.id,
      seq,
      at: stamp.at,
      prevHash,
    };
    prevHash = sha256(canonicalAuditContent(content));
    return { ...content, hash: prevHash };
  });
  const rows = events.map(auditRow);
  if (rows.length === 1) await insertOneEvent.all(trx, rows[0]!);
  else await trx.insertInto('audit_events').values(rows).execute();
  await chainAdvance.all(trx, { lastSeq: seq, lastHash: prevHash });
  return events;
}

type AuditRow = Insertable<AuditEventTable>;

function auditRow(event: AuditEvent): AuditRow {
  return {
    id: event.id,
    seq: event.seq,
    at: event.at,
    practice_id: event.practiceId,
    user_id: event.userId,
    role: event.role,
    action: event.action,
    record_type: event.recordType,
    record_id: event.recordId,
    client_id: event.clientId,
    ip: event.ip,
    user_agent: event.userAgent,
    outcome: event.outcome,
    detail: event.detail === null ? null : JSON.stringify(event.detail),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

// Every audited request appends through these three, so they are kept compiled.
const chainHead = keptQuery([], (db) => {
  const head = db.selectFrom('audit_chain').selectAll().where('id', '=', 'main');
  return isSqlite(db) ? head : head.forUpdate();
});
const insertOneEvent = keptQuery(
  [
    'id',
    'seq',
    'at',
    'practice_id',
    'user_id',
    'role',
    'action',
    'record_type',
    'record_id',
    'client_id',
    'ip',
    'user_agent',
    'outcome',
    'detail',
    'prev_hash',
    'hash',
  ],
  (db, row: AuditRow) => db.insertInto('audit_events').values(row),
);
const chainAdvance = keptQuery(
  ['lastSeq', 'lastHash'],
  (db, { lastSeq, lastHash }: { lastSeq: number; lastHash: string }) =>
    db
      .updateTable('audit_chain')
      .set({ last_seq: lastSeq, last_hash: lastHash })
      .where('id', '=', 'main'),
);

/** Events per group-committed transaction (16 parameters each, far below either engine's cap). */
const maxGroup = 200;

/**
 * Group commit for events that are not part of a larger write (reads, sign-ins, refusals).
 * Appends requested while the event loop is busy, or while the previous group commits, are
 * written together in one transaction: one head lock, one multi-row insert, one commit. Each
 * caller still resolves only once its own event is committed, so a read is never answered
 * before it is on record. Alone, an append is committed on the next turn of the event loop.
 */
class GroupCommit {
  readonly #db: Kysely<Database>;
  readonly #queue = new CommitQueue<PendingAppend>(maxGroup, (group) => this.#commit(group));

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  append(entry: AuditEntry, stamp: Stamp): Promise<AuditEvent> {
    return new Promise((resolve, reject) => this.#queue.push({ entry, stamp, resolve, reject }));
  }

  async #commit(group: PendingAppend[]): Promise<void> {
    try {
      const events = await this.#db.transaction().execute((trx) => appendChained(trx, group));
      group.forEach((append, index) => append.resolve(events[index]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One event the database refuses must not take the others with it: retry one by one.
      for (const append of group) await this.#commit([append]);
    }
  }
}

const groupCommits = new WeakMap<Kysely<Database>, GroupCommit>();

/**
 * Appends one event to the chain. Inside the caller's transaction when there is one, so a
 * clinical write and its audit event commit or fail together; otherwise group-committed with
 * the other pending standalone events of this database.
 */
export async function appendAudit(db: Db, entry: AuditEntry, stamp: Stamp): Promise<AuditEvent> {
  if (db.isTransaction) {
    const [event] = await appendChained(db as Transaction<Database>, [{ entry, stamp }]);
    return event!;
  }
  const kysely = db as Kysely<Database>;
  let group = groupCommits.get(kysely);
  if (!group) {
    group = new GroupCommit(kysely);
    groupCommits.set(kysely, group);
  }
  return group.append(entry, stamp);
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
  if (query.from)
    select = select.where('audit_events.at', '>=', new Date(query.from).toISOString());
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
  | {
      intact: false;
      events: number;
      firstBreak: ChainBreak | { kind: 'head_mismatch'; seq: number; id: string | null };
    };

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
    if (firstBreak) {
      // Events of this page before the break were verified too.
      const verifiedInPage = events.findIndex((event) => event.id === firstBreak.id);
      return { intact: false, events: count + verifiedInPage, firstBreak };
    }
    count += events.length;
    const tail = events[events.length - 1]!;
    last = { seq: tail.seq, hash: tail.hash, id: tail.id };
  }
  const head = await db
    .selectFrom('audit_chain')
    .selectAll()
    .where('id', '=', 'main')
    .executeTakeFirstOrThrow();
  if (Number(head.last_seq) !== last.seq || head.last_hash !== last.hash) {
    // The newest events were removed (or the head was edited): name where the chain now ends.
    return {
      intact: false,
      events: count,
      firstBreak: { kind: 'head_mismatch', seq: Number(head.last_seq), id: last.id },
    };
  }
  return { intact: true, events: count };
}
