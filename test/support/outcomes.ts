import type { ApiClient, ApiResponse, Json } from './http.js';

/**
 * Outcome measures, goals and plans made through the API, as the chart and Settings would.
 * Each helper throws with the server's answer when it is refused, so a broken setup says why.
 */

function expectStatus(response: ApiResponse, status: number, what: string): void {
  if (response.status !== status)
    throw new Error(`${what} failed: ${response.status} ${response.text}`);
}

/** "Headache days a week": 0–7, lower is better, MIC 1. */
export function measureInput(definition: Json = {}, reportedBy = 'client'): Json {
  return {
    definition: {
      name: 'Headache days',
      unit: 'days a week',
      min: 0,
      max: 7,
      better: 'lower',
      minimalImportantChange: 1,
      decimals: 0,
      question: 'On how many days last week did you have a headache?',
      ...definition,
    },
    reportedBy,
  };
}

export async function createMeasure(
  owner: ApiClient,
  input: Json = measureInput(),
): Promise<{ measure: Json; etag: string }> {
  const response = await owner.post('/api/v1/measures', input);
  expectStatus(response, 201, 'measure create');
  return { measure: response.body, etag: response.headers.get('etag')! };
}

/** A client's measures, scores and what is due, as the chart (or a note, with a query) reads them. */
export function clientMeasures(caller: ApiClient, clientId: string, query = '') {
  return caller.get(`/api/v1/clients/${clientId}/measures${query}`);
}

/** The owner widens "headache days" from a week to a fortnight, over the version they saw. */
export function widenToFortnight(measure: Json, etag: string, owner: ApiClient) {
  return owner.put(
    `/api/v1/measures/${measure.id}`,
    measureInput({ max: 14, unit: 'days a fortnight' }),
    { ifMatch: etag },
  );
}

/** A plan starting on the test clock's day, scheduling the PSFS at intake unless told. */
export function planInput(fields: Json = {}): Json {
  return {
    startsOn: '2026-11-27',
    frequency: { sessions: 1, per: 'week' },
    sessionsPlanned: 6,
    focusRegions: ['upper_trapezius_l', 'posterior_neck_l'],
    techniques: ['myofascial_release'],
    reEvaluationDate: '2027-01-08',
    measures: [{ measureId: 'psfs', atIntake: true, everySessions: 3 }],
    ...fields,
  };
}

export async function savePlan(
  caller: ApiClient,
  clientId: string,
  plan: Json = planInput(),
  ifMatch = '"0"',
): Promise<Json> {
  const response = await caller.put(`/api/v1/clients/${clientId}/treatment-plan`, plan, {
    ifMatch,
  });
  expectStatus(response, 200, 'plan save');
  return response.body;
}

export async function recordScores(
  caller: ApiClient,
  clientId: string,
  body: Json,
): Promise<Json[]> {
  const response = await caller.post(`/api/v1/clients/${clientId}/measures/scores`, body);
  expectStatus(response, 201, 'scores');
  return response.body.scores;
}

/** Names a PSFS activity and scores it in one go; answers the new score. */
export async function scoreNewActivity(
  caller: ApiClient,
  clientId: string,
  description: string,
  value: number,
  sessionId: string | null = null,
): Promise<Json> {
  const [score] = await recordScores(caller, clientId, {
    sessionId,
    scores: [{ measureId: 'psfs', newActivity: description, value }],
  });
  return score;
}

/** "Turning my head to drive ≥ 8" on a PSFS activity. */
export function goalInput(activityId: string, fields: Json = {}): Json {
  return {
    statement: 'Turn my head to drive without pain',
    target: { kind: 'measure', measureId: 'psfs', activityId },
    comparator: 'at_least',
    targetValue: 8,
    reEvaluationDate: '2027-01-08',
    ...fields,
  };
}

export async function createGoal(
  caller: ApiClient,
  clientId: string,
  body: Json,
): Promise<{ goal: Json; etag: string }> {
  const response = await caller.post(`/api/v1/clients/${clientId}/goals`, body);
  expectStatus(response, 201, 'goal create');
  return { goal: response.body, etag: response.headers.get('etag')! };
}

/** A measures link sent by staff: its id, URL and the token in the URL. */
export async function sendMeasuresLink(
  staff: ApiClient,
  clientId: string,
  body: Json = {},
): Promise<{ id: string; url: string; token: string; measureIds: string[] }> {
  const response = await staff.post(`/api/v1/clients/${clientId}/measures-links`, body);
  expectStatus(response, 201, 'measures link');
  const url = String(response.body.url);
  return {
    id: response.body.link.id,
    url,
    token: url.split('/measures/')[1]!,
    measureIds: response.body.measureIds,
  };
}
