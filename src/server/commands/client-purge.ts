import type { FastifyRequest } from 'fastify';
import { Conflict, NotFound } from '../../domain/errors.js';
import {
  lastEntryOn,
  purgeRefusal,
  retentionEnd,
  retentionRule,
  type ClientPastRetention,
  type ClientPurge,
  type PurgeInput,
  type PurgeRefusal,
} from '../../domain/retention.js';
import { localDate } from '../../domain/time.js';
import { findClient } from '../../store/clients.js';
import { lockClientForPurge, purgeClientRecords } from '../../store/client-purge.js';
import type { Db } from '../../store/database.js';
import { archivedClientEntries, type ArchivedClientEntries } from '../../store/retention.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { RetentionNotOver } from '../problems.js';

/** An archived client as the retention list shows them: when their record may first go. */
export function pastRetentionView(
  client: ArchivedClientEntries,
  actor: Actor,
): ClientPastRetention {
  const lastEntry = lastEntryOn(client.entries, actor.timeZone) ?? '0000-01-01';
  const end = retentionEnd(
    { lastEntryOn: lastEntry, dateOfBirth: client.dateOfBirth },
    retentionRule(actor.settings),
  );
  return {
    clientId: client.clientId,
    legalFirstName: client.legalFirstName,
    legalLastName: client.legalLastName,
    preferredName: client.preferredName,
    dateOfBirth: client.dateOfBirth,
    archivedAt: client.archivedAt,
    lastEntryOn: lastEntry,
    ...end,
  };
}

/** Archived clients whose retention period ended before `today`. */
export async function clientsPastRetention(
  db: Db,
  actor: Actor,
  today: string,
): Promise<ClientPastRetention[]> {
  const archived = await archivedClientEntries(db, actor.practiceId);
  return archived
    .map((client) => pastRetentionView(client, actor))
    .filter((view) => today > view.retainedUntil);
}

function refusalError(refusal: PurgeRefusal): Conflict {
  if (refusal.kind === 'active') {
    return new Conflict(
      'Only an archived client can be purged. Archive the client first, once their care has ended.',
    );
  }
  const rule =
    refusal.because === 'minor'
      ? 'the years kept after a minor comes of age'
      : 'the years kept after the last entry';
  return new RetentionNotOver(
    `This record must be kept until ${refusal.retainedUntil} (${rule}); it cannot be purged before.`,
    refusal.retainedUntil,
  );
}

/**
 * Purges an archived client whose retention period is over, in one transaction: the checks run
 * under the client row's lock, so nothing is added to the record between them and the purge.
 * A refusal is audited (denied) before it is answered; a purge is audited with what it removed
 * per table and why, never with what the record said.
 */
export async function purgeClient(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  clientId: string,
  input: PurgeInput,
): Promise<ClientPurge> {
  const { store, runtime } = context;
  type Outcome = { purge: ClientPurge } | { refusal: PurgeRefusal };
  const outcome = await store.db.transaction().execute(async (trx): Promise<Outcome> => {
    await lockClientForPurge(trx, clientId);
    const client = await findClient(trx, actor.practiceId, clientId);
    if (!client) throw new NotFound('client');
    const now = runtime.now();
    // Only archived clients have entries listed here; anyone else is refused as active.
    const [entries] = await archivedClientEntries(trx, actor.practiceId, client.id);
    if (!entries) return { refusal: { kind: 'active' } };
    const end = pastRetentionView(entries, actor);
    const refusal = purgeRefusal(client, end, localDate(now, actor.timeZone));
    if (refusal) return { refusal };
    const id = runtime.newId();
    const removed = await purgeClientRecords(trx, {
      id,
      practiceId: actor.practiceId,
      clientId: client.id,
      reason: input.reason,
      purgedBy: actor.userId,
      now: now.toISOString(),
    });
    await recordAudit(context, trx, request, {
      action: 'client.purge',
      recordType: 'client',
      recordId: client.id,
      clientId: client.id,
      detail: { purgeId: id, reason: input.reason, removed, retainedUntil: end.retainedUntil },
    });
    const purge: ClientPurge = {
      id,
      clientId: client.id,
      reason: input.reason,
      purgedBy: actor.userId,
      purgedByName: actor.displayName,
      purgedAt: now.toISOString(),
      removed,
    };
    return { purge };
  });
  if ('purge' in outcome) return outcome.purge;
  await recordAudit(context, store.db, request, {
    action: 'client.purge',
    recordType: 'client',
    recordId: clientId,
    clientId,
    outcome: 'denied',
    detail: { refused: outcome.refusal.kind },
  });
  throw refusalError(outcome.refusal);
}
