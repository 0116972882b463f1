import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { noteContent, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

const rescheduled = {
  startsAt: '2026-11-28T14:00:00.000Z',
  plannedMinutes: 90,
  sessionType: 'sports',
  location: 'Room 2',
};

for (const { dialect, skip } of dialects) {
  describe(`rescheduling and cancelling sessions on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('reschedules a session with If-Match, bumping its version and its date of service', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const response = await practice.owner.put(
        `/api/v1/sessions/${session.id}`,
        { therapistId: therapist.id, ...rescheduled },
        { ifMatch: '"1"' },
      );
      assertStatus(response, 200);
      assert.equal(response.headers.get('etag'), '"2"');
      assert.equal(response.body.session.startsAt, rescheduled.startsAt);
      assert.equal(response.body.session.serviceDate, '2026-11-28');
      assert.equal(response.body.session.plannedMinutes, 90);
    });

    it('refuses to reschedule without If-Match with 428', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const response = await practice.owner.put(`/api/v1/sessions/${session.id}`, {
        therapistId: therapist.id,
        ...rescheduled,
      });
      assertProblem(response, 428, 'precondition-required');
    });

    it('refuses a stale reschedule with 412 and the current session', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const change = { therapistId: therapist.id, ...rescheduled };
      assertStatus(
        await practice.owner.put(`/api/v1/sessions/${session.id}`, change, { ifMatch: '"1"' }),
        200,
      );
      const stale = await practice.owner.put(
        `/api/v1/sessions/${session.id}`,
        { ...change, location: 'Room 3' },
        { ifMatch: '"1"' },
      );
      assertProblem(stale, 412, 'stale-version');
      assert.equal(stale.body.current.location, 'Room 2');
    });

    for (const [outcome, label] of [
      ['cancelled', 'cancellation'],
      ['no_show', 'no-show'],
    ] as const) {
      it(`records a ${label} with its reason`, async () => {
        const { practice, session } = await sessionToDocument(server);
        const response = await practice.owner.post(
          `/api/v1/sessions/${session.id}/cancel`,
          { outcome, reason: 'Called in sick' },
          { ifMatch: '"1"' },
        );
        assertStatus(response, 200);
        assert.equal(response.body.status, outcome);
        assert.equal(response.body.statusReason, 'Called in sick');
      });

      it(`refuses a ${label} without a reason, naming reason, and leaves the session booked`, async () => {
        const { practice, session } = await sessionToDocument(server);
        const response = await practice.owner.post(
          `/api/v1/sessions/${session.id}/cancel`,
          { outcome, reason: '   ' },
          { ifMatch: '"1"' },
        );
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['reason']);
        assert.equal(
          (await practice.owner.get(`/api/v1/sessions/${session.id}`)).body.status,
          'booked',
        );
      });
    }

    it('refuses a note for a cancelled session with 409', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      await practice.owner.post(
        `/api/v1/sessions/${session.id}/cancel`,
        { outcome: 'cancelled', reason: 'Snowstorm' },
        { ifMatch: '"1"' },
      );
      const response = await therapist.client.put(
        `/api/v1/sessions/${session.id}/note`,
        noteContent(),
        {
          ifMatch: '"0"',
        },
      );
      assertProblem(response, 409, 'conflict');
    });

    it('refuses to reschedule a signed session with 409', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      await signedNote(therapist.client, session.id);
      const current = await practice.owner.get(`/api/v1/sessions/${session.id}`);
      const response = await practice.owner.put(
        `/api/v1/sessions/${session.id}`,
        { therapistId: therapist.id, ...rescheduled },
        { ifMatch: current.headers.get('etag')! },
      );
      assertProblem(response, 409, 'conflict');
    });

    it('refuses to cancel a signed session with 409', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      await signedNote(therapist.client, session.id);
      const current = await practice.owner.get(`/api/v1/sessions/${session.id}`);
      const response = await practice.owner.post(
        `/api/v1/sessions/${session.id}/cancel`,
        { outcome: 'cancelled', reason: 'Entered by mistake' },
        { ifMatch: current.headers.get('etag')! },
      );
      assertProblem(response, 409, 'conflict');
    });
  });
}
