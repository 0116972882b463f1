import { consentSignature, giveTreatmentConsent } from './consents.js';
import { createClient } from './factories.js';
import type { Call, RoleWorld } from './operation-calls.js';

/** An adult client of the world's therapist with treatment consent signed on the owner's device. */
async function signedClient(world: RoleWorld) {
  const { client } = await createClient(world.practice.owner, {
    primaryTherapistId: world.therapist.id,
  });
  const signature = await giveTreatmentConsent(world.practice.owner, client.id);
  return { client, signature };
}

/** Valid calls for the consent operations, in the shape of `operationCalls`, which includes them. */
export const consentCalls: Record<string, Call> = {
  listConsentTexts: (caller) => caller.get('/api/v1/consent-texts'),
  publishConsentText: (caller) =>
    caller.post('/api/v1/consent-texts', {
      kind: 'communication',
      title: 'Consent to be contacted',
      body: 'The practice may send me appointment reminders by text message and email.',
      validityMonths: null,
      requiresResign: false,
    }),
  getClientConsents: async (caller, world) => {
    const { client } = await createClient(world.practice.owner, {
      primaryTherapistId: world.therapist.id,
    });
    return caller.get(`/api/v1/clients/${client.id}/consents`);
  },
  signConsent: async (caller, world) => {
    const { client } = await createClient(world.practice.owner, {
      primaryTherapistId: world.therapist.id,
    });
    return caller.post(
      `/api/v1/clients/${client.id}/consents`,
      await consentSignature(world.practice.owner, 'treatment'),
    );
  },
  getConsentSignature: async (caller, world) => {
    const { client, signature } = await signedClient(world);
    return caller.get(`/api/v1/clients/${client.id}/consents/${signature.id}`);
  },
  withdrawConsent: async (caller, world) => {
    const { client, signature } = await signedClient(world);
    return caller.post(`/api/v1/clients/${client.id}/consents/${signature.id}/withdraw`, {
      reason: 'The client asked to stop treatment.',
    });
  },
  downloadConsentPdf: async (caller, world) => {
    const { client, signature } = await signedClient(world);
    return caller.get(`/api/v1/clients/${client.id}/consents/${signature.id}/pdf`);
  },
};
