import { goalProgress, type ProgressPoint } from '../domain/goal-progress.js';
import { painMinimalImportantChange, type PainMoment } from '../domain/goals.js';
import { measuresDue } from '../domain/measure-schedule.js';
import { effectiveScores } from '../domain/measure-scores.js';
import {
  currentDefinition,
  definitionOf,
  sameScale,
  type MeasureScore,
  type MeasureView,
} from '../domain/outcome-measures.js';
import type { ClientGoalsView, ClientMeasuresView, GoalView } from '../domain/outcome-views.js';
import { localDate } from '../domain/time.js';
import { clientVisits, painPoints } from '../store/client-visits.js';
import type { Db } from '../store/database.js';
import { listGoals, type StoredGoal } from '../store/goals.js';
import { listMeasures } from '../store/outcome-measures.js';
import { listClientScores, listPsfsActivities } from '../store/outcome-scores.js';
import { currentTreatmentPlan } from '../store/treatment-plans.js';

/**
 * Assembles what the outcome APIs answer from the store and the pure rules: a client's
 * measures with scores and what is due, and their goals with progress and the current plan.
 * Shared by the chart, the note's panel, the measures link and the goals.
 */

export async function clientMeasuresView(
  db: Db,
  input: {
    practiceId: string;
    clientId: string;
    timeZone: string;
    now: Date;
    /** Due at this session (already checked to be the client's); else at the next visit. */
    sessionId?: string;
  },
): Promise<ClientMeasuresView> {
  const [measures, activities, scores, plan, visits] = await Promise.all([
    listMeasures(db, input.practiceId),
    listPsfsActivities(db, input.practiceId, input.clientId),
    listClientScores(db, input.practiceId, input.clientId),
    currentTreatmentPlan(db, input.practiceId, input.clientId),
    clientVisits(db, input.practiceId, input.clientId),
  ]);
  const inUse = new Map(measures.map((measure) => [measure.id, measure.retiredAt === null]));
  const schedule = plan.plan?.measures ?? [];
  const nowText = input.now.toISOString();
  const next = visits.find((visit) => visit.status === 'booked' && visit.startsAt >= nowText);
  const at = input.sessionId
    ? { sessionId: input.sessionId }
    : next
      ? { sessionId: next.sessionId }
      : { upcoming: { startsAt: nowText, serviceDate: localDate(input.now, input.timeZone) } };
  const due = measuresDue({
    schedules: schedule.filter((entry) => inUse.get(entry.measureId) === true),
    visits,
    scores: effectiveScores(scores).map((score) => ({
      measureId: score.measureId,
      sessionId: score.sessionId,
      recordedOn: localDate(new Date(score.recordedAt), input.timeZone),
    })),
    plan: plan.plan
      ? { sessionsPlanned: plan.plan.sessionsPlanned, startsOn: plan.plan.startsOn }
      : null,
    at,
  });
  const used = new Set([
    ...scores.map((score) => score.measureId),
    ...schedule.map((entry) => entry.measureId),
  ]);
  const dueSession =
    'sessionId' in at ? visits.find((visit) => visit.sessionId === at.sessionId) : undefined;
  return {
    clientId: input.clientId,
    measures: measures.filter((measure) => measure.retiredAt === null || used.has(measure.id)),
    activities,
    scores,
    schedule,
    due: {
      sessionId: dueSession?.sessionId ?? null,
      startsAt: dueSession?.startsAt ?? null,
      measures: due,
    },
  };
}

/** The scores a goal's target reads, on the scale its target was set on. */
function measurePoints(
  goal: StoredGoal,
  measure: MeasureView,
  scores: readonly MeasureScore[],
): { points: ProgressPoint[]; minimalImportantChange: number } {
  const target = goal.target;
  const goalDefinition =
    definitionOf(measure, goal.measureVersion ?? measure.currentNumber) ??
    currentDefinition(measure);
  const points = scores
    .filter((score) => {
      if (target.kind !== 'measure' || score.measureId !== target.measureId) return false;
      if (target.activityId !== null && score.activityId !== target.activityId) return false;
      const definition = definitionOf(measure, score.measureVersion);
      return definition !== undefined && sameScale(definition, goalDefinition);
    })
    .map((score) => ({ at: score.recordedAt, value: score.value!, sessionId: score.sessionId }));
  return { points, minimalImportantChange: goalDefinition.minimalImportantChange };
}

export async function clientGoalsView(
  db: Db,
  input: { practiceId: string; clientId: string },
): Promise<ClientGoalsView> {
  const [goals, measures, scores, plan] = await Promise.all([
    listGoals(db, input.practiceId, input.clientId),
    listMeasures(db, input.practiceId),
    listClientScores(db, input.practiceId, input.clientId),
    currentTreatmentPlan(db, input.practiceId, input.clientId),
  ]);
  const byId = new Map(measures.map((measure) => [measure.id, measure]));
  const effective = effectiveScores(scores);
  const pain = new Map<PainMoment, ProgressPoint[]>();
  for (const goal of goals) {
    if (goal.target.kind === 'pain' && !pain.has(goal.target.moment)) {
      pain.set(
        goal.target.moment,
        await painPoints(db, input.practiceId, input.clientId, goal.target.moment),
      );
    }
  }
  const views = goals.map((goal): GoalView => {
    const target = goal.target;
    const measure = target.kind === 'measure' ? byId.get(target.measureId) : undefined;
    const read =
      target.kind === 'pain'
        ? {
            points: pain.get(target.moment) ?? [],
            minimalImportantChange: painMinimalImportantChange,
          }
        : measure
          ? measurePoints(goal, measure, effective)
          : { points: [], minimalImportantChange: 0 };
    return {
      ...goal,
      progress: goalProgress(
        { comparator: goal.comparator, targetValue: goal.targetValue, setAt: goal.createdAt },
        read.points,
        read.minimalImportantChange,
      ),
      points: read.points,
    };
  });
  // Active goals first; within each group the store's order (newest first) stays.
  views.sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
  return { clientId: input.clientId, goals: views, plan };
}
