import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createClient, createOtherPractice, createStaff } from '../support/factories.js';
import type { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

/** Ids of the sessions starting in [from, to), as the Today page and week view ask. */
async function listedIds(caller: ApiClient, from: string, to: string, therapistId?: string) {
  const query = new URLSearchParams({ from, to, ...(therapistId ? { therapistId } : {}) });
  const response = await caller.get(`/api/v1/sessions?${query.toString()}`);
  assertStatus(response, 200);
  return response.body.sessions.map((session: { id: string }) => session.id);
}

/** Toronto's 27 November 2026, midnight to midnight (EST, UTC−5). */
const today = { from: '2026-11-27T05:00:00Z', to: '2026-11-28T05:00:00Z' };

for (const { dialect, skip } of dialects) {
  describe(`booking sessions and listing the schedule on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });
    it('books a session with 201, ETag "1" and status booked', async () => {
      const { practice, therapist, client } = await sessionToDocument(server);
      const response = await practice.owner.post('/api/v1/sessions', {
        clientId: client.id,
        therapistId: therapist.id,
        startsAt: '2026-11-27T18:00:00Z',
        plannedMinutes: 60,
        sessionType: 'relaxation',
        location: 'Room 1',
      });
      assertStatus(response, 201);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.equal(response.body.session.status, 'booked');
      assert.equal(response.body.session.therapistId, therapist.id);
      assert.equal(response.body.session.startsAt, '2026-11-27T18:00:00.000Z');
      assert.equal(response.body.session.location, 'Room 1');
    });

    it('dates a 23:30 Toronto session on the Toronto date, not the UTC one', async () => {
      const { practice, therapist, client } = await sessionToDocument(server);
      const { session } = await bookSession(practice.owner, {
        clientId: client.id,
        therapistId: therapist.id,
        startsAt: '2026-11-27T23:30:00-05:00',
      });
      assert.equal(session.startsAt, '2026-11-28T04:30:00.000Z');
      assert.equal(session.serviceDate, '2026-11-27');
    });

    it('books an overlapping session of the same therapist and names the one it overlaps', async () => {
      const { practice, therapist, session: first } = await sessionToDocument(server);
      const { client: other } = await createClient(practice.owner);
      const second = await bookSession(practice.owner, {
        clientId: other.id,
        therapistId: therapist.id,
        startsAt: '2026-11-27T15:30:00Z',
      });
      assert.deepEqual(second.overlaps, [first.id]);
    });

    it('does not warn about back-to-back sessions', async () => {
      const { practice, therapist, client } = await sessionToDocument(server);
      const next = await bookSession(practice.owner, {
        clientId: client.id,
        therapistId: therapist.id,
        startsAt: '2026-11-27T16:00:00Z',
      });
      assert.deepEqual(next.overlaps, []);
    });

    it('does not warn about a cancelled session in the same slot', async () => {
      const { practice, therapist, client, session } = await sessionToDocument(server);
      await practice.owner.post(
        `/api/v1/sessions/${session.id}/cancel`,
        { outcome: 'cancelled', reason: 'Moved to the afternoon' },
        { ifMatch: '"1"' },
      );
      const rebooked = await bookSession(practice.owner, {
        clientId: client.id,
        therapistId: therapist.id,
      });
      assert.deepEqual(rebooked.overlaps, []);
    });

    it('lets a client have two sessions on the same day', async () => {
      const { practice, therapist, client, session: morning } = await sessionToDocument(server);
      const evening = await bookSession(practice.owner, {
        clientId: client.id,
        therapistId: therapist.id,
        startsAt: '2026-11-27T22:00:00Z',
      });
      assert.equal(evening.session.serviceDate, morning.serviceDate);
      assert.deepEqual(await listedIds(practice.owner, today.from, today.to), [
        morning.id,
        evening.session.id,
      ]);
    });

    it('refuses a front-desk account as the therapist, naming therapistId', async () => {
      const { practice, client } = await sessionToDocument(server);
      const desk = await createStaff(server, practice, 'front_desk');
      const response = await practice.owner.post('/api/v1/sessions', {
        clientId: client.id,
        therapistId: desk.id,
        startsAt: '2026-11-27T18:00:00Z',
        plannedMinutes: 60,
        sessionType: 'relaxation',
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['therapistId']);
    });

    it('refuses a therapist of another practice, naming therapistId', async () => {
      const { practice, client } = await sessionToDocument(server);
      const elsewhere = await createOtherPractice(server);
      const response = await practice.owner.post('/api/v1/sessions', {
        clientId: client.id,
        therapistId: elsewhere.ownerId,
        startsAt: '2026-11-27T18:00:00Z',
        plannedMinutes: 60,
        sessionType: 'relaxation',
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['therapistId']);
    });

    it('refuses an unknown session type, naming sessionType', async () => {
      const { practice, therapist, client } = await sessionToDocument(server);
      const response = await practice.owner.post('/api/v1/sessions', {
        clientId: client.id,
        therapistId: therapist.id,
        startsAt: '2026-11-27T18:00:00Z',
        plannedMinutes: 60,
        sessionType: 'aromatherapy_deluxe',
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['sessionType']);
    });

    it('answers 404 for a client of another practice and books nothing', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const elsewhere = await createOtherPractice(server);
      const { client: stranger } = await createClient(elsewhere.owner);
      const response = await practice.owner.post('/api/v1/sessions', {
        clientId: stranger.id,
        therapistId: therapist.id,
        startsAt: '2026-11-27T18:00:00Z',
        plannedMinutes: 60,
        sessionType: 'relaxation',
      });
      assertProblem(response, 404, 'not-found');
      assert.deepEqual(await listedIds(practice.owner, today.from, today.to), [session.id]);
      assert.deepEqual(await listedIds(elsewhere.owner, today.from, today.to), []);
    });

    it('lists the day’s sessions for Today and a week’s for the week view', async () => {
      const { practice, therapist, client, session } = await sessionToDocument(server);
      const book = (startsAt: string) =>
        bookSession(practice.owner, { clientId: client.id, therapistId: therapist.id, startsAt });
      const tomorrow = (await book('2026-11-28T15:00:00Z')).session;
      await book('2026-12-04T15:00:00Z');
      assert.deepEqual(await listedIds(practice.owner, today.from, today.to), [session.id]);
      assert.deepEqual(await listedIds(practice.owner, today.from, '2026-12-04T05:00:00Z'), [
        session.id,
        tomorrow.id,
      ]);
    });

    it('lists one therapist’s sessions when asked for that therapist', async () => {
      const { practice, therapist, client, session } = await sessionToDocument(server);
      const colleague = await createStaff(server, practice, 'therapist');
      await bookSession(practice.owner, { clientId: client.id, therapistId: colleague.id });
      assert.deepEqual(await listedIds(practice.owner, today.from, today.to, therapist.id), [
        session.id,
      ]);
    });

    it('refuses a range longer than six weeks, naming query.to', async () => {
      const { practice } = await sessionToDocument(server);
      const response = await practice.owner.get(
        '/api/v1/sessions?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z',
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['query.to']);
    });
  });
}
