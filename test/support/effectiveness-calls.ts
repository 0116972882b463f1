import { createClient } from './factories.js';
import type { Call } from './operation-calls.js';

/** Valid calls for the effectiveness and practice-analytics operations, as in `operationCalls`. */
export const effectivenessCalls: Record<string, Call> = {
  getClientEffectiveness: async (caller, world) => {
    const { client } = await createClient(world.practice.owner, {
      primaryTherapistId: world.therapist.id,
    });
    return caller.get(`/api/v1/clients/${client.id}/effectiveness`);
  },
  getSimilarClientsEffectiveness: (caller) =>
    caller.get('/api/v1/analytics/similar-clients?region=upper_trapezius_l'),
  getTherapistOutcomes: (caller) => caller.get('/api/v1/analytics/therapists'),
  listClientsNotImproving: (caller) => caller.get('/api/v1/analytics/pain-not-improving'),
};
