import { createClient } from './factories.js';
import type { Call, RoleWorld } from './operation-calls.js';

/** A client of the world's therapist, made by the owner. */
const therapistsClient = async (world: RoleWorld) =>
  (await createClient(world.practice.owner, { primaryTherapistId: world.therapist.id })).client;

/** Valid calls for the record's PDF and the client's copy, in the shape of `operationCalls`. */
export const recordExportCalls: Record<string, Call> = {
  downloadRecordPdf: async (caller, world) => {
    const client = await therapistsClient(world);
    return caller.post(`/api/v1/clients/${client.id}/record-pdf`, {
      sections: ['profile', 'healthHistory', 'safety'],
      recipient: { kind: 'practice' },
    });
  },
  downloadClientCopy: async (caller, world) => {
    const client = await therapistsClient(world);
    return caller.post(`/api/v1/clients/${client.id}/client-copy`);
  },
};
