import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultSessionTypes } from '../../src/domain/catalogue.js';
import {
  applyTemplate,
  defaultNoteTemplates,
  techniqueFromSuggestion,
  type NoteTemplate,
} from '../../src/domain/note-templates.js';
import { emptyNoteContent } from '../../src/domain/notes.js';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createOtherPractice, createPractice, createStaff } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { readNote, saveDraft } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

const prenatalPath = '/api/v1/note-templates/prenatal';
const ownWords = (template: NoteTemplate, frequency: string): NoteTemplate => ({
  ...template,
  plan: { ...template.plan, frequency },
});

for (const { dialect, skip } of dialects) {
  describe(`note templates on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function readTemplate(caller: ApiClient, path = prenatalPath) {
      const response = await caller.get(path);
      assertStatus(response, 200);
      return { view: response.body as Json, etag: response.headers.get('etag')! };
    }

    /** The owner saves new words over the version they read; answers the saved view. */
    async function ownerSaves(owner: ApiClient, frequency: string) {
      const { view, etag } = await readTemplate(owner);
      const response = await owner.put(prenatalPath, ownWords(view.template, frequency), {
        ifMatch: etag,
      });
      assertStatus(response, 200);
      return response;
    }

    it('gives a practice that never edited a template the shipped one for each session type', async () => {
      const { owner } = await createOtherPractice(server);
      const response = await owner.get('/api/v1/note-templates');
      assertStatus(response, 200);
      assert.deepEqual(
        response.body.templates.map((view: Json) => view.sessionType).sort(),
        defaultSessionTypes.map((type) => type.code).sort(),
      );
      for (const view of response.body.templates) {
        assert.deepEqual(view.template, defaultNoteTemplates[view.sessionType]);
        assert.equal(view.customised, false);
        assert.equal(view.version, 0);
      }
    });

    it('answers one session type’s shipped template with ETag "0"', async () => {
      const { owner } = await createPractice(server);
      const { view, etag } = await readTemplate(owner);
      assert.equal(etag, '"0"');
      assert.equal(view.sessionTypeName, 'Prenatal');
      assert.deepEqual(view.template, defaultNoteTemplates['prenatal']);
    });

    it('lets a therapist read the template their new notes start from', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const { view } = await readTemplate(therapist.client);
      assert.equal(view.sessionType, 'prenatal');
    });

    it('saves the owner’s words over the shipped template and answers the next ETag', async () => {
      const { owner } = await createPractice(server);
      const response = await ownerSaves(owner, 'Every 3 weeks until 36 weeks.');
      assert.equal(response.headers.get('etag'), '"1"');
      assert.equal(response.body.customised, true);
      assert.equal(response.body.updatedAt, server.runtime.now().toISOString());
      const { view } = await readTemplate(owner);
      assert.equal(view.template.plan.frequency, 'Every 3 weeks until 36 weeks.');
    });

    it('saves again when the owner names the version they edited', async () => {
      const { owner } = await createPractice(server);
      await ownerSaves(owner, 'Every 3 weeks.');
      const second = await ownerSaves(owner, 'Every 2 weeks.');
      assert.equal(second.headers.get('etag'), '"2"');
      assert.equal(second.body.template.plan.frequency, 'Every 2 weeks.');
    });

    it('keeps an edited template in its own practice', async () => {
      const { owner } = await createPractice(server);
      await ownerSaves(owner, 'Every 3 weeks.');
      const elsewhere = await createOtherPractice(server);
      const { view } = await readTemplate(elsewhere.owner);
      assert.deepEqual(view.template, defaultNoteTemplates['prenatal']);
    });

    it('refuses a save based on a version someone else has replaced, with the current one', async () => {
      const { owner } = await createPractice(server);
      const { view, etag } = await readTemplate(owner);
      await ownerSaves(owner, 'Saved first, in another tab.');
      const stale = await owner.put(prenatalPath, ownWords(view.template, 'Saved second.'), {
        ifMatch: etag,
      });
      assertProblem(stale, 412, 'stale-version');
      assert.equal(stale.body.currentVersion, 1);
      assert.equal(stale.body.current.template.plan.frequency, 'Saved first, in another tab.');
    });

    it('refuses a save that names a version when only the shipped template exists', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.put(prenatalPath, defaultNoteTemplates['prenatal'], {
        ifMatch: '"4"',
      });
      assertProblem(response, 412, 'stale-version');
      assert.equal(response.body.currentVersion, 0);
      assert.deepEqual(response.body.current.template, defaultNoteTemplates['prenatal']);
    });

    it('needs If-Match to change a template', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.put(prenatalPath, defaultNoteTemplates['prenatal']);
      assertProblem(response, 428, 'precondition-required');
    });

    it('refuses a therapist’s change with 403 and leaves the template as it was', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const response = await therapist.client.put(
        prenatalPath,
        ownWords(defaultNoteTemplates['prenatal']!, 'Weekly.'),
        { ifMatch: '"0"' },
      );
      assertProblem(response, 403, 'forbidden');
      const { view } = await readTemplate(practice.owner);
      assert.equal(view.customised, false);
    });

    it('keeps templates from front desk, who writes no notes', async () => {
      const practice = await createPractice(server);
      const desk = await createStaff(server, practice, 'front_desk');
      assertProblem(await desk.client.get(prenatalPath), 403, 'forbidden');
    });

    it('answers 404 for a session type the practice does not offer', async () => {
      const { owner } = await createPractice(server);
      assertProblem(await owner.get('/api/v1/note-templates/hot_yoga'), 404, 'not-found');
      const response = await owner.put('/api/v1/note-templates/hot_yoga', {}, { ifMatch: '"0"' });
      assertProblem(response, 404, 'not-found');
    });

    it('refuses a pain score or body-chart marks, naming the section', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.put(
        prenatalPath,
        {
          subjective: { reasonForVisit: 'Prenatal massage', painBefore: 5 },
          objective: { bodyChart: [] },
        },
        { ifMatch: '"0"' },
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response).sort(), ['objective', 'subjective']);
    });

    it('names each field that is too long or out of range', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.put(
        prenatalPath,
        {
          objective: { posture: 'x'.repeat(2_001) },
          treatment: {
            techniques: [{ technique: 'prenatal', minutes: 0, pressure: 9 }],
            heatCold: 'steam',
          },
        },
        { ifMatch: '"0"' },
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response).sort(), [
        'objective.posture',
        'treatment.heatCold',
        'treatment.techniques.0.minutes',
        'treatment.techniques.0.pressure',
      ]);
    });

    it('refuses a suggested technique outside the catalogue or longer than the session type', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.put(
        prenatalPath,
        {
          treatment: {
            techniques: [
              { technique: 'gua_sha', minutes: 10, pressure: 2 },
              { technique: 'prenatal', minutes: 90, pressure: 2 },
            ],
          },
        },
        { ifMatch: '"0"' },
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), [
        'treatment.techniques.0.technique',
        'treatment.techniques.1.minutes',
      ]);
    });

    it('records who changed which template in the audit trail', async () => {
      const { owner, ownerId } = await createPractice(server);
      const saved = await ownerSaves(owner, 'Every 3 weeks.');
      const event = await onlyAuditEvent(owner, { action: 'noteTemplate.update' });
      assert.equal(event.userId, ownerId);
      assert.equal(event.recordType, 'note_template');
      assert.equal(event.outcome, 'success');
      assert.deepEqual(event.detail, {
        sessionType: 'prenatal',
        version: saved.body.version,
      });
    });

    it('saves a new note started from the template with a suggested technique added', async () => {
      const { practice, therapist, client } = await sessionToDocument(server);
      await ownerSaves(practice.owner, 'Every 3 weeks until 36 weeks.');
      const { session } = await bookSession(practice.owner, {
        clientId: client.id,
        therapistId: therapist.id,
        sessionType: 'prenatal',
        startsAt: '2026-11-28T15:00:00.000Z',
      });
      const { view } = await readTemplate(therapist.client);
      const started = applyTemplate(emptyNoteContent, view.template);
      const content = {
        ...started,
        treatment: {
          ...started.treatment,
          techniques: [
            techniqueFromSuggestion(view.template.treatment.techniques[0], {
              minutes: 60,
              minutesRecorded: 0,
            }),
          ],
        },
      };
      await saveDraft(therapist.client, session.id, content);
      const note = await readNote(therapist.client, session.id);
      assert.equal(note.content.plan.frequency, 'Every 3 weeks until 36 weeks.');
      assert.equal(note.content.objective.posture, view.template.objective.posture);
      assert.equal(note.content.treatment.techniques[0].technique, 'prenatal');
      assert.equal(note.content.subjective.painBefore, null);
    });
  });
}
