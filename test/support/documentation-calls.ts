import { giveTreatmentConsent } from './consents.js';
import { createClient, testPassword } from './factories.js';
import { noteContent, signedNote } from './notes.js';
import type { Call, RoleWorld } from './operation-calls.js';
import { bookSession, sessionStart } from './sessions.js';

/** A client whose primary therapist is the world's therapist, created by the owner. */
const ownersClient = (world: RoleWorld) =>
  createClient(world.practice.owner, { primaryTherapistId: world.therapist.id });

/** A session of the owner's client with the world's therapist, booked by the owner. */
async function ownersSession(world: RoleWorld) {
  const { client } = await ownersClient(world);
  const booked = await bookSession(world.practice.owner, {
    clientId: client.id,
    therapistId: world.therapist.id,
  });
  return { client, ...booked };
}

/** A session whose note the world's therapist has written and signed. */
async function signedSession(world: RoleWorld) {
  const booked = await ownersSession(world);
  await signedNote(world.therapist.client, booked.session.id);
  return booked;
}

let catalogueSequence = 0;
const newTechniqueCode = () => `technique_${Date.now().toString(36)}_${(catalogueSequence += 1)}`;
const product = {
  name: 'Arnica massage oil',
  kind: 'oil',
  ingredients: ['arnica', 'sunflower_oil'],
};

/**
 * Valid calls for the operations of session documentation (schedule, notes, catalogue,
 * reflections), in the shape of `operationCalls`, which includes them.
 */
export const documentationCalls: Record<string, Call> = {
  getCatalogue: (caller) => caller.get('/api/v1/catalogue'),
  addTechnique: (caller) =>
    caller.post('/api/v1/catalogue/techniques', { code: newTechniqueCode(), name: 'Gua sha' }),
  updateTechnique: async (caller, world) => {
    const code = newTechniqueCode();
    await world.practice.owner.post('/api/v1/catalogue/techniques', { code, name: 'Gua sha' });
    return caller.put(`/api/v1/catalogue/techniques/${code}`, {
      name: 'Gua sha (scraping)',
      retired: false,
    });
  },
  addProduct: (caller) => caller.post('/api/v1/catalogue/products', product),
  updateProduct: async (caller, world) => {
    const created = await world.practice.owner.post('/api/v1/catalogue/products', product);
    return caller.put(
      `/api/v1/catalogue/products/${created.body.id}`,
      { ...product, name: 'Arnica oil, unscented', retired: false },
      { ifMatch: created.headers.get('etag')! },
    );
  },
  bookSession: async (caller, world) => {
    const { client } = await ownersClient(world);
    return caller.post('/api/v1/sessions', {
      clientId: client.id,
      therapistId: world.therapist.id,
      startsAt: sessionStart,
      plannedMinutes: 60,
      sessionType: 'relaxation',
    });
  },
  listSessions: (caller) =>
    caller.get('/api/v1/sessions?from=2026-11-27T05:00:00Z&to=2026-11-28T05:00:00Z'),
  getScheduledSession: async (caller, world) => {
    const { session } = await ownersSession(world);
    return caller.get(`/api/v1/sessions/${session.id}`);
  },
  updateSession: async (caller, world) => {
    const { session, etag } = await ownersSession(world);
    return caller.put(
      `/api/v1/sessions/${session.id}`,
      {
        therapistId: world.therapist.id,
        startsAt: '2026-11-27T17:00:00.000Z',
        plannedMinutes: 90,
        sessionType: 'therapeutic',
        location: 'Room 2',
      },
      { ifMatch: etag },
    );
  },
  cancelSession: async (caller, world) => {
    const { session, etag } = await ownersSession(world);
    return caller.post(
      `/api/v1/sessions/${session.id}/cancel`,
      { outcome: 'cancelled', reason: 'The client has the flu.' },
      { ifMatch: etag },
    );
  },
  getClientTimeline: async (caller, world) => {
    const { client } = await ownersSession(world);
    return caller.get(`/api/v1/clients/${client.id}/timeline`);
  },
  getLastPlan: async (caller, world) => {
    const { client } = await signedSession(world);
    const next = await bookSession(world.practice.owner, {
      clientId: client.id,
      therapistId: world.therapist.id,
      startsAt: '2026-12-04T15:00:00.000Z',
    });
    return caller.get(`/api/v1/sessions/${next.session.id}/last-plan`);
  },
  getNote: async (caller, world) => {
    const { session } = await ownersSession(world);
    return caller.get(`/api/v1/sessions/${session.id}/note`);
  },
  saveNoteDraft: async (caller, world) => {
    const { session } = await ownersSession(world);
    return caller.put(`/api/v1/sessions/${session.id}/note`, noteContent(), { ifMatch: '"0"' });
  },
  signNote: async (caller, world) => {
    // Everyone signs a draft of their own; those who may not write one try the therapist's.
    const { session, client } = await ownersSession(world);
    await giveTreatmentConsent(world.practice.owner, client.id);
    const path = `/api/v1/sessions/${session.id}/note`;
    let draft = await caller.put(path, noteContent(), { ifMatch: '"0"' });
    if (draft.status !== 200)
      draft = await world.therapist.client.put(path, noteContent(), { ifMatch: '"0"' });
    return caller.post(
      `${path}/sign`,
      { password: testPassword },
      { ifMatch: draft.headers.get('etag')! },
    );
  },
  addNoteAddendum: async (caller, world) => {
    const { session } = await signedSession(world);
    return caller.post(`/api/v1/sessions/${session.id}/note/addenda`, {
      reason: 'Wrong side recorded',
      text: 'The trigger point was on the right levator scapulae.',
    });
  },
  listNoteVersions: async (caller, world) => {
    const { session } = await signedSession(world);
    return caller.get(`/api/v1/sessions/${session.id}/note/versions`);
  },
  downloadNotePdf: async (caller, world) => {
    const { session } = await signedSession(world);
    return caller.get(`/api/v1/sessions/${session.id}/note.pdf`);
  },
  searchNotes: (caller) => caller.get('/api/v1/notes/search?q=trapezius'),
  listUnsignedNotes: (caller) => caller.get('/api/v1/notes/unsigned'),
  listMyReflections: async (caller, world) => {
    const { client } = await ownersClient(world);
    return caller.get(`/api/v1/clients/${client.id}/reflections`);
  },
  addReflection: async (caller, world) => {
    const { client } = await ownersClient(world);
    return caller.post(`/api/v1/clients/${client.id}/reflections`, {
      text: 'I rushed the last ten minutes.',
    });
  },
  updateReflection: async (caller, world) => {
    // Everyone changes a reflection of their own; those who may not write one try the therapist's.
    const { client } = await ownersClient(world);
    const path = `/api/v1/clients/${client.id}/reflections`;
    let created = await caller.post(path, { text: 'First thoughts.' });
    if (created.status !== 201)
      created = await world.therapist.client.post(path, { text: 'First thoughts.' });
    return caller.put(
      `/api/v1/reflections/${created.body.id}`,
      { text: 'Second thoughts.' },
      { ifMatch: created.headers.get('etag')! },
    );
  },
};
