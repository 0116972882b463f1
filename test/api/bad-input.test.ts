import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import {
  clientInput,
  countClients,
  createClient,
  createOtherPractice,
  createPractice,
  editableFields,
} from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`bad input on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('answers malformed JSON with a 400 malformed-json problem', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.request('POST', '/api/v1/clients', {
        rawBody: '{"legalFirstName": "Ana",',
      });
      assertProblem(response, 400, 'malformed-json');
      assert.equal(await countClients(owner), 0);
    });

    it('names every missing or mistyped field in errors[] and stores nothing', async () => {
      const { owner } = await createPractice(server);
      const before = await countClients(owner);
      const response = await owner.post('/api/v1/clients', {
        legalLastName: 42,
        phone: 'call me',
        communicationPreferences: { email: 'yes' },
      });
      assertProblem(response, 400, 'invalid-request');
      const fields = problemFields(response);
      for (const field of [
        'legalFirstName',
        'legalLastName',
        'phone',
        'communicationPreferences.email',
      ]) {
        assert.ok(fields.includes(field), `expected ${field} in ${fields.join(', ')}`);
      }
      assert.equal(await countClients(owner), before);
    });

    it('refuses a blank required name after trimming', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.post('/api/v1/clients', clientInput({ legalFirstName: '   ' }));
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['legalFirstName']);
    });

    it('refuses a body over 1 MiB with a 413 problem', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.post('/api/v1/clients', {
        ...clientInput(),
        referralSource: 'x'.repeat(1024 * 1024),
      });
      assertProblem(response, 413, 'payload-too-large');
      assert.equal(await countClients(owner), 0);
    });

    it('refuses a body that is not JSON with 415', async () => {
      const { owner } = await createPractice(server);
      for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
        const response = await owner.request('POST', '/api/v1/clients', {
          rawBody: 'legalFirstName=Ana',
          headers: { 'content-type': type },
        });
        assertProblem(response, 415, 'unsupported-media-type');
      }
      assert.equal(await countClients(owner), 0);
    });

    it('answers an unknown client id with a 404 problem', async () => {
      const { owner } = await createPractice(server);
      assertProblem(
        await owner.get('/api/v1/clients/01a21d85-0000-7000-8000-000000000000'),
        404,
        'not-found',
      );
      assertProblem(await owner.get('/api/v1/clients/not-an-id'), 404, 'not-found');
    });

    it('answers 404 for another practice’s client on open, update and archive, changing nothing', async () => {
      const { owner } = await createPractice(server);
      const other = await createOtherPractice(server);
      const { client, etag } = await createClient(other.owner);
      assertProblem(await owner.get(`/api/v1/clients/${client.id}`), 404, 'not-found');
      assertProblem(
        await owner.put(
          `/api/v1/clients/${client.id}`,
          { ...editableFields(client), legalLastName: 'Overwritten' },
          { ifMatch: etag },
        ),
        404,
        'not-found',
      );
      assertProblem(
        await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, { ifMatch: etag }),
        404,
        'not-found',
      );
      assertProblem(await owner.get(`/api/v1/clients/${client.id}/care-team`), 404, 'not-found');
      assert.deepEqual((await other.owner.get(`/api/v1/clients/${client.id}`)).body, client);
    });

    it('refuses a date of birth in the future with a 400 on dateOfBirth', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.post(
        '/api/v1/clients',
        clientInput({ dateOfBirth: '2030-01-01' }),
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['dateOfBirth']);
    });

    it('refuses an impossible calendar date with a 400 on dateOfBirth', async () => {
      const { owner } = await createPractice(server);
      for (const dateOfBirth of ['2023-02-30', '1999-13-01', '12/04/1985']) {
        const response = await owner.post('/api/v1/clients', clientInput({ dateOfBirth }));
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['dateOfBirth'], dateOfBirth);
      }
      assert.equal(await countClients(owner), 0);
    });

    it('stores SQL in text fields verbatim and leaves the table alone', async () => {
      const { owner } = await createPractice(server);
      const injection = "Robert'); DROP TABLE clients;--";
      const { client } = await createClient(owner, {
        legalLastName: injection,
        referralSource: "' OR 1=1 --",
      });
      const read = await owner.get(`/api/v1/clients/${client.id}`);
      assert.equal(read.body.legalLastName, injection);
      assert.equal(read.body.referralSource, "' OR 1=1 --");
      const rows = await sql<{ count: number }>`select count(*) as count from clients`.execute(
        server.store.db,
      );
      assert.ok(Number(rows.rows[0]!.count) >= 1);
      const found = await owner.get(
        `/api/v1/clients?q=${encodeURIComponent("'); DROP TABLE clients;--")}`,
      );
      assert.deepEqual(
        found.body.clients.map((row: { id: string }) => row.id),
        [client.id],
      );
    });

    it('returns HTML in text fields as JSON data, never as markup', async () => {
      const { owner } = await createPractice(server);
      const script = '<script>alert(1)</script>';
      const { client } = await createClient(owner, { preferredName: script });
      const read = await owner.get(`/api/v1/clients/${client.id}`);
      assert.match(read.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(read.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(read.body.preferredName, script);
    });

    it('round-trips emoji and accents in names', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'Zoë 🌿',
        legalLastName: 'Ærøskøbing',
        preferredName: '李小龍',
      });
      const read = await owner.get(`/api/v1/clients/${client.id}`);
      assert.equal(read.body.legalFirstName, 'Zoë 🌿');
      assert.equal(read.body.legalLastName, 'Ærøskøbing');
      assert.equal(read.body.preferredName, '李小龍');
      const found = await owner.get(`/api/v1/clients?q=${encodeURIComponent('zoe 🌿')}`);
      assert.deepEqual(
        found.body.clients.map((row: { id: string }) => row.id),
        [client.id],
      );
    });

    it('refuses text containing a NUL character with a 400 naming the field', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.post(
        '/api/v1/clients',
        clientInput({ legalFirstName: 'Ana\u0000Maria' }),
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['legalFirstName']);
      assert.equal(await countClients(owner), 0);
    });

    it('answers a request with an expired session with 401', async () => {
      const { owner } = await createPractice(server);
      server.runtime.advanceMinutes(16);
      assertProblem(await owner.get('/api/v1/clients'), 401, 'session-expired');
    });

    it('never answers hostile input with a 500 or a stack trace', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner);
      const attempts = [
        () => owner.get('/api/v1/clients/%00'),
        () => owner.get(`/api/v1/clients/${'a'.repeat(300)}`),
        () => owner.get('/api/v1/clients/%E0%A4%A'),
        () => owner.get('/api/v1/clients?q=%00'),
        () => owner.get('/api/v1/clients?q=a&q=b'),
        () => owner.get('/api/v1/clients?limit=-1&offset=abc&status=deleted'),
        () => owner.get('/api/v1/audit?clientId=%00&beforeSeq=99999999999999999999'),
        () => owner.get('/api/v1/audit?from=yesterday'),
        () =>
          owner.put(
            '/api/v1/staff/%00',
            { displayName: 'x', role: 'owner', status: 'active' },
            { ifMatch: '"1"' },
          ),
        () => owner.delete('/api/v1/tokens/%00'),
        () => owner.post(`/api/v1/clients/${client.id}/care-team`, { userId: '\u0000' }),
        () =>
          owner.put(
            `/api/v1/clients/${client.id}`,
            { ...editableFields(client), address: 'nowhere' },
            { ifMatch: etag },
          ),
        () =>
          owner.put(`/api/v1/clients/${client.id}`, editableFields(client), {
            ifMatch: '"99999999999"',
          }),
        () =>
          owner.request('POST', '/api/v1/clients', { rawBody: '{"__proto__": {"admin": true}}' }),
        () =>
          owner.request('POST', '/api/v1/clients', {
            rawBody: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
          }),
        () =>
          owner.request('POST', `/api/v1/clients/${client.id}/archive`, {
            rawBody: '',
            ifMatch: etag,
          }),
        () => owner.post('/api/v1/clients', [clientInput()]),
        () => owner.post('/api/v1/clients', null),
        () => owner.post('/api/v1/auth/login', { email: 'a@b.co', password: 'p'.repeat(100_000) }),
      ];
      for (const attempt of attempts) {
        const response = await attempt();
        assert.ok(
          response.status >= 400 && response.status < 500,
          `${attempt.toString()}: ${response.status} ${response.text.slice(0, 200)}`,
        );
        assert.match(
          response.headers.get('content-type') ?? '',
          /^application\/problem\+json/,
          attempt.toString(),
        );
        assert.doesNotMatch(
          response.text,
          /\bat .+:\d+:\d+|node_modules|\.ts\b|Error:/,
          attempt.toString(),
        );
      }
      assertStatus(await owner.get(`/api/v1/clients/${client.id}`), 200);
    });
  });
}
