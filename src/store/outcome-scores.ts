import { ScoreSource, type MeasureScore, type PsfsActivity } from '../domain/outcome-measures.js';
import type { Db } from './database.js';
import type { OutcomeScoreTable, PsfsActivityTable } from './schema.js';

/** A client's PSFS activities and scores. Scores are append-only: see `MeasureScore`. */

function toActivity(row: PsfsActivityTable): PsfsActivity {
  return {
    id: row.id,
    clientId: row.client_id,
    description: row.description,
    createdAt: row.created_at,
    createdBy: row.created_by,
    retiredAt: row.retired_at,
  };
}

/** Oldest first, retired ones included (their scores still read by their description). */
export async function listPsfsActivities(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<PsfsActivity[]> {
  const rows = await db
    .selectFrom('psfs_activities')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toActivity);
}

export async function insertPsfsActivity(
  db: Db,
  activity: {
    id: string;
    practiceId: string;
    clientId: string;
    description: string;
    createdBy: string | null;
    linkId: string | null;
    now: string;
  },
): Promise<PsfsActivity> {
  const row: PsfsActivityTable = {
    id: activity.id,
    practice_id: activity.practiceId,
    client_id: activity.clientId,
    description: activity.description,
    created_at: activity.now,
    created_by: activity.createdBy,
    link_id: activity.linkId,
    retired_at: null,
    retired_by: null,
  };
  await db.insertInto('psfs_activities').values(row).execute();
  return toActivity(row);
}

/** Retires an active activity; false when there is none with that id for this client. */
export async function retirePsfsActivity(
  db: Db,
  change: { practiceId: string; clientId: string; id: string; userId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('psfs_activities')
    .set({ retired_at: change.now, retired_by: change.userId })
    .where('id', '=', change.id)
    .where('practice_id', '=', change.practiceId)
    .where('client_id', '=', change.clientId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toScore(row: OutcomeScoreTable): MeasureScore {
  return {
    id: row.id,
    clientId: row.client_id,
    measureId: row.measure_id,
    measureVersion: row.measure_version,
    activityId: row.activity_id,
    value: row.value === null ? null : Number(row.value),
    sessionId: row.session_id,
    recordedAt: row.recorded_at,
    enteredAt: row.entered_at,
    recordedBy: row.recorded_by,
    source: ScoreSource.parse(row.source),
    correctsId: row.corrects_id,
    reason: row.reason,
  };
}

/** Every score of the client, corrections included, in the order they were entered. */
export async function listClientScores(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<MeasureScore[]> {
  const rows = await db
    .selectFrom('outcome_scores')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .orderBy('entered_at')
    .orderBy('id')
    .execute();
  return rows.map(toScore);
}

export async function findScore(
  db: Db,
  practiceId: string,
  clientId: string,
  id: string,
): Promise<MeasureScore | undefined> {
  const row = await db
    .selectFrom('outcome_scores')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toScore(row) : undefined;
}

/** The correction of a score, if it has one. */
export async function correctionOf(db: Db, scoreId: string): Promise<MeasureScore | undefined> {
  const row = await db
    .selectFrom('outcome_scores')
    .selectAll()
    .where('corrects_id', '=', scoreId)
    .executeTakeFirst();
  return row ? toScore(row) : undefined;
}

export type NewScore = Omit<MeasureScore, 'clientId'> & {
  practiceId: string;
  clientId: string;
  linkId: string | null;
};

/**
 * Stores scores. A correction of a score that was corrected meanwhile inserts nothing (the
 * unique `corrects_id` decides); the count inserted tells the caller.
 */
export async function insertScores(db: Db, scores: readonly NewScore[]): Promise<number> {
  if (scores.length === 0) return 0;
  const result = await db
    .insertInto('outcome_scores')
    .values(
      scores.map((score) => ({
        id: score.id,
        practice_id: score.practiceId,
        client_id: score.clientId,
        measure_id: score.measureId,
        measure_version: score.measureVersion,
        activity_id: score.activityId,
        value: score.value,
        session_id: score.sessionId,
        recorded_at: score.recordedAt,
        entered_at: score.enteredAt,
        recorded_by: score.recordedBy,
        source: score.source,
        link_id: score.linkId,
        corrects_id: score.correctsId,
        reason: score.reason,
      })),
    )
    .onConflict((conflict) => conflict.column('corrects_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
