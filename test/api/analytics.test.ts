import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertStatus, problemFields } from '../support/assertions.js';
import { onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { recordVisits, rowFor, type PlannedVisit } from '../support/effectiveness.js';
import {
  changePracticeSettings,
  createClient,
  createPractice,
  createStaff,
  type PracticeFixture,
  type StaffFixture,
} from '../support/factories.js';
import { saveHistory } from '../support/health-history.js';
import type { ApiClient, Json } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const swedish = { technique: 'swedish', pressure: 2 };

/** Visits with the same pain each time, at a region marked as pain. */
const repeated = (count: number, before: number, after: number, region: string): PlannedVisit[] =>
  Array.from({ length: count }, () => ({
    painBefore: before,
    painAfter: after,
    techniques: [swedish],
    painRegions: [region],
  }));

/** Visits whose pain before follows the readings given, oldest first. */
const readings = (values: number[]): PlannedVisit[] =>
  values.map((painBefore) => ({ painBefore, painAfter: Math.max(0, painBefore - 2) }));

for (const { dialect, skip } of dialects) {
  describe(`practice-wide analytics on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    interface World {
      practice: PracticeFixture;
      therapist: StaffFixture;
    }

    /** A practice whose figures need two clients, so small tests show figures. */
    async function world(careModel: 'shared' | 'assigned' = 'shared'): Promise<World> {
      const practice = await createPractice(server, { careModel });
      await changePracticeSettings(practice.owner, { effectivenessMinimumSessions: 2 });
      return { practice, therapist: await createStaff(server, practice, 'therapist') };
    }

    async function clientWith(
      at: World,
      visits: PlannedVisit[],
      therapist: StaffFixture = at.therapist,
    ): Promise<string> {
      const { client } = await createClient(at.practice.owner, {
        primaryTherapistId: therapist.id,
      });
      await recordVisits(
        therapist.client,
        { clientId: client.id, therapistId: therapist.id },
        visits,
      );
      return client.id;
    }

    async function read(caller: ApiClient, path: string): Promise<Json> {
      const response = await caller.get(path);
      assertStatus(response, 200);
      return response.body;
    }

    it('weights each client equally across clients with pain at the same region', async () => {
      const at = await world();
      // A is seen four times (relief 4 each), B twice (relief 1 each); C hurts elsewhere.
      await clientWith(at, repeated(4, 6, 2, 'lumbar_erectors_l'));
      await clientWith(at, repeated(2, 5, 4, 'lumbar_erectors_l'));
      await clientWith(at, repeated(2, 5, 5, 'upper_trapezius_l'));
      const table = await read(
        at.therapist.client,
        '/api/v1/analytics/similar-clients?region=lumbar_erectors_l',
      );
      assert.deepEqual(
        { clients: table.clients, sessions: table.sessions },
        { clients: 2, sessions: 6 },
      );
      const row = rowFor(table, 'technique', 'swedish');
      // The mean of the client means (4 and 1), not of the six sessions (3).
      assert.equal(row.relief.mean, 2.5);
      assert.deepEqual(
        { clients: row.relief.clients, sessions: row.relief.sessions },
        { clients: 2, sessions: 6 },
      );
    });

    it('finds clients by a condition in their current health history', async () => {
      const at = await world();
      const fibromyalgia = () => ({
        conditions: [
          { id: randomUUID(), code: 'fibromyalgia', name: 'Fibromyalgia', status: 'active' },
        ],
      });
      for (const id of [
        await clientWith(at, repeated(2, 6, 3, 'rhomboids_l')),
        await clientWith(at, repeated(2, 6, 4, 'rhomboids_l')),
      ])
        await saveHistory(at.practice.owner, id, fibromyalgia());
      const resolved = await clientWith(at, repeated(2, 6, 6, 'rhomboids_l'));
      await saveHistory(at.practice.owner, resolved, {
        conditions: [
          { id: randomUUID(), code: 'fibromyalgia', name: 'Fibromyalgia', status: 'resolved' },
        ],
      });
      const table = await read(
        at.practice.owner,
        '/api/v1/analytics/similar-clients?condition=fibromyalgia',
      );
      assert.equal(table.clients, 2);
      assert.equal(table.condition, 'fibromyalgia');
    });

    it('refuses an unknown region or condition with the field named', async () => {
      const at = await world();
      const response = await at.practice.owner.get(
        '/api/v1/analytics/similar-clients?region=elbow_x',
      );
      assertStatus(response, 400);
      assert.deepEqual(problemFields(response), ['query.region']);
    });

    it('lists clients whose pain before has not fallen by 2 points over their last 5 sessions', async () => {
      const at = await world();
      const stuck = await clientWith(at, readings([8, 6, 6, 5, 6, 5]));
      await clientWith(at, readings([8, 7, 6, 5, 4]));
      await clientWith(at, readings([6, 6, 6]));
      const list = await read(at.therapist.client, '/api/v1/analytics/pain-not-improving');
      assert.deepEqual(
        list.clients.map((client: Json) => [client.clientId, client.decrease]),
        [[stuck, 1]],
      );
      assert.deepEqual(
        list.clients[0].readings.map((reading: Json) => reading.painBefore),
        [6, 6, 5, 6, 5],
      );
      assert.equal(list.minimalImportantChange, 2);
    });

    it('looks over as many sessions as asked', async () => {
      const at = await world();
      const short = await clientWith(at, readings([6, 6, 6]));
      const list = await read(
        at.therapist.client,
        '/api/v1/analytics/pain-not-improving?sessions=3',
      );
      assert.deepEqual(
        list.clients.map((client: Json) => client.clientId),
        [short],
      );
    });

    it('refuses a window of fewer than 2 sessions', async () => {
      const at = await world();
      const response = await at.therapist.client.get(
        '/api/v1/analytics/pain-not-improving?sessions=1',
      );
      assertStatus(response, 400);
      assert.deepEqual(problemFields(response), ['query.sessions']);
    });

    it('summarises each therapist’s outcomes for the owner', async () => {
      const at = await world();
      const other = await createStaff(server, at.practice, 'therapist');
      await clientWith(at, repeated(2, 6, 3, 'calves_l'));
      await clientWith(at, repeated(3, 6, 5, 'calves_l'), other);
      const outcomes = await read(at.practice.owner, '/api/v1/analytics/therapists');
      const sessions = Object.fromEntries(
        outcomes.therapists.map((therapist: Json) => [
          therapist.therapistId,
          therapist.signedSessions,
        ]),
      );
      assert.deepEqual(sessions, { [at.practice.ownerId]: 0, [at.therapist.id]: 2, [other.id]: 3 });
    });

    it('keeps a therapist under assigned care to their own clients', async () => {
      const at = await world('assigned');
      const other = await createStaff(server, at.practice, 'therapist');
      await clientWith(at, readings([6, 6, 6, 6, 6]));
      const theirs = await clientWith(at, readings([6, 6, 6, 6, 6]), other);
      const list = await read(other.client, '/api/v1/analytics/pain-not-improving');
      assert.deepEqual(
        list.clients.map((client: Json) => client.clientId),
        [theirs],
      );
      const table = await read(other.client, '/api/v1/analytics/similar-clients');
      assert.equal(table.clients, 1);
    });

    it('answers every practice-wide read for clients with no pain recorded at all', async () => {
      const at = await world();
      // Signed notes with techniques, a region marked and follow-ups, but no pain score; and a
      // client with nothing signed. Nothing to average: no figure, no crash, no plateau.
      const noPain = (): PlannedVisit[] =>
        Array.from({ length: 3 }, () => ({
          painBefore: null,
          painAfter: null,
          techniques: [swedish],
          painRegions: ['calves_l'],
          followUp: { relief: 5, soreness: 2 },
        }));
      await clientWith(at, noPain());
      await clientWith(at, noPain());
      await createClient(at.practice.owner, { primaryTherapistId: at.therapist.id });

      for (const path of [
        '/api/v1/analytics/similar-clients',
        '/api/v1/analytics/similar-clients?region=calves_l',
      ]) {
        const table = await read(at.practice.owner, path);
        assert.deepEqual(
          { clients: table.clients, sessions: table.sessions },
          {
            clients: 2,
            sessions: 6,
          },
        );
        const row = rowFor(table, 'technique', 'swedish');
        assert.equal(row.enough, true);
        assert.deepEqual([row.relief, row.carryOver, row.difference], [null, null, null]);
        assert.deepEqual(row.followUps, { reported: 6, reactions: 0, highSoreness: 0 });
        for (const statement of row.statements) assert.doesNotMatch(statement, /caus/i);
      }

      const list = await read(at.therapist.client, '/api/v1/analytics/pain-not-improving');
      assert.deepEqual(list.clients, []);

      const outcomes = await read(at.practice.owner, '/api/v1/analytics/therapists');
      const theirs = outcomes.therapists.find(
        (therapist: Json) => therapist.therapistId === at.therapist.id,
      );
      assert.deepEqual(
        [theirs.signedSessions, theirs.painRecorded, theirs.relief, theirs.carryOver],
        [6, 0, null, null],
      );
      assert.equal(theirs.followUps, 6);
    });

    it('audits a practice-wide read with what it covered', async () => {
      const at = await world();
      await read(at.practice.owner, '/api/v1/analytics/similar-clients?region=calves_r');
      const event = await onlyAuditEvent(at.practice.owner, { action: 'analytics.similarClients' });
      assert.deepEqual(event.detail, { region: 'calves_r', condition: null, clients: 0 });
    });
  });
}
