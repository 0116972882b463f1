import { z } from 'zod';
import {
  FollowUpNeedingAttention,
  MissingFollowUp,
  MissingFollowUpsQuery,
} from '../../domain/follow-up-views.js';
import { linkState } from '../../domain/intake-links.js';
import type { ClientScope } from '../../store/clients.js';
import { followUpsNeedingAttention, sessionsWithoutFollowUp } from '../../store/follow-up-lists.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { authorize } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';

const dayMs = 86_400_000;

/** The owner oversees the practice; a therapist sees their own sessions and clients. */
function overviewScope(actor: Actor): ClientScope {
  return actor.role === 'owner'
    ? { kind: 'practice' }
    : { kind: 'care_team', userId: actor.userId };
}

/**
 * The two follow-up lists of the Today page: flags waiting for a clinician, and recent
 * sessions nobody has followed up. Both are practice-wide reads of clinical facts, audited
 * with how many rows were shown.
 */
export function followUpListRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/follow-ups/needing-attention',
      operationId: 'listFollowUpsNeedingAttention',
      summary:
        'Follow-ups that reported a reaction or soreness of 7 or more and nobody acknowledged yet, oldest first (owner: the practice; therapist: their own sessions and clients)',
      tag: 'follow-ups',
      auth: 'user',
      responses: { 200: z.object({ followUps: z.array(FollowUpNeedingAttention) }), 403: null },
      handler: async ({ actor, request }) => {
        authorize(actor, 'followUp.overview');
        const followUps = await followUpsNeedingAttention(
          store.db,
          actor.practiceId,
          overviewScope(actor),
        );
        await recordAudit(context, store.db, request, {
          action: 'followUp.attention.list',
          recordType: 'follow_up',
          detail: { count: followUps.length },
        });
        return { followUps };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/follow-ups/missing',
      operationId: 'listMissingFollowUps',
      summary:
        'Sessions of the last `days` days (default 7, at most 90) that took place and have no follow-up: no link sent, or none answered; newest first (owner: the practice; therapist: their own sessions and clients)',
      tag: 'follow-ups',
      auth: 'user',
      query: MissingFollowUpsQuery,
      responses: {
        200: z.object({
          days: z.number().int(),
          since: z.string(),
          sessions: z.array(MissingFollowUp),
        }),
        400: null,
        403: null,
      },
      handler: async ({ actor, query, request }) => {
        authorize(actor, 'followUp.overview');
        const now = runtime.now();
        const since = new Date(now.getTime() - query.days * dayMs).toISOString();
        const rows = await sessionsWithoutFollowUp(
          store.db,
          actor.practiceId,
          { since, until: now.toISOString() },
          overviewScope(actor),
        );
        await recordAudit(context, store.db, request, {
          action: 'followUp.missing.list',
          recordType: 'session',
          detail: { days: query.days, count: rows.length },
        });
        const sessions: MissingFollowUp[] = rows.map(({ links, ...session }) => {
          const last = links[0];
          return {
            ...session,
            reason: last ? 'link_unanswered' : 'no_link',
            lastLink: last
              ? {
                  id: last.id,
                  state: linkState(last, now),
                  createdAt: last.createdAt,
                  expiresAt: last.expiresAt,
                }
              : null,
          };
        });
        return { days: query.days, since, sessions };
      },
    }),
  ];
}
