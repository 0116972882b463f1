import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createStaff } from '../support/factories.js';
import type { ApiClient } from '../support/http.js';
import { signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

/** A word no note, name or audit field contains, so any place it surfaces is a leak. */
const secretWord = 'quokkaberry';
const privateText = `I felt impatient today; ${secretWord} moment, must slow down.`;

for (const { dialect, skip } of dialects) {
  describe(`private reflections on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A signed session, everyone of the practice, and the author's reflection on the session. */
    async function reflectedSession(careModel: 'shared' | 'assigned' = 'shared') {
      const world = await sessionToDocument(server, { careModel });
      await signedNote(world.therapist.client, world.session.id);
      const colleague = await createStaff(server, world.practice, 'therapist');
      const desk = await createStaff(server, world.practice, 'front_desk');
      const created = await world.therapist.client.post(
        `/api/v1/clients/${world.client.id}/reflections`,
        { text: privateText, sessionId: world.session.id },
      );
      assertStatus(created, 201);
      return { ...world, colleague, desk, reflection: created.body };
    }

    const listPath = (clientId: string) => `/api/v1/clients/${clientId}/reflections`;
    async function listed(caller: ApiClient, clientId: string): Promise<string[]> {
      const response = await caller.get(listPath(clientId));
      assertStatus(response, 200);
      return response.body.reflections.map((reflection: { text: string }) => reflection.text);
    }

    it('shows the author their own reflection', async () => {
      const { therapist, client } = await reflectedSession();
      assert.deepEqual(await listed(therapist.client, client.id), [privateText]);
    });

    it('shows another therapist only their own reflections', async () => {
      const { colleague, client } = await reflectedSession();
      await colleague.client.post(listPath(client.id), { text: 'Mine alone.' });
      assert.deepEqual(await listed(colleague.client, client.id), ['Mine alone.']);
    });

    it('shows the owner none of a therapist’s reflections', async () => {
      const { practice, client } = await reflectedSession();
      assert.deepEqual(await listed(practice.owner, client.id), []);
    });

    it('refuses front desk the list and the writing of reflections with 403', async () => {
      const { desk, client } = await reflectedSession();
      assertProblem(await desk.client.get(listPath(client.id)), 403, 'forbidden');
      assertProblem(await desk.client.post(listPath(client.id), { text: 'Hi' }), 403, 'forbidden');
    });

    it('answers 404 when another therapist or the owner tries to change the reflection', async () => {
      const { practice, therapist, colleague, client, reflection } = await reflectedSession();
      for (const intruder of [colleague.client, practice.owner]) {
        const response = await intruder.put(
          `/api/v1/reflections/${reflection.id}`,
          { text: 'Overwritten' },
          { ifMatch: '"1"' },
        );
        assertProblem(response, 404, 'not-found');
      }
      assert.deepEqual(await listed(therapist.client, client.id), [privateText]);
    });

    it('refuses front desk a change to the reflection with 403', async () => {
      const { desk, reflection } = await reflectedSession();
      const response = await desk.client.put(
        `/api/v1/reflections/${reflection.id}`,
        { text: 'Overwritten' },
        { ifMatch: '"1"' },
      );
      assertProblem(response, 403, 'forbidden');
    });

    it('lets the author change their reflection with If-Match', async () => {
      const { therapist, client, reflection } = await reflectedSession();
      const response = await therapist.client.put(
        `/api/v1/reflections/${reflection.id}`,
        { text: 'On reflection, it went fine.' },
        { ifMatch: '"1"' },
      );
      assertStatus(response, 200);
      assert.equal(response.headers.get('etag'), '"2"');
      assert.deepEqual(await listed(therapist.client, client.id), ['On reflection, it went fine.']);
    });

    it('answers 404 to a therapist outside the client’s care team under assigned care', async () => {
      const { colleague, client } = await reflectedSession('assigned');
      assertProblem(await colleague.client.get(listPath(client.id)), 404, 'not-found');
    });

    it('refuses a reflection tied to a session of another client, naming sessionId', async () => {
      const { practice, therapist, session } = await reflectedSession();
      const { client: other } = await createClient(practice.owner);
      const response = await therapist.client.post(listPath(other.id), {
        text: 'Misfiled',
        sessionId: session.id,
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['sessionId']);
    });

    it('never surfaces a reflection in note search, even for its author', async () => {
      const { practice, therapist } = await reflectedSession();
      for (const reader of [therapist.client, practice.owner]) {
        const response = await reader.get(`/api/v1/notes/search?q=${secretWord}`);
        assertStatus(response, 200);
        assert.deepEqual(response.body.hits, []);
      }
    });

    it('never includes a reflection in the note or its versions', async () => {
      const { therapist, session } = await reflectedSession();
      const note = await therapist.client.get(`/api/v1/sessions/${session.id}/note`);
      const versions = await therapist.client.get(`/api/v1/sessions/${session.id}/note/versions`);
      assert.doesNotMatch(note.text, new RegExp(secretWord));
      assert.doesNotMatch(versions.text, new RegExp(secretWord));
    });

    it('never includes a reflection in the client’s timeline', async () => {
      const { therapist, client } = await reflectedSession();
      const timeline = await therapist.client.get(`/api/v1/clients/${client.id}/timeline`);
      assertStatus(timeline, 200);
      assert.doesNotMatch(timeline.text, new RegExp(secretWord));
    });

    it('never writes a reflection’s words into the audit trail or its export', async () => {
      const { practice, therapist, client } = await reflectedSession();
      await listed(therapist.client, client.id);
      const events = await auditEvents(practice.owner, { clientId: client.id });
      assert.doesNotMatch(JSON.stringify(events), new RegExp(secretWord));
      const csv = await practice.owner.get(`/api/v1/audit.csv?clientId=${client.id}`);
      assertStatus(csv, 200);
      assert.doesNotMatch(csv.text, new RegExp(secretWord));
    });

    it('audits the writing of a reflection as reflection.create by its author', async () => {
      const { practice, therapist, client, reflection } = await reflectedSession();
      const event = await onlyAuditEvent(practice.owner, {
        clientId: client.id,
        action: 'reflection.create',
      });
      assert.equal(event.userId, therapist.id);
      assert.equal(event.recordId, reflection.id);
      assert.equal(event.outcome, 'success');
    });

    it('audits the reading of reflections as reflection.read by the reader', async () => {
      const { practice, therapist, client } = await reflectedSession();
      await listed(therapist.client, client.id);
      const event = await onlyAuditEvent(practice.owner, {
        clientId: client.id,
        action: 'reflection.read',
      });
      assert.equal(event.userId, therapist.id);
    });

    it('audits a change to a reflection as reflection.update', async () => {
      const { practice, therapist, client, reflection } = await reflectedSession();
      await therapist.client.put(
        `/api/v1/reflections/${reflection.id}`,
        { text: 'Changed my mind.' },
        { ifMatch: '"1"' },
      );
      const event = await onlyAuditEvent(practice.owner, {
        clientId: client.id,
        action: 'reflection.update',
      });
      assert.equal(event.userId, therapist.id);
    });

    it('audits front desk’s refused attempt to read reflections as denied', async () => {
      const { practice, desk, client } = await reflectedSession();
      await desk.client.get(listPath(client.id));
      const events = await auditEvents(practice.owner, { clientId: client.id, userId: desk.id });
      assert.deepEqual(
        events.map((event) => event.outcome),
        ['denied'],
      );
    });

    it('ties a reflection to another session of the same client', async () => {
      const { practice, therapist, client } = await reflectedSession();
      const { session: later } = await bookSession(practice.owner, {
        clientId: client.id,
        therapistId: therapist.id,
        startsAt: '2026-12-04T15:00:00Z',
      });
      const created = await therapist.client.post(listPath(client.id), {
        text: 'Before the next one.',
        sessionId: later.id,
      });
      assertStatus(created, 201);
      assert.equal(created.body.sessionId, later.id);
    });
  });
}
