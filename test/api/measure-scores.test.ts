import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import type { ApiClient, Json } from '../support/http.js';
import {
  clientMeasures,
  createMeasure,
  recordScores,
  scoreNewActivity,
  widenToFortnight,
} from '../support/outcomes.js';
import { signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

for (const { dialect, skip } of dialects) {
  describe(`measure scores on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    describe('scores', () => {
      it('records a batch at a session, each score linked to it', async () => {
        const world = await sessionToDocument(server);
        const scores = await recordScores(world.therapist.client, world.client.id, {
          sessionId: world.session.id,
          scores: [
            { measureId: 'nprs', value: 6 },
            { measureId: 'psfs', newActivity: 'Turning my head to drive', value: 3 },
          ],
        });
        assert.deepEqual(
          scores.map((score) => [score.measureId, score.sessionId, score.source]),
          [
            ['nprs', world.session.id, 'staff'],
            ['psfs', world.session.id, 'staff'],
          ],
        );
        const view = await clientMeasures(world.therapist.client, world.client.id);
        assert.deepEqual(
          view.body.activities.map((activity: Json) => activity.description),
          ['Turning my head to drive'],
        );
        const psfs = view.body.scores.find((score: Json) => score.measureId === 'psfs');
        assert.equal(psfs.activityId, view.body.activities[0].id);
        const events = await auditEvents(world.practice.owner, {
          action: 'measureScores.record',
          clientId: world.client.id,
        });
        assert.equal(events.length, 1);
      });

      it('refuses a score outside the range with 422 naming the field, and stores nothing', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.post(
          `/api/v1/clients/${world.client.id}/measures/scores`,
          {
            scores: [
              { measureId: 'psfs', newActivity: 'Lifting my toddler', value: 4 },
              { measureId: 'nprs', value: 11 },
            ],
          },
        );
        assertProblem(response, 422);
        assert.deepEqual(response.body.errors, [
          { field: 'scores.1.value', message: 'Must be from 0 to 10.' },
        ]);
        const view = await clientMeasures(world.therapist.client, world.client.id);
        assert.deepEqual(view.body.scores, []);
        assert.deepEqual(view.body.activities, []);
      });

      it('refuses a sixth active PSFS activity', async () => {
        const world = await sessionToDocument(server);
        for (const activity of ['Driving', 'Typing', 'Gardening', 'Lifting', 'Reading']) {
          await scoreNewActivity(world.therapist.client, world.client.id, activity, 5);
        }
        const response = await world.therapist.client.post(
          `/api/v1/clients/${world.client.id}/psfs-activities`,
          { description: 'Cycling' },
        );
        assertProblem(response, 422);
        assert.deepEqual(problemFields(response), ['description']);
      });

      it('keeps a retired activity’s scores and refuses new ones for it', async () => {
        const world = await sessionToDocument(server);
        const score = await scoreNewActivity(world.therapist.client, world.client.id, 'Typing', 5);
        const retired = await world.therapist.client.post(
          `/api/v1/clients/${world.client.id}/psfs-activities/${score.activityId}/retire`,
        );
        assertStatus(retired, 200);
        const refused = await world.therapist.client.post(
          `/api/v1/clients/${world.client.id}/measures/scores`,
          { scores: [{ measureId: 'psfs', activityId: score.activityId, value: 6 }] },
        );
        assertProblem(refused, 422);
        assert.deepEqual(problemFields(refused), ['scores.0.activityId']);
        const view = await clientMeasures(world.therapist.client, world.client.id);
        assert.equal(view.body.scores.length, 1);
      });

      it('does not find a session of another client', async () => {
        const world = await sessionToDocument(server);
        const other = await sessionToDocument(server);
        const response = await world.practice.owner.post(
          `/api/v1/clients/${world.client.id}/measures/scores`,
          { sessionId: other.session.id, scores: [{ measureId: 'nprs', value: 3 }] },
        );
        assertProblem(response, 404);
      });

      it('refuses scores at a cancelled session', async () => {
        const world = await sessionToDocument(server);
        const session = await world.practice.owner.get(`/api/v1/sessions/${world.session.id}`);
        assertStatus(
          await world.practice.owner.post(
            `/api/v1/sessions/${world.session.id}/cancel`,
            { outcome: 'cancelled', reason: 'Client unwell' },
            { ifMatch: session.headers.get('etag')! },
          ),
          200,
        );
        const response = await world.therapist.client.post(
          `/api/v1/clients/${world.client.id}/measures/scores`,
          { sessionId: world.session.id, scores: [{ measureId: 'nprs', value: 3 }] },
        );
        assertProblem(response, 409);
      });
    });

    describe('scores and signed notes', () => {
      const scoresPath = (clientId: string) => `/api/v1/clients/${clientId}/measures/scores`;
      const correct = (caller: ApiClient, clientId: string, scoreId: string, body: Json) =>
        caller.post(`${scoresPath(clientId)}/${scoreId}/corrections`, body);

      it('refuses scoring the same thing twice at one session: it is corrected instead', async () => {
        const world = await sessionToDocument(server);
        await recordScores(world.therapist.client, world.client.id, {
          sessionId: world.session.id,
          scores: [{ measureId: 'nprs', value: 6 }],
        });
        const again = await world.therapist.client.post(scoresPath(world.client.id), {
          sessionId: world.session.id,
          scores: [{ measureId: 'nprs', value: 5 }],
        });
        assertProblem(again, 422);
        assert.deepEqual(problemFields(again), ['scores.0.measureId']);
      });

      it('adds no score to a session whose note is signed', async () => {
        const world = await sessionToDocument(server);
        await signedNote(world.therapist.client, world.session.id);
        const response = await world.therapist.client.post(scoresPath(world.client.id), {
          sessionId: world.session.id,
          scores: [{ measureId: 'nprs', value: 3 }],
        });
        assertProblem(response, 409);
        assert.match(response.body.detail, /signed/);
      });

      it('corrects a signed session’s score by appending, with a reason; the original stays', async () => {
        const world = await sessionToDocument(server);
        const [score] = await recordScores(world.therapist.client, world.client.id, {
          sessionId: world.session.id,
          scores: [{ measureId: 'nprs', value: 6 }],
        });
        await signedNote(world.therapist.client, world.session.id);
        const corrected = await correct(world.therapist.client, world.client.id, score.id, {
          value: 5,
          reason: 'Client said 5, not 6.',
        });
        assertStatus(corrected, 201);
        assert.deepEqual(
          [
            corrected.body.correctsId,
            corrected.body.sessionId,
            corrected.body.recordedAt,
            corrected.body.value,
          ],
          [score.id, world.session.id, score.recordedAt, 5],
        );
        const view = await clientMeasures(world.therapist.client, world.client.id);
        assert.deepEqual(
          view.body.scores
            .map((entry: Json) => [entry.value, entry.correctsId])
            .sort((a: Json[], b: Json[]) => Number(b[0]) - Number(a[0])),
          [
            [6, null],
            [5, score.id],
          ],
        );
        const event = await auditEvents(world.practice.owner, { action: 'measureScore.correct' });
        assert.equal(event[0]?.recordId, corrected.body.id);
      });

      it('strikes a score out with a null value', async () => {
        const world = await sessionToDocument(server);
        const [score] = await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: 'nprs', value: 6 }],
        });
        const struck = await correct(world.therapist.client, world.client.id, score.id, {
          value: null,
          reason: 'Entered for the wrong client.',
        });
        assertStatus(struck, 201);
        assert.equal(struck.body.value, null);
      });

      it('refuses a second correction of the same score and one without a reason', async () => {
        const world = await sessionToDocument(server);
        const [score] = await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: 'nprs', value: 6 }],
        });
        const body = { value: 5, reason: 'Misheard.' };
        assertStatus(await correct(world.therapist.client, world.client.id, score.id, body), 201);
        assertProblem(await correct(world.therapist.client, world.client.id, score.id, body), 409);
        const noReason = await correct(world.therapist.client, world.client.id, score.id, {
          value: 5,
        });
        assertProblem(noReason, 400);
        assert.deepEqual(problemFields(noReason), ['reason']);
      });

      it('checks a correction against the version the score was recorded with', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        const [score] = await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: measure.id, value: 5 }],
        });
        await widenToFortnight(measure, etag, world.practice.owner);
        const response = await correct(world.therapist.client, world.client.id, score.id, {
          value: 12,
          reason: 'Counted two weeks.',
        });
        assertProblem(response, 422);
        assert.deepEqual(response.body.errors, [
          { field: 'value', message: 'Must be from 0 to 7 days a week.' },
        ]);
      });
    });

    describe('what is due', () => {
      it('shows a measure scheduled at intake as due at the session until it is scored', async () => {
        const world = await sessionToDocument(server);
        await world.therapist.client.put(
          `/api/v1/clients/${world.client.id}/treatment-plan`,
          { startsOn: '2026-11-27', measures: [{ measureId: 'psfs', atIntake: true }] },
          { ifMatch: '"0"' },
        );
        const query = `?sessionId=${world.session.id}`;
        const before = await clientMeasures(world.therapist.client, world.client.id, query);
        assertStatus(before, 200);
        assert.deepEqual(before.body.due, {
          sessionId: world.session.id,
          startsAt: world.session.startsAt,
          measures: [{ measureId: 'psfs', reasons: ['intake'] }],
        });
        await scoreNewActivity(
          world.therapist.client,
          world.client.id,
          'Driving',
          3,
          world.session.id,
        );
        const after = await clientMeasures(world.therapist.client, world.client.id, query);
        assert.deepEqual(after.body.due.measures, []);
      });

      it('answers what is due at the next booked visit on the chart', async () => {
        const world = await sessionToDocument(server);
        await world.therapist.client.put(
          `/api/v1/clients/${world.client.id}/treatment-plan`,
          { startsOn: '2026-11-27', measures: [{ measureId: 'nprs', atIntake: true }] },
          { ifMatch: '"0"' },
        );
        const view = await clientMeasures(world.therapist.client, world.client.id);
        assert.equal(view.body.due.sessionId, world.session.id);
        assert.deepEqual(view.body.due.measures, [{ measureId: 'nprs', reasons: ['intake'] }]);
      });
    });
  });
}
