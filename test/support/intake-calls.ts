import { linkConsentSignature, signThroughLink } from './consent-link.js';
import { createClient } from './factories.js';
import { ApiClient } from './http.js';
import { intakeAnswers, sendIntakeLink, submitIntake } from './intake.js';
import type { Call, RoleWorld } from './operation-calls.js';

/** A client of the world's therapist with an intake link the owner sent. */
async function linkedClient(world: RoleWorld) {
  const { client } = await createClient(world.practice.owner, {
    primaryTherapistId: world.therapist.id,
  });
  return { client, link: await sendIntakeLink(world.practice.owner, client.id) };
}

/** A submission the client sent through their link, waiting for review. */
async function submission(world: RoleWorld) {
  const { client, link } = await linkedClient(world);
  await submitIntake(new ApiClient(world.server.url), link.token, intakeAnswers());
  const listed = await world.practice.owner.get(`/api/v1/intake-submissions?clientId=${client.id}`);
  const id = String(listed.body.submissions[0].id);
  const review = await world.practice.owner.get(`/api/v1/intake-submissions/${id}`);
  return { id, historyNumber: review.body.historyNumber, clientVersion: review.body.clientVersion };
}

/** Valid calls for the intake operations, in the shape of `operationCalls`. */
export const intakeCalls: Record<string, Call> = {
  createClientLink: async (caller, world) => {
    const { client } = await createClient(world.practice.owner, {
      primaryTherapistId: world.therapist.id,
    });
    return caller.post(`/api/v1/clients/${client.id}/links`, {});
  },
  listClientLinks: async (caller, world) => {
    const { client } = await linkedClient(world);
    return caller.get(`/api/v1/clients/${client.id}/links`);
  },
  revokeClientLink: async (caller, world) => {
    const { client, link } = await linkedClient(world);
    return caller.post(`/api/v1/clients/${client.id}/links/${link.id}/revoke`);
  },
  getIntakeForm: (caller) => caller.get('/api/v1/intake-form'),
  updateIntakeForm: async (caller, world) => {
    // Each call edits the version the owner sees now, so earlier calls never make it stale.
    const current = await world.practice.owner.get('/api/v1/intake-form');
    return caller.put(
      '/api/v1/intake-form',
      { ...current.body.form, title: 'Intake' },
      { ifMatch: current.headers.get('etag')! },
    );
  },
  listIntakeSubmissions: (caller) => caller.get('/api/v1/intake-submissions'),
  getIntakeSubmission: async (caller, world) =>
    caller.get(`/api/v1/intake-submissions/${(await submission(world)).id}`),
  acceptIntakeSubmission: async (caller, world) => {
    const { id, historyNumber, clientVersion } = await submission(world);
    return caller.post(`/api/v1/intake-submissions/${id}/accept`, {
      historyNumber,
      clientVersion,
    });
  },
  rejectIntakeSubmission: async (caller, world) =>
    caller.post(`/api/v1/intake-submissions/${(await submission(world)).id}/reject`, {
      note: 'Duplicate.',
    }),
  openIntakeLink: async (caller, world) =>
    caller.get(`/api/v1/public/intake/${(await linkedClient(world)).link.token}`),
  submitIntake: async (caller, world) =>
    submitIntake(caller, (await linkedClient(world)).link.token, intakeAnswers()),
  signConsentThroughLink: async (caller, world) => {
    const { link } = await linkedClient(world);
    return signThroughLink(caller, link.token, await linkConsentSignature(world.practice.owner));
  },
};
