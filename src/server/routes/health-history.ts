import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import { HealthHistory, emptyHealthHistory } from '../../domain/health-history.js';
import { changedSections, compareHealthHistories } from '../../domain/health-history-diff.js';
import {
  ChangesSinceLastVisit,
  HealthHistoryComparison,
  HealthHistoryVersionSummary,
  HealthHistoryView,
  SessionHealthCheckInput,
  SessionHealthCheckState,
  SessionHealthCheckView,
} from '../../domain/health-history-views.js';
import type { Db } from '../../store/database.js';
import {
  currentHealthHistory,
  healthHistoryVersion,
  healthHistoryVersions,
  lastVisit,
  saveHealthHistory,
  sessionHealthCheck,
  type StoredHealthHistory,
} from '../../store/health-history.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { checkHealthAtSession } from '../commands/session-health-check.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { loadAuthorizedSession } from '../session-access.js';

const VersionNumber = z.coerce
  .number({ error: 'Must be a version number.' })
  .int('Must be a whole number.')
  .min(0, 'Must be 0 or more.')
  .max(1_000_000, 'Must be at most 1,000,000.');
const VersionParams = IdParams.extend({ number: VersionNumber.min(1, 'Must be 1 or more.') });
const CompareQuery = z.object({ from: VersionNumber, to: VersionNumber });

/** A version as the API shows it; "nothing recorded yet" is an empty history numbered 0. */
function present(clientId: string, stored: StoredHealthHistory | null): HealthHistoryView {
  return {
    clientId,
    number: stored?.number ?? 0,
    history: stored?.history ?? emptyHealthHistory(),
    recordedAt: stored?.recordedAt ?? null,
    recordedBy: stored?.recordedBy ?? null,
    recordedByName: stored?.recordedByName ?? null,
    source: stored?.source ?? null,
    sessionId: stored?.sessionId ?? null,
  };
}

function summarize(stored: StoredHealthHistory): HealthHistoryVersionSummary {
  const { history: _content, ...summary } = stored;
  return summary;
}

/** Version `number` of a client's history; 0 is the empty history before the first. */
async function versionOrEmpty(db: Db, practiceId: string, clientId: string, number: number) {
  if (number === 0) return emptyHealthHistory();
  const stored = await healthHistoryVersion(db, practiceId, clientId, number);
  if (!stored) throw new NotFound('health history version', `There is no version ${number}.`);
  return stored.history;
}

async function compare(db: Db, practiceId: string, clientId: string, from: number, to: number) {
  const changes = compareHealthHistories(
    await versionOrEmpty(db, practiceId, clientId, from),
    await versionOrEmpty(db, practiceId, clientId, to),
  );
  return { from, to, changes, sections: changedSections(changes) };
}

export async function changesSinceLastVisit(
  db: Db,
  practiceId: string,
  clientId: string,
  exceptSessionId?: string,
  /** The current version when the caller has just read it (the briefing), so it is read once. */
  known?: { current: StoredHealthHistory | null },
): Promise<ChangesSinceLastVisit> {
  const [visit, current] = await Promise.all([
    lastVisit(db, practiceId, clientId, exceptSessionId),
    known ? known.current : currentHealthHistory(db, practiceId, clientId),
  ]);
  const now = current?.number ?? 0;
  if (!visit) return { from: now, to: now, changes: [], sections: [], lastVisit: null };
  return {
    ...(await compare(db, practiceId, clientId, visit.historyNumber, now)),
    lastVisit: visit,
  };
}

/**
 * A client's health history: the current version (ETag = its number), saving a new one over
 * the version the writer saw, every version with who and when, any two compared, what changed
 * since the last visit, and each session's "any changes since your last visit?" check.
 */
