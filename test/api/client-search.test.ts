import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createClient, createPractice } from '../support/factories.js';
import type { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

async function searchIds(session: ApiClient, query: string): Promise<string[]> {
  const response = await session.get(`/api/v1/clients?q=${encodeURIComponent(query)}`);
  assertStatus(response, 200);
  return response.body.clients.map((client: { id: string }) => client.id);
}

for (const { dialect, skip } of dialects) {
  describe(`client search on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('finds "José" when searching "jose", "JOSE" or "josé"', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'José',
        legalLastName: 'Álvarez',
      });
      await createClient(owner, { legalFirstName: 'Joanna', legalLastName: 'Smith' });
      for (const query of ['jose', 'JOSE', 'josé', 'alvarez', 'jose ALVAREZ']) {
        assert.deepEqual(await searchIds(owner, query), [client.id], query);
      }
    });

    it('finds a client by the accented spelling when the name has no accent', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'Zoe',
        legalLastName: 'Muller',
      });
      assert.deepEqual(await searchIds(owner, 'Zoë Müller'), [client.id]);
    });

    it('finds "Ærin Søndergaard" when searching "aerin sondergaard"', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'Ærin',
        legalLastName: 'Søndergaard',
      });
      assert.deepEqual(await searchIds(owner, 'aerin sondergaard'), [client.id]);
    });

    it('finds a client by preferred name', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'Katherine',
        preferredName: 'Kit',
      });
      assert.deepEqual(await searchIds(owner, 'kit'), [client.id]);
    });

    it('finds a client by phone digits written in any format', async () => {
      const { owner } = await createPractice(server);
      // Names and emails without digits, so only the phone can match a digit query.
      const { client } = await createClient(owner, {
        legalLastName: 'Caller',
        email: 'first.caller@example.com',
        phone: '(416) 555-0199',
      });
      await createClient(owner, {
        legalLastName: 'Neighbour',
        email: 'next.door@example.com',
        phone: '(416) 555-0288',
      });
      for (const query of [
        '416-555-0199',
        '416.555.0199',
        '4165550199',
        '(416) 555-0199',
        '555 0199',
      ]) {
        assert.deepEqual(await searchIds(owner, query), [client.id], query);
      }
    });

    it('finds a client by email address, whole or in part', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, { email: 'river.stone@example.org' });
      await createClient(owner, { email: 'lake.stone@example.org' });
      assert.deepEqual(await searchIds(owner, 'river.stone@example.org'), [client.id]);
      assert.deepEqual(await searchIds(owner, 'RIVER.STONE'), [client.id]);
    });

    it('treats % and _ in a search as plain characters', async () => {
      const { owner } = await createPractice(server);
      await createClient(owner, { legalFirstName: 'Percy' });
      assert.deepEqual(await searchIds(owner, '%'), []);
      assert.deepEqual(await searchIds(owner, '_'), []);
    });

    it('does not find archived clients unless asked for them', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner, { legalFirstName: 'Rosalind' });
      await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, { ifMatch: etag });
      assert.deepEqual(await searchIds(owner, 'rosalind'), []);
      const archived = await owner.get('/api/v1/clients?q=rosalind&status=archived');
      assert.deepEqual(
        archived.body.clients.map((found: { id: string }) => found.id),
        [client.id],
      );
    });
  });

  describe(`client list pagination on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('pages with limit and offset and reports the total', async () => {
      const { owner } = await createPractice(server);
      for (const lastName of ['Evans', 'Baker', 'Dupont', 'Adams', 'Chen'])
        await createClient(owner, { legalLastName: lastName });
      const pages = [];
      for (const offset of [0, 2, 4]) {
        const page = await owner.get(`/api/v1/clients?limit=2&offset=${offset}`);
        assertStatus(page, 200);
        assert.equal(page.body.total, 5);
        assert.equal(page.body.limit, 2);
        assert.equal(page.body.offset, offset);
        pages.push(
          ...page.body.clients.map((client: { legalLastName: string }) => client.legalLastName),
        );
      }
      assert.deepEqual(pages, ['Adams', 'Baker', 'Chen', 'Dupont', 'Evans']);
    });

    it('keeps a stable order across pages for clients with the same name', async () => {
      const { owner } = await createPractice(server);
      const created = [];
      for (let index = 0; index < 5; index += 1) {
        created.push(
          (await createClient(owner, { legalFirstName: 'Sam', legalLastName: 'Lee' })).client.id,
        );
      }
      const seen: string[] = [];
      for (const offset of [0, 2, 4]) {
        const page = await owner.get(`/api/v1/clients?limit=2&offset=${offset}`);
        seen.push(...page.body.clients.map((client: { id: string }) => client.id));
      }
      assert.equal(new Set(seen).size, 5);
      assert.deepEqual([...seen].sort(), [...created].sort());
      const again = await owner.get('/api/v1/clients?limit=5');
      assert.deepEqual(
        again.body.clients.map((client: { id: string }) => client.id),
        seen,
      );
    });

    it('answers an offset past the end with an empty page and the total', async () => {
      const { owner } = await createPractice(server);
      await createClient(owner);
      const page = await owner.get('/api/v1/clients?offset=10');
      assert.deepEqual(page.body.clients, []);
      assert.equal(page.body.total, 1);
    });

    it('refuses a limit above 100 with a 400 naming the limit', async () => {
      const { owner } = await createPractice(server);
      const page = await owner.get('/api/v1/clients?limit=101');
      assert.equal(page.status, 400);
      assert.deepEqual(
        page.body.errors.map((issue: { field: string }) => issue.field),
        ['query.limit'],
      );
    });
  });
}
