import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, NotFound, Unprocessable } from '../../domain/errors.js';
import { ScoreCorrection, ScoresInput, correctionIssues } from '../../domain/measure-scores.js';
import {
  MeasureScore,
  PsfsActivity,
  PsfsActivityInput,
  maxActivePsfsActivities,
} from '../../domain/outcome-measures.js';
import { ClientMeasuresView, RecordedScores } from '../../domain/outcome-views.js';
import type { Session } from '../../domain/sessions.js';
import { foldForSearch } from '../../domain/text.js';
import type { Db } from '../../store/database.js';
import { measuresById } from '../../store/outcome-measures.js';
import {
  correctionOf,
  findScore,
  insertPsfsActivity,
  insertScores,
  listPsfsActivities,
  retirePsfsActivity,
} from '../../store/outcome-scores.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { recordScores } from '../commands/record-scores.js';
import type { AppContext } from '../context.js';
import { clientMeasuresView } from '../outcome-views.js';
import type { Action } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { loadAuthorizedSession } from '../session-access.js';

const SessionQuery = z.object({ sessionId: z.string().min(1).max(64).optional() });
const ScoreParams = IdParams.extend({ scoreId: z.string().min(1).max(64) });
const ActivityParams = IdParams.extend({ activityId: z.string().min(1).max(64) });

/**
 * A client's outcome measures on the chart and in a note: the definitions used, every score
 * with what is due, recording a batch (at a session or not), corrections that append, and the
 * client's PSFS activities.
 */
