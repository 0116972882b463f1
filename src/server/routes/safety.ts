import { z } from 'zod';
import { avoidRegions, evaluateSafety } from '../../domain/safety.js';
import {
  ClientSafetyAlerts,
  RecordedSafetyOverride,
  SafetyOverridesInput,
  SafetySettingsInput,
  SafetySettingsView,
  SessionSafetyRecord,
} from '../../domain/safety-records.js';
import { safetyRuleSetVersion } from '../../domain/safety-rules.js';
import { localDate } from '../../domain/time.js';
import { currentHealthHistory } from '../../store/health-history.js';
import { findSafetySettings, saveSafetySettings, sessionSafetyRecord } from '../../store/safety.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { overrideBlockingAlerts } from '../commands/session-safety.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { loadAuthorizedSession } from '../session-access.js';

/**
 * Safety alerts: a client's alerts on the current health history (the chart banner, the note
 * editor), overrides that let a session start despite an absolute contraindication, what was
 * kept with a session, and the practice's safety settings.
 */
export function safetyRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/safety-alerts',
      operationId: 'getClientSafetyAlerts',
      summary: 'A client’s safety alerts and regions to avoid, on the current health history',
      tag: 'safety',
      auth: 'user',
      params: IdParams,
      responses: { 200: ClientSafetyAlerts },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'safety.read',
        );
        const stored = await currentHealthHistory(store.db, actor.practiceId, client.id);
        const { settings } = await findSafetySettings(store.db, actor.practiceId);
        const today = localDate(runtime.now(), actor.timeZone);
        await recordAudit(context, store.db, request, {
          action: 'safetyAlerts.read',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: { historyNumber: stored?.number ?? null },
        });
        return {
          historyNumber: stored?.number ?? null,
          ruleSetVersion: safetyRuleSetVersion,
          evaluatedOn: today,
          alerts: stored ? evaluateSafety({ history: stored.history, today, settings }) : [],
          avoidRegions: stored ? avoidRegions(stored.history, today, settings) : [],
          settings,
        } satisfies ClientSafetyAlerts;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/sessions/:id/safety-overrides',
      operationId: 'overrideSafetyAlerts',
      summary: 'Go ahead despite absolute contraindications: one reason per alert (audited)',
      tag: 'safety',
      auth: 'user',
      params: IdParams,
      body: SafetyOverridesInput,
      responses: { 201: z.object({ overrides: z.array(RecordedSafetyOverride) }), 400: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'safety.override',
        );
        const overrides = await overrideBlockingAlerts(context, request, actor, session, body);
        void reply.code(201);
        return { overrides };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/safety',
      operationId: 'getSessionSafety',
      summary: 'The safety alerts and overrides kept with a session',
      tag: 'safety',
      auth: 'user',
      params: IdParams,
      responses: { 200: SessionSafetyRecord },
      handler: async ({ actor, params, request }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'safety.read',
        );
        const record = await sessionSafetyRecord(store.db, actor.practiceId, session.id);
        await recordAudit(context, store.db, request, {
          action: 'sessionSafety.read',
          recordType: 'session',
          recordId: session.id,
          clientId: session.clientId,
        });
        return record;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/practice/safety-settings',
      operationId: 'getSafetySettings',
      summary: 'The practice’s safety settings (e.g. coconut counted as a tree nut)',
      tag: 'safety',
      auth: 'user',
      responses: { 200: SafetySettingsView },
      handler: async ({ actor, reply }) => {
        authorize(actor, 'safetySettings.read');
        const view = await findSafetySettings(store.db, actor.practiceId);
        void reply.header('etag', etagFor(view.version));
        return view;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/practice/safety-settings',
      operationId: 'updateSafetySettings',
      summary: 'Change the practice’s safety settings (owner, If-Match; "0" before the first)',
      tag: 'safety',
      auth: 'user',
      body: SafetySettingsInput,
      conditional: true,
      responses: { 200: SafetySettingsView, 412: null, 428: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'safetySettings.manage');
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const view = await store.db.transaction().execute(async (trx) => {
          const saved = await saveSafetySettings(trx, {
            practiceId: actor.practiceId,
            expectedVersion,
            settings: body,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          await recordAudit(context, trx, request, {
            action: 'safetySettings.update',
            recordType: 'practice',
            recordId: actor.practiceId,
            detail: { settings: saved.settings },
          });
          return saved;
        });
        void reply.header('etag', etagFor(view.version));
        return view;
      },
    }),
  ];
}
