import type { Client } from '../domain/clients.js';
import type { Handoff, HandoffInput } from '../domain/handoffs.js';
import { findClient } from './clients.js';
import type { Db } from './database.js';
import { updateVersioned } from './versioned.js';

/**
 * Moves the client to a new primary therapist, only from the version the writer saw (a stale
 * version is refused, carrying the current client). Called by a handoff alone, in its
 * transaction: a change of primary therapist always comes with its note.
 */
export async function changePrimaryTherapist(
  db: Db,
  change: {
    practiceId: string;
    clientId: string;
    expectedVersion: number;
    therapistId: string;
    userId: string;
    now: string;
  },
): Promise<Client> {
  return updateVersioned(db, {
    table: 'clients',
    recordType: 'client',
    id: change.clientId,
    practiceId: change.practiceId,
    expectedVersion: change.expectedVersion,
    values: {
      primary_therapist_id: change.therapistId,
      updated_at: change.now,
      updated_by: change.userId,
    },
    load: (current) => findClient(current, change.practiceId, change.clientId),
  });
}

export async function insertHandoff(
  db: Db,
  handoff: HandoffInput & {
    id: string;
    practiceId: string;
    clientId: string;
    fromTherapistId: string | null;
    handedOffBy: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('handoffs')
    .values({
      id: handoff.id,
      practice_id: handoff.practiceId,
      client_id: handoff.clientId,
      from_therapist_id: handoff.fromTherapistId,
      to_therapist_id: handoff.toTherapistId,
      reason: handoff.reason,
      continue_with: handoff.continueWith,
      avoid: handoff.avoid,
      handed_off_by: handoff.handedOffBy,
      handed_off_at: handoff.now,
    })
    .execute();
}

/** A client's handoffs, newest first, with names and whether each was acknowledged. */
export async function listHandoffs(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<Handoff[]> {
  const rows = await db
    .selectFrom('handoffs')
    .leftJoin('users as giver', 'giver.id', 'handoffs.from_therapist_id')
    .leftJoin('users as taker', 'taker.id', 'handoffs.to_therapist_id')
    .leftJoin('users as author', 'author.id', 'handoffs.handed_off_by')
    .leftJoin('handoff_acknowledgements as ack', 'ack.handoff_id', 'handoffs.id')
    .selectAll('handoffs')
    .select([
      'giver.display_name as from_name',
      'taker.display_name as to_name',
      'author.display_name as author_name',
      'ack.acknowledged_at',
    ])
    .where('handoffs.practice_id', '=', practiceId)
    .where('handoffs.client_id', '=', clientId)
    .orderBy('handoffs.handed_off_at', 'desc')
    .orderBy('handoffs.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    fromTherapistId: row.from_therapist_id,
    fromTherapistName: row.from_name,
    toTherapistId: row.to_therapist_id,
    toTherapistName: row.to_name,
    reason: row.reason,
    continueWith: row.continue_with,
    avoid: row.avoid,
    handedOffBy: row.handed_off_by,
    handedOffByName: row.author_name,
    handedOffAt: row.handed_off_at,
    acknowledgedAt: row.acknowledged_at,
  }));
}

/** Records that the receiving therapist read the handoff; a second acknowledgement is a no-op. */
export async function acknowledgeHandoff(
  db: Db,
  acknowledgement: {
    handoffId: string;
    practiceId: string;
    clientId: string;
    userId: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('handoff_acknowledgements')
    .values({
      handoff_id: acknowledgement.handoffId,
      practice_id: acknowledgement.practiceId,
      client_id: acknowledgement.clientId,
      acknowledged_by: acknowledgement.userId,
      acknowledged_at: acknowledgement.now,
    })
    .onConflict((conflict) => conflict.column('handoff_id').doNothing())
    .execute();
}
