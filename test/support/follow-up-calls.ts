import {
  followUpAnswers,
  recordFollowUp,
  sendFollowUpLink,
  sessionToFollowUp,
  submitFollowUp,
} from './follow-ups.js';
import type { Call, RoleWorld } from './operation-calls.js';

/** A session of a client of the world's therapist that has taken place. */
const pastSession = (world: RoleWorld) =>
  sessionToFollowUp(world.practice.owner, world.therapist.id);

/** A session with a follow-up link the owner sent. */
async function linkedSession(world: RoleWorld) {
  const { client, session } = await pastSession(world);
  return {
    client,
    session,
    link: await sendFollowUpLink(world.practice.owner, client.id, session.id),
  };
}

/** Valid calls for the follow-up operations, in the shape of `operationCalls`. */
export const followUpCalls: Record<string, Call> = {
  createFollowUpLink: async (caller, world) => {
    const { client, session } = await pastSession(world);
    return caller.post(`/api/v1/clients/${client.id}/follow-up-links`, { sessionId: session.id });
  },
  listClientFollowUps: async (caller, world) => {
    const { client, session } = await pastSession(world);
    await recordFollowUp(world.practice.owner, client.id, session.id, followUpAnswers());
    return caller.get(`/api/v1/clients/${client.id}/follow-ups`);
  },
  recordFollowUp: async (caller, world) => {
    const { client, session } = await pastSession(world);
    return recordFollowUp(caller, client.id, session.id, followUpAnswers());
  },
  getSessionFollowUp: async (caller, world) => {
    const { session } = await linkedSession(world);
    return caller.get(`/api/v1/sessions/${session.id}/follow-up`);
  },
  acknowledgeFollowUp: async (caller, world) => {
    const { client, session } = await pastSession(world);
    const recorded = await recordFollowUp(
      world.practice.owner,
      client.id,
      session.id,
      followUpAnswers({ reactions: ['headache'] }),
    );
    return caller.post(`/api/v1/follow-ups/${recorded.body.id}/acknowledge`);
  },
  listFollowUpsNeedingAttention: (caller) => caller.get('/api/v1/follow-ups/needing-attention'),
  listMissingFollowUps: (caller) => caller.get('/api/v1/follow-ups/missing?days=7'),
  openFollowUpLink: async (caller, world) =>
    caller.get(`/api/v1/public/follow-up/${(await linkedSession(world)).link.token}`),
  submitFollowUp: async (caller, world) => {
    const { link } = await linkedSession(world);
    return submitFollowUp(caller, link.token, followUpAnswers());
  },
};
