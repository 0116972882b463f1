import type { FastifyRequest } from 'fastify';
import { NotFound } from '../domain/errors.js';
import { deadLinkMessage, linkState } from '../domain/intake-links.js';
import type { StoredClientLink } from '../store/intake.js';
import { recordAudit } from './audit-trail.js';
import type { AppContext } from './context.js';

/**
 * The one answer to a link that cannot be used (unknown, altered, expired, revoked, used), for
 * every public link endpoint alike: the refusal is audited with why (never the token itself),
 * and the caller throws the same 404, so a guess learns nothing.
 */
export async function refuseDeadLink(
  context: AppContext,
  request: FastifyRequest,
  action: string,
  link?: StoredClientLink,
): Promise<NotFound> {
  await recordAudit(context, context.store.db, request, {
    action,
    outcome: 'failed',
    practiceId: link?.practiceId ?? null,
    clientId: link?.clientId ?? null,
    recordType: 'client_link',
    recordId: link?.id ?? null,
    detail: { reason: link ? linkState(link, context.runtime.now()) : 'unknown' },
  });
  return new NotFound('link', deadLinkMessage);
}
