import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createOtherPractice, createStaff } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { noteContent, saveDraft, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument, type SessionWorld } from '../support/sessions.js';

const week = 7 * 86_400_000;
const weeksLater = (weeks: number) =>
  new Date(Date.parse('2026-11-27T15:00:00.000Z') + weeks * week).toISOString();

for (const { dialect, skip } of dialects) {
  describe(`a client’s progress on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function progress(caller: ApiClient, clientId: string) {
      const response = await caller.get(`/api/v1/clients/${clientId}/progress`);
      assertStatus(response, 200);
      return response.body as { clientId: string; sessions: Json[] };
    }

    /** Books another session of the world's client with its therapist, some weeks on. */
    async function later(world: SessionWorld, weeks: number) {
      const { session } = await bookSession(world.practice.owner, {
        clientId: world.client.id,
        therapistId: world.therapist.id,
        startsAt: weeksLater(weeks),
      });
      return session;
    }

    it('lists signed sessions oldest first with pain before → after, techniques and pressure', async () => {
      const world = await sessionToDocument(server);
      const second = await later(world, 2);
      // Signed out of order: the chart's order is the sessions', not the signatures'.
      await signedNote(
        world.therapist.client,
        second.id,
        noteContent({
          subjective: { painBefore: 4 },
          treatment: {
            techniques: [
              {
                technique: 'myofascial_release',
                regions: ['rhomboids_l'],
                minutes: 30,
                pressure: 3,
              },
            ],
          },
          assessment: { painAfter: 1 },
        }),
      );
      await signedNote(world.therapist.client, world.session.id);

      const body = await progress(world.therapist.client, world.client.id);
      assert.equal(body.clientId, world.client.id);
      assert.deepEqual(
        body.sessions.map((session) => [
          session.sessionId,
          session.startsAt,
          session.serviceDate,
          session.painBefore,
          session.painAfter,
        ]),
        [
          [world.session.id, weeksLater(0), '2026-11-27', 6, 3],
          [second.id, weeksLater(2), '2026-12-11', 4, 1],
        ],
      );
      assert.deepEqual(body.sessions[0]!.techniques, [
        { technique: 'swedish', minutes: 20, pressure: 2, regions: ['upper_trapezius_l'] },
        { technique: 'trigger_point', minutes: 15, pressure: 4, regions: ['levator_scapulae_l'] },
      ]);
      assert.deepEqual(body.sessions[1]!.techniques, [
        { technique: 'myofascial_release', minutes: 30, pressure: 3, regions: ['rhomboids_l'] },
      ]);
    });

    it('gives the pain marks of each body chart by region, the strongest mark per region', async () => {
      const world = await sessionToDocument(server);
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({
          objective: {
            bodyChart: [
              { region: 'lumbar_erectors_r', kind: 'pain', intensity: 1 },
              { region: 'upper_trapezius_l', kind: 'tension', intensity: 3 },
              { region: 'calves_l', kind: 'pain', intensity: 2 },
              { region: 'lumbar_erectors_r', kind: 'pain', intensity: 3 },
            ],
          },
        }),
      );
      const [session] = (await progress(world.therapist.client, world.client.id)).sessions;
      assert.deepEqual(session!.regionPain, [
        { region: 'lumbar_erectors_r', intensity: 3 },
        { region: 'calves_l', intensity: 2 },
      ]);
    });

    it('reads the body chart, not words like it in the note’s text', async () => {
      const world = await sessionToDocument(server);
      const lookalike = '"bodyChart":[{"region":"head","kind":"pain","intensity":3}] ]';
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({
          subjective: { symptoms: lookalike },
          objective: {
            palpation: lookalike,
            bodyChart: [{ region: 'sacrum', kind: 'pain', intensity: 2 }],
          },
        }),
      );
      const [session] = (await progress(world.therapist.client, world.client.id)).sessions;
      assert.deepEqual(session!.regionPain, [{ region: 'sacrum', intensity: 2 }]);
    });

    it('leaves out drafts and sessions without a note', async () => {
      const world = await sessionToDocument(server);
      await saveDraft(world.therapist.client, world.session.id);
      await later(world, 1);
      assert.deepEqual((await progress(world.therapist.client, world.client.id)).sessions, []);
    });

    it('keeps a note with pain before only, its pain after null', async () => {
      const world = await sessionToDocument(server);
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({ assessment: { painAfter: null }, treatment: { techniques: [] } }),
      );
      const [session] = (await progress(world.therapist.client, world.client.id)).sessions;
      assert.deepEqual(
        [session!.painBefore, session!.painAfter, session!.techniques, session!.regionPain],
        [6, null, [], []],
      );
    });

    it('answers an empty list for a client with no signed notes', async () => {
      const world = await sessionToDocument(server);
      const { client } = await createClient(world.practice.owner);
      assert.deepEqual(await progress(world.practice.owner, client.id), {
        clientId: client.id,
        sessions: [],
      });
    });

    it('audits the read as a clinical read of the client, with the number of sessions', async () => {
      const world = await sessionToDocument(server);
      await signedNote(world.therapist.client, world.session.id);
      await progress(world.therapist.client, world.client.id);
      const event = await onlyAuditEvent(world.practice.owner, {
        action: 'client.progress',
        clientId: world.client.id,
      });
      assert.deepEqual(
        [event.userId, event.recordType, event.recordId, event.outcome, event.detail],
        [world.therapist.id, 'client', world.client.id, 'success', { sessions: 1 }],
      );
    });

    it('refuses front desk, who never sees clinical content, and audits the refusal', async () => {
      const world = await sessionToDocument(server);
      const desk = await createStaff(server, world.practice, 'front_desk');
      assertProblem(
        await desk.client.get(`/api/v1/clients/${world.client.id}/progress`),
        403,
        'forbidden',
      );
      const event = await onlyAuditEvent(world.practice.owner, {
        action: 'clinical.read',
        clientId: world.client.id,
      });
      assert.deepEqual([event.userId, event.outcome], [desk.id, 'denied']);
    });

    it('answers 404 to a therapist outside the client’s care team under assigned care', async () => {
      const world = await sessionToDocument(server, { careModel: 'assigned' });
      await signedNote(world.therapist.client, world.session.id);
      const other = await createStaff(server, world.practice, 'therapist');
      assertProblem(
        await other.client.get(`/api/v1/clients/${world.client.id}/progress`),
        404,
        'not-found',
      );
    });

    it('answers 404 for a client of another practice', async () => {
      const world = await sessionToDocument(server);
      await signedNote(world.therapist.client, world.session.id);
      const elsewhere = await createOtherPractice(server);
      assertProblem(
        await elsewhere.owner.get(`/api/v1/clients/${world.client.id}/progress`),
        404,
        'not-found',
      );
    });
  });
}
