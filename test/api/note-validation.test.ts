import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createClient, createOtherPractice } from '../support/factories.js';
import type { ApiResponse, Json } from '../support/http.js';
import { noteContent, readNote, saveDraft } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

const technique = (minutes: number, code = 'swedish', regions = ['upper_trapezius_l']) => ({
  technique: code,
  regions,
  minutes,
  pressure: 3,
});

/** Each bad note and the one field its 400 must name. */
const badNotes: Array<{ title: string; content: Json; field: string }> = [
  {
    title: 'pain before above 10',
    content: noteContent({ subjective: { painBefore: 11 } }),
    field: 'subjective.painBefore',
  },
  {
    title: 'pain before below 0',
    content: noteContent({ subjective: { painBefore: -1 } }),
    field: 'subjective.painBefore',
  },
  {
    title: 'a fractional pain before',
    content: noteContent({ subjective: { painBefore: 4.5 } }),
    field: 'subjective.painBefore',
  },
  {
    title: 'pain after above 10',
    content: noteContent({ assessment: { painAfter: 12 } }),
    field: 'assessment.painAfter',
  },
  {
    title: 'a fractional pain after',
    content: noteContent({ assessment: { painAfter: 2.5 } }),
    field: 'assessment.painAfter',
  },
  {
    title: 'negative technique minutes',
    content: noteContent({ treatment: { techniques: [technique(-5)] } }),
    field: 'treatment.techniques.0.minutes',
  },
  {
    title: 'zero technique minutes',
    content: noteContent({ treatment: { techniques: [technique(0)] } }),
    field: 'treatment.techniques.0.minutes',
  },
  {
    title: 'a 61-minute technique in a 60-minute session',
    content: noteContent({ treatment: { techniques: [technique(61)] } }),
    field: 'treatment.techniques.0.minutes',
  },
  {
    title: 'techniques adding up to 70 minutes in a 60-minute session',
    content: noteContent({
      treatment: { techniques: [technique(35), technique(35, 'deep_tissue')] },
    }),
    field: 'treatment.techniques',
  },
  {
    title: 'an unknown region in the body chart',
    content: noteContent({
      objective: { bodyChart: [{ region: 'tail', kind: 'pain', intensity: 2 }] },
    }),
    field: 'objective.bodyChart.0.region',
  },
  {
    title: 'an unknown region in a technique',
    content: noteContent({ treatment: { techniques: [technique(20, 'swedish', ['wing_l'])] } }),
    field: 'treatment.techniques.0.regions.0',
  },
  {
    title: 'an unknown technique code',
    content: noteContent({ treatment: { techniques: [technique(20, 'reiki_deluxe')] } }),
    field: 'treatment.techniques.0.technique',
  },
  {
    title: 'a NUL character deep in a technique’s regions',
    content: noteContent({
      treatment: { techniques: [technique(20, 'swedish', ['upper_trapezius_l\u0000'])] },
    }),
    field: 'treatment.techniques.0.regions.0',
  },
  {
    title: 'an unknown product',
    content: noteContent({ treatment: { products: [{ productId: 'no-such-product' }] } }),
    field: 'treatment.products.0.productId',
  },
];

for (const { dialect, skip } of dialects) {
  describe(`bad input to a SOAP note on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    const notePath = (sessionId: string) => `/api/v1/sessions/${sessionId}/note`;

    function assertNamesOnly(response: ApiResponse, field: string): void {
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), [field]);
    }

    for (const bad of badNotes) {
      it(`refuses a first draft with ${bad.title}, naming ${bad.field}, and stores nothing`, async () => {
        const { practice, therapist, session } = await sessionToDocument(server);
        const response = await therapist.client.put(notePath(session.id), bad.content, {
          ifMatch: '"0"',
        });
        assertNamesOnly(response, bad.field);
        assert.equal(await readNote(therapist.client, session.id), null);
        const opened = await practice.owner.get(`/api/v1/sessions/${session.id}`);
        assert.equal(opened.body.status, 'booked');
      });
    }

    it('refuses a bad autosave of an existing draft and keeps the draft as it was', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const draft = await saveDraft(therapist.client, session.id);
      const response = await therapist.client.put(
        notePath(session.id),
        noteContent({ subjective: { painBefore: 11, symptoms: 'Should not be kept' } }),
        { ifMatch: draft.etag },
      );
      assertNamesOnly(response, 'subjective.painBefore');
      const note = await readNote(therapist.client, session.id);
      assert.equal(note.version, 1);
      assert.deepEqual(note.content, draft.note.content);
    });

    it('measures technique minutes against the session’s actual length once it is recorded', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const changed = await practice.owner.put(
        `/api/v1/sessions/${session.id}`,
        {
          therapistId: therapist.id,
          startsAt: session.startsAt,
          plannedMinutes: 60,
          actualMinutes: 45,
          sessionType: 'therapeutic',
        },
        { ifMatch: '"1"' },
      );
      assert.equal(changed.status, 200, changed.text);
      const response = await therapist.client.put(
        notePath(session.id),
        noteContent({ treatment: { techniques: [technique(50)] } }),
        { ifMatch: '"0"' },
      );
      assertNamesOnly(response, 'treatment.techniques.0.minutes');
    });

    it('accepts techniques that fill the session exactly', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const { note } = await saveDraft(
        therapist.client,
        session.id,
        noteContent({ treatment: { techniques: [technique(30), technique(30, 'stretching')] } }),
      );
      assert.equal(note.content.treatment.techniques.length, 2);
    });

    it('refuses a product of another practice as unknown', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const elsewhere = await createOtherPractice(server);
      const catalogue = await elsewhere.owner.get('/api/v1/catalogue');
      const foreignProduct = catalogue.body.products[0].id as string;
      const response = await therapist.client.put(
        notePath(session.id),
        noteContent({ treatment: { products: [{ productId: foreignProduct }] } }),
        { ifMatch: '"0"' },
      );
      assertNamesOnly(response, 'treatment.products.0.productId');
    });

    it('answers 404 for a note on a session of another practice and writes nothing there', async () => {
      const { therapist } = await sessionToDocument(server);
      const elsewhere = await createOtherPractice(server);
      const { client } = await createClient(elsewhere.owner);
      const { session: foreign } = await bookSession(elsewhere.owner, {
        clientId: client.id,
        therapistId: elsewhere.ownerId,
      });
      const response = await therapist.client.put(notePath(foreign.id), noteContent(), {
        ifMatch: '"0"',
      });
      assertProblem(response, 404, 'not-found');
      assert.equal(await readNote(elsewhere.owner, foreign.id), null);
    });

    it('refuses a 1 MB note body with 413 and stores nothing', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const huge = noteContent({ subjective: { symptoms: 'x'.repeat(1024 * 1024) } });
      const response = await therapist.client.put(notePath(session.id), huge, { ifMatch: '"0"' });
      assertProblem(response, 413, 'payload-too-large');
      assert.equal(await readNote(therapist.client, session.id), null);
    });

    it('refuses a free-text field over 10,000 characters, naming it', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const long = noteContent({ plan: { homeCare: 'y'.repeat(10_001) } });
      const response = await therapist.client.put(notePath(session.id), long, { ifMatch: '"0"' });
      assertNamesOnly(response, 'plan.homeCare');
      assert.equal(await readNote(therapist.client, session.id), null);
    });
  });
}
