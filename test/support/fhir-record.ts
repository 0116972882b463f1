import { randomUUID } from 'node:crypto';
import { giveTreatmentConsent, signConsent } from './consents.js';
import {
  createClient,
  createPractice,
  createStaff,
  type PracticeFixture,
  type StaffFixture,
} from './factories.js';
import { saveHistory } from './health-history.js';
import type { Json } from './http.js';
import { noteContent, saveDraft, signDraft } from './notes.js';
import { createGoal, goalInput, planInput, recordScores, savePlan } from './outcomes.js';
import type { TestServer } from './server.js';
import { bookSession, sessionStart } from './sessions.js';

/** A client whose record has a bit of everything, and the words that must never leave it. */
export interface RecordWorld {
  practice: PracticeFixture;
  therapist: StaffFixture;
  client: Json;
  signedSessionId: string;
  draftSessionId: string;
  cancelledSessionId: string;
  /** Written in a private reflection about the signed session. */
  reflectionText: string;
  /** Written in a note that was never signed. */
  draftText: string;
  /** Where the note, addendum and history say things a reader must see. */
  addendumText: string;
  /** The measurable goal set on the PSFS activity. */
  goalId: string;
}

/** A health history with one entry of every kind the mapping turns into a resource. */
export function richHistory(): Json {
  return {
    conditions: [
      {
        id: randomUUID(),
        code: 'varicose_veins',
        name: 'Varicose veins',
        status: 'active',
        regions: ['calves_l'],
      },
      {
        id: randomUUID(),
        code: null,
        name: 'Plantar fasciitis',
        status: 'resolved',
        onsetDate: '2024-03-01',
        resolvedDate: '2025-01-15',
      },
    ],
    medications: [
      { id: randomUUID(), name: 'Apixaban', class: 'anticoagulant', dose: '5 mg twice daily' },
    ],
    allergies: [
      {
        id: randomUUID(),
        substance: 'tree_nut',
        nut: 'almond',
        reaction: 'Hives and swollen lips',
        severity: 'anaphylaxis',
      },
      { id: randomUUID(), substance: 'latex', severity: null },
    ],
    surgeriesAndInjuries: [
      {
        id: randomUUID(),
        kind: 'surgery',
        description: 'Right knee arthroscopy',
        date: '2026-06-10',
        regions: ['knee_r'],
      },
      { id: randomUUID(), kind: 'whiplash', description: 'Rear-end collision', date: '2025-09-02' },
    ],
    pregnancy: { pregnant: true, dueDate: '2027-04-20', highRisk: false },
    areasToAvoid: [
      { id: randomUUID(), regions: ['knee_r'], reason: 'Surgery in June: no deep work yet.' },
    ],
    goals: [{ id: randomUUID(), text: 'Carry my toddler without back pain' }],
  };
}

/**
 * Builds the record through the API, as a practice would: history, consents (one withdrawn),
 * a signed note with an addendum and a reflection, a draft, a cancelled session.
 */
export async function clientWithRecord(server: TestServer): Promise<RecordWorld> {
  const practice = await createPractice(server);
  const therapist = await createStaff(server, practice, 'therapist');
  const marker = randomUUID().slice(0, 8);
  const { client } = await createClient(practice.owner, {
    legalFirstName: 'Zoë',
    legalLastName: `Mejía-${marker}`,
    preferredName: 'Zo',
    primaryTherapistId: therapist.id,
    emergencyContact: { name: 'Luis Mejía', relationship: 'partner', phone: '+1 416 555 0199' },
    address: {
      line1: '12 Harbour St',
      line2: null,
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5J 2N8',
      country: 'Canada',
    },
  });
  await saveHistory(practice.owner, client.id, richHistory());
  await giveTreatmentConsent(practice.owner, client.id);
  await signConsent(practice.owner, client.id, 'share_records', {
    sharedWith: 'Dr. Ada Lee, physiotherapist',
  });
  const contact = await signConsent(practice.owner, client.id, 'communication');
  await practice.owner.post(`/api/v1/clients/${client.id}/consents/${contact.body.id}/withdraw`, {
    reason: 'Prefers not to be contacted.',
  });

  const booking = { clientId: client.id, therapistId: therapist.id };
  const signed = await bookSession(practice.owner, booking);
  const note = await saveDraft(
    therapist.client,
    signed.session.id,
    noteContent({
      subjective: { reasonForVisit: 'Neck pain < 3 days & worse after driving' },
      objective: {
        bodyChart: [
          { region: 'upper_trapezius_l', kind: 'tension', intensity: 2 },
          { region: 'head', kind: 'pain', intensity: 1 },
        ],
      },
    }),
  );
  // Progress, scored at the session before its note is signed (the signed record locks them):
  // a PSFS activity and the NPRS, then a goal on the activity and the treatment plan.
  const [activityScore] = await recordScores(therapist.client, client.id, {
    sessionId: signed.session.id,
    scores: [
      { measureId: 'psfs', newActivity: 'Lifting my toddler', value: 4 },
      { measureId: 'nprs', value: 5 },
    ],
  });
  await signDraft(therapist.client, signed.session.id, note.etag);
  const goal = await createGoal(
    therapist.client,
    client.id,
    goalInput(activityScore.activityId, { statement: 'Lift my toddler without pain' }),
  );
  await savePlan(therapist.client, client.id, planInput());
  const addendumText = `Pressure was 3, not 2, on the trapezius (${marker}).`;
  await therapist.client.post(`/api/v1/sessions/${signed.session.id}/note/addenda`, {
    reason: 'Wrong pressure recorded',
    text: addendumText,
  });
  const reflectionText = `Private worry about boundaries ${marker}`;
  await therapist.client.post(`/api/v1/clients/${client.id}/reflections`, {
    text: reflectionText,
    sessionId: signed.session.id,
  });

  const later = new Date(new Date(sessionStart).getTime() + 86_400_000).toISOString();
  const draft = await bookSession(practice.owner, { ...booking, startsAt: later });
  const draftText = `Unsigned draft words ${marker}`;
  await saveDraft(
    therapist.client,
    draft.session.id,
    noteContent({ subjective: { reasonForVisit: draftText } }),
  );

  const cancelled = await bookSession(practice.owner, {
    ...booking,
    startsAt: new Date(new Date(sessionStart).getTime() + 2 * 86_400_000).toISOString(),
  });
  await practice.owner.post(
    `/api/v1/sessions/${cancelled.session.id}/cancel`,
    { outcome: 'no_show', reason: 'Did not come.' },
    { ifMatch: cancelled.etag },
  );
  return {
    practice,
    therapist,
    client,
    signedSessionId: signed.session.id,
    draftSessionId: draft.session.id,
    cancelledSessionId: cancelled.session.id,
    reflectionText,
    draftText,
    addendumText,
    goalId: goal.goal.id as string,
  };
}
