import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, underCi } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`health and API basics on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('reports ok with the database engine and version', async () => {
      const response = await fetch(`${server.url}/api/health`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body['status'], 'ok');
      assert.equal(body['database'], dialect);
      assert.match(String(body['version']), /^\d+\.\d+\.\d+/);
    });

    it('sends the security headers on every answer: API, problem, refusal and web app', async () => {
      for (const path of ['/api/health', '/api/v1/no-such-thing', '/api/v1/clients', '/']) {
        const response = await fetch(`${server.url}${path}`);
        await response.arrayBuffer();
        const policy = response.headers.get('content-security-policy') ?? '';
        assert.match(policy, /default-src 'self'/, path);
        assert.match(policy, /script-src 'self';/, `${path}: scripts from this origin only`);
        assert.match(policy, /frame-ancestors 'none'/, path);
        assert.match(policy, /object-src 'none'/, path);
        assert.doesNotMatch(policy, /upgrade-insecure-requests/, path);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', path);
        assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
        assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin', path);
        assert.equal(response.headers.get('strict-transport-security'), null, path);
      }
    });

    it('answers an unknown API route with a 404 problem, not the web app', async () => {
      const response = await fetch(`${server.url}/api/v1/no-such-thing`);
      assert.equal(response.status, 404);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body['status'], 404);
    });

    it('publishes an OpenAPI 3.1 document with a unique operationId on every operation', async () => {
      const response = await fetch(`${server.url}/api/v1/openapi.json`);
      const document = (await response.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      assert.equal(document.openapi, '3.1.0');
      const ids = Object.values(document.paths).flatMap((operations) =>
        Object.values(operations).map((operation) => operation.operationId),
      );
      assert.ok(ids.length >= 20, `expected at least 20 operations, got ${ids.length}`);
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(ids.includes('getClient'));
    });
  });
}

describe('serving the web app', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite');
  });
  after(async () => {
    await server?.close();
  });

  it('answers a page path with the app, caches hashed assets for good and a missing asset is 404', async (t) => {
    const page = await fetch(`${server.url}/clients/some-id`);
    if (page.status === 404 && !underCi)
      return t.skip('the web app is not built (npm run build:web)');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const missing = await fetch(`${server.url}/assets/no-such-file.js`);
    assert.equal(missing.status, 404);
    // Every body is read: an unread response holds its connection open and the server's
    // close would wait for it to time out.
    await missing.arrayBuffer();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    assert.ok(script, 'index.html names its script');
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    await asset.arrayBuffer();
  });
});
