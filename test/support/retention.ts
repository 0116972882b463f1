import { randomUUID } from 'node:crypto';
import { ClientInput, type Client } from '../../src/domain/clients.js';
import { insertClient, setClientStatus } from '../../src/store/clients.js';
import { clientInput, createClient, createStaff, testPassword } from './factories.js';
import type { PracticeFixture, StaffFixture } from './factories.js';
import { handedOff } from './handoffs.js';
import { followUpAnswers, recordFollowUp, sendFollowUpLink, submitFollowUp } from './follow-ups.js';
import { historyInput, saveHistory } from './health-history.js';
import {
  createGoal,
  goalInput,
  planInput,
  savePlan,
  scoreNewActivity,
  sendMeasuresLink,
} from './outcomes.js';
import type { ApiClient, Json } from './http.js';
import { anonymous, intakeAnswers, sendIntakeLink, submitIntake } from './intake.js';
import { linkConsentSignature, signThroughLink } from './consent-link.js';
import { noteContent, saveDraft, signDraft } from './notes.js';
import type { TestServer } from './server.js';
import { bookSession } from './sessions.js';

/**
 * An archived client (unless told otherwise) whose only entry is the day they were added,
 * `years` before the test clock's "now": written straight through the store, as records older
 * than the test clock could only be. After ten years their retention period is over.
 */
export async function expiredClient(
  server: TestServer,
  practiceId: string,
  options: { years?: number; input?: Partial<ClientInput>; archived?: boolean } = {},
): Promise<Client> {
  const now = server.runtime.now();
  const then = new Date(now);
  then.setUTCFullYear(now.getUTCFullYear() - (options.years ?? 12));
  const created = await insertClient(server.store.db, {
    id: randomUUID(),
    practiceId,
    input: ClientInput.parse(clientInput(options.input)),
    userId: null,
    now: then.toISOString(),
  });
  if (options.archived === false) return created;
  return setClientStatus(
    server.store.db,
    practiceId,
    created.id,
    created.version,
    'archived',
    null,
    then.toISOString(),
  );
}

function expect(response: { status: number; text: string }, status: number, what: string) {
  if (response.status !== status)
    throw new Error(`${what} failed: ${response.status} ${response.text}`);
}

/** A condition that blocks a session until overridden, so the record gets an override too. */
const fever = () => ({ id: randomUUID(), code: 'fever', name: 'Fever', status: 'active' });

export interface FullRecord {
  client: Json;
  therapist: StaffFixture;
  colleague: StaffFixture;
  sessionIds: string[];
  linkIds: string[];
}

/**
 * A client with rows in nearly every table of a record, written through the API as a practice
 * would over months of care, then archived: health history, treatment consent signed through
 * the intake link and later withdrawn, an intake submission, a session with its health check,
 * safety alerts and an override, a signed note with techniques, a product, a pain region,
 * versions and an addendum, follow-ups (by phone and through a link), a PSFS score, a goal and
 * a treatment plan, a measures link, a second note signed without current consent (with the
 * reason), a private reflection, and a handoff to a colleague who acknowledged it.
 */
