import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createStaff } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { noteContent, saveDraft, signDraft, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument, type SessionWorld } from '../support/sessions.js';

const week = 7 * 86_400_000;
const weeksLater = (weeks: number) =>
  new Date(Date.parse('2026-11-27T15:00:00.000Z') + weeks * week).toISOString();

for (const { dialect, skip } of dialects) {
  describe(`a client’s timeline on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function timeline(caller: ApiClient, clientId: string, query = '') {
      const response = await caller.get(`/api/v1/clients/${clientId}/timeline${query}`);
      assertStatus(response, 200);
      return response.body as { entries: Json[]; next: string | null };
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

    it('lists sessions newest first with pain before → after, techniques and regions', async () => {
      const world = await sessionToDocument(server);
      await signedNote(world.therapist.client, world.session.id);
      const second = await later(world, 1);
      await signedNote(
        world.therapist.client,
        second.id,
        noteContent({
          subjective: { painBefore: 4 },
          treatment: {
            techniques: [
              {
                technique: 'deep_tissue',
                regions: ['hamstrings_l', 'calves_l'],
                minutes: 30,
                pressure: 4,
              },
              { technique: 'deep_tissue', regions: ['hamstrings_l'], minutes: 10, pressure: 3 },
            ],
          },
          assessment: { painAfter: 1 },
        }),
      );
      const { entries } = await timeline(world.therapist.client, world.client.id);
      assert.deepEqual(
        entries.map((entry) => [
          entry.session.id,
          entry.painBefore,
          entry.painAfter,
          entry.techniques,
          entry.regions,
        ]),
        [
          [second.id, 4, 1, ['deep_tissue'], ['hamstrings_l', 'calves_l']],
          [
            world.session.id,
            6,
            3,
            ['swedish', 'trigger_point'],
            ['upper_trapezius_l', 'levator_scapulae_l'],
          ],
        ],
      );
      assert.equal(entries[0].session.status, 'signed');
    });

    it('lists an unsigned draft with the techniques and regions it names so far', async () => {
      const world = await sessionToDocument(server);
      await saveDraft(
        world.therapist.client,
        world.session.id,
        noteContent({
          treatment: {
            techniques: [
              { technique: 'cupping', regions: ['lumbar_erectors_r'], minutes: 15, pressure: 2 },
            ],
          },
        }),
      );
      const { entries } = await timeline(world.therapist.client, world.client.id);
      assert.deepEqual(
        entries.map((entry) => [entry.session.status, entry.techniques, entry.regions]),
        [['in_progress', ['cupping'], ['lumbar_erectors_r']]],
      );
    });

    it('lists a session with no note yet with empty clinical fields', async () => {
      const world = await sessionToDocument(server);
      const { entries } = await timeline(world.therapist.client, world.client.id);
      assert.deepEqual(
        entries.map((entry) => [entry.session.status, entry.painBefore, entry.techniques]),
        [['booked', null, []]],
      );
    });

    it('pages through 120 sessions with `next`, with no duplicates and no gaps', async () => {
      const world = await sessionToDocument(server);
      const booked = [world.session.id];
      // Three sessions share each start time, so the cursor has to break ties by id.
      for (let index = 1; index < 120; index += 1) {
        booked.push((await later(world, Math.floor(index / 3))).id);
      }
      const seen: Json[] = [];
      let query = '?limit=50';
      for (let page = 0; page < 5; page += 1) {
        const body = await timeline(world.practice.owner, world.client.id, query);
        seen.push(...body.entries.map((entry) => entry.session));
        if (body.next === null) break;
        query = `?limit=50&before=${encodeURIComponent(body.next)}`;
      }
      const ids = seen.map((session) => session.id);
      assert.equal(ids.length, 120);
      assert.deepEqual([...ids].sort(), [...booked].sort());
      const keys = seen.map((session) => `${session.startsAt}|${session.id}`);
      assert.deepEqual(keys, [...keys].sort().reverse());
    });

    it('stops paging with next null on the last page', async () => {
      const world = await sessionToDocument(server);
      await later(world, 1);
      await later(world, 2);
      const first = await timeline(world.practice.owner, world.client.id, '?limit=2');
      assert.ok(first.next);
      const second = await timeline(
        world.practice.owner,
        world.client.id,
        `?limit=2&before=${encodeURIComponent(first.next)}`,
      );
      assert.deepEqual(
        second.entries.map((entry) => entry.session.id),
        [world.session.id],
      );
      assert.equal(second.next, null);
    });

    it('refuses a cursor that is not one it gave out, naming query.before', async () => {
      const world = await sessionToDocument(server);
      const response = await world.practice.owner.get(
        `/api/v1/clients/${world.client.id}/timeline?before=yesterday`,
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['query.before']);
    });

    it('shows front desk the sessions without pain, techniques or regions', async () => {
      const world = await sessionToDocument(server);
      await signedNote(world.therapist.client, world.session.id);
      const desk = await createStaff(server, world.practice, 'front_desk');
      const { entries } = await timeline(desk.client, world.client.id);
      assert.deepEqual(
        entries.map((entry) => [
          entry.session.id,
          entry.session.status,
          entry.painBefore,
          entry.painAfter,
          entry.techniques,
          entry.regions,
        ]),
        [[world.session.id, 'signed', null, null, [], []]],
      );
    });

    it('follows every change of the record at once, and never hands front desk the clinical page', async () => {
      const world = await sessionToDocument(server);
      const desk = await createStaff(server, world.practice, 'front_desk');
      const rows = async (caller: ApiClient) =>
        (await timeline(caller, world.client.id)).entries.map((entry) => [
          entry.session.status,
          entry.techniques,
        ]);
      assert.deepEqual(await rows(world.therapist.client), [['booked', []]]);

      const draft = await saveDraft(
        world.therapist.client,
        world.session.id,
        noteContent({
          treatment: {
            techniques: [{ technique: 'cupping', regions: [], minutes: 15, pressure: 2 }],
          },
        }),
      );
      assert.deepEqual(await rows(world.therapist.client), [['in_progress', ['cupping']]]);
      assert.deepEqual(await rows(desk.client), [['in_progress', []]]);

      await signDraft(world.therapist.client, world.session.id, draft.etag);
      const second = await later(world, 1);
      assert.deepEqual(await rows(world.therapist.client), [
        ['booked', []],
        ['signed', ['cupping']],
      ]);

      // Written by hand, past the API: the database's triggers still mark the record changed.
      await server.store.db
        .updateTable('sessions')
        .set({ status: 'cancelled', status_reason: 'Client unwell' })
        .where('id', '=', second.id)
        .execute();
      assert.equal((await rows(desk.client))[0]![0], 'cancelled');
    });

    it('answers 404 to a therapist outside the client’s care team under assigned care', async () => {
      const world = await sessionToDocument(server, { careModel: 'assigned' });
      const outsider = await createStaff(server, world.practice, 'therapist');
      const response = await outsider.client.get(`/api/v1/clients/${world.client.id}/timeline`);
      assertProblem(response, 404, 'not-found');
    });

    it('offers the plan of the previous signed note as the last plan', async () => {
      const world = await sessionToDocument(server);
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({
          plan: {
            focusNextTime: 'Right hip flexors',
            homeCare: 'Lunges',
            frequency: 'Fortnightly',
          },
        }),
      );
      const next = await later(world, 2);
      const response = await world.therapist.client.get(`/api/v1/sessions/${next.id}/last-plan`);
      assertStatus(response, 200);
      assert.deepEqual(response.body, {
        fromSessionId: world.session.id,
        startsAt: world.session.startsAt,
        focus: 'Right hip flexors',
        homeCare: 'Lunges',
        frequency: 'Fortnightly',
      });
    });

    it('passes over drafts and later sessions when looking for the last plan', async () => {
      const world = await sessionToDocument(server);
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({ plan: { focusNextTime: 'Signed plan' } }),
      );
      const draft = await later(world, 1);
      await saveDraft(
        world.therapist.client,
        draft.id,
        noteContent({ plan: { focusNextTime: 'Draft plan' } }),
      );
      const current = await later(world, 2);
      const future = await later(world, 3);
      await signedNote(
        world.therapist.client,
        future.id,
        noteContent({ plan: { focusNextTime: 'Future plan' } }),
      );
      const response = await world.therapist.client.get(`/api/v1/sessions/${current.id}/last-plan`);
      assertStatus(response, 200);
      assert.equal(response.body.focus, 'Signed plan');
    });

    it('answers 404 when the client has no signed note before the session', async () => {
      const world = await sessionToDocument(server);
      const response = await world.therapist.client.get(
        `/api/v1/sessions/${world.session.id}/last-plan`,
      );
      assertProblem(response, 404, 'not-found');
    });
  });
}
