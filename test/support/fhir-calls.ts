import { createClient } from './factories.js';
import type { Call } from './operation-calls.js';

/** Valid calls for the FHIR export, in the shape of `operationCalls`. */
export const fhirCalls: Record<string, Call> = {
  exportClientFhir: async (caller, world) => {
    const { client } = await createClient(world.practice.owner, {
      primaryTherapistId: world.therapist.id,
    });
    return caller.get(`/api/v1/clients/${client.id}/fhir`);
  },
};
