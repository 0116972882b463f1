import { createClient } from './factories.js';
import type { Call } from './operation-calls.js';
import { bookSession } from './sessions.js';

/** Valid calls for the pre-session briefing, in the shape of `operationCalls`. */
export const briefingCalls: Record<string, Call> = {
  getSessionBriefing: async (caller, world) => {
    const { client } = await createClient(world.practice.owner, {
      primaryTherapistId: world.therapist.id,
    });
    const { session } = await bookSession(world.practice.owner, {
      clientId: client.id,
      therapistId: world.therapist.id,
    });
    return caller.get(`/api/v1/sessions/${session.id}/briefing`);
  },
};
