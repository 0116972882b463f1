import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, Unprocessable } from '../../domain/errors.js';
import { linkState } from '../../domain/intake-links.js';
import { currentDefinition, maxActivePsfsActivities } from '../../domain/outcome-measures.js';
import {
  PublicMeasuresView,
  PublicScoresInput,
  type PublicMeasuresView as PublicMeasuresViewType,
} from '../../domain/outcome-views.js';
import { findClient } from '../../store/clients.js';
import {
  findClientLinkByToken,
  markClientLinkUsed,
  resolveClientLink,
  type StoredClientLink,
} from '../../store/intake.js';
import { linkMeasureIds } from '../../store/measures-links.js';
import { measuresById } from '../../store/outcome-measures.js';
import { listPsfsActivities } from '../../store/outcome-scores.js';
import { findPractice } from '../../store/practices.js';
import { recordAudit } from '../audit-trail.js';
import { recordScores } from '../commands/record-scores.js';
import type { AppContext } from '../context.js';
import { refuseDeadLink } from '../public-links.js';
import { defineRoute, type RouteSpec } from '../routing.js';

// Any string: a malformed token must get the same answer as a wrong one, not a 400.
const TokenParams = z.object({ token: z.string().max(200) });
const alreadySent =
  'These answers were already sent. Thank you! Ask the practice if something needs changing.';

/**
 * The page a client opens from their measures link, without an account: the questions of the
 * measures the link asks for (and their PSFS activities), nothing else of the record. Dead
 * links get the one answer every public link gives; the scores are sent once.
 */
export function publicMeasuresRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime, config } = context;
  const rateLimit = { max: config.publicLinkRateLimitPerMinute, timeWindow: '1 minute' };
  const deadLink = (request: FastifyRequest, action: string, link?: StoredClientLink) =>
    refuseDeadLink(context, request, action, link);

  /** The measures a live link asks for that are still in use, in the order sent. */
  const askedMeasures = async (link: StoredClientLink) => {
    const [ids, measures] = await Promise.all([
      linkMeasureIds(store.db, link.id),
      measuresById(store.db, link.practiceId),
    ]);
    return ids.flatMap((id) => {
      const measure = measures.get(id);
      return measure && measure.retiredAt === null ? [measure] : [];
    });
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/public/measures/:token',
      operationId: 'openMeasuresLink',
      summary: 'What a client’s measures link shows: the questions and their first name',
      tag: 'public',
      auth: 'public',
      params: TokenParams,
      rateLimit,
      responses: { 200: PublicMeasuresView, 404: null, 429: null },
      handler: async ({ params, request }) => {
        const now = runtime.now();
        const link = await resolveClientLink(store.db, params.token, 'measures', now);
        if (!link) {
          throw await deadLink(
            request,
            'measureLink.open',
            await findClientLinkByToken(store.db, params.token),
          );
        }
        const [client, practice, measures, activities] = await Promise.all([
          findClient(store.db, link.practiceId, link.clientId),
          findPractice(store.db, link.practiceId),
          askedMeasures(link),
          listPsfsActivities(store.db, link.practiceId, link.clientId),
        ]);
        if (!client || !practice || client.status === 'archived' || measures.length === 0)
          throw await deadLink(request, 'measureLink.open', link);
        await recordAudit(context, store.db, request, {
          action: 'measureLink.open',
          practiceId: link.practiceId,
          clientId: link.clientId,
          recordType: 'client_link',
          recordId: link.id,
        });
        const view: PublicMeasuresViewType = {
          practiceName: practice.name,
          firstName: client.preferredName ?? client.legalFirstName,
          expiresAt: link.expiresAt,
          measures: measures.map((measure) => {
            const definition = currentDefinition(measure);
            return {
              id: measure.id,
              perActivity: measure.perActivity,
              name: definition.name,
              unit: definition.unit,
              min: definition.min,
              max: definition.max,
              decimals: definition.decimals,
              better: definition.better,
              question: definition.question,
            };
          }),
          activities: activities
            .filter((activity) => activity.retiredAt === null)
            .map((activity) => ({ id: activity.id, description: activity.description })),
          maxActivities: maxActivePsfsActivities,
        };
        return view;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/public/measures/:token',
      operationId: 'submitMeasures',
      summary: 'Send the scores a measures link asks for; once per link, all or nothing',
      tag: 'public',
      auth: 'public',
      params: TokenParams,
      body: PublicScoresInput,
      rateLimit,
      bodyLimit: 64 * 1024,
      responses: {
        201: z.object({ submittedAt: z.string() }),
        404: null,
        409: null,
        422: null,
        429: null,
      },
      handler: async ({ params, body, request, reply }) => {
        const now = runtime.now();
        const link = await resolveClientLink(store.db, params.token, 'measures', now);
        const failed = (known: StoredClientLink, detail: Record<string, unknown>) =>
          recordAudit(context, store.db, request, {
            action: 'measureLink.submit',
            outcome: 'failed',
            practiceId: known.practiceId,
            clientId: known.clientId,
            recordType: 'client_link',
            recordId: known.id,
            detail,
          });
        if (!link) {
          const known = await findClientLinkByToken(store.db, params.token);
          if (known && known.purpose === 'measures' && linkState(known, now) === 'used') {
            await failed(known, { reason: 'already_submitted' });
            throw new Conflict(alreadySent);
          }
          throw await deadLink(request, 'measureLink.submit', known);
        }
        const asked = new Set((await askedMeasures(link)).map((measure) => measure.id));
        try {
          await store.db.transaction().execute(async (trx) => {
            // Two taps on "Send" race here: the loser finds the link used and stores nothing.
            if (!(await markClientLinkUsed(trx, link.id, now.toISOString())))
              throw new Conflict(alreadySent);
            const scores = await recordScores(trx, runtime, {
              practiceId: link.practiceId,
              clientId: link.clientId,
              session: null,
              entries: body.scores,
              recordedBy: null,
              source: 'client_link',
              linkId: link.id,
              allowedMeasureIds: asked,
            });
            await recordAudit(context, trx, request, {
              action: 'measureLink.submit',
              practiceId: link.practiceId,
              clientId: link.clientId,
              recordType: 'client_link',
              recordId: link.id,
              detail: { scoreIds: scores.map((score) => score.id) },
            });
          });
        } catch (error) {
          if (error instanceof Unprocessable) {
            // Which fields, never what was answered; the link stays usable to try again.
            await failed(link, {
              reason: 'invalid',
              fields: error.issues.map((issue) => issue.field),
            });
          }
          throw error;
        }
        void reply.code(201);
        return { submittedAt: now.toISOString() };
      },
    }),
  ];
}
