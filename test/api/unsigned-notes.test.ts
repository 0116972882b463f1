import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createStaff } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { saveDraft, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument, type SessionWorld } from '../support/sessions.js';

for (const { dialect, skip } of dialects) {
  describe(`the unsigned-notes list on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function unsigned(caller: ApiClient): Promise<Json[]> {
      const response = await caller.get('/api/v1/notes/unsigned');
      assertStatus(response, 200);
      return response.body.notes;
    }

    /** Another session of the world's client with its therapist, at `startsAt`. */
    async function another(world: SessionWorld, startsAt: string) {
      const { session } = await bookSession(world.practice.owner, {
        clientId: world.client.id,
        therapistId: world.therapist.id,
        startsAt,
      });
      return session;
    }

    it('lists the author’s drafts oldest first, overdue once the session is a day old', async () => {
      const world = await sessionToDocument(server);
      // The test clock reads 2026-11-27T15:00Z: the first session was 29 hours ago.
      const older = await another(world, '2026-11-26T10:00:00.000Z');
      await saveDraft(world.therapist.client, world.session.id);
      await saveDraft(world.therapist.client, older.id);
      const notes = await unsigned(world.therapist.client);
      assert.deepEqual(
        notes.map((note) => [note.sessionId, note.overdue]),
        [
          [older.id, true],
          [world.session.id, false],
        ],
      );
      assert.equal(
        notes[0].clientName,
        `${world.client.legalFirstName} ${world.client.legalLastName}`,
      );
    });

    it('leaves out signed notes and drafts of sessions that were cancelled', async () => {
      const world = await sessionToDocument(server);
      await signedNote(world.therapist.client, world.session.id);
      const cancelled = await another(world, '2026-11-27T17:00:00.000Z');
      await saveDraft(world.therapist.client, cancelled.id);
      const current = await world.practice.owner.get(`/api/v1/sessions/${cancelled.id}`);
      await world.practice.owner.post(
        `/api/v1/sessions/${cancelled.id}/cancel`,
        { outcome: 'cancelled', reason: 'Client left early' },
        { ifMatch: current.headers.get('etag')! },
      );
      assert.deepEqual(await unsigned(world.therapist.client), []);
    });

    it('shows nobody else’s drafts, not even to the owner', async () => {
      const world = await sessionToDocument(server);
      await saveDraft(world.therapist.client, world.session.id);
      const colleague = await createStaff(server, world.practice, 'therapist');
      assert.deepEqual(await unsigned(colleague.client), []);
      assert.deepEqual(await unsigned(world.practice.owner), []);
    });
  });
}
