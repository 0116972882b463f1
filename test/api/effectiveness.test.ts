import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertStatus } from '../support/assertions.js';
import { onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import {
  changePracticeSettings,
  createClient,
  createPractice,
  createStaff,
  type PracticeFixture,
  type StaffFixture,
} from '../support/factories.js';
import { sessionIdsAt } from '../../src/domain/effectiveness-views.js';
import {
  productIds,
  recordVisits,
  rowFor,
  sessionsOf,
  type PlannedVisit,
} from '../support/effectiveness.js';
import type { ApiClient, Json } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const myofascial = { technique: 'myofascial_release', pressure: 3 };
const swedish = { technique: 'swedish', pressure: 2 };

for (const { dialect, skip } of dialects) {
  describe(`what works for a client on ${dialect}`, { skip }, () => {
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
      clientId: string;
    }

    async function world(careModel: 'shared' | 'assigned' = 'shared'): Promise<World> {
      const practice = await createPractice(server, { careModel });
      const therapist = await createStaff(server, practice, 'therapist');
      const { client } = await createClient(practice.owner, { primaryTherapistId: therapist.id });
      return { practice, therapist, clientId: client.id };
    }

    const visit = (at: World, visits: PlannedVisit[]) =>
      recordVisits(
        at.therapist.client,
        { clientId: at.clientId, therapistId: at.therapist.id },
        visits,
      );

    async function effectiveness(caller: ApiClient, clientId: string): Promise<Json> {
      const response = await caller.get(`/api/v1/clients/${clientId}/effectiveness`);
      assertStatus(response, 200);
      return response.body;
    }

    it('gives mean relief per technique with its interval and the sessions behind it', async () => {
      const at = await world();
      const ids = await visit(at, [
        { painBefore: 7, painAfter: 4, techniques: [myofascial] },
        { painBefore: 6, painAfter: 3, techniques: [myofascial, swedish] },
        { painBefore: 6, painAfter: 5, techniques: [swedish] },
        { painBefore: 5, painAfter: 1, techniques: [myofascial] },
      ]);
      const table = await effectiveness(at.therapist.client, at.clientId);
      const row = rowFor(table, 'technique', 'myofascial_release');
      assert.equal(row.label, 'Myofascial release');
      assert.deepEqual(sessionsOf(table, row.sessions), {
        count: 3,
        sessionIds: [ids[0], ids[1], ids[3]],
      });
      // relief 3, 3, 4: mean 3.333, 95% CI 1.899 to 4.768
      assert.ok(Math.abs(row.relief.mean - 10 / 3) < 1e-9);
      assert.ok(Math.abs(row.relief.low - 1.899116) < 1e-5);
      assert.deepEqual(sessionIdsAt(table, row.relief.sessionIndexes), [ids[0], ids[1], ids[3]]);
      // carry-over: 7 − 6 = 1, 6 − 6 = 0, and the last visit has no next one yet
      assert.deepEqual(row.carryOver, null);
      assert.match(row.statements[0], /^Pain fell by 3\.3 points on average/);
    });

    it('counts only signed notes, never drafts', async () => {
      const at = await world();
      await visit(at, [
        { painBefore: 6, painAfter: 3, techniques: [swedish] },
        { painBefore: 6, painAfter: 3, techniques: [swedish] },
        { painBefore: 6, painAfter: 3, techniques: [swedish], draft: true },
      ]);
      const table = await effectiveness(at.therapist.client, at.clientId);
      assert.equal(table.signedSessions, 2);
      assert.equal(rowFor(table, 'technique', 'swedish').sessions.count, 2);
    });

    it('says "not enough sessions yet" below the practice’s minimum, which the owner sets', async () => {
      const at = await world();
      await visit(at, [
        { painBefore: 6, painAfter: 3, techniques: [swedish] },
        { painBefore: 5, painAfter: 3, techniques: [swedish] },
      ]);
      const before = rowFor(
        await effectiveness(at.therapist.client, at.clientId),
        'technique',
        'swedish',
      );
      assert.equal(before.enough, false);
      assert.equal(before.relief, null);
      assert.equal(before.summary, 'Not enough sessions yet');
      await changePracticeSettings(at.practice.owner, { effectivenessMinimumSessions: 2 });
      const therapist = await createStaff(server, at.practice, 'therapist');
      const after = rowFor(
        await effectiveness(therapist.client, at.clientId),
        'technique',
        'swedish',
      );
      assert.equal(after.enough, true);
      assert.equal(after.relief.mean, 2.5);
    });

    it('reads products from notes and reactions and soreness from follow-ups', async () => {
      const at = await world();
      const products = await productIds(at.practice.owner);
      const arnica = products['Arnica gel']!;
      const ids = await visit(at, [
        {
          painBefore: 6,
          painAfter: 3,
          products: [arnica],
          followUp: { soreness: 8, reactions: ['skin_reaction'] },
        },
        { painBefore: 6, painAfter: 4, products: [arnica], followUp: { relief: 6, soreness: 2 } },
        { painBefore: 5, painAfter: 4, products: [arnica] },
      ]);
      const table = await effectiveness(at.therapist.client, at.clientId);
      const row = rowFor(table, 'product', arnica);
      assert.equal(row.label, 'Arnica gel');
      assert.deepEqual(sessionsOf(table, row.followUps.reported), {
        count: 2,
        sessionIds: [ids[0], ids[1]],
      });
      assert.deepEqual(sessionsOf(table, row.followUps.reactions), {
        count: 1,
        sessionIds: [ids[0]],
      });
      assert.deepEqual(sessionsOf(table, row.followUps.highSoreness), {
        count: 1,
        sessionIds: [ids[0]],
      });
      assert.deepEqual(row.followUps.reactionKinds, { skin_reaction: 1 });
    });

    it('gives each session’s date so every figure can link to its sessions', async () => {
      const at = await world();
      const ids = await visit(at, [{ painBefore: 6, painAfter: 3 }]);
      const table = await effectiveness(at.therapist.client, at.clientId);
      assert.deepEqual(table.sessions, [{ sessionId: ids[0], serviceDate: '2026-01-05' }]);
    });

    it('names each session once however many figures it is behind, so the answer stays small', async () => {
      const at = await world();
      await changePracticeSettings(at.practice.owner, { effectivenessMinimumSessions: 2 });
      const products = await productIds(at.practice.owner);
      const arnica = products['Arnica gel']!;
      // Every visit is behind several rows (technique, pressure, product) and, in each, behind
      // the count, relief, carry-over, the comparison and the follow-ups.
      const plan = (index: number): PlannedVisit => ({
        painBefore: 7 - (index % 3),
        painAfter: 3 + (index % 2),
        techniques: index % 2 ? [myofascial, swedish] : [swedish],
        products: index % 3 ? [arnica] : [],
        followUp: { soreness: index % 4 ? 2 : 8, reactions: index % 4 ? [] : ['bruising'] },
      });
      const client = { clientId: at.clientId, therapistId: at.therapist.id };
      const first = await recordVisits(
        at.therapist.client,
        client,
        Array.from({ length: 6 }, (_, index) => plan(index)),
      );
      const sixVisits = (
        await at.therapist.client.get(`/api/v1/clients/${at.clientId}/effectiveness`)
      ).text;
      const second = await recordVisits(
        at.therapist.client,
        client,
        Array.from({ length: 6 }, (_, index) => plan(index)),
        '2026-03-02T15:00:00.000Z',
      );
      const response = await at.therapist.client.get(
        `/api/v1/clients/${at.clientId}/effectiveness`,
      );
      assertStatus(response, 200);
      const twelveVisits = response.text;
      for (const id of [...first, ...second])
        assert.equal(twelveVisits.split(id).length - 1, 1, `session ${id} is named more than once`);
      const table = response.body;
      assert.deepEqual(
        table.sessions.map((session: Json) => session.sessionId),
        [...first, ...second],
      );
      const swedishRow = rowFor(table, 'technique', 'swedish');
      assert.deepEqual(sessionsOf(table, swedishRow.sessions).sessionIds, [...first, ...second]);
      // Same rows, six more visits: each adds its id and date (about 65 bytes) and a position
      // (2–3 bytes) in each of the 20 or so figures it is behind (about 150 bytes in all);
      // repeating its id in every figure instead made it about 850.
      const perVisit = (twelveVisits.length - sixVisits.length) / 6;
      assert.ok(perVisit < 300, `each visit added ${perVisit} bytes`);
    });

    it('sends the table gzipped to a caller that takes gzip, and plain to one that does not', async () => {
      const at = await world();
      await visit(at, [
        { painBefore: 7, painAfter: 4, techniques: [myofascial] },
        { painBefore: 6, painAfter: 3, techniques: [myofascial, swedish] },
        { painBefore: 6, painAfter: 5, techniques: [swedish] },
      ]);
      const path = `/api/v1/clients/${at.clientId}/effectiveness`;
      const plain = await at.therapist.client.get(path, {
        headers: { 'accept-encoding': 'identity' },
      });
      assertStatus(plain, 200);
      assert.equal(plain.headers.get('content-encoding'), null);
      for (const acceptEncoding of ['gzip, deflate, br', 'br;q=1, gzip;q=0.5']) {
        const gzipped = await at.therapist.client.get(path, {
          headers: { 'accept-encoding': acceptEncoding },
        });
        assertStatus(gzipped, 200);
        assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
        assert.match(gzipped.headers.get('vary') ?? '', /accept-encoding/i);
        // fetch decodes it: the same table either way.
        assert.deepEqual(gzipped.body, plain.body);
      }
      const refused = await at.therapist.client.get(path, {
        headers: { 'accept-encoding': 'gzip;q=0' },
      });
      assert.equal(refused.headers.get('content-encoding'), null);
      assert.deepEqual(refused.body, plain.body);
    });

    it('answers an empty table for a client without signed notes', async () => {
      const at = await world();
      const table = await effectiveness(at.therapist.client, at.clientId);
      assert.deepEqual(
        { signed: table.signedSessions, rows: table.rows, minimum: table.minimumSessions },
        { signed: 0, rows: [], minimum: 3 },
      );
    });

    it('does not crash on a client with no pain recorded at all', async () => {
      const at = await world();
      await visit(
        at,
        [1, 2, 3].map(() => ({ painBefore: null, painAfter: null, techniques: [swedish] })),
      );
      const row = rowFor(
        await effectiveness(at.therapist.client, at.clientId),
        'technique',
        'swedish',
      );
      assert.equal(row.enough, true);
      assert.equal(row.relief, null);
      assert.equal(row.verdict, 'nothing_to_compare');
    });

    it('shows a note signed, a follow-up recorded or a technique renamed since the last read', async () => {
      const at = await world();
      const [first] = await visit(at, [{ painBefore: 6, painAfter: 3, techniques: [swedish] }]);
      const before = await effectiveness(at.therapist.client, at.clientId);
      assert.equal(rowFor(before, 'technique', 'swedish').sessions.count, 1);
      await recordVisits(
        at.therapist.client,
        { clientId: at.clientId, therapistId: at.therapist.id },
        [{ painBefore: 5, painAfter: 3, techniques: [swedish] }],
        '2026-02-02T15:00:00.000Z',
      );
      assert.equal(
        rowFor(await effectiveness(at.therapist.client, at.clientId), 'technique', 'swedish')
          .sessions.count,
        2,
      );
      const followUp = await at.therapist.client.post(`/api/v1/clients/${at.clientId}/follow-ups`, {
        sessionId: first,
        soreness: 2,
      });
      assertStatus(followUp, 201);
      await changePracticeSettings(at.practice.owner, { effectivenessMinimumSessions: 2 });
      const owner = at.practice.owner;
      const renamed = await owner.put('/api/v1/catalogue/techniques/swedish', {
        name: 'Swedish relaxation',
        retired: false,
      });
      assertStatus(renamed, 200);
      const after = rowFor(await effectiveness(owner, at.clientId), 'technique', 'swedish');
      assert.equal(after.label, 'Swedish relaxation');
      assert.equal(after.followUps.reported.count, 1);
    });

    it('is audited as a read of the client', async () => {
      const at = await world();
      await effectiveness(at.therapist.client, at.clientId);
      const event = await onlyAuditEvent(at.practice.owner, {
        action: 'client.effectiveness',
        clientId: at.clientId,
      });
      assert.equal(event.userId, at.therapist.id);
    });

    it('hides another therapist’s client under assigned care, as not found', async () => {
      const at = await world('assigned');
      const other = await createStaff(server, at.practice, 'therapist');
      const response = await other.client.get(`/api/v1/clients/${at.clientId}/effectiveness`);
      assertStatus(response, 404);
    });

    it('never shows front desk what worked', async () => {
      const at = await world();
      const desk = await createStaff(server, at.practice, 'front_desk');
      const response = await desk.client.get(`/api/v1/clients/${at.clientId}/effectiveness`);
      assertStatus(response, 403);
    });
  });
}
