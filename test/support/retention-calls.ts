import { testPassword } from './factories.js';
import type { Call } from './operation-calls.js';
import { expiredClient } from './retention.js';

/** Valid calls for the retention operations, in the shape of `operationCalls`. */
export const retentionCalls: Record<string, Call> = {
  listClientsPastRetention: (caller) => caller.get('/api/v1/retention/clients'),
  listClientPurges: (caller) => caller.get('/api/v1/retention/purges'),
  purgeClient: async (caller, world) => {
    const client = await expiredClient(world.server, world.practice.practiceId);
    return caller.post(`/api/v1/clients/${client.id}/purge`, {
      reason: 'Retention period over; no contact for twelve years.',
      password: testPassword,
    });
  },
};
