import type { IntakeAnswers } from '../../src/domain/intake-answers.js';
import { ApiClient, type ApiResponse } from './http.js';

/** A secure intake link made by staff for a client: its id, URL and the token in the URL. */
export async function sendIntakeLink(
  staff: ApiClient,
  clientId: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; url: string; token: string; response: ApiResponse }> {
  const response = await staff.post(`/api/v1/clients/${clientId}/links`, body);
  if (response.status !== 201)
    throw new Error(`link create failed: ${response.status} ${response.text}`);
  const url = String(response.body.url);
  return { id: response.body.link.id, url, token: url.split('/intake/')[1]!, response };
}

/** Answers every required question of the shipped form, with a nut allergy and a goal. */
export function intakeAnswers(overrides: IntakeAnswers = {}): IntakeAnswers {
  return {
    first_name: 'Ana',
    last_name: 'Silva',
    date_of_birth: '1985-04-12',
    phone: '+1 416 555 0199',
    emergency_name: 'Rui Silva',
    emergency_phone: '+1 416 555 0142',
    conditions: ['none'],
    allergies: ['tree_nut'],
    goals: 'Less neck pain at work\nSleep better',
    ...overrides,
  };
}

/** A caller with no session at all, as a client's phone would be. */
export function anonymous(baseUrl: string): ApiClient {
  return new ApiClient(baseUrl);
}

/** The client submits answers through their link. */
export function submitIntake(caller: ApiClient, token: string, answers: IntakeAnswers) {
  return caller.post(`/api/v1/public/intake/${token}`, { answers });
}
