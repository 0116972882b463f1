import type { NoteContent } from '../../src/domain/notes.js';
import { giveTreatmentConsent } from './consents.js';
import { testPassword } from './factories.js';
import type { ApiClient, Json } from './http.js';

type NoteSections = { [Section in keyof NoteContent]?: Partial<NoteContent[Section]> };

/**
 * A note as the editor sends it: sections given are merged over a short, realistic note.
 * The defaults use only shipped catalogue codes, so any practice accepts them.
 */
export function noteContent(sections: NoteSections = {}): Json {
  return {
    subjective: {
      reasonForVisit: 'Stiff neck after long drives',
      symptoms: 'Aching between the shoulder blades',
      painBefore: 6,
      ...sections.subjective,
    },
    objective: {
      palpation: 'Hypertonic upper trapezius, trigger point left levator scapulae',
      bodyChart: [{ region: 'upper_trapezius_l', kind: 'tension', intensity: 2 }],
      ...sections.objective,
    },
    treatment: {
      techniques: [
        { technique: 'swedish', regions: ['upper_trapezius_l'], minutes: 20, pressure: 2 },
        { technique: 'trigger_point', regions: ['levator_scapulae_l'], minutes: 15, pressure: 4 },
      ],
      ...sections.treatment,
    },
    assessment: { responseToTreatment: 'Tissue softened', painAfter: 3, ...sections.assessment },
    plan: {
      focusNextTime: 'Left levator scapulae',
      homeCare: 'Heat and chin tucks',
      ...sections.plan,
    },
    ...(sections.carriedOver === undefined ? {} : { carriedOver: sections.carriedOver }),
  };
}

/** Saves a draft (the first save by default) and returns the note with its new ETag. */
export async function saveDraft(
  author: ApiClient,
  sessionId: string,
  content: Json = noteContent(),
  ifMatch = '"0"',
): Promise<{ note: Json; etag: string }> {
  const response = await author.put(`/api/v1/sessions/${sessionId}/note`, content, { ifMatch });
  if (response.status !== 200)
    throw new Error(`draft save failed: ${response.status} ${response.text}`);
  return { note: response.body, etag: response.headers.get('etag')! };
}

/**
 * Signs a draft as its author would, re-confirming the password. A client without treatment
 * consent first signs it on the author's device, as at a first visit, so tests about notes
 * need not arrange consent (consent.test.ts tests the gate itself).
 */
export async function signDraft(
  author: ApiClient,
  sessionId: string,
  etag: string,
): Promise<{ note: Json; etag: string }> {
  const sign = () =>
    author.post(
      `/api/v1/sessions/${sessionId}/note/sign`,
      { password: testPassword },
      { ifMatch: etag },
    );
  let response = await sign();
  if (response.status === 409 && response.body?.type === '/problems/consent-missing') {
    const session = await author.get(`/api/v1/sessions/${sessionId}`);
    await giveTreatmentConsent(author, session.body.clientId);
    response = await sign();
  }
  if (response.status !== 200)
    throw new Error(`signing failed: ${response.status} ${response.text}`);
  return { note: response.body, etag: response.headers.get('etag')! };
}

/** Writes and signs a note in one go, for tests about what happens after signing. */
export async function signedNote(
  author: ApiClient,
  sessionId: string,
  content: Json = noteContent(),
): Promise<{ note: Json; etag: string }> {
  const draft = await saveDraft(author, sessionId, content);
  return signDraft(author, sessionId, draft.etag);
}

/** Reads a session's note (null before the first save) as the caller sees it. */
export async function readNote(caller: ApiClient, sessionId: string): Promise<Json> {
  const response = await caller.get(`/api/v1/sessions/${sessionId}/note`);
  if (response.status !== 200)
    throw new Error(`note read failed: ${response.status} ${response.text}`);
  return response.body.note;
}
