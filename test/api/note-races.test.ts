import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.js';
import { createStaff, signIn } from '../support/factories.js';
import { noteContent, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

/**
 * Writes that arrive at the same moment, as they do when a tablet reconnects and replays its
 * queued saves while the laptop is also saving. Each test repeats its race a few times, since
 * a race lost once in a while is still a race.
 */
const rounds = 5;

for (const { dialect, skip } of dialects) {
  describe(`simultaneous writes to one note on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('turns two simultaneous first saves into one draft and one 412, never a 500', async () => {
      for (let round = 0; round < rounds; round += 1) {
        const { therapist, session } = await sessionToDocument(server);
        const laptop = await signIn(server, therapist.email);
        const path = `/api/v1/sessions/${session.id}/note`;
        const answers = await Promise.all(
          [therapist.client, laptop].map((device) =>
            device.put(path, noteContent(), { ifMatch: '"0"' }),
          ),
        );
        assert.deepEqual(
          answers.map((answer) => answer.status).sort(),
          [200, 412],
          answers.map((answer) => answer.text).join('\n'),
        );
      }
    });

    it('numbers simultaneous addenda one after another, never a 500', async () => {
      for (let round = 0; round < rounds; round += 1) {
        const { practice, therapist, session } = await sessionToDocument(server);
        const colleague = await createStaff(server, practice, 'therapist');
        await signedNote(therapist.client, session.id);
        const path = `/api/v1/sessions/${session.id}/note/addenda`;
        const answers = await Promise.all(
          [therapist.client, practice.owner, colleague.client].map((author, index) =>
            author.post(path, { reason: `Correction ${index}`, text: `Addendum ${index}` }),
          ),
        );
        assert.deepEqual(
          answers.map((answer) => answer.status),
          [201, 201, 201],
          answers.map((answer) => answer.text).join('\n'),
        );
        const versions = await therapist.client.get(`/api/v1/sessions/${session.id}/note/versions`);
        assert.deepEqual(
          versions.body.versions.map((version: { number: number }) => version.number),
          [1, 2, 3, 4],
        );
      }
    });
  });
}
