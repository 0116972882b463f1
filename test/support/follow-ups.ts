import { createClient } from './factories.js';
import type { ApiClient, ApiResponse, Json } from './http.js';
import { bookSession } from './sessions.js';

/** A follow-up link made by staff for a session: its id, URL and the token in the URL. */
export async function sendFollowUpLink(
  staff: ApiClient,
  clientId: string,
  sessionId: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; url: string; token: string; response: ApiResponse }> {
  const response = await staff.post(`/api/v1/clients/${clientId}/follow-up-links`, {
    sessionId,
    ...body,
  });
  if (response.status !== 201)
    throw new Error(`follow-up link failed: ${response.status} ${response.text}`);
  const url = String(response.body.url);
  return { id: response.body.link.id, url, token: url.split('/follow-up/')[1]!, response };
}

/**
 * Good relief, mild soreness, no reaction: a follow-up that raises no flag. Overrides are
 * plain JSON, not typed answers, since tests send wrong values on purpose.
 */
export function followUpAnswers(overrides: Json = {}): Json {
  return { relief: 7, soreness: 3, reactions: [], reactionDetails: null, ...overrides };
}

/** The client answers through their link, as their phone would (no session). */
export function submitFollowUp(caller: ApiClient, token: string, answers: Json) {
  return caller.post(`/api/v1/public/follow-up/${token}`, answers);
}

/** Staff record a follow-up the client gave by phone. */
export function recordFollowUp(
  staff: ApiClient,
  clientId: string,
  sessionId: string,
  answers: Json,
) {
  return staff.post(`/api/v1/clients/${clientId}/follow-ups`, { sessionId, ...answers });
}

/**
 * A client of `therapistId` and a session with them that has taken place (booked at the test
 * clock's start, which is "now"), both made by the owner.
 */
export async function sessionToFollowUp(
  owner: ApiClient,
  therapistId: string,
  booking: Record<string, unknown> = {},
): Promise<{ client: Json; session: Json }> {
  const { client } = await createClient(owner, { primaryTherapistId: therapistId });
  const { session } = await bookSession(owner, {
    clientId: client.id,
    therapistId,
    ...booking,
  });
  return { client, session };
}
