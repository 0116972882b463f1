import { Conflict, Invalid } from '../../domain/errors.js';
import type { SessionHealthCheckInput } from '../../domain/health-history-views.js';
import type { Runtime } from '../../domain/runtime.js';
import type { Session } from '../../domain/sessions.js';
import type { Db } from '../../store/database.js';
import {
  currentHealthHistory,
  recordSessionHealthCheck,
  saveHealthHistory,
  staleHealthHistory,
  type SessionHealthCheck,
  type StoredHealthHistory,
} from '../../store/health-history.js';

/** Sessions whose note is signed, or that did not happen, have nothing left to ask. */
const closedStatuses = new Set(['signed', 'amended', 'cancelled', 'no_show']);

/**
 * Records a session's "any changes since your last visit?" answer. "No changes" confirms the
 * version the therapist saw; "changed" saves the new version (source `session_check`, with
 * the session) and the check together, so the chart never flags a change that was not kept.
 * Pass a transaction: both writes and the caller's audit event commit as one.
 */
export async function checkHealthAtSession(
  trx: Db,
  runtime: Runtime,
  input: {
    session: Session;
    practiceId: string;
    checkedBy: string;
    answer: SessionHealthCheckInput;
  },
): Promise<{ check: SessionHealthCheck; saved: StoredHealthHistory | null }> {
  const { session, practiceId, checkedBy, answer } = input;
  if (closedStatuses.has(session.status)) {
    throw new Conflict(
      session.status === 'signed' || session.status === 'amended'
        ? 'This session’s note is signed; update the health history from the client’s chart.'
        : 'This session did not take place, so there is no check to record.',
    );
  }
  const now = runtime.now().toISOString();
  let saved: StoredHealthHistory | null = null;
  let historyNumber = answer.expectedNumber;
  if (answer.outcome === 'changed') {
    saved = await saveHealthHistory(trx, {
      practiceId,
      clientId: session.clientId,
      expectedNumber: answer.expectedNumber,
      history: answer.history,
      recordedBy: checkedBy,
      source: 'session_check',
      sessionId: session.id,
      now,
      id: runtime.newId(),
    }).catch((error: unknown) => {
      // The history sits under `history` in this request's body; say so in the field paths.
      if (error instanceof Invalid) {
        throw new Invalid(
          error.message,
          error.issues.map((issue) => ({ ...issue, field: `history.${issue.field}` })),
        );
      }
      throw error;
    });
    historyNumber = saved.number;
  } else {
    const current = await currentHealthHistory(trx, practiceId, session.clientId);
    if ((current?.number ?? 0) !== answer.expectedNumber) {
      throw staleHealthHistory(current);
    }
  }
  const check = await recordSessionHealthCheck(trx, {
    practiceId,
    clientId: session.clientId,
    sessionId: session.id,
    outcome: answer.outcome,
    historyNumber,
    checkedBy,
    now,
  });
  return { check, saved };
}
