import { z } from 'zod';
import type { GoalCreate, GoalInput, TreatmentPlan } from '../../domain/goals.js';
import type { ScoreCorrection, ScoresInput } from '../../domain/measure-scores.js';
import { MeasureScore, MeasureView, type MeasureInput } from '../../domain/outcome-measures.js';
import {
  ClientGoalsView,
  ClientMeasuresView,
  CreatedMeasuresLink,
  GoalView,
  PublicMeasuresView,
  RecordedScores,
  TreatmentPlanView,
  type PublicScoresInput,
} from '../../domain/outcome-views.js';
import { get, request, versionTag, withQuery, type Versioned } from './client.js';

export const outcomeKeys = {
  definitions: ['measures'] as const,
  /** Everything of one client: measures, scores, goals and plan. */
  client: (clientId: string) => ['outcomes', clientId] as const,
  measures: (clientId: string, sessionId: string | null) =>
    ['outcomes', clientId, 'measures', sessionId] as const,
  goals: (clientId: string) => ['outcomes', clientId, 'goals'] as const,
  publicLink: (token: string) => ['measures-link', token] as const,
};

const clientPath = (clientId: string) => `/api/v1/clients/${encodeURIComponent(clientId)}`;

export async function listMeasures(signal?: AbortSignal): Promise<MeasureView[]> {
  return (await get('/api/v1/measures', z.object({ measures: z.array(MeasureView) }), signal))
    .measures;
}

export async function createMeasure(input: MeasureInput): Promise<MeasureView> {
  const { value } = await request('POST', '/api/v1/measures', { body: input, schema: MeasureView });
  return value;
}

export async function updateMeasure(
  id: string,
  input: MeasureInput,
  version: number,
): Promise<MeasureView> {
  const { value } = await request('PUT', `/api/v1/measures/${encodeURIComponent(id)}`, {
    body: input,
    ifMatch: versionTag(version),
    schema: MeasureView,
  });
  return value;
}

export async function setMeasureRetired(
  id: string,
  retired: boolean,
  version: number,
): Promise<MeasureView> {
  const action = retired ? 'retire' : 'restore';
  const { value } = await request('POST', `/api/v1/measures/${encodeURIComponent(id)}/${action}`, {
    ifMatch: versionTag(version),
    schema: MeasureView,
  });
  return value;
}

export function fetchClientMeasures(
  clientId: string,
  sessionId: string | null,
  signal?: AbortSignal,
) {
  const path = withQuery(`${clientPath(clientId)}/measures`, { sessionId: sessionId ?? undefined });
  return get(path, ClientMeasuresView, signal);
}

export async function recordScores(clientId: string, body: ScoresInput): Promise<MeasureScore[]> {
  const { value } = await request('POST', `${clientPath(clientId)}/measures/scores`, {
    body,
    schema: RecordedScores,
  });
  return value.scores;
}

export async function correctScore(
  clientId: string,
  scoreId: string,
  correction: ScoreCorrection,
): Promise<MeasureScore> {
  const path = `${clientPath(clientId)}/measures/scores/${encodeURIComponent(scoreId)}/corrections`;
  const { value } = await request('POST', path, { body: correction, schema: MeasureScore });
  return value;
}

export async function retireActivity(clientId: string, activityId: string): Promise<void> {
  await request(
    'POST',
    `${clientPath(clientId)}/psfs-activities/${encodeURIComponent(activityId)}/retire`,
  );
}

export async function sendMeasuresLink(clientId: string): Promise<CreatedMeasuresLink> {
  const { value } = await request('POST', `${clientPath(clientId)}/measures-links`, {
    body: {},
    schema: CreatedMeasuresLink,
  });
  return value;
}

export function fetchClientGoals(clientId: string, signal?: AbortSignal) {
  return get(`${clientPath(clientId)}/goals`, ClientGoalsView, signal);
}

export async function createGoal(clientId: string, goal: GoalCreate): Promise<GoalView> {
  const { value } = await request('POST', `${clientPath(clientId)}/goals`, {
    body: goal,
    schema: GoalView,
  });
  return value;
}

export async function updateGoal(
  clientId: string,
  goalId: string,
  goal: GoalInput,
  version: number,
): Promise<GoalView> {
  const { value } = await request(
    'PUT',
    `${clientPath(clientId)}/goals/${encodeURIComponent(goalId)}`,
    { body: goal, ifMatch: versionTag(version), schema: GoalView },
  );
  return value;
}

/** Saves a new version of the plan over `number`, the version the form was opened on. */
export async function saveTreatmentPlan(
  clientId: string,
  plan: TreatmentPlan,
  number: number,
): Promise<Versioned<TreatmentPlanView>> {
  const { value, etag } = await request('PUT', `${clientPath(clientId)}/treatment-plan`, {
    body: plan,
    ifMatch: versionTag(number),
    schema: TreatmentPlanView,
  });
  return { value, etag: etag ?? versionTag(value.number) };
}

/** What a client's measures link shows; no sign-in involved. */
export async function openMeasuresLink(token: string, signal?: AbortSignal) {
  const { value } = await request('GET', `/api/v1/public/measures/${encodeURIComponent(token)}`, {
    schema: PublicMeasuresView,
    expectSignedIn: false,
    ...(signal ? { signal } : {}),
  });
  return value;
}

export async function submitMeasures(token: string, body: PublicScoresInput): Promise<void> {
  await request('POST', `/api/v1/public/measures/${encodeURIComponent(token)}`, {
    body,
    schema: z.object({ submittedAt: z.string() }),
    expectSignedIn: false,
  });
}
