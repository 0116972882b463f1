import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PublicFollowUpView } from '../../domain/follow-up-views.js';
import type { Client } from '../../domain/clients.js';
import { FollowUpAnswers, followUpRefusal, raisesFlag } from '../../domain/follow-ups.js';
import type { Session } from '../../domain/sessions.js';
import { findClient } from '../../store/clients.js';
import {
  findSessionFollowUp,
  followUpLinkSession,
  insertFollowUp,
} from '../../store/follow-ups.js';
import {
  findClientLinkByToken,
  markClientLinkUsed,
  resolveClientLink,
  type StoredClientLink,
} from '../../store/intake.js';
import { findPractice } from '../../store/practices.js';
import { findSession } from '../../store/sessions.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { refuseDeadLink } from '../public-links.js';
import { defineRoute, type RouteSpec } from '../routing.js';

// Any string: a malformed token must get the same answer as a wrong one, not a 400.
const TokenParams = z.object({ token: z.string().max(200) });

/** Thrown inside the transaction when the link stopped being usable; rolls everything back. */
class LinkClosed extends Error {}

/** "Maya Lin" → "Maya": the client is told whom they saw, not the therapist's full name. */
function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}

/**
 * The page a client opens a day or two after a session to say how they feel. Like the intake
 * link: one answer (404) for every link that cannot be used, including one already answered
 * or whose session already has a follow-up, so a guess or a replay learns nothing.
 */
export function publicFollowUpRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime, config } = context;
  const rateLimit = { max: config.publicLinkRateLimitPerMinute, timeWindow: '1 minute' };

  /**
   * The active link for a token with its session and client, or the dead link (if known): a
   * link also dies when its session was since cancelled or followed up, or its client archived.
   */
  async function openLink(
    token: string,
    now: Date,
  ): Promise<
    { link: StoredClientLink; session: Session; client: Client } | { dead?: StoredClientLink }
  > {
    const link = await resolveClientLink(store.db, token, 'follow_up', now);
    if (!link) return { dead: await findClientLinkByToken(store.db, token) };
    const sessionId = await followUpLinkSession(store.db, link.id);
    const [session, client] = await Promise.all([
      sessionId ? findSession(store.db, link.practiceId, sessionId) : undefined,
      findClient(store.db, link.practiceId, link.clientId),
    ]);
    if (!session || !client || session.clientId !== client.id || client.status === 'archived')
      return { dead: link };
    if (followUpRefusal(session, now)) return { dead: link };
    if (await findSessionFollowUp(store.db, link.practiceId, session.id)) return { dead: link };
    return { link, session, client };
  }

  const deadLink = (request: FastifyRequest, action: string, link?: StoredClientLink) =>
    refuseDeadLink(context, request, action, link);

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/public/follow-up/:token',
      operationId: 'openFollowUpLink',
      summary:
        'What a client’s follow-up link shows: their first name and the visit’s date and therapist, nothing else',
      tag: 'public',
      auth: 'public',
      params: TokenParams,
      rateLimit,
      responses: { 200: PublicFollowUpView, 404: null, 429: null },
      handler: async ({ params, request }) => {
        const opened = await openLink(params.token, runtime.now());
        if (!('link' in opened)) throw await deadLink(request, 'followUp.link.open', opened.dead);
        const { link, session, client } = opened;
        const practice = await findPractice(store.db, link.practiceId);
        if (!practice) throw await deadLink(request, 'followUp.link.open', link);
        await recordAudit(context, store.db, request, {
          action: 'followUp.link.open',
          practiceId: link.practiceId,
          clientId: link.clientId,
          recordType: 'client_link',
          recordId: link.id,
        });
        const view: PublicFollowUpView = {
          practiceName: practice.name,
          firstName: client.preferredName ?? client.legalFirstName,
          expiresAt: link.expiresAt,
          visit: {
            date: session.serviceDate,
            therapistFirstName: firstName(session.therapistName),
          },
        };
        return view;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/public/follow-up/:token',
      operationId: 'submitFollowUp',
      summary: 'Send how the client feels after the session; once per link and per session',
      tag: 'public',
      auth: 'public',
      params: TokenParams,
      body: FollowUpAnswers,
      rateLimit,
      bodyLimit: 16 * 1024,
      responses: {
        201: z.object({ submittedAt: z.string() }),
        400: null,
        404: null,
        413: null,
        429: null,
      },
      handler: async ({ params, body, request, reply }) => {
        const now = runtime.now();
        const opened = await openLink(params.token, now);
        if (!('link' in opened)) throw await deadLink(request, 'followUp.submit', opened.dead);
        const { link, session } = opened;
        try {
          const stored = await store.db.transaction().execute(async (trx) => {
            // Two taps on "Send" race here: the loser finds the link used and stores nothing.
            if (!(await markClientLinkUsed(trx, link.id, now.toISOString())))
              throw new LinkClosed();
            const followUp = await insertFollowUp(trx, {
              id: runtime.newId(),
              practiceId: link.practiceId,
              clientId: link.clientId,
              sessionId: session.id,
              ...body,
              source: 'client_link',
              linkId: link.id,
              recordedBy: null,
              submittedAt: now.toISOString(),
            });
            // Staff recorded a phone follow-up meanwhile: the link's answer is not stored.
            if (!followUp) throw new LinkClosed();
            await recordAudit(context, trx, request, {
              action: 'followUp.submit',
              practiceId: link.practiceId,
              clientId: link.clientId,
              recordType: 'follow_up',
              recordId: followUp.id,
              detail: { linkId: link.id, sessionId: session.id, flagged: raisesFlag(followUp) },
            });
            return followUp;
          });
          void reply.code(201);
          return { submittedAt: stored.submittedAt };
        } catch (error) {
          if (error instanceof LinkClosed) throw await deadLink(request, 'followUp.submit', link);
          throw error;
        }
      },
    }),
  ];
}
