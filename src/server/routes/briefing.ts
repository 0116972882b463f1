import { Briefing, buildBriefing } from '../../domain/briefing.js';
import { displayName } from '../../domain/clients.js';
import { handoffAwaiting } from '../../domain/handoffs.js';
import { evaluateSafety } from '../../domain/safety.js';
import { localDate } from '../../domain/time.js';
import { lastSignedNoteBefore } from '../../store/briefing.js';
import { findClient } from '../../store/clients.js';
import { findSessionFollowUp } from '../../store/follow-ups.js';
import { listHandoffs } from '../../store/handoffs.js';
import { currentHealthHistory } from '../../store/health-history.js';
import { recordStamp } from '../../store/record-stamps.js';
import { findSafetySettings } from '../../store/safety.js';
import { recordAudit } from '../audit-trail.js';
import { clientConsents } from '../commands/consents.js';
import { sendPreparedJson } from '../compression.js';
import type { AppContext } from '../context.js';
import { cachedClientEffectiveness } from '../effectiveness-cache.js';
import { KeptAnswers } from '../kept-answers.js';
import { clientGoalsView } from '../outcome-views.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { loadAuthorizedSession } from '../session-access.js';
import { changesSinceLastVisit } from './health-history.js';

/**
 * The pre-session briefing. Its parts are the same records the chart shows, read together in
 * parallel queries; only the last signed note's text, and its follow-up, are read in full.
 * It is opened before every session and often again during the day, and changes only when
 * the client's record (or the practice's names and settings) does: the built briefing is kept
 * per session, reader and day, under the client's record stamp, and sent as kept.
 */
const keptBriefings = new KeptAnswers<Briefing>({ entries: 512, jsonSize: 16e6 });

export function briefingRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/briefing',
      operationId: 'getSessionBriefing',
      summary:
        'The client’s playbook before a session: reason for care and goals with progress, alerts, what has worked and what has not, preferences and areas to avoid, the last plan and the follow-up since; every statement names the record it comes from',
      tag: 'sessions',
      auth: 'user',
      params: IdParams,
      responses: { 200: Briefing },
      handler: async ({ actor, params, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'briefing.read',
        );
        const { practiceId } = actor;
        const clientId = session.clientId;
        const db = store.db;
        const today = localDate(runtime.now(), actor.timeZone);
        const minimumSessions = actor.settings.effectivenessMinimumSessions;
        // The stamp is read before anything the briefing is built from (see record-stamps.ts).
        const stamp = await recordStamp(db, practiceId, clientId);
        const key = [
          session.id,
          session.version,
          actor.userId,
          actor.timeZone,
          today,
          minimumSessions,
        ];
        const kept = await keptBriefings.answer(db, key.join('|'), stamp, async () => {
          // The history is read first: the changes since the last visit compare against it.
          const history = await currentHealthHistory(db, practiceId, clientId);
          const [client, safetySettings, changes, goals, effectiveness, lastNote, handoffs] =
            await Promise.all([
              findClient(db, practiceId, clientId),
              findSafetySettings(db, practiceId),
              changesSinceLastVisit(db, practiceId, clientId, session.id, { current: history }),
              clientGoalsView(db, { practiceId, clientId }),
              cachedClientEffectiveness(db, practiceId, clientId, minimumSessions),
              lastSignedNoteBefore(db, practiceId, clientId, session.startsAt),
              listHandoffs(db, practiceId, clientId),
            ]);
          // Only the last visit's follow-up is told, not the client's whole list.
          const lastFollowUp = lastNote
            ? await findSessionFollowUp(db, practiceId, lastNote.sessionId)
            : undefined;
          const consents = client
            ? await clientConsents(
                db,
                runtime,
                { id: client.id, practiceId, dateOfBirth: client.dateOfBirth },
                actor.timeZone,
              )
            : null;
          return buildBriefing({
            client: { id: clientId, name: client ? displayName(client) : '' },
            session: { id: session.id, startsAt: session.startsAt },
            history,
            alerts: history
              ? evaluateSafety({
                  history: history.history,
                  today,
                  settings: safetySettings.settings,
                })
              : [],
            changes,
            consents,
            goals,
            effectiveness: effectiveness.value,
            lastNote,
            followUps: lastFollowUp ? [lastFollowUp] : [],
            handoff: handoffAwaiting(handoffs, actor.userId),
          });
        });
        const briefing = kept.value;
        await recordAudit(context, db, request, {
          action: 'session.briefing',
          recordType: 'session',
          recordId: session.id,
          clientId,
          detail: { statements: briefing.sections.reduce((n, s) => n + s.statements.length, 0) },
        });
        // Already JSON (and gzipped once when asked): nothing is serialized again.
        return sendPreparedJson(request, reply, kept);
      },
    }),
  ];
}