export async function clientWithFullRecord(
  server: TestServer,
  practice: PracticeFixture,
): Promise<FullRecord> {
  const owner = practice.owner;
  const therapist = await createStaff(server, practice, 'therapist');
  const colleague = await createStaff(server, practice, 'therapist');
  const { client } = await createClient(owner, { primaryTherapistId: therapist.id });
  const at = (minutesAgo: number) =>
    new Date(server.runtime.now().getTime() - minutesAgo * 60_000).toISOString();

  await saveHistory(owner, client.id, historyInput({ conditions: [fever()] }));
  const link = await sendIntakeLink(owner, client.id);
  const signedThroughLink = await signThroughLink(
    anonymous(server.url),
    link.token,
    await linkConsentSignature(owner, 'treatment'),
  );
  expect(signedThroughLink, 201, 'link consent');
  const consents = await owner.get(`/api/v1/clients/${client.id}/consents`);
  const treatment = consents.body.entries.find(
    (entry: Json) => entry.kind === 'treatment',
  ).signature;
  expect(await submitIntake(anonymous(server.url), link.token, intakeAnswers()), 201, 'intake');

  const arnica = await owner.post('/api/v1/catalogue/products', {
    name: 'Arnica massage oil',
    kind: 'oil',
    ingredients: ['arnica', 'sunflower_oil'],
  });
  expect(arnica, 201, 'product');
  const first = await documentedSession(therapist.client, owner, client.id, therapist.id, at(90), {
    content: noteContent({
      objective: { bodyChart: [{ region: 'upper_trapezius_l', kind: 'pain', intensity: 2 }] },
      treatment: { products: [{ productId: arnica.body.id }] },
    }),
  });
  expect(
    await recordFollowUp(therapist.client, client.id, first, followUpAnswers()),
    201,
    'follow-up',
  );
  const score = await scoreNewActivity(therapist.client, client.id, 'Turning my head', 4);
  await createGoal(
    therapist.client,
    client.id,
    goalInput(score.activityId, { reEvaluationDate: '2014-06-12' }),
  );
  await savePlan(
    therapist.client,
    client.id,
    planInput({ startsOn: '2014-05-01', reEvaluationDate: '2014-06-12' }),
  );
  const measuresLink = await sendMeasuresLink(owner, client.id);
  expect(
    await therapist.client.post(`/api/v1/sessions/${first}/note/addenda`, {
      reason: 'Side recorded wrongly',
      text: 'The trigger point was on the right levator scapulae.',
    }),
    201,
    'addendum',
  );
  expect(
    await therapist.client.post(`/api/v1/clients/${client.id}/reflections`, {
      text: 'I wonder whether her stress at work drives the neck pain.',
      sessionId: first,
    }),
    201,
    'reflection',
  );
  expect(
    await owner.post(`/api/v1/clients/${client.id}/consents/${treatment.id}/withdraw`, {
      reason: 'Client asked to stop for now.',
    }),
    200,
    'withdrawal',
  );
  const second = await documentedSession(therapist.client, owner, client.id, therapist.id, at(30), {
    consentExceptionReason: 'Verbal consent given; the form is to be re-signed next visit.',
  });
  const followUpLink = await sendFollowUpLink(owner, client.id, second);
  expect(
    await submitFollowUp(anonymous(server.url), followUpLink.token, followUpAnswers()),
    201,
    'follow-up through the link',
  );

  const handoff = await handedOff(owner, client.id, colleague.id);
  expect(
    await colleague.client.post(`/api/v1/clients/${client.id}/handoffs/${handoff.id}/acknowledge`),
    200,
    'acknowledgement',
  );
  const current = await owner.get(`/api/v1/clients/${client.id}`);
  expect(
    await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
      ifMatch: current.headers.get('etag')!,
    }),
    200,
    'archive',
  );
  return {
    client,
    therapist,
    colleague,
    sessionIds: [first, second],
    linkIds: [link.id, measuresLink.id, followUpLink.id],
  };
}

/**
 * A session that took place: "no changes" at the health check, the fever overridden with a
 * reason, and the note saved and signed (with a reason when consent is not current).
 */
async function documentedSession(
  therapist: ApiClient,
  owner: ApiClient,
  clientId: string,
  therapistId: string,
  startsAt: string,
  options: { consentExceptionReason?: string; content?: Json } = {},
): Promise<string> {
  const { session } = await bookSession(owner, { clientId, therapistId, startsAt });
  const current = await therapist.get(`/api/v1/clients/${clientId}/health-history`);
  expect(
    await therapist.put(`/api/v1/sessions/${session.id}/health-check`, {
      outcome: 'no_changes',
      expectedNumber: current.body.number,
    }),
    200,
    'health check',
  );
  expect(
    await therapist.post(`/api/v1/sessions/${session.id}/safety-overrides`, {
      overrides: [{ ruleId: 'absolute.fever', reason: 'Temperature normal this morning.' }],
    }),
    201,
    'override',
  );
  const draft = await saveDraft(therapist, session.id, options.content ?? noteContent());
  if (options.consentExceptionReason === undefined) {
    await signDraft(therapist, session.id, draft.etag);
  } else {
    expect(
      await therapist.post(
        `/api/v1/sessions/${session.id}/note/sign`,
        { password: testPassword, consentExceptionReason: options.consentExceptionReason },
        { ifMatch: draft.etag },
      ),
      200,
      'signing without consent',
    );
  }
  return session.id as string;
}
