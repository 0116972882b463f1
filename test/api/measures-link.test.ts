import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createStaff } from '../support/factories.js';
import type { Json } from '../support/http.js';
import { anonymous, sendIntakeLink } from '../support/intake.js';
import {
  createMeasure,
  measureInput,
  planInput,
  savePlan,
  scoreNewActivity,
  sendMeasuresLink,
} from '../support/outcomes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

const publicPath = (token: string) => `/api/v1/public/measures/${token}`;
const deadLink = 'This link is not valid any more. Ask the practice for a new one.';

for (const { dialect, skip } of dialects) {
  describe(`the measures link on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /**
     * A client whose plan asks for the PSFS at intake, headache days (client-reported) every
     * session and cervical rotation (staff-measured) at intake; one PSFS activity named.
     */
    async function clientWithMeasures() {
      const world = await sessionToDocument(server);
      const frontDesk = await createStaff(server, world.practice, 'front_desk');
      const { measure: headache } = await createMeasure(world.practice.owner);
      const { measure: rotation } = await createMeasure(
        world.practice.owner,
        measureInput(
          {
            name: 'Cervical rotation',
            unit: 'degrees',
            max: 90,
            better: 'higher',
            minimalImportantChange: 10,
          },
          'staff',
        ),
      );
      await savePlan(
        world.therapist.client,
        world.client.id,
        planInput({
          measures: [
            { measureId: 'psfs', atIntake: true },
            { measureId: headache.id, everySessions: 1 },
            { measureId: rotation.id, atIntake: true },
          ],
        }),
      );
      const activity = await world.therapist.client.post(
        `/api/v1/clients/${world.client.id}/psfs-activities`,
        { description: 'Turning my head to drive' },
      );
      assertStatus(activity, 201);
      return { ...world, frontDesk, headache, rotation, activityId: activity.body.id as string };
    }

    it('lets front desk send a link asking for the due measures the client reports', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.frontDesk.client, world.client.id);
      assert.match(link.url, /\/measures\/[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(link.measureIds, ['psfs', world.headache.id]);
      const events = await auditEvents(world.practice.owner, { action: 'measureLink.create' });
      assert.equal(events[0]?.recordId, link.id);
    });

    it('refuses a link with nothing for the client to fill in', async () => {
      const world = await sessionToDocument(server);
      const response = await world.practice.owner.post(
        `/api/v1/clients/${world.client.id}/measures-links`,
        {},
      );
      assertProblem(response, 422);
    });

    it('shows the client the questions and their activities, nothing of their scores', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.practice.owner, world.client.id);
      // Named after the link was sent: the page shows the activities as they are when opened.
      await scoreNewActivity(world.therapist.client, world.client.id, 'Carrying groceries', 4);
      const response = await anonymous(server.url).get(publicPath(link.token));
      assertStatus(response, 200);
      assert.equal(response.body.firstName, 'Ana');
      assert.deepEqual(
        response.body.measures.map((measure: Json) => [measure.id, measure.max]),
        [
          ['psfs', 10],
          [world.headache.id, 7],
        ],
      );
      assert.deepEqual(
        response.body.activities.map((activity: Json) => activity.description).sort(),
        ['Carrying groceries', 'Turning my head to drive'],
      );
      assert.doesNotMatch(response.text, /"value"/);
    });

    it('records what the client sends, once, for clinicians and not front desk', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.frontDesk.client, world.client.id);
      const phone = anonymous(server.url);
      const sent = await phone.post(publicPath(link.token), {
        scores: [
          { measureId: 'psfs', activityId: world.activityId, value: 4 },
          { measureId: 'psfs', newActivity: 'Reaching a high shelf', value: 6 },
          { measureId: world.headache.id, value: 3 },
        ],
      });
      assertStatus(sent, 201);

      const view = await world.therapist.client.get(`/api/v1/clients/${world.client.id}/measures`);
      assert.deepEqual(
        view.body.scores
          .map((score: Json) => [score.measureId, score.value, score.source, score.recordedBy])
          .sort((a: Json[], b: Json[]) => Number(a[1]) - Number(b[1])),
        [
          [world.headache.id, 3, 'client_link', null],
          ['psfs', 4, 'client_link', null],
          ['psfs', 6, 'client_link', null],
        ],
      );
      assert.equal(view.body.activities.length, 2);
      const desk = await world.frontDesk.client.get(`/api/v1/clients/${world.client.id}/measures`);
      assertProblem(desk, 403);

      const again = await phone.post(publicPath(link.token), {
        scores: [{ measureId: world.headache.id, value: 2 }],
      });
      assertProblem(again, 409);
      const reopened = await phone.get(publicPath(link.token));
      assertProblem(reopened, 404);
      assert.equal(reopened.body.detail, deadLink);
    });

    it('refuses a score outside the range with 422 naming the field, and keeps the link usable', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.practice.owner, world.client.id);
      const phone = anonymous(server.url);
      const refused = await phone.post(publicPath(link.token), {
        scores: [
          { measureId: 'psfs', activityId: world.activityId, value: 4 },
          { measureId: world.headache.id, value: 9 },
        ],
      });
      assertProblem(refused, 422);
      assert.deepEqual(refused.body.errors, [
        { field: 'scores.1.value', message: 'Must be from 0 to 7 days a week.' },
      ]);
      const view = await world.therapist.client.get(`/api/v1/clients/${world.client.id}/measures`);
      assert.deepEqual(view.body.scores, []);
      assertStatus(
        await phone.post(publicPath(link.token), {
          scores: [{ measureId: world.headache.id, value: 2 }],
        }),
        201,
      );
    });

    it('refuses a measure the link does not ask for', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.practice.owner, world.client.id);
      const refused = await anonymous(server.url).post(publicPath(link.token), {
        scores: [{ measureId: world.rotation.id, value: 45 }],
      });
      assertProblem(refused, 422);
      assert.deepEqual(problemFields(refused), ['scores.0.measureId']);
    });

    it('answers an expired link with the same 404 as an unknown one', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.practice.owner, world.client.id, {
        expiresInDays: 1,
      });
      const phone = anonymous(server.url);
      server.runtime.advanceMinutes(2 * 24 * 60);
      try {
        const opened = await phone.get(publicPath(link.token));
        assertProblem(opened, 404);
        assert.equal(opened.body.detail, deadLink);
        const sent = await phone.post(publicPath(link.token), {
          scores: [{ measureId: world.headache.id, value: 2 }],
        });
        assertProblem(sent, 404);
      } finally {
        server.runtime.advanceMinutes(-2 * 24 * 60);
      }
      const unknown = await phone.get(publicPath('z'.repeat(43)));
      assertProblem(unknown, 404);
      assert.equal(unknown.body.detail, deadLink);
    });

    it('answers a revoked link, or another purpose’s link, with 404', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.practice.owner, world.client.id);
      assertStatus(
        await world.practice.owner.post(
          `/api/v1/clients/${world.client.id}/links/${link.id}/revoke`,
        ),
        200,
      );
      const phone = anonymous(server.url);
      assertProblem(await phone.get(publicPath(link.token)), 404);
      const intake = await sendIntakeLink(world.practice.owner, world.client.id);
      assertProblem(await phone.get(publicPath(intake.token)), 404);
    });

    it('audits opening and sending, never with the answers', async () => {
      const world = await clientWithMeasures();
      const link = await sendMeasuresLink(world.practice.owner, world.client.id);
      const phone = anonymous(server.url);
      await phone.get(publicPath(link.token));
      await phone.post(publicPath(link.token), {
        scores: [{ measureId: world.headache.id, value: 5 }],
      });
      const events = await auditEvents(world.practice.owner, { clientId: world.client.id });
      const actions = events.map((event) => event.action);
      assert.ok(actions.includes('measureLink.open'));
      const submitted = events.find((event) => event.action === 'measureLink.submit');
      assert.equal(submitted?.outcome, 'success');
      assert.doesNotMatch(JSON.stringify(submitted?.detail), /"value"/);
    });
  });
}
