import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import type { ApiClient, Json } from '../support/http.js';
import { noteContent, saveDraft, signedNote } from '../support/notes.js';
import {
  createGoal,
  createMeasure,
  goalInput,
  planInput,
  recordScores,
  savePlan,
  scoreNewActivity,
} from '../support/outcomes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument, type SessionWorld } from '../support/sessions.js';

const goalsPath = (clientId: string) => `/api/v1/clients/${clientId}/goals`;
const planPath = (clientId: string) => `/api/v1/clients/${clientId}/treatment-plan`;

async function goalsOf(caller: ApiClient, clientId: string): Promise<Json> {
  const response = await caller.get(goalsPath(clientId));
  assertStatus(response, 200);
  return response.body;
}

/** A signed note for a new session of the world's client at `startsAt`, with pain after. */
async function visitWithPainAfter(world: SessionWorld, startsAt: string, painAfter: number) {
  const { session } = await bookSession(world.practice.owner, {
    clientId: world.client.id,
    therapistId: world.therapist.id,
    startsAt,
  });
  await signedNote(world.therapist.client, session.id, noteContent({ assessment: { painAfter } }));
  return session;
}

for (const { dialect, skip } of dialects) {
  describe(`goals and treatment plans on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    describe('goals', () => {
      it('sets a goal on a PSFS activity and shows progress from its baseline', async () => {
        const world = await sessionToDocument(server);
        const first = await scoreNewActivity(world.therapist.client, world.client.id, 'Driving', 3);
        const { goal, etag } = await createGoal(
          world.therapist.client,
          world.client.id,
          goalInput(first.activityId),
        );
        assert.equal(etag, '"1"');
        assert.equal(goal.measureVersion, 1);
        assert.equal(goal.progress.state, 'baseline_only');
        assert.equal(goal.progress.baseline.value, 3);

        // Later the same morning (within the idle logoff); the clock goes back for other tests.
        server.runtime.advanceMinutes(10);
        try {
          await recordScores(world.therapist.client, world.client.id, {
            scores: [{ measureId: 'psfs', activityId: first.activityId, value: 6 }],
          });
        } finally {
          server.runtime.advanceMinutes(-10);
        }
        const [shown] = (await goalsOf(world.therapist.client, world.client.id)).goals;
        assert.deepEqual(
          [shown.progress.state, shown.progress.baseline.value, shown.progress.latest.value],
          ['improving', 3, 6],
        );
        assert.equal(shown.progress.towardTarget, 0.6);
        assert.equal(shown.points.length, 2);
      });

      it('reads pain after treatment from signed notes for a pain goal, drafts left out', async () => {
        const world = await sessionToDocument(server);
        await visitWithPainAfter(world, '2026-11-20T15:00:00.000Z', 6);
        const { goal } = await createGoal(world.therapist.client, world.client.id, {
          statement: 'Pain at most 2 after desk work',
          target: { kind: 'pain', moment: 'after' },
          comparator: 'at_most',
          targetValue: 2,
        });
        await visitWithPainAfter(world, '2026-12-04T15:00:00.000Z', 3);
        const { session: draft } = await bookSession(world.practice.owner, {
          clientId: world.client.id,
          therapistId: world.therapist.id,
          startsAt: '2026-12-11T15:00:00.000Z',
        });
        await saveDraft(
          world.therapist.client,
          draft.id,
          noteContent({ assessment: { painAfter: 1 } }),
        );
        const shown = (await goalsOf(world.therapist.client, world.client.id)).goals.find(
          (entry: Json) => entry.id === goal.id,
        );
        assert.deepEqual(
          [shown.progress.baseline.value, shown.progress.latest.value, shown.progress.state],
          [6, 3, 'improving'],
        );
        assert.equal(shown.progress.towardTarget, 0.75);
      });

      it('saves a change over the version seen, keeping every version', async () => {
        const world = await sessionToDocument(server);
        const first = await scoreNewActivity(world.therapist.client, world.client.id, 'Typing', 4);
        const { goal, etag } = await createGoal(
          world.therapist.client,
          world.client.id,
          goalInput(first.activityId),
        );
        const changed = await world.therapist.client.put(
          `${goalsPath(world.client.id)}/${goal.id}`,
          goalInput(first.activityId, { status: 'met', statusReason: 'Drives to work again' }),
          { ifMatch: etag },
        );
        assertStatus(changed, 200);
        assert.equal(changed.headers.get('etag'), '"2"');
        assert.equal(changed.body.status, 'met');

        const stale = await world.therapist.client.put(
          `${goalsPath(world.client.id)}/${goal.id}`,
          goalInput(first.activityId, { targetValue: 9 }),
          { ifMatch: etag },
        );
        assertProblem(stale, 412, 'stale-version');
        assert.equal(stale.body.current.status, 'met');

        const versions = await world.therapist.client.get(
          `${goalsPath(world.client.id)}/${goal.id}/versions`,
        );
        assert.deepEqual(
          versions.body.versions.map((version: Json) => [version.number, version.status]),
          [
            [2, 'met'],
            [1, 'active'],
          ],
        );
      });

      it('needs If-Match to change a goal', async () => {
        const world = await sessionToDocument(server);
        const first = await scoreNewActivity(world.therapist.client, world.client.id, 'Typing', 4);
        const { goal } = await createGoal(
          world.therapist.client,
          world.client.id,
          goalInput(first.activityId),
        );
        const response = await world.therapist.client.put(
          `${goalsPath(world.client.id)}/${goal.id}`,
          goalInput(first.activityId),
        );
        assertProblem(response, 428);
      });

      it('needs a reason to stop a goal', async () => {
        const world = await sessionToDocument(server);
        const first = await scoreNewActivity(world.therapist.client, world.client.id, 'Typing', 4);
        const { goal, etag } = await createGoal(
          world.therapist.client,
          world.client.id,
          goalInput(first.activityId),
        );
        const response = await world.therapist.client.put(
          `${goalsPath(world.client.id)}/${goal.id}`,
          goalInput(first.activityId, { status: 'stopped' }),
          { ifMatch: etag },
        );
        assertProblem(response, 400);
        assert.deepEqual(problemFields(response), ['statusReason']);
      });

      it('refuses a goal on a retired measure with a clear 422', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        await world.practice.owner.post(`/api/v1/measures/${measure.id}/retire`, undefined, {
          ifMatch: etag,
        });
        const response = await world.therapist.client.post(goalsPath(world.client.id), {
          statement: 'Fewer headache days',
          target: { kind: 'measure', measureId: measure.id },
          comparator: 'at_most',
          targetValue: 1,
        });
        assertProblem(response, 422);
        assert.deepEqual(response.body.errors, [
          {
            field: 'target.measureId',
            message: 'This measure is retired: set the goal on a measure still in use.',
          },
        ]);
        assert.deepEqual((await goalsOf(world.therapist.client, world.client.id)).goals, []);
      });

      it('refuses a target outside the measure’s range', async () => {
        const world = await sessionToDocument(server);
        const first = await scoreNewActivity(world.therapist.client, world.client.id, 'Typing', 4);
        const response = await world.therapist.client.post(
          goalsPath(world.client.id),
          goalInput(first.activityId, { targetValue: 12 }),
        );
        assertProblem(response, 422);
        assert.deepEqual(problemFields(response), ['targetValue']);
      });

      it('marks the goal a new one revises as revised', async () => {
        const world = await sessionToDocument(server);
        const first = await scoreNewActivity(world.therapist.client, world.client.id, 'Typing', 4);
        const { goal } = await createGoal(
          world.therapist.client,
          world.client.id,
          goalInput(first.activityId),
        );
        const { goal: revision } = await createGoal(world.therapist.client, world.client.id, {
          ...goalInput(first.activityId, { targetValue: 7 }),
          revisesGoalId: goal.id,
        });
        const goals = (await goalsOf(world.therapist.client, world.client.id)).goals;
        assert.deepEqual(
          goals.map((entry: Json) => [entry.id, entry.status, entry.revisesGoalId]),
          [
            [revision.id, 'active', goal.id],
            [goal.id, 'revised', null],
          ],
        );
        const again = await world.therapist.client.post(goalsPath(world.client.id), {
          ...goalInput(first.activityId),
          revisesGoalId: goal.id,
        });
        assertProblem(again, 409);
      });

      it('audits reading and writing goals', async () => {
        const world = await sessionToDocument(server);
        await createGoal(world.therapist.client, world.client.id, {
          statement: 'Sleep through the night without neck pain',
          target: { kind: 'pain', moment: 'before' },
          comparator: 'at_most',
          targetValue: 3,
        });
        await goalsOf(world.therapist.client, world.client.id);
        const events = await auditEvents(world.practice.owner, { clientId: world.client.id });
        const actions = events.map((event) => event.action);
        assert.ok(actions.includes('goal.create'));
        assert.ok(actions.includes('goals.read'));
      });
    });

    describe('the treatment plan', () => {
      it('answers no plan, numbered 0, before the first', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.get(planPath(world.client.id));
        assertStatus(response, 200);
        assert.equal(response.headers.get('etag'), '"0"');
        assert.equal(response.body.plan, null);
      });

      it('saves numbered versions over the one seen and shows the plan with the goals', async () => {
        const world = await sessionToDocument(server);
        const saved = await savePlan(world.therapist.client, world.client.id);
        assert.equal(saved.number, 1);
        assert.deepEqual(saved.plan.frequency, { sessions: 1, per: 'week' });
        const second = await savePlan(
          world.therapist.client,
          world.client.id,
          planInput({ sessionsPlanned: 8 }),
          '"1"',
        );
        assert.equal(second.number, 2);
        const goals = await goalsOf(world.therapist.client, world.client.id);
        assert.equal(goals.plan.number, 2);
        assert.equal(goals.plan.plan.sessionsPlanned, 8);
        assert.equal(goals.plan.recordedBy, world.therapist.id);
      });

      it('refuses a save over a stale version with the current plan', async () => {
        const world = await sessionToDocument(server);
        await savePlan(world.therapist.client, world.client.id);
        const stale = await world.practice.owner.put(planPath(world.client.id), planInput(), {
          ifMatch: '"0"',
        });
        assertProblem(stale, 412, 'stale-version');
        assert.equal(stale.body.current.number, 1);
        const unconditional = await world.practice.owner.put(
          planPath(world.client.id),
          planInput(),
        );
        assertProblem(unconditional, 428);
      });

      it('refuses unknown techniques and retired measures, naming the fields', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        await world.practice.owner.post(`/api/v1/measures/${measure.id}/retire`, undefined, {
          ifMatch: etag,
        });
        const response = await world.therapist.client.put(
          planPath(world.client.id),
          planInput({
            techniques: ['levitation'],
            measures: [{ measureId: measure.id, atIntake: true }],
          }),
          { ifMatch: '"0"' },
        );
        assertProblem(response, 422);
        assert.deepEqual(problemFields(response), ['techniques.0', 'measures.0.measureId']);
      });

      it('refuses a focus region that is not a body region code', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.put(
          planPath(world.client.id),
          planInput({ focusRegions: ['elbow_of_the_soul'] }),
          { ifMatch: '"0"' },
        );
        assertProblem(response, 400);
        assert.deepEqual(problemFields(response), ['focusRegions.0']);
      });
    });
  });
}
