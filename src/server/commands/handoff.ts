import type { FastifyRequest } from 'fastify';
import type { Client } from '../../domain/clients.js';
import { Conflict, Invalid } from '../../domain/errors.js';
import type { Handoff, HandoffInput } from '../../domain/handoffs.js';
import { addToCareTeam } from '../../store/care-team.js';
import type { Db } from '../../store/database.js';
import { changePrimaryTherapist, insertHandoff, listHandoffs } from '../../store/handoffs.js';
import { findUser } from '../../store/users.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';

/**
 * Hands a client to another therapist in one transaction: the primary therapist changes (only
 * from the client version the writer saw), the new therapist joins the care team, the handoff
 * note is stored, and the audit trail records it. The previous therapist stays on the care
 * team, so under assigned care they can still answer a question about the client; the owner or
 * the new primary therapist removes them when that is no longer wanted.
 */
export async function handOffClient(
  context: AppContext,
  trx: Db,
  request: FastifyRequest,
  actor: Actor,
  handoff: { client: Client; expectedVersion: number; input: HandoffInput },
): Promise<{ handoff: Handoff; client: Client }> {
  const { client, expectedVersion, input } = handoff;
  const now = context.runtime.now().toISOString();
  if (client.status === 'archived')
    throw new Conflict('This client is archived. Restore them before handing them over.');
  const taker = await findUser(trx, actor.practiceId, input.toTherapistId);
  if (!taker || taker.status !== 'active' || taker.role === 'front_desk') {
    throw new Invalid('The handoff has invalid fields.', [
      { field: 'toTherapistId', message: 'Must be an active therapist or owner of this practice.' },
    ]);
  }
  if (taker.id === client.primaryTherapistId) {
    throw new Invalid('The handoff has invalid fields.', [
      { field: 'toTherapistId', message: 'Already this client’s primary therapist.' },
    ]);
  }
  const updated = await changePrimaryTherapist(trx, {
    practiceId: actor.practiceId,
    clientId: client.id,
    expectedVersion,
    therapistId: taker.id,
    userId: actor.userId,
    now,
  });
  const member = { practiceId: actor.practiceId, clientId: client.id, addedBy: actor.userId, now };
  await addToCareTeam(trx, { ...member, userId: taker.id });
  const giver = client.primaryTherapistId
    ? await findUser(trx, actor.practiceId, client.primaryTherapistId)
    : undefined;
  if (giver?.status === 'active') await addToCareTeam(trx, { ...member, userId: giver.id });
  const id = context.runtime.newId();
  await insertHandoff(trx, {
    ...input,
    id,
    practiceId: actor.practiceId,
    clientId: client.id,
    fromTherapistId: client.primaryTherapistId,
    handedOffBy: actor.userId,
    now,
  });
  // Who to whom, never the note's words: the trail says what happened, the record what was said.
  await recordAudit(context, trx, request, {
    action: 'client.handoff',
    recordType: 'handoff',
    recordId: id,
    clientId: client.id,
    detail: { from: client.primaryTherapistId, to: taker.id, version: updated.version },
  });
  const stored = (await listHandoffs(trx, actor.practiceId, client.id)).find(
    (candidate) => candidate.id === id,
  )!;
  return { handoff: stored, client: updated };
}
