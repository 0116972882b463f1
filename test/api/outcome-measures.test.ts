import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import type { Json } from '../support/http.js';
import {
  clientMeasures,
  createMeasure,
  measureInput,
  recordScores,
  widenToFortnight,
} from '../support/outcomes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

for (const { dialect, skip } of dialects) {
  describe(`outcome measures on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    describe('definitions', () => {
      it('ships the PSFS and pain now with every practice', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.get('/api/v1/measures');
        assertStatus(response, 200);
        assert.deepEqual(
          response.body.measures.map((measure: Json) => [measure.id, measure.builtIn]),
          [
            ['psfs', true],
            ['nprs', true],
          ],
        );
      });

      it('lets the owner define a measure, numbered version 1', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        assert.equal(etag, '"1"');
        assert.equal(measure.currentNumber, 1);
        assert.deepEqual(
          [measure.definitions[0].min, measure.definitions[0].max, measure.definitions[0].better],
          [0, 7, 'lower'],
        );
        const events = await auditEvents(world.practice.owner, { action: 'measure.create' });
        assert.equal(events[0]?.recordId, measure.id);
      });

      it('refuses a range whose maximum is not above its minimum, naming the field', async () => {
        const world = await sessionToDocument(server);
        const response = await world.practice.owner.post(
          '/api/v1/measures',
          measureInput({ min: 5, max: 5 }),
        );
        assertProblem(response, 400);
        assert.deepEqual(problemFields(response), ['definition.max']);
      });

      it('corrects version 1 in place while no score uses it', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        const response = await widenToFortnight(measure, etag, world.practice.owner);
        assertStatus(response, 200);
        assert.equal(response.headers.get('etag'), '"2"');
        assert.equal(response.body.currentNumber, 1);
        assert.equal(response.body.definitions.length, 1);
        assert.equal(response.body.definitions[0].max, 14);
      });

      it('makes version 2 when the definition changes after scores exist; old scores keep version 1', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: measure.id, value: 5 }],
        });
        const changed = await widenToFortnight(measure, etag, world.practice.owner);
        assertStatus(changed, 200);
        assert.equal(changed.body.currentNumber, 2);

        const view = await clientMeasures(world.therapist.client, world.client.id);
        const definitions = view.body.measures.find(
          (entry: Json) => entry.id === measure.id,
        ).definitions;
        assert.deepEqual(
          definitions.map((definition: Json) => [definition.number, definition.max]),
          [
            [1, 7],
            [2, 14],
          ],
        );
        assert.deepEqual(
          view.body.scores.map((score: Json) => [score.measureVersion, score.value]),
          [[1, 5]],
        );
      });

      it('records new scores with the new version and its range', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: measure.id, value: 5 }],
        });
        await widenToFortnight(measure, etag, world.practice.owner);
        const [score] = await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: measure.id, value: 12 }],
        });
        assert.equal(score.measureVersion, 2);
      });

      it('has the database refuse to change a version that scores were recorded with', async () => {
        const world = await sessionToDocument(server);
        const { measure } = await createMeasure(world.practice.owner);
        await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: measure.id, value: 5 }],
        });
        await assert.rejects(
          sql`UPDATE outcome_measure_versions SET max_value = 70 WHERE measure_id = ${measure.id}`.execute(
            server.store.db,
          ),
          /never changes/,
        );
      });

      it('refuses an edit over a stale version with 412 and one without If-Match with 428', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        assertStatus(await widenToFortnight(measure, etag, world.practice.owner), 200);
        assertProblem(
          await widenToFortnight(measure, etag, world.practice.owner),
          412,
          'stale-version',
        );
        const unconditional = await world.practice.owner.put(
          `/api/v1/measures/${measure.id}`,
          measureInput(),
        );
        assertProblem(unconditional, 428);
      });

      it('never changes a built-in measure', async () => {
        const world = await sessionToDocument(server);
        const response = await world.practice.owner.put('/api/v1/measures/psfs', measureInput(), {
          ifMatch: '"1"',
        });
        assertProblem(response, 409);
      });

      it('keeps a retired measure’s scores but refuses new ones, naming the field', async () => {
        const world = await sessionToDocument(server);
        const { measure, etag } = await createMeasure(world.practice.owner);
        await recordScores(world.therapist.client, world.client.id, {
          scores: [{ measureId: measure.id, value: 4 }],
        });
        const retired = await world.practice.owner.post(
          `/api/v1/measures/${measure.id}/retire`,
          undefined,
          { ifMatch: etag },
        );
        assertStatus(retired, 200);
        assert.ok(retired.body.retiredAt);

        const refused = await world.therapist.client.post(
          `/api/v1/clients/${world.client.id}/measures/scores`,
          { scores: [{ measureId: measure.id, value: 3 }] },
        );
        assertProblem(refused, 422);
        assert.deepEqual(problemFields(refused), ['scores.0.measureId']);
        const view = await clientMeasures(world.therapist.client, world.client.id);
        assert.ok(view.body.measures.some((entry: Json) => entry.id === measure.id));
        assert.equal(view.body.scores.length, 1);
      });
    });
  });
}
