import { NotFound, StaleVersion } from '../domain/errors.js';
import { TreatmentPlan } from '../domain/goals.js';
import type { TreatmentPlanView } from '../domain/outcome-views.js';
import type { Db } from './database.js';

/**
 * A client's treatment plan as numbered versions, like the health history: a save names the
 * version it edited (If-Match, "0" for the first) and a race for the next number is lost as a
 * stale write. Versions are append-only.
 */

export function emptyPlanView(clientId: string): TreatmentPlanView {
  return {
    clientId,
    number: 0,
    plan: null,
    recordedAt: null,
    recordedBy: null,
    recordedByName: null,
  };
}

export async function currentTreatmentPlan(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<TreatmentPlanView> {
  const row = await db
    .selectFrom('treatment_plan_versions')
    .leftJoin('users', 'users.id', 'treatment_plan_versions.recorded_by')
    .selectAll('treatment_plan_versions')
    .select('users.display_name as recorded_by_name')
    .where('treatment_plan_versions.practice_id', '=', practiceId)
    .where('treatment_plan_versions.client_id', '=', clientId)
    .orderBy('treatment_plan_versions.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return emptyPlanView(clientId);
  return {
    clientId,
    number: row.number,
    // Parsed again so a plan saved by an older release reads with today's defaults.
    plan: TreatmentPlan.parse(JSON.parse(row.content)),
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
  };
}

export async function saveTreatmentPlan(
  db: Db,
  input: {
    id: string;
    practiceId: string;
    clientId: string;
    expectedNumber: number;
    plan: TreatmentPlan;
    recordedBy: string;
    now: string;
  },
): Promise<TreatmentPlanView> {
  const stale = async () => {
    const current = await currentTreatmentPlan(db, input.practiceId, input.clientId);
    return new StaleVersion('treatment plan', current, current.number);
  };
  const current = await currentTreatmentPlan(db, input.practiceId, input.clientId);
  if (current.number !== input.expectedNumber) throw await stale();
  const inserted = await db
    .insertInto('treatment_plan_versions')
    .values({
      id: input.id,
      practice_id: input.practiceId,
      client_id: input.clientId,
      number: input.expectedNumber + 1,
      content: JSON.stringify(input.plan),
      recorded_at: input.now,
      recorded_by: input.recordedBy,
    })
    // Two writers who both saw version n race for n + 1; the loser is told it is stale.
    .onConflict((conflict) => conflict.columns(['client_id', 'number']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw await stale();
  const saved = await currentTreatmentPlan(db, input.practiceId, input.clientId);
  if (saved.number !== input.expectedNumber + 1) throw new NotFound('treatment plan');
  return saved;
}
