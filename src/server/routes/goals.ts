import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, NotFound, Unprocessable } from '../../domain/errors.js';
import {
  GoalCreate,
  GoalInput,
  TreatmentPlan,
  goalIssues,
  planIssues,
  sameTarget,
} from '../../domain/goals.js';
import {
  ClientGoalsView,
  GoalVersionView,
  GoalView,
  TreatmentPlanView,
} from '../../domain/outcome-views.js';
import { listTechniques } from '../../store/catalogue.js';
import type { Db } from '../../store/database.js';
import {
  findGoal,
  goalVersions,
  insertGoal,
  markGoalRevised,
  updateGoal,
  type StoredGoal,
} from '../../store/goals.js';
import { measuresById } from '../../store/outcome-measures.js';
import { listPsfsActivities } from '../../store/outcome-scores.js';
import { currentTreatmentPlan, saveTreatmentPlan } from '../../store/treatment-plans.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { clientGoalsView } from '../outcome-views.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const GoalParams = IdParams.extend({ goalId: z.string().min(1).max(64) });

/**
 * A client's goals (each with progress toward its target) and treatment plan. Goals and the
 * plan are clinical: read and written by the clinicians who reach the client, every change
 * versioned with If-Match and audited.
 */
export function goalRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  const clientOf = (request: FastifyRequest, actor: Actor, id: string, write = false) =>
    loadAuthorizedClient(context, request, actor, id, write ? 'goals.write' : 'goals.read');
  const audit = (
    db: Db,
    request: FastifyRequest,
    action: string,
    clientId: string,
    record: { type: string; id: string },
    detail: Record<string, unknown> | null = null,
  ) =>
    recordAudit(context, db, request, {
      action,
      recordType: record.type,
      recordId: record.id,
      clientId,
      detail,
    });

  /** Checks a goal's target against the record; the measure version it is set on. */
  const checkedTarget = async (
    db: Db,
    practiceId: string,
    clientId: string,
    goal: GoalInput,
    existing: StoredGoal | null,
  ): Promise<number | null> => {
    const [measures, activities] = await Promise.all([
      measuresById(db, practiceId),
      listPsfsActivities(db, practiceId, clientId),
    ]);
    const targetChanged = existing === null || !sameTarget(existing, goal);
    const issues = goalIssues(goal, {
      measures,
      activities: new Map(activities.map((activity) => [activity.id, activity])),
      targetChanged,
    });
    if (issues.length > 0) throw new Unprocessable('The goal was not saved.', issues);
    if (goal.target.kind !== 'measure') return null;
    if (!targetChanged && existing) return existing.measureVersion;
    return measures.get(goal.target.measureId)!.currentNumber;
  };
  /** The goal as the API shows it, with progress read from the client's scores now. */
  const present = async (db: Db, practiceId: string, goal: StoredGoal): Promise<GoalView> => {
    const view = await clientGoalsView(db, { practiceId, clientId: goal.clientId });
    return view.goals.find((entry) => entry.id === goal.id)!;
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/goals',
      operationId: 'listClientGoals',
      summary: 'A client’s goals with progress (baseline, latest, target) and the current plan',
      tag: 'goals',
      auth: 'user',
      params: IdParams,
      responses: { 200: ClientGoalsView, 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await clientOf(request, actor, params.id);
        const view = await clientGoalsView(store.db, {
          practiceId: actor.practiceId,
          clientId: client.id,
        });
        await audit(store.db, request, 'goals.read', client.id, {
          type: 'goals',
          id: client.id,
        });
        return view;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/goals',
      operationId: 'createGoal',
      summary:
        'Set a goal with a measurable target; naming the goal it revises marks that one revised',
      tag: 'goals',
      auth: 'user',
      params: IdParams,
      body: GoalCreate,
      responses: { 201: GoalView, 400: null, 404: null, 409: null, 422: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await clientOf(request, actor, params.id, true);
        const { revisesGoalId, ...input } = body;
        const goal = await store.db.transaction().execute(async (trx) => {
          const measureVersion = await checkedTarget(trx, actor.practiceId, client.id, input, null);
          const now = runtime.now().toISOString();
          if (revisesGoalId) {
            if (!(await findGoal(trx, actor.practiceId, client.id, revisesGoalId)))
              throw new NotFound('goal');
            const revised = await markGoalRevised(trx, {
              practiceId: actor.practiceId,
              clientId: client.id,
              id: revisesGoalId,
              userId: actor.userId,
              now,
            });
            if (!revised) throw new Conflict('Only an active goal can be revised.');
          }
          const created = await insertGoal(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            clientId: client.id,
            input,
            measureVersion,
            revisesGoalId,
            userId: actor.userId,
            now,
          });
          await audit(
            trx,
            request,
            'goal.create',
            client.id,
            { type: 'goal', id: created.id },
            {
              revisesGoalId,
            },
          );
          return present(trx, actor.practiceId, created);
        });
        void reply.code(201).header('etag', etagFor(goal.version));
        return goal;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/clients/:id/goals/:goalId',
      operationId: 'updateGoal',
      summary: 'Change a goal or its status (If-Match); stopping needs a reason',
      tag: 'goals',
      auth: 'user',
      params: GoalParams,
      body: GoalInput,
      conditional: true,
      responses: { 200: GoalView, 400: null, 404: null, 412: null, 422: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await clientOf(request, actor, params.id, true);
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const goal = await store.db.transaction().execute(async (trx) => {
          const existing = await findGoal(trx, actor.practiceId, client.id, params.goalId);
          if (!existing) throw new NotFound('goal');
          const measureVersion = await checkedTarget(
            trx,
            actor.practiceId,
            client.id,
            body,
            existing,
          );
          const saved = await updateGoal(trx, {
            practiceId: actor.practiceId,
            clientId: client.id,
            id: existing.id,
            expectedVersion,
            input: body,
            measureVersion,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          await audit(
            trx,
            request,
            'goal.update',
            client.id,
            { type: 'goal', id: saved.id },
            {
              version: saved.version,
              status: saved.status,
            },
          );
          return present(trx, actor.practiceId, saved);
        });
        void reply.header('etag', etagFor(goal.version));
        return goal;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/goals/:goalId/versions',
      operationId: 'listGoalVersions',
      summary: 'Every saved state of a goal, newest first',
      tag: 'goals',
      auth: 'user',
      params: GoalParams,
      responses: { 200: z.object({ versions: z.array(GoalVersionView) }), 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await clientOf(request, actor, params.id);
        const goal = await findGoal(store.db, actor.practiceId, client.id, params.goalId);
        if (!goal) throw new NotFound('goal');
        await audit(store.db, request, 'goal.versions', client.id, { type: 'goal', id: goal.id });
        return { versions: await goalVersions(store.db, actor.practiceId, goal.id) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/treatment-plan',
      operationId: 'getTreatmentPlan',
      summary: 'A client’s current treatment plan (number 0 and no plan before the first)',
      tag: 'goals',
      auth: 'user',
      params: IdParams,
      responses: { 200: TreatmentPlanView, 404: null },
      handler: async ({ actor, params, request, reply }) => {
        const { client } = await clientOf(request, actor, params.id);
        const plan = await currentTreatmentPlan(store.db, actor.practiceId, client.id);
        await audit(
          store.db,
          request,
          'treatmentPlan.read',
          client.id,
          {
            type: 'treatment_plan',
            id: client.id,
          },
          { number: plan.number },
        );
        void reply.header('etag', etagFor(plan.number));
        return plan;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/clients/:id/treatment-plan',
      operationId: 'saveTreatmentPlan',
      summary:
        'Save a new version of the treatment plan: frequency, sessions, regions, techniques, re-evaluation, measures (If-Match; "0" first)',
      tag: 'goals',
      auth: 'user',
      params: IdParams,
      body: TreatmentPlan,
      conditional: true,
      responses: { 200: TreatmentPlanView, 400: null, 404: null, 412: null, 422: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await clientOf(request, actor, params.id, true);
        const expectedNumber = versionFromIfMatch(request.headers['if-match']);
        const saved = await store.db.transaction().execute(async (trx) => {
          const [techniques, measures, previous] = await Promise.all([
            listTechniques(trx, actor.practiceId),
            measuresById(trx, actor.practiceId),
            currentTreatmentPlan(trx, actor.practiceId, client.id),
          ]);
          const issues = planIssues(body, {
            techniques: new Map(techniques.map((entry) => [entry.code, entry])),
            measures,
            previous: previous.plan,
          });
          if (issues.length > 0) throw new Unprocessable('The plan was not saved.', issues);
          const plan = await saveTreatmentPlan(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            clientId: client.id,
            expectedNumber,
            plan: body,
            recordedBy: actor.userId,
            now: runtime.now().toISOString(),
          });
          await audit(
            trx,
            request,
            'treatmentPlan.update',
            client.id,
            {
              type: 'treatment_plan',
              id: client.id,
            },
            { number: plan.number },
          );
          return plan;
        });
        void reply.header('etag', etagFor(saved.number));
        return saved;
      },
    }),
  ];
}