export function healthHistoryRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  const clientOf = (request: FastifyRequest, actor: Actor, id: string, write = false) =>
    loadAuthorizedClient(
      context,
      request,
      actor,
      id,
      write ? 'healthHistory.write' : 'healthHistory.read',
    );
  const audit = (
    request: FastifyRequest,
    action: string,
    clientId: string,
    detail: Record<string, unknown> | null = null,
    db: Db = store.db,
  ) =>
    recordAudit(context, db, request, {
      action,
      recordType: 'health_history',
      recordId: clientId,
      clientId,
      detail,
    });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/health-history',
      operationId: 'getHealthHistory',
      summary: 'A client’s current health history (an empty one numbered 0 before the first)',
      tag: 'health history',
      auth: 'user',
      params: IdParams,
      responses: { 200: HealthHistoryView },
      handler: async ({ actor, params, request, reply }) => {
        const { client } = await clientOf(request, actor, params.id);
        const current = await currentHealthHistory(store.db, actor.practiceId, client.id);
        await audit(request, 'healthHistory.read', client.id, { number: current?.number ?? 0 });
        void reply.header('etag', etagFor(current?.number ?? 0));
        return present(client.id, current);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/clients/:id/health-history',
      operationId: 'updateHealthHistory',
      summary: 'Save a new version of a client’s health history (If-Match: the version edited)',
      tag: 'health history',
      auth: 'user',
      params: IdParams,
      body: HealthHistory,
      conditional: true,
      responses: { 200: HealthHistoryView, 400: null, 412: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await clientOf(request, actor, params.id, true);
        const expectedNumber = versionFromIfMatch(request.headers['if-match']);
        const saved = await store.db.transaction().execute(async (trx) => {
          const version = await saveHealthHistory(trx, {
            practiceId: actor.practiceId,
            clientId: client.id,
            expectedNumber,
            history: body,
            recordedBy: actor.userId,
            source: 'staff',
            now: runtime.now().toISOString(),
            id: runtime.newId(),
          });
          await audit(
            request,
            'healthHistory.update',
            client.id,
            { number: version.number, sections: version.changedSections },
            trx,
          );
          return version;
        });
        void reply.header('etag', etagFor(saved.number));
        return present(client.id, saved);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/health-history/versions',
      operationId: 'listHealthHistoryVersions',
      summary: 'Every version of a client’s health history, newest first: who, when, what changed',
      tag: 'health history',
      auth: 'user',
      params: IdParams,
      responses: { 200: z.object({ versions: z.array(HealthHistoryVersionSummary) }) },
      handler: async ({ actor, params, request }) => {
        const { client } = await clientOf(request, actor, params.id);
        const versions = await healthHistoryVersions(store.db, actor.practiceId, client.id);
        await audit(request, 'healthHistory.versions', client.id);
        return { versions: versions.map(summarize) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/health-history/versions/:number',
      operationId: 'getHealthHistoryVersion',
      summary: 'One earlier version of a client’s health history',
      tag: 'health history',
      auth: 'user',
      params: VersionParams,
      responses: { 200: HealthHistoryView, 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await clientOf(request, actor, params.id);
        const stored = await healthHistoryVersion(
          store.db,
          actor.practiceId,
          client.id,
          params.number,
        );
        if (!stored) {
          throw new NotFound('health history version', `There is no version ${params.number}.`);
        }
        await audit(request, 'healthHistory.read', client.id, { number: stored.number });
        return present(client.id, stored);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/health-history/compare',
      operationId: 'compareHealthHistoryVersions',
      summary: 'What changed between two versions (0 is the empty history before the first)',
      tag: 'health history',
      auth: 'user',
      params: IdParams,
      query: CompareQuery,
      responses: { 200: HealthHistoryComparison, 404: null },
      handler: async ({ actor, params, query, request }) => {
        const { client } = await clientOf(request, actor, params.id);
        const comparison = await compare(
          store.db,
          actor.practiceId,
          client.id,
          query.from,
          query.to,
        );
        await audit(request, 'healthHistory.compare', client.id, {
          from: query.from,
          to: query.to,
        });
        return comparison;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/health-history/since-last-visit',
      operationId: 'getHealthHistoryChangesSinceLastVisit',
      summary: 'What changed since the version current at the client’s last signed visit',
      tag: 'health history',
      auth: 'user',
      params: IdParams,
      responses: { 200: ChangesSinceLastVisit },
      handler: async ({ actor, params, request }) => {
        const { client } = await clientOf(request, actor, params.id);
        const changes = await changesSinceLastVisit(store.db, actor.practiceId, client.id);
        await audit(request, 'healthHistory.compare', client.id, {
          from: changes.from,
          to: changes.to,
          sinceLastVisit: true,
        });
        return changes;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/health-check',
      operationId: 'getSessionHealthCheck',
      summary: 'A session’s “any changes since your last visit?” answer, with what changed',
      tag: 'health history',
      auth: 'user',
      params: IdParams,
      responses: { 200: SessionHealthCheckState },
      handler: async ({ actor, params, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'healthHistory.read',
        );
        const [check, current, changes] = await Promise.all([
          sessionHealthCheck(store.db, actor.practiceId, session.id),
          currentHealthHistory(store.db, actor.practiceId, session.clientId),
          changesSinceLastVisit(store.db, actor.practiceId, session.clientId, session.id),
        ]);
        await recordAudit(context, store.db, request, {
          action: 'sessionHealthCheck.read',
          recordType: 'session',
          recordId: session.id,
          clientId: session.clientId,
        });
        void reply.header('etag', etagFor(current?.number ?? 0));
        return { check: check ?? null, current: present(session.clientId, current), changes };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/sessions/:id/health-check',
      operationId: 'recordSessionHealthCheck',
      summary:
        'Record “no changes” to the version seen, or the changes (saved as a new version with the check)',
      tag: 'health history',
      auth: 'user',
      params: IdParams,
      body: SessionHealthCheckInput,
      responses: {
        200: z.object({ check: SessionHealthCheckView, current: HealthHistoryView }),
        400: null,
        409: null,
        412: null,
      },
      handler: async ({ actor, params, body, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'healthHistory.write',
        );
        const result = await store.db.transaction().execute(async (trx) => {
          const recorded = await checkHealthAtSession(trx, runtime, {
            session,
            practiceId: actor.practiceId,
            checkedBy: actor.userId,
            answer: body,
          });
          await recordAudit(context, trx, request, {
            action: 'sessionHealthCheck.record',
            recordType: 'session',
            recordId: session.id,
            clientId: session.clientId,
            detail: {
              outcome: recorded.check.outcome,
              number: recorded.check.historyNumber,
              ...(recorded.saved ? { sections: recorded.saved.changedSections } : {}),
            },
          });
          const current =
            recorded.saved ?? (await currentHealthHistory(trx, actor.practiceId, session.clientId));
          return { check: recorded.check, current: present(session.clientId, current) };
        });
        void reply.header('etag', etagFor(result.current.number));
        return result;
      },
    }),
  ];
}
