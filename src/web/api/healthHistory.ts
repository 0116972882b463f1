import { z } from 'zod';
import type { HealthHistory } from '../../domain/health-history.js';
import {
  ChangesSinceLastVisit,
  HealthHistoryComparison,
  HealthHistoryVersionSummary,
  HealthHistoryView,
  SessionHealthCheckState,
  SessionHealthCheckView,
  type SessionHealthCheckInput,
} from '../../domain/health-history-views.js';
import { get, request, versionTag, withQuery } from './client.js';

export const healthHistoryKeys = {
  all: (clientId: string) => ['health-history', clientId] as const,
  current: (clientId: string) => ['health-history', clientId, 'current'] as const,
  versions: (clientId: string) => ['health-history', clientId, 'versions'] as const,
  compare: (clientId: string, from: number, to: number) =>
    ['health-history', clientId, 'compare', from, to] as const,
  sinceLastVisit: (clientId: string) => ['health-history', clientId, 'since-last-visit'] as const,
  sessionCheck: (sessionId: string) => ['health-check', sessionId] as const,
};

const base = (clientId: string) => `/api/v1/clients/${encodeURIComponent(clientId)}/health-history`;

export function fetchHealthHistory(clientId: string, signal?: AbortSignal) {
  return get(base(clientId), HealthHistoryView, signal);
}

/** Saves a new version over `number`, the version the form was opened on. */
export async function saveHealthHistory(
  clientId: string,
  number: number,
  history: HealthHistory,
): Promise<HealthHistoryView> {
  const { value } = await request('PUT', base(clientId), {
    body: history,
    ifMatch: versionTag(number),
    schema: HealthHistoryView,
  });
  return value;
}

export async function listHealthHistoryVersions(clientId: string, signal?: AbortSignal) {
  const schema = z.object({ versions: z.array(HealthHistoryVersionSummary) });
  return (await get(`${base(clientId)}/versions`, schema, signal)).versions;
}

export function compareHealthHistoryVersions(
  clientId: string,
  from: number,
  to: number,
  signal?: AbortSignal,
) {
  return get(withQuery(`${base(clientId)}/compare`, { from, to }), HealthHistoryComparison, signal);
}

export function fetchChangesSinceLastVisit(clientId: string, signal?: AbortSignal) {
  return get(`${base(clientId)}/since-last-visit`, ChangesSinceLastVisit, signal);
}

const checkPath = (sessionId: string) =>
  `/api/v1/sessions/${encodeURIComponent(sessionId)}/health-check`;

export function fetchSessionHealthCheck(sessionId: string, signal?: AbortSignal) {
  return get(checkPath(sessionId), SessionHealthCheckState, signal);
}

export async function recordSessionHealthCheck(
  sessionId: string,
  answer: SessionHealthCheckInput,
): Promise<{ check: SessionHealthCheckView; current: HealthHistoryView }> {
  const { value } = await request('PUT', checkPath(sessionId), {
    body: answer,
    schema: z.object({ check: SessionHealthCheckView, current: HealthHistoryView }),
  });
  return value;
}
