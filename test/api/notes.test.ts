import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createStaff, signIn, testPassword } from '../support/factories.js';
import { noteContent, readNote, saveDraft, signDraft, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';
import { giveTreatmentConsent } from '../support/consents.js';

const correction = {
  reason: 'Wrong side recorded',
  text: 'The trigger point was in the right levator scapulae, not the left.',
};

for (const { dialect, skip } of dialects) {
  describe(`the life of a SOAP note on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    const notePath = (sessionId: string) => `/api/v1/sessions/${sessionId}/note`;
    const sign = (sessionId: string) => `${notePath(sessionId)}/sign`;

    it('saves a first draft with If-Match "0" and marks the session in progress', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const response = await therapist.client.put(notePath(session.id), noteContent(), {
        ifMatch: '"0"',
      });
      assertStatus(response, 200);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.equal(response.body.status, 'draft');
      assert.equal(response.body.authorId, therapist.id);
      const opened = await practice.owner.get(`/api/v1/sessions/${session.id}`);
      assert.equal(opened.body.status, 'in_progress');
    });

    it('answers a session without a note yet with note null and ETag "0"', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const response = await therapist.client.get(notePath(session.id));
      assertStatus(response, 200);
      assert.equal(response.headers.get('etag'), '"0"');
      assert.equal(response.body.note, null);
    });

    it('refuses a first save without If-Match with 428 and stores nothing', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const response = await therapist.client.put(notePath(session.id), noteContent());
      assertProblem(response, 428, 'precondition-required');
      assert.equal(await readNote(therapist.client, session.id), null);
    });

    it('keeps every word of an autosaved draft', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const content = noteContent({
        subjective: { symptoms: 'Brûlure au trapèze — “sharp” 7/10' },
      });
      const first = await saveDraft(therapist.client, session.id, content);
      const second = await saveDraft(
        therapist.client,
        session.id,
        noteContent({ plan: { homeCare: 'Ice, 10 minutes' } }),
        first.etag,
      );
      assert.equal(second.etag, '"2"');
      const note = await readNote(therapist.client, session.id);
      assert.equal(note.content.plan.homeCare, 'Ice, 10 minutes');
      assert.deepEqual(note.content, second.note.content);
    });

    it('answers an autosave that prefers return=minimal with the new state and not the content', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const first = await saveDraft(therapist.client, session.id);
      const content = noteContent({ plan: { homeCare: 'Heat, then the doorway stretch' } });
      const response = await therapist.client.put(notePath(session.id), content, {
        ifMatch: first.etag,
        headers: { prefer: 'respond-async, return=minimal' },
      });
      assertStatus(response, 200);
      assert.equal(response.headers.get('etag'), '"2"');
      assert.equal(response.headers.get('preference-applied'), 'return=minimal');
      assert.equal('content' in response.body, false);
      assert.equal(response.body.version, 2);
      assert.equal(response.body.status, 'draft');
      assert.equal(response.body.authorId, therapist.id);
      assert.equal(response.body.sessionId, session.id);
      const note = await readNote(therapist.client, session.id);
      assert.equal(note.content.plan.homeCare, 'Heat, then the doorway stretch');
      assert.equal(note.updatedAt, response.body.updatedAt);
    });

    it('sends the whole note back to an autosave without a preference', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const response = await therapist.client.put(notePath(session.id), noteContent(), {
        ifMatch: '"0"',
      });
      assertStatus(response, 200);
      assert.equal(response.headers.get('preference-applied'), null);
      assert.deepEqual(
        response.body.content,
        (await readNote(therapist.client, session.id)).content,
      );
      assert.equal(response.body.content.subjective.painBefore, 6);
    });

    it('refuses a stale autosave with 412 and the current note', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const first = await saveDraft(therapist.client, session.id);
      await saveDraft(
        therapist.client,
        session.id,
        noteContent({ plan: { frequency: 'Weekly' } }),
        first.etag,
      );
      const stale = await therapist.client.put(notePath(session.id), noteContent(), {
        ifMatch: first.etag,
      });
      assertProblem(stale, 412, 'stale-version');
      assert.equal(stale.headers.get('etag'), '"2"');
      assert.equal(stale.body.current.content.plan.frequency, 'Weekly');
    });

    it('ends two devices editing one draft in a conflict, never a silent overwrite', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const tablet = therapist.client;
      const laptop = await signIn(server, therapist.email);
      const { etag } = await saveDraft(tablet, session.id);
      const fromTablet = noteContent({ assessment: { tissueChanges: 'Written on the tablet' } });
      const fromLaptop = noteContent({ assessment: { tissueChanges: 'Written on the laptop' } });
      assertStatus(await tablet.put(notePath(session.id), fromTablet, { ifMatch: etag }), 200);
      const conflict = await laptop.put(notePath(session.id), fromLaptop, { ifMatch: etag });
      assertProblem(conflict, 412, 'stale-version');
      const note = await readNote(laptop, session.id);
      assert.equal(note.content.assessment.tissueChanges, 'Written on the tablet');
    });

    it('keeps one of two saves sent at the same instant and refuses the other with 412', async () => {
      // Sent together, both reach the server before either is stored: on SQLite they are
      // written in one group commit, and the second must still see the first.
      const { therapist, session } = await sessionToDocument(server);
      const laptop = await signIn(server, therapist.email);
      const { etag } = await saveDraft(therapist.client, session.id);
      const texts = ['Written on the tablet', 'Written on the laptop'];
      const answers = await Promise.all(
        [therapist.client, laptop].map((device, index) =>
          device.put(
            notePath(session.id),
            noteContent({ assessment: { tissueChanges: texts[index]! } }),
            { ifMatch: etag },
          ),
        ),
      );
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 412]);
      const kept = answers.findIndex((answer) => answer.status === 200);
      assert.equal(answers[kept]!.headers.get('etag'), '"2"');
      assertProblem(answers[1 - kept]!, 412, 'stale-version');
      const note = await readNote(laptop, session.id);
      assert.equal(note.version, 2);
      assert.equal(note.content.assessment.tissueChanges, texts[kept]);
    });

    it('refuses another therapist’s changes to a draft with 403 and keeps the draft', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const colleague = await createStaff(server, practice, 'therapist');
      const draft = await saveDraft(therapist.client, session.id);
      const response = await colleague.client.put(
        notePath(session.id),
        noteContent({ plan: { homeCare: 'Not mine to write' } }),
        { ifMatch: draft.etag },
      );
      assertProblem(response, 403, 'forbidden');
      assert.deepEqual((await readNote(therapist.client, session.id)).content, draft.note.content);
    });

    it('signs a draft when its author re-enters their password, and marks the session signed', async () => {
      const { practice, therapist, session, client } = await sessionToDocument(server);
      await giveTreatmentConsent(practice.owner, client.id);
      const draft = await saveDraft(therapist.client, session.id);
      const response = await therapist.client.post(
        sign(session.id),
        { password: testPassword },
        { ifMatch: draft.etag },
      );
      assertStatus(response, 200);
      assert.equal(response.body.status, 'signed');
      assert.equal(response.body.signedBy, therapist.id);
      const opened = await practice.owner.get(`/api/v1/sessions/${session.id}`);
      assert.equal(opened.body.status, 'signed');
    });

    it('refuses to sign with a wrong password with 400 on the password field, keeping the user signed in', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const draft = await saveDraft(therapist.client, session.id);
      const response = await therapist.client.post(
        sign(session.id),
        { password: 'not my password' },
        { ifMatch: draft.etag },
      );
      assertProblem(response, 400);
      assert.equal(response.body.errors[0].field, 'password');
      assert.equal((await readNote(therapist.client, session.id)).status, 'draft');
      assert.equal((await therapist.client.get('/api/v1/auth/session')).status, 200);
    });

    it('locks the account after five wrong signing passwords, like five wrong sign-ins', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const draft = await saveDraft(therapist.client, session.id);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const response = await therapist.client.post(
          sign(session.id),
          { password: 'guess' },
          { ifMatch: draft.etag },
        );
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [400, 400, 400, 400, 429, 429]);
      assert.equal((await readNote(therapist.client, session.id)).status, 'draft');
    });

    it('refuses to let another therapist sign the draft, with 403', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const colleague = await createStaff(server, practice, 'therapist');
      const draft = await saveDraft(therapist.client, session.id);
      const response = await colleague.client.post(
        sign(session.id),
        { password: testPassword },
        { ifMatch: draft.etag },
      );
      assertProblem(response, 403, 'forbidden');
      assert.equal((await readNote(therapist.client, session.id)).status, 'draft');
    });

    it('refuses to let the owner sign a note they did not write, with 403', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const draft = await saveDraft(therapist.client, session.id);
      const response = await practice.owner.post(
        sign(session.id),
        { password: testPassword },
        { ifMatch: draft.etag },
      );
      assertProblem(response, 403, 'forbidden');
      assert.equal((await readNote(therapist.client, session.id)).status, 'draft');
    });

    it('lets the owner sign a note they wrote themselves', async () => {
      const { practice, session } = await sessionToDocument(server);
      const draft = await saveDraft(practice.owner, session.id);
      const { note } = await signDraft(practice.owner, session.id, draft.etag);
      assert.equal(note.signedBy, practice.ownerId);
    });

    it('refuses to sign the draft of a session that was cancelled, with 409', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const draft = await saveDraft(therapist.client, session.id);
      const current = await practice.owner.get(`/api/v1/sessions/${session.id}`);
      const cancelled = await practice.owner.post(
        `/api/v1/sessions/${session.id}/cancel`,
        { outcome: 'cancelled', reason: 'Client left before treatment' },
        { ifMatch: current.headers.get('etag')! },
      );
      assertStatus(cancelled, 200);
      const response = await therapist.client.post(
        sign(session.id),
        { password: testPassword },
        { ifMatch: draft.etag },
      );
      assertProblem(response, 409, 'conflict');
      const opened = await practice.owner.get(`/api/v1/sessions/${session.id}`);
      assert.equal(opened.body.status, 'cancelled');
    });

    it('refuses any change to a signed note with 409 and keeps it as signed', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const signed = await signedNote(therapist.client, session.id);
      const response = await therapist.client.put(
        notePath(session.id),
        noteContent({ assessment: { painAfter: 0 } }),
        { ifMatch: signed.etag },
      );
      assertProblem(response, 409, 'conflict');
      assert.deepEqual((await readNote(therapist.client, session.id)).content, signed.note.content);
    });

    it('adds an addendum to a signed note with its reason, author and time', async () => {
      const { therapist, session } = await sessionToDocument(server);
      await signedNote(therapist.client, session.id);
      const response = await therapist.client.post(`${notePath(session.id)}/addenda`, correction);
      assertStatus(response, 201);
      assert.equal(response.body.reason, correction.reason);
      assert.equal(response.body.authorId, therapist.id);
      assert.equal(response.body.createdAt, server.runtime.now().toISOString());
      const opened = await therapist.client.get(notePath(session.id));
      assert.deepEqual(
        opened.body.addenda.map((addendum: { text: string }) => addendum.text),
        [correction.text],
      );
    });

    it('keeps the signed original unchanged and lists it first among the versions', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const signed = await signedNote(therapist.client, session.id);
      server.runtime.advanceMinutes(10);
      await therapist.client.post(`${notePath(session.id)}/addenda`, correction);
      const response = await therapist.client.get(`${notePath(session.id)}/versions`);
      assertStatus(response, 200);
      const versions = response.body.versions;
      assert.deepEqual(
        versions.map((version: { number: number; kind: string }) => [version.number, version.kind]),
        [
          [1, 'signed'],
          [2, 'addendum'],
        ],
      );
      assert.deepEqual(versions[0].content, signed.note.content);
      assert.deepEqual(versions[1].content, correction);
      assert.deepEqual((await readNote(therapist.client, session.id)).content, signed.note.content);
    });

    it('marks the session amended once a signed note has an addendum', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      await signedNote(therapist.client, session.id);
      await therapist.client.post(`${notePath(session.id)}/addenda`, correction);
      const opened = await practice.owner.get(`/api/v1/sessions/${session.id}`);
      assert.equal(opened.body.status, 'amended');
    });

    it('refuses an addendum without a reason with 400 naming reason', async () => {
      const { therapist, session } = await sessionToDocument(server);
      await signedNote(therapist.client, session.id);
      const response = await therapist.client.post(`${notePath(session.id)}/addenda`, {
        text: correction.text,
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['reason']);
      const opened = await therapist.client.get(notePath(session.id));
      assert.deepEqual(opened.body.addenda, []);
    });

    it('refuses an addendum on a draft with 409: a draft is simply edited', async () => {
      const { therapist, session } = await sessionToDocument(server);
      await saveDraft(therapist.client, session.id);
      const response = await therapist.client.post(`${notePath(session.id)}/addenda`, correction);
      assertProblem(response, 409, 'conflict');
    });
  });
}
