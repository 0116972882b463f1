import { createClient } from './factories.js';
import { handOff, handedOff, handoffNote } from './handoffs.js';
import type { Call, RoleWorld } from './operation-calls.js';

/** A client of the world's therapist, created by the owner. */
const therapistsClient = (world: RoleWorld) =>
  createClient(world.practice.owner, { primaryTherapistId: world.therapist.id });

/** Valid calls for the handoff operations, in the shape of `operationCalls`. */
export const handoffCalls: Record<string, Call> = {
  handOffClient: async (caller, world) => {
    const { client, etag } = await therapistsClient(world);
    return caller.post(
      `/api/v1/clients/${client.id}/handoffs`,
      { toTherapistId: world.practice.ownerId, ...handoffNote() },
      { ifMatch: etag },
    );
  },
  listClientHandoffs: async (caller, world) => {
    const { client } = await therapistsClient(world);
    await handOff(world.practice.owner, client.id, world.practice.ownerId);
    return caller.get(`/api/v1/clients/${client.id}/handoffs`);
  },
  acknowledgeHandoff: async (caller, world) => {
    // A clinician acknowledges a handoff made to themselves; anyone else tries the therapist's.
    const me = await caller.get('/api/v1/auth/session');
    const recipient =
      me.status === 200 && me.body.user.role === 'owner'
        ? world.practice.ownerId
        : world.therapist.id;
    const { client } = await createClient(world.practice.owner, { primaryTherapistId: null });
    const handoff = await handedOff(world.practice.owner, client.id, recipient);
    return caller.post(`/api/v1/clients/${client.id}/handoffs/${handoff.id}/acknowledge`);
  },
};