export function clientMeasureRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;

  /**
   * Authorizes through the session when scores concern one (its booked therapist documents it
   * even under assigned care), else through the client. A session of another client is not
   * found, like any session the actor cannot reach.
   */
  const authorizeFor = async (
    request: FastifyRequest,
    actor: Actor,
    clientId: string,
    sessionId: string | null | undefined,
    action: Action,
  ): Promise<{ clientId: string; session: Session | null }> => {
    if (sessionId) {
      const { session } = await loadAuthorizedSession(context, request, actor, sessionId, action);
      if (session.clientId !== clientId) throw new NotFound('session');
      return { clientId, session };
    }
    const { client } = await loadAuthorizedClient(context, request, actor, clientId, action);
    return { clientId: client.id, session: null };
  };
  const audit = (
    db: Db,
    request: FastifyRequest,
    action: string,
    clientId: string,
    detail: Record<string, unknown>,
    record: { type: string; id: string } = { type: 'outcome_measures', id: clientId },
  ) =>
    recordAudit(context, db, request, {
      action,
      recordType: record.type,
      recordId: record.id,
      clientId,
      detail,
    });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/measures',
      operationId: 'getClientMeasures',
      summary:
        'A client’s measures: definitions (every version), PSFS activities, every score, the schedule and what is due',
      tag: 'outcome measures',
      auth: 'user',
      params: IdParams,
      query: SessionQuery,
      responses: { 200: ClientMeasuresView, 404: null },
      handler: async ({ actor, params, query, request }) => {
        const { clientId } = await authorizeFor(
          request,
          actor,
          params.id,
          query.sessionId,
          'measureScores.read',
        );
        const view = await clientMeasuresView(store.db, {
          practiceId: actor.practiceId,
          clientId,
          timeZone: actor.timeZone,
          now: runtime.now(),
          ...(query.sessionId ? { sessionId: query.sessionId } : {}),
        });
        await audit(store.db, request, 'measures.read', clientId, {
          sessionId: query.sessionId ?? null,
          scores: view.scores.length,
        });
        return view;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/measures/scores',
      operationId: 'recordMeasureScores',
      summary:
        'Record scores, at a session or on the chart; a PSFS activity may be named with its first score. All or nothing',
      tag: 'outcome measures',
      auth: 'user',
      params: IdParams,
      body: ScoresInput,
      responses: { 201: RecordedScores, 400: null, 404: null, 409: null, 422: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { clientId, session } = await authorizeFor(
          request,
          actor,
          params.id,
          body.sessionId,
          'measureScores.record',
        );
        const scores = await store.db.transaction().execute(async (trx) => {
          const recorded = await recordScores(trx, runtime, {
            practiceId: actor.practiceId,
            clientId,
            session,
            entries: body.scores,
            recordedBy: actor.userId,
            source: 'staff',
            linkId: null,
          });
          await audit(trx, request, 'measureScores.record', clientId, {
            sessionId: session?.id ?? null,
            scoreIds: recorded.map((score) => score.id),
            measureIds: [...new Set(recorded.map((score) => score.measureId))],
          });
          return recorded;
        });
        void reply.code(201);
        return { scores };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/measures/scores/:scoreId/corrections',
      operationId: 'correctMeasureScore',
      summary:
        'Correct a score with a reason (null strikes it out): a new score that names it; the original stays',
      tag: 'outcome measures',
      auth: 'user',
      params: ScoreParams,
      body: ScoreCorrection,
      responses: { 201: MeasureScore, 400: null, 404: null, 409: null, 422: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { clientId } = await authorizeFor(
          request,
          actor,
          params.id,
          null,
          'measureScores.record',
        );
        const correction = await store.db.transaction().execute(async (trx) => {
          const original = await findScore(trx, actor.practiceId, clientId, params.scoreId);
          if (!original) throw new NotFound('score');
          if (original.value === null) {
            throw new Conflict('This score was struck out; it has no value to correct.');
          }
          const corrected = () =>
            new Conflict('This score was corrected already: correct the latest value instead.');
          if (await correctionOf(trx, original.id)) throw corrected();
          const measure = (await measuresById(trx, actor.practiceId)).get(original.measureId);
          if (!measure) throw new NotFound('measure');
          const issues = correctionIssues(body, original, measure);
          if (issues.length > 0)
            throw new Unprocessable('The correction was not recorded.', issues);
          const now = runtime.now().toISOString();
          const score: MeasureScore = {
            ...original,
            id: runtime.newId(),
            value: body.value,
            enteredAt: now,
            recordedBy: actor.userId,
            source: 'staff',
            correctsId: original.id,
            reason: body.reason,
          };
          const inserted = await insertScores(trx, [
            { ...score, practiceId: actor.practiceId, linkId: null },
          ]);
          if (inserted === 0) throw corrected();
          await audit(
            trx,
            request,
            'measureScore.correct',
            clientId,
            { correctsId: original.id, struckOut: body.value === null },
            { type: 'outcome_score', id: score.id },
          );
          return score;
        });
        void reply.code(201);
        return correction;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/psfs-activities',
      operationId: 'addPsfsActivity',
      summary: 'Name an activity the client finds hard, for the PSFS (at most five at a time)',
      tag: 'outcome measures',
      auth: 'user',
      params: IdParams,
      body: PsfsActivityInput,
      responses: { 201: PsfsActivity, 400: null, 404: null, 422: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { clientId } = await authorizeFor(
          request,
          actor,
          params.id,
          null,
          'measureScores.record',
        );
        const activity = await store.db.transaction().execute(async (trx) => {
          const active = (await listPsfsActivities(trx, actor.practiceId, clientId)).filter(
            (entry) => entry.retiredAt === null,
          );
          if (active.length >= maxActivePsfsActivities) {
            throw new Unprocessable('The activity was not added.', [
              {
                field: 'description',
                message: `A client names at most ${maxActivePsfsActivities} activities at a time: retire one first.`,
              },
            ]);
          }
          const folded = foldForSearch(body.description);
          if (active.some((entry) => foldForSearch(entry.description) === folded)) {
            throw new Unprocessable('The activity was not added.', [
              { field: 'description', message: 'Already one of the client’s activities.' },
            ]);
          }
          const created = await insertPsfsActivity(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            clientId,
            description: body.description,
            createdBy: actor.userId,
            linkId: null,
            now: runtime.now().toISOString(),
          });
          await audit(
            trx,
            request,
            'psfsActivity.add',
            clientId,
            {},
            {
              type: 'psfs_activity',
              id: created.id,
            },
          );
          return created;
        });
        void reply.code(201);
        return activity;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/psfs-activities/:activityId/retire',
      operationId: 'retirePsfsActivity',
      summary: 'Retire a PSFS activity: its scores stay, it takes no new ones',
      tag: 'outcome measures',
      auth: 'user',
      params: ActivityParams,
      responses: { 200: PsfsActivity, 404: null },
      handler: async ({ actor, params, request }) => {
        const { clientId } = await authorizeFor(
          request,
          actor,
          params.id,
          null,
          'measureScores.record',
        );
        return store.db.transaction().execute(async (trx) => {
          const retired = await retirePsfsActivity(trx, {
            practiceId: actor.practiceId,
            clientId,
            id: params.activityId,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          if (!retired) {
            throw new NotFound('activity', 'No active activity with that id for this client.');
          }
          await audit(
            trx,
            request,
            'psfsActivity.retire',
            clientId,
            {},
            {
              type: 'psfs_activity',
              id: params.activityId,
            },
          );
          const activities = await listPsfsActivities(trx, actor.practiceId, clientId);
          return activities.find((activity) => activity.id === params.activityId)!;
        });
      },
    }),
  ];
}
