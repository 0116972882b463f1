import { Conflict, Unprocessable } from '../../domain/errors.js';
import {
  effectiveScores,
  scoreIssues,
  scoreKey,
  type ScoreEntry,
} from '../../domain/measure-scores.js';
import type { MeasureScore, ScoreSource } from '../../domain/outcome-measures.js';
import type { Runtime } from '../../domain/runtime.js';
import type { Session } from '../../domain/sessions.js';
import type { Db } from '../../store/database.js';
import { measuresById } from '../../store/outcome-measures.js';
import {
  insertPsfsActivity,
  insertScores,
  listClientScores,
  listPsfsActivities,
  type NewScore,
} from '../../store/outcome-scores.js';

/**
 * Records a batch of scores for one client, from staff (the chart or a note) or from the
 * client's link. Checked whole first — every field's problem at once — so a refused batch
 * stores nothing; a PSFS activity named with its first score is created in the same write.
 * Run it in the transaction of the audit event that records it.
 */
export async function recordScores(
  db: Db,
  runtime: Runtime,
  input: {
    practiceId: string;
    clientId: string;
    /** The session the scores were taken at, already authorized for this client. */
    session: Session | null;
    entries: readonly ScoreEntry[];
    recordedBy: string | null;
    source: ScoreSource;
    linkId: string | null;
    /** A link's scores may only answer what the link asks for. */
    allowedMeasureIds?: ReadonlySet<string>;
  },
): Promise<MeasureScore[]> {
  if (input.session) assertSessionTakesScores(input.session);
  const [measures, activityList, existing] = await Promise.all([
    measuresById(db, input.practiceId),
    listPsfsActivities(db, input.practiceId, input.clientId),
    input.session ? listClientScores(db, input.practiceId, input.clientId) : [],
  ]);
  const activities = new Map(activityList.map((activity) => [activity.id, activity]));
  const sessionId = input.session?.id;
  const issues = scoreIssues(input.entries, {
    measures,
    activities,
    scoredAtSession: new Set(
      effectiveScores(existing)
        .filter((score) => score.sessionId === sessionId)
        .map(scoreKey),
    ),
    ...(input.allowedMeasureIds ? { allowedMeasureIds: input.allowedMeasureIds } : {}),
  });
  if (issues.length > 0) throw new Unprocessable('The scores were not recorded.', issues);

  const now = runtime.now().toISOString();
  const scores: NewScore[] = [];
  for (const entry of input.entries) {
    const measure = measures.get(entry.measureId)!;
    let activityId = entry.activityId;
    if (entry.newActivity) {
      const created = await insertPsfsActivity(db, {
        id: runtime.newId(),
        practiceId: input.practiceId,
        clientId: input.clientId,
        description: entry.newActivity,
        createdBy: input.recordedBy,
        linkId: input.linkId,
        now,
      });
      activityId = created.id;
    }
    scores.push({
      id: runtime.newId(),
      practiceId: input.practiceId,
      clientId: input.clientId,
      measureId: measure.id,
      measureVersion: measure.currentNumber,
      activityId,
      value: entry.value,
      sessionId: input.session?.id ?? null,
      recordedAt: now,
      enteredAt: now,
      recordedBy: input.recordedBy,
      source: input.source,
      linkId: input.linkId,
      correctsId: null,
      reason: null,
    });
  }
  await insertScores(db, scores);
  return scores.map(({ practiceId: _practice, linkId: _link, ...score }) => score);
}

/**
 * Once a session's note is signed its scores belong to the signed record: none are added to
 * it (a later score goes on the chart) and one is changed only by a correction with a reason,
 * which appends. A session that did not take place takes no scores.
 */
export function assertSessionTakesScores(session: Session): void {
  if (session.status === 'signed' || session.status === 'amended') {
    throw new Conflict(
      'This session’s note is signed, so its scores are part of the signed record. Record a new score on the chart, or correct one with a reason.',
    );
  }
  if (session.status === 'cancelled' || session.status === 'no_show') {
    throw new Conflict('This session did not take place: it takes no scores.');
  }
}
