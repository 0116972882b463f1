import type { FastifyRequest } from 'fastify';
import { Invalid } from '../../domain/errors.js';
import type { NoteContent } from '../../domain/notes.js';
import {
  evaluateSafety,
  overrideIssues,
  productsChosenIn,
  unresolvedBlockingAlerts,
  type SafetyAlert,
} from '../../domain/safety.js';
import type { RecordedSafetyOverride, SafetyOverridesInput } from '../../domain/safety-records.js';
import { safetyRuleSetVersion } from '../../domain/safety-rules.js';
import type { Session } from '../../domain/sessions.js';
import { localDate } from '../../domain/time.js';
import { listProducts, listTechniques } from '../../store/catalogue.js';
import type { Db } from '../../store/database.js';
import { currentHealthHistory } from '../../store/health-history.js';
import {
  findSafetySettings,
  insertSafetyOverrides,
  recordSessionAlerts,
  safetyAtStart,
} from '../../store/safety.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { BlockingSafetyAlerts } from '../problems.js';

/**
 * Safety at the two moments of a session that the record keeps: its start (the first save of
 * its note), which absolute contraindications block until overridden with a reason, and the
 * signing of its note, when the alerts that applied to the note are kept with the session.
 */

function today(context: AppContext, actor: Actor): string {
  return localDate(context.runtime.now(), actor.timeZone);
}

/** The client's standing alerts now, on the current health history (none without one). */
async function historyAlerts(context: AppContext, db: Db, actor: Actor, clientId: string) {
  const stored = await currentHealthHistory(db, actor.practiceId, clientId);
  if (!stored) return [];
  const { settings } = await findSafetySettings(db, actor.practiceId);
  return evaluateSafety({ history: stored.history, today: today(context, actor), settings });
}

/**
 * Refuses the first save of a note (the start of the session) while an absolute
 * contraindication has no override for this session. One query; later autosaves skip it.
 */
export async function refuseBlockedStart(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  session: Session,
): Promise<void> {
  const start = await safetyAtStart(context.store.db, {
    practiceId: actor.practiceId,
    clientId: session.clientId,
    sessionId: session.id,
  });
  if (!start.history) return;
  const alerts = evaluateSafety({
    history: start.history,
    today: today(context, actor),
    settings: start.settings,
  });
  const blocking = unresolvedBlockingAlerts(
    alerts,
    start.overridden.map((ruleId) => ({ ruleId, reason: '' })),
  );
  if (!blocking.length) return;
  await recordAudit(context, context.store.db, request, {
    action: 'note.save',
    recordType: 'note',
    recordId: session.id,
    clientId: session.clientId,
    outcome: 'denied',
    detail: { reason: 'blocking_safety_alerts', ruleIds: blocking.map((alert) => alert.ruleId) },
  });
  throw new BlockingSafetyAlerts(blocking);
}

/**
 * Stores the therapist's overrides of blocking alerts, one per alert with its reason, and
 * keeps the alerts the session starts with. Overrides naming no blocking alert of the client's
 * current history are refused with field messages, and nothing is stored.
 */
export async function overrideBlockingAlerts(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  session: Session,
  input: SafetyOverridesInput,
): Promise<RecordedSafetyOverride[]> {
  return context.store.db.transaction().execute(async (trx) => {
    const alerts = await historyAlerts(context, trx, actor, session.clientId);
    const issues = overrideIssues(alerts, input.overrides);
    if (issues.length) throw new Invalid('The overrides were not recorded.', issues);
    const now = context.runtime.now().toISOString();
    const stored = await insertSafetyOverrides(trx, {
      practiceId: actor.practiceId,
      clientId: session.clientId,
      sessionId: session.id,
      overrides: input.overrides,
      userId: actor.userId,
      now,
      newId: () => context.runtime.newId(),
    });
    await recordSessionAlerts(trx, {
      practiceId: actor.practiceId,
      clientId: session.clientId,
      sessionId: session.id,
      stage: 'start',
      ruleSetVersion: safetyRuleSetVersion,
      alerts,
      evaluatedAt: now,
      newId: () => context.runtime.newId(),
    });
    for (const override of stored) {
      await recordAudit(context, trx, request, {
        action: 'safety.override',
        recordType: 'safety_override',
        recordId: override.id,
        clientId: session.clientId,
        detail: { sessionId: session.id, ruleId: override.ruleId },
      });
    }
    return stored;
  });
}

/**
 * Keeps with the session the alerts that applied to its note as signed: the standing alerts
 * of the health history and the warnings about the note's techniques and products. Signing is
 * never blocked by them. Runs inside the signing transaction.
 */
export async function recordAlertsAtSigning(
  context: AppContext,
  trx: Db,
  actor: Actor,
  session: Session,
  note: NoteContent,
): Promise<SafetyAlert[]> {
  const stored = await currentHealthHistory(trx, actor.practiceId, session.clientId);
  if (!stored) return [];
  const { settings } = await findSafetySettings(trx, actor.practiceId);
  const products = note.treatment.products.length
    ? productsChosenIn(note, await listProducts(trx, actor.practiceId))
    : [];
  const techniqueNames = note.treatment.techniques.length
    ? Object.fromEntries(
        (await listTechniques(trx, actor.practiceId)).map((entry) => [entry.code, entry.name]),
      )
    : {};
  const alerts = evaluateSafety({
    history: stored.history,
    note,
    products,
    techniqueNames,
    today: session.serviceDate,
    settings,
  });
  await recordSessionAlerts(trx, {
    practiceId: actor.practiceId,
    clientId: session.clientId,
    sessionId: session.id,
    stage: 'sign',
    ruleSetVersion: safetyRuleSetVersion,
    alerts,
    evaluatedAt: context.runtime.now().toISOString(),
    newId: () => context.runtime.newId(),
  });
  return alerts;
}
