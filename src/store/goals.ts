import { sql } from 'kysely';
import { Comparator, GoalInput, GoalStatus, PainMoment, type GoalTarget } from '../domain/goals.js';
import type { GoalVersionView } from '../domain/outcome-views.js';
import type { Db } from './database.js';
import type { GoalTable } from './schema.js';
import { updateVersioned } from './versioned.js';

/** A client's goals; every saved state is also kept in `goal_versions`. */
export interface StoredGoal extends GoalInput {
  id: string;
  clientId: string;
  measureVersion: number | null;
  revisesGoalId: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

function targetOf(row: GoalTable): GoalTarget {
  if (row.target_kind === 'pain') {
    return { kind: 'pain', moment: PainMoment.parse(row.pain_moment) };
  }
  return { kind: 'measure', measureId: row.measure_id ?? '', activityId: row.activity_id };
}

function toGoal(row: GoalTable): StoredGoal {
  return {
    id: row.id,
    clientId: row.client_id,
    statement: row.statement,
    target: targetOf(row),
    measureVersion: row.measure_version,
    comparator: Comparator.parse(row.comparator),
    targetValue: Number(row.target_value),
    reEvaluationDate: row.re_evaluation_date,
    status: GoalStatus.parse(row.status),
    statusReason: row.status_reason,
    revisesGoalId: row.revises_goal_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

function goalColumns(input: GoalInput, measureVersion: number | null) {
  const target = input.target;
  return {
    statement: input.statement,
    target_kind: target.kind,
    measure_id: target.kind === 'measure' ? target.measureId : null,
    activity_id: target.kind === 'measure' ? target.activityId : null,
    pain_moment: target.kind === 'pain' ? target.moment : null,
    measure_version: measureVersion,
    comparator: input.comparator,
    target_value: input.targetValue,
    re_evaluation_date: input.reEvaluationDate,
    status: input.status,
    status_reason: input.statusReason,
  };
}

/** The goal's content as a version keeps it. */
function contentOf(goal: StoredGoal): string {
  const content: GoalInput = {
    statement: goal.statement,
    target: goal.target,
    comparator: goal.comparator,
    targetValue: goal.targetValue,
    reEvaluationDate: goal.reEvaluationDate,
    status: goal.status,
    statusReason: goal.statusReason,
  };
  return JSON.stringify(content);
}

async function appendVersion(db: Db, practiceId: string, goal: StoredGoal): Promise<void> {
  await db
    .insertInto('goal_versions')
    .values({
      goal_id: goal.id,
      number: goal.version,
      practice_id: practiceId,
      client_id: goal.clientId,
      content: contentOf(goal),
      recorded_at: goal.updatedAt,
      recorded_by: goal.updatedBy,
    })
    .execute();
}

export async function findGoal(
  db: Db,
  practiceId: string,
  clientId: string,
  id: string,
): Promise<StoredGoal | undefined> {
  const row = await db
    .selectFrom('goals')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toGoal(row) : undefined;
}

export async function listGoals(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<StoredGoal[]> {
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toGoal);
}

export async function insertGoal(
  db: Db,
  goal: {
    id: string;
    practiceId: string;
    clientId: string;
    input: GoalInput;
    measureVersion: number | null;
    revisesGoalId: string | null;
    userId: string;
    now: string;
  },
): Promise<StoredGoal> {
  await db
    .insertInto('goals')
    .values({
      id: goal.id,
      practice_id: goal.practiceId,
      client_id: goal.clientId,
      ...goalColumns(goal.input, goal.measureVersion),
      revises_goal_id: goal.revisesGoalId,
      version: 1,
      created_at: goal.now,
      created_by: goal.userId,
      updated_at: goal.now,
      updated_by: goal.userId,
    })
    .execute();
  const saved = (await findGoal(db, goal.practiceId, goal.clientId, goal.id))!;
  await appendVersion(db, goal.practiceId, saved);
  return saved;
}

/** Saves a goal over the version its writer saw (StaleVersion otherwise), keeping the state. */
export async function updateGoal(
  db: Db,
  change: {
    practiceId: string;
    clientId: string;
    id: string;
    expectedVersion: number;
    input: GoalInput;
    measureVersion: number | null;
    userId: string;
    now: string;
  },
): Promise<StoredGoal> {
  const saved = await updateVersioned(db, {
    table: 'goals',
    recordType: 'goal',
    id: change.id,
    practiceId: change.practiceId,
    expectedVersion: change.expectedVersion,
    values: {
      ...goalColumns(change.input, change.measureVersion),
      updated_at: change.now,
      updated_by: change.userId,
    },
    load: (reader) => findGoal(reader, change.practiceId, change.clientId, change.id),
  });
  await appendVersion(db, change.practiceId, saved);
  return saved;
}

/** Marks an active goal revised (a new goal replaces it); false when it is not active. */
export async function markGoalRevised(
  db: Db,
  change: { practiceId: string; clientId: string; id: string; userId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('goals')
    .set({
      status: 'revised',
      status_reason: null,
      updated_at: change.now,
      updated_by: change.userId,
      version: sql`version + 1`,
    })
    .where('id', '=', change.id)
    .where('practice_id', '=', change.practiceId)
    .where('client_id', '=', change.clientId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await appendVersion(
    db,
    change.practiceId,
    (await findGoal(db, change.practiceId, change.clientId, change.id))!,
  );
  return true;
}

export async function goalVersions(
  db: Db,
  practiceId: string,
  goalId: string,
): Promise<GoalVersionView[]> {
  const rows = await db
    .selectFrom('goal_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('goal_id', '=', goalId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    ...GoalInput.parse(JSON.parse(row.content)),
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  }));
}
