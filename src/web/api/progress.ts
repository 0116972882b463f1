import { z } from 'zod';
import { FollowUp } from '../../domain/follow-ups.js';
import { ClientGoalsView, ClientMeasuresView } from '../../domain/outcome-views.js';
import { ClientProgress } from '../../domain/progress.js';
import { get } from './client.js';

/**
 * What the progress page reads: four documents, each one request whatever the number of
 * sessions — the notes' pain and treatment, the measures with their scores, the goals, and
 * the follow-ups.
 */
export const progressKeys = {
  all: (clientId: string) => ['progress', clientId] as const,
  notes: (clientId: string) => ['progress', clientId, 'notes'] as const,
  measures: (clientId: string) => ['progress', clientId, 'measures'] as const,
  goals: (clientId: string) => ['progress', clientId, 'goals'] as const,
  followUps: (clientId: string) => ['progress', clientId, 'follow-ups'] as const,
};

const clientPath = (clientId: string, rest: string) =>
  `/api/v1/clients/${encodeURIComponent(clientId)}/${rest}`;

export function fetchClientProgress(clientId: string, signal?: AbortSignal) {
  return get(clientPath(clientId, 'progress'), ClientProgress, signal);
}

export function fetchProgressMeasures(clientId: string, signal?: AbortSignal) {
  return get(clientPath(clientId, 'measures'), ClientMeasuresView, signal);
}

export function fetchProgressGoals(clientId: string, signal?: AbortSignal) {
  return get(clientPath(clientId, 'goals'), ClientGoalsView, signal);
}

const FollowUpList = z.object({ followUps: z.array(FollowUp) });

export async function fetchProgressFollowUps(clientId: string, signal?: AbortSignal) {
  return (await get(clientPath(clientId, 'follow-ups'), FollowUpList, signal)).followUps;
}
