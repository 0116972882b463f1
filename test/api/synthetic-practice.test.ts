import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '../../src/cli/demo-names.js';
import { assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { productIds, recordVisits, rowFor, type PlannedVisit } from '../support/effectiveness.js';
import { createClient, createPractice, createStaff } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * A practice generated with effects of known size, entered through the API like any other:
 * myofascial release relieves 2 points more than sessions without it; cupping does nothing;
 * pressure 5 leaves clients sore (8 of 10, against 2); arnica gel brings skin reactions half
 * the time. The analytics must find each with the right sign, and must not report cupping as
 * helping. The generator is seeded, so every run sees the same practice.
 */
const clients = 6;
const visitsPerClient = 12;
const plantedRelief = 2;

function plannedVisits(
  random: () => number,
  products: { arnica: string; grapeseed: string },
): PlannedVisit[] {
  const noise = () => Math.round((random() - 0.5) * 2);
  return Array.from({ length: visitsPerClient }, (_, index) => {
    const myofascial = index % 2 === 0;
    const cupping = index % 3 === 0;
    const pressure = 2 + (index % 4);
    const arnica = index % 3 === 1;
    const painBefore = 6 + noise();
    const relief = 1 + (myofascial ? plantedRelief : 0) + noise();
    return {
      painBefore,
      painAfter: Math.min(10, Math.max(0, painBefore - relief)),
      techniques: [
        { technique: 'swedish', pressure },
        ...(myofascial ? [{ technique: 'myofascial_release', pressure }] : []),
        ...(cupping ? [{ technique: 'cupping', pressure }] : []),
      ],
      products: [arnica ? products.arnica : products.grapeseed],
      followUp: {
        soreness: pressure === 5 ? 8 : 2,
        reactions: arnica && random() < 0.5 ? ['skin_reaction'] : [],
      },
    };
  });
}

for (const { dialect, skip } of dialects) {
  describe(`a synthetic practice with planted effects on ${dialect}`, { skip }, () => {
    let server: TestServer;
    let owner: ApiClient;
    let clientIds: string[];
    let products: { arnica: string; grapeseed: string };
    let practiceTable: Json;
    let clientTable: Json;

    before(async () => {
      server = await startTestServer(dialect);
      const practice = await createPractice(server);
      owner = practice.owner;
      const therapist = await createStaff(server, practice, 'therapist');
      const names = await productIds(practice.owner);
      products = { arnica: names['Arnica gel']!, grapeseed: names['Grapeseed oil']! };
      const random = seededRandom(20_261_130);
      clientIds = [];
      for (let index = 0; index < clients; index += 1) {
        const { client } = await createClient(practice.owner, { primaryTherapistId: therapist.id });
        await recordVisits(
          therapist.client,
          { clientId: client.id, therapistId: therapist.id },
          plannedVisits(random, products),
        );
        clientIds.push(client.id);
      }
      const across = await owner.get('/api/v1/analytics/similar-clients');
      assertStatus(across, 200);
      practiceTable = across.body;
      const one = await owner.get(`/api/v1/clients/${clientIds[0]}/effectiveness`);
      assertStatus(one, 200);
      clientTable = one.body;
    });
    after(async () => {
      await server?.close();
    });

    const contains = (figure: Json, value: number) => figure.low <= value && value <= figure.high;

    it('finds myofascial release associated with more relief, for one client', () => {
      const row = rowFor(clientTable, 'technique', 'myofascial_release');
      assert.equal(row.verdict, 'more_relief');
      assert.ok(row.difference.low > 0, JSON.stringify(row.difference));
      assert.ok(contains(row.difference, plantedRelief), JSON.stringify(row.difference));
    });

    it('finds myofascial release associated with more relief across clients', () => {
      const row = rowFor(practiceTable, 'technique', 'myofascial_release');
      assert.equal(row.clients, clients);
      assert.equal(row.verdict, 'more_relief');
      assert.ok(contains(row.difference, plantedRelief), JSON.stringify(row.difference));
    });

    it('does not report cupping, which does nothing, as helping', () => {
      for (const table of [clientTable, practiceTable]) {
        const row = rowFor(table, 'technique', 'cupping');
        assert.notEqual(row.verdict, 'more_relief');
        assert.equal(row.verdict, 'no_clear_difference');
        assert.ok(contains(row.difference, 0), JSON.stringify(row.difference));
      }
    });

    it('associates pressure 5 with high soreness and lighter pressures with none', () => {
      const firm = rowFor(practiceTable, 'pressure', '5').followUps;
      assert.equal(firm.highSoreness, firm.reported);
      assert.ok(firm.reported > 0);
      for (const level of ['2', '3', '4'])
        assert.equal(rowFor(practiceTable, 'pressure', level).followUps.highSoreness, 0, level);
    });

    it('associates arnica gel with skin reactions and grapeseed oil with none', () => {
      assert.ok(rowFor(practiceTable, 'product', products.arnica).followUps.reactions > 0);
      assert.equal(rowFor(practiceTable, 'product', products.grapeseed).followUps.reactions, 0);
      const row = rowFor(clientTable, 'product', products.arnica);
      assert.deepEqual(Object.keys(row.followUps.reactionKinds), ['skin_reaction']);
    });

    it('counts every client once and every signed session', () => {
      assert.deepEqual(
        { clients: practiceTable.clients, sessions: practiceTable.sessions },
        { clients, sessions: clients * visitsPerClient },
      );
    });
  });
}
