import { randomUUID } from 'node:crypto';
import { createClient } from './factories.js';
import { historyInput, saveHistory } from './health-history.js';
import type { Call, RoleWorld } from './operation-calls.js';
import { bookSession } from './sessions.js';

/** A client of the world's therapist with a fever recorded, and a session booked for them. */
async function feverishClientSession(world: RoleWorld) {
  const { client } = await createClient(world.practice.owner, {
    primaryTherapistId: world.therapist.id,
  });
  await saveHistory(
    world.practice.owner,
    client.id,
    historyInput({
      conditions: [{ id: randomUUID(), code: 'fever', name: 'Fever', status: 'active' }],
    }),
  );
  const { session } = await bookSession(world.practice.owner, {
    clientId: client.id,
    therapistId: world.therapist.id,
  });
  return { client, session };
}

/** Valid calls for the safety operations, in the shape of `operationCalls`, which includes them. */
export const safetyCalls: Record<string, Call> = {
  getClientSafetyAlerts: async (caller, world) => {
    const { client } = await feverishClientSession(world);
    return caller.get(`/api/v1/clients/${client.id}/safety-alerts`);
  },
  overrideSafetyAlerts: async (caller, world) => {
    const { session } = await feverishClientSession(world);
    return caller.post(`/api/v1/sessions/${session.id}/safety-overrides`, {
      overrides: [{ ruleId: 'absolute.fever', reason: 'Temperature normal today, checked' }],
    });
  },
  getSessionSafety: async (caller, world) => {
    const { session } = await feverishClientSession(world);
    return caller.get(`/api/v1/sessions/${session.id}/safety`);
  },
  getSafetySettings: (caller) => caller.get('/api/v1/practice/safety-settings'),
  updateSafetySettings: async (caller, world) => {
    const current = await world.practice.owner.get('/api/v1/practice/safety-settings');
    return caller.put(
      '/api/v1/practice/safety-settings',
      { coconutWithTreeNuts: true },
      { ifMatch: current.headers.get('etag')! },
    );
  },
};
