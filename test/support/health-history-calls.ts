import { createClient } from './factories.js';
import { historyInput, saveHistory } from './health-history.js';
import type { Call, RoleWorld } from './operation-calls.js';
import { bookSession } from './sessions.js';

/** A client of the world's therapist with one version of a health history, saved by the owner. */
async function clientWithHistory(world: RoleWorld) {
  const { client } = await createClient(world.practice.owner, {
    primaryTherapistId: world.therapist.id,
  });
  await saveHistory(world.practice.owner, client.id);
  return client;
}

/** Valid calls for the health-history operations, in the shape of `operationCalls`. */
export const healthHistoryCalls: Record<string, Call> = {
  getHealthHistory: async (caller, world) => {
    const client = await clientWithHistory(world);
    return caller.get(`/api/v1/clients/${client.id}/health-history`);
  },
  updateHealthHistory: async (caller, world) => {
    const client = await clientWithHistory(world);
    return caller.put(`/api/v1/clients/${client.id}/health-history`, historyInput(), {
      ifMatch: '"1"',
    });
  },
  listHealthHistoryVersions: async (caller, world) => {
    const client = await clientWithHistory(world);
    return caller.get(`/api/v1/clients/${client.id}/health-history/versions`);
  },
  getHealthHistoryVersion: async (caller, world) => {
    const client = await clientWithHistory(world);
    return caller.get(`/api/v1/clients/${client.id}/health-history/versions/1`);
  },
  compareHealthHistoryVersions: async (caller, world) => {
    const client = await clientWithHistory(world);
    return caller.get(`/api/v1/clients/${client.id}/health-history/compare?from=0&to=1`);
  },
  getHealthHistoryChangesSinceLastVisit: async (caller, world) => {
    const client = await clientWithHistory(world);
    return caller.get(`/api/v1/clients/${client.id}/health-history/since-last-visit`);
  },
  getSessionHealthCheck: async (caller, world) => {
    const client = await clientWithHistory(world);
    const { session } = await bookSession(world.practice.owner, {
      clientId: client.id,
      therapistId: world.therapist.id,
    });
    return caller.get(`/api/v1/sessions/${session.id}/health-check`);
  },
  recordSessionHealthCheck: async (caller, world) => {
    const client = await clientWithHistory(world);
    const { session } = await bookSession(world.practice.owner, {
      clientId: client.id,
      therapistId: world.therapist.id,
    });
    return caller.put(`/api/v1/sessions/${session.id}/health-check`, {
      outcome: 'no_changes',
      expectedNumber: 1,
    });
  },
};
