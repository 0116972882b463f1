import { strFromU8, unzipSync } from 'fflate';
import { giveTreatmentConsent } from './consents.js';
import { createClient, type PracticeFixture } from './factories.js';
import { historyInput, saveHistory } from './health-history.js';
import type { ApiClient, Json } from './http.js';
import { noteContent, signedNote } from './notes.js';
import { createGoal, goalInput, recordScores, savePlan } from './outcomes.js';
import { bookSession } from './sessions.js';

/** Words planted in a therapist's private reflection: found anywhere in an export, they leaked. */
export const reflectionSecret = 'wombatlantern';

export interface RecordWorld {
  client: Json;
  /** The session of September (first) and of November (second, with an addendum). */
  sessions: [Json, Json];
}

/** Moves the server's clock on, so scores and goals happen one after another. */
type Advance = (minutes: number) => void;

/**
 * A client with an accented name and a record worth exporting: a health history saved twice
 * (a dose changed), current treatment consent, a plan and a goal on a PSFS activity scored at
 * two sessions months apart, each with a signed note (the second corrected by an addendum),
 * a follow-up after the first, and the author's private reflection, which no export may show.
 */
export async function clientWithRecord(
  practice: PracticeFixture,
  clock: { advanceMinutes: Advance },
  names: { first: string; last: string; reason: string } = {
    first: 'Zoë',
    last: 'Müller-Łukasiewicz',
    reason: 'Stiff neck after the café shift',
  },
): Promise<RecordWorld> {
  const owner = practice.owner;
  const { client } = await createClient(owner, {
    legalFirstName: names.first,
    legalLastName: names.last,
    dateOfBirth: '1984-02-29',
    phone: '+1 416 555 0199',
    emergencyContact: { name: 'Søren Brontë', relationship: 'partner', phone: '+1 416 555 0142' },
  });
  const first = await saveHistory(owner, client.id, historyInput());
  const history = first.view.history;
  await saveHistory(owner, client.id, {
    ...history,
    medications: history.medications.map((medication: Json) => ({
      ...medication,
      dose: '2.5 mg daily',
    })),
  });
  await giveTreatmentConsent(owner, client.id);
  await savePlan(owner, client.id);
  const activity = await owner.post(`/api/v1/clients/${client.id}/psfs-activities`, {
    description: 'Turning my head to drive',
  });
  if (activity.status !== 201) throw new Error(`activity failed: ${activity.text}`);
  await createGoal(owner, client.id, goalInput(activity.body.id));
  const sessions: Json[] = [];
  for (const [startsAt, reason, pain, psfs] of [
    ['2026-09-10T15:00:00.000Z', names.reason, [7, 4], 3],
    ['2026-11-20T15:00:00.000Z', 'Lower back after moving house', [5, 2], 6],
  ] as const) {
    // Within the idle logoff: the owner stays signed in.
    clock.advanceMinutes(10);
    const { session } = await bookSession(owner, {
      clientId: client.id,
      therapistId: practice.ownerId,
      startsAt,
    });
    await recordScores(owner, client.id, {
      sessionId: session.id,
      scores: [{ measureId: 'psfs', activityId: activity.body.id, value: psfs }],
    });
    await signedNote(
      owner,
      session.id,
      noteContent({
        subjective: { reasonForVisit: reason, painBefore: pain[0] },
        assessment: { painAfter: pain[1] },
      }),
    );
    sessions.push(session);
  }
  const followUp = await owner.post(`/api/v1/clients/${client.id}/follow-ups`, {
    sessionId: sessions[0].id,
    relief: 6,
    soreness: 4,
    reactions: ['headache'],
    reactionDetails: 'Mild headache the next evening',
  });
  if (followUp.status !== 201) throw new Error(`follow-up failed: ${followUp.text}`);
  await owner.post(`/api/v1/sessions/${sessions[1].id}/note/addenda`, {
    reason: 'Correction',
    text: 'Pressure on the left side was lighter than charted.',
  });
  await owner.post(`/api/v1/clients/${client.id}/reflections`, {
    text: `Felt rushed; ${reflectionSecret} — slow down next time.`,
    sessionId: sessions[0].id,
  });
  return { client, sessions: [sessions[0], sessions[1]] };
}

/** What a download answered: the bytes, or the problem when it was refused. */
export interface Download {
  status: number;
  contentType: string;
  bytes: Buffer;
  problem: Json | null;
}

async function download(caller: ApiClient, path: string, body?: Json): Promise<Download> {
  const headers: Record<string, string> = {};
  if (caller.cookie) headers['cookie'] = caller.cookie;
  if (caller.bearer) headers['authorization'] = `Bearer ${caller.bearer}`;
  if (caller.csrfToken) headers['x-csrf-token'] = caller.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${caller.baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    bytes,
    problem: contentType.includes('json') ? JSON.parse(bytes.toString('utf8')) : null,
  };
}

/** POST /clients/:id/record-pdf: the record as a PDF, or the problem. */
export function requestRecordPdf(caller: ApiClient, clientId: string, request: Json) {
  return download(caller, `/api/v1/clients/${clientId}/record-pdf`, request);
}

/** POST /clients/:id/client-copy: the client's copy as a zip, or the problem. */
export function requestClientCopy(caller: ApiClient, clientId: string) {
  return download(caller, `/api/v1/clients/${clientId}/client-copy`);
}

/** The files of a zip, by path. */
export function unzip(bytes: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes));
}

export const textOf = (file: Uint8Array | undefined): string => (file ? strFromU8(file) : '');

/** Every section, the whole period, for the practice: the fullest document. */
export const wholeRecord = {
  sections: [
    'profile',
    'healthHistory',
    'safety',
    'consents',
    'progress',
    'effectiveness',
    'followUps',
    'notes',
  ],
  recipient: { kind: 'practice' },
};
