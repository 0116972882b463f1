import type { FastifyRequest } from 'fastify';
import { DomainError, NotFound } from '../domain/errors.js';
import type { Session } from '../domain/sessions.js';
import { findSessionForAccess } from '../store/sessions.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit-trail.js';
import { clientFacts } from './client-access.js';
import type { AppContext } from './context.js';
import { authorize, type Action, type ClientFacts } from './policy.js';

/**
 * Loads a session of the actor's practice and checks the action against the policy with the
 * facts of its client. Refusals and unknown ids are audited before the error goes out.
 */
export async function loadAuthorizedSession(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  sessionId: string,
  action: Action,
  extraFacts: Partial<ClientFacts> = {},
): Promise<{ session: Session; facts: ClientFacts }> {
  const found = await findSessionForAccess(context.store.db, actor.practiceId, sessionId);
  return authorizeFoundSession(context, request, actor, sessionId, found, action, extraFacts);
}

/**
 * The check of loadAuthorizedSession for a session the caller has already read (or found
 * missing), when it read it together with more than the session.
 */
export async function authorizeFoundSession(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  sessionId: string,
  found: { session: Session; clientPrimaryTherapistId: string | null } | undefined,
  action: Action,
  extraFacts: Partial<ClientFacts> = {},
): Promise<{ session: Session; facts: ClientFacts }> {
  if (!found) {
    await recordAudit(context, context.store.db, request, {
      action,
      recordType: 'session',
      recordId: sessionId,
      outcome: 'failed',
      detail: { reason: 'not_found' },
    });
    throw new NotFound('session');
  }
  const { session, clientPrimaryTherapistId } = found;
  const base = await clientFacts(context, actor, {
    id: session.clientId,
    primaryTherapistId: clientPrimaryTherapistId,
  });
  // The therapist booked for a session may document it, even under assigned care.
  const facts = {
    ...base,
    onCareTeam: base.onCareTeam || session.therapistId === actor.userId,
    ...extraFacts,
  };
  try {
    authorize(actor, action, facts);
  } catch (error) {
    if (error instanceof DomainError) {
      await recordAudit(context, context.store.db, request, {
        action,
        recordType: 'session',
        recordId: session.id,
        clientId: session.clientId,
        outcome: 'denied',
      });
      if (error instanceof NotFound) throw new NotFound('session');
    }
    throw error;
  }
  return { session, facts };
}
