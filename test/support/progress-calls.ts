import { createClient } from './factories.js';
import { signedNote } from './notes.js';
import type { Call, RoleWorld } from './operation-calls.js';
import { bookSession } from './sessions.js';

/** A client of the world's therapist with one session, its note signed by that therapist. */
async function clientWithSignedSession(world: RoleWorld) {
  const { client } = await createClient(world.practice.owner, {
    primaryTherapistId: world.therapist.id,
  });
  const { session } = await bookSession(world.practice.owner, {
    clientId: client.id,
    therapistId: world.therapist.id,
  });
  await signedNote(world.therapist.client, session.id);
  return client;
}

/** Valid calls for the progress operations, in the shape of `operationCalls`. */
export const progressCalls: Record<string, Call> = {
  getClientProgress: async (caller, world) => {
    const client = await clientWithSignedSession(world);
    return caller.get(`/api/v1/clients/${client.id}/progress`);
  },
};
