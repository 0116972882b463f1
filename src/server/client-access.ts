import type { FastifyRequest } from 'fastify';
import type { Client } from '../domain/clients.js';
import { DomainError, NotFound } from '../domain/errors.js';
import { findClient, isOnCareTeam } from '../store/clients.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit-trail.js';
import type { AppContext } from './context.js';
import { authorize, type Action, type ClientFacts } from './policy.js';

export async function clientFacts(
  context: AppContext,
  actor: Actor,
  client: Pick<Client, 'id' | 'primaryTherapistId'>,
): Promise<ClientFacts> {
  const isPrimaryTherapist = client.primaryTherapistId === actor.userId;
  // The care-team lookup is only needed when it can change the answer.
  const needsCareTeam =
    actor.role === 'therapist' && actor.settings.careModel === 'assigned' && !isPrimaryTherapist;
  const onCareTeam =
    isPrimaryTherapist ||
    (needsCareTeam && (await isOnCareTeam(context.store.db, client.id, actor.userId)));
  return { careModel: actor.settings.careModel, onCareTeam, isPrimaryTherapist };
}

/**
 * Loads a client of the actor's practice and checks the action against the policy. Refusals
 * and unknown ids are audited too (outcome denied / failed) before the error reaches the user.
 */
export async function loadAuthorizedClient(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  clientId: string,
  action: Action,
): Promise<{ client: Client; facts: ClientFacts }> {
  const client = await findClient(context.store.db, actor.practiceId, clientId);
  if (!client) {
    await recordAudit(context, context.store.db, request, {
      action,
      recordType: 'client',
      recordId: clientId,
      outcome: 'failed',
      detail: { reason: 'not_found' },
    });
    throw new NotFound('client');
  }
  const facts = await clientFacts(context, actor, client);
  try {
    authorize(actor, action, facts);
  } catch (error) {
    if (error instanceof DomainError) {
      await recordAudit(context, context.store.db, request, {
        action,
        recordType: 'client',
        recordId: client.id,
        clientId: client.id,
        outcome: 'denied',
      });
    }
    throw error;
  }
  return { client, facts };
}
