import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createPractice, testPassword } from '../support/factories.js';
import { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const wrongPassword = 'not the password at all';

for (const { dialect, skip } of dialects) {
  describe(`setup, sign-in and sign-out on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('creates the practice and its owner on first start and signs the owner in', async () => {
      const fresh = await startTestServer(dialect);
      try {
        const owner = new ApiClient(fresh.url);
        assert.deepEqual((await owner.get('/api/v1/setup')).body, { needed: true });
        const setup = await owner.post('/api/v1/setup', {
          practice: { name: 'Cedar Massage', timeZone: 'America/Vancouver' },
          owner: {
            email: 'Cedar.Owner@Example.com',
            displayName: 'Cedar Owner',
            password: testPassword,
          },
        });
        assertStatus(setup, 201);
        assert.equal(setup.body.user.role, 'owner');
        assert.equal(setup.body.user.email, 'cedar.owner@example.com');
        assert.equal(setup.body.practice.name, 'Cedar Massage');
        assert.equal(setup.body.idleMinutes, 15);
        const session = await owner.get('/api/v1/auth/session');
        assertStatus(session, 200);
        assert.equal(session.body.user.id, setup.body.user.id);
        assert.deepEqual((await owner.get('/api/v1/setup')).body, { needed: false });
      } finally {
        await fresh.close();
      }
    });

    it('refuses a second setup with 409 and creates nothing', async () => {
      await createPractice(server);
      const stranger = new ApiClient(server.url);
      const second = await stranger.post('/api/v1/setup', {
        practice: { name: 'Takeover Spa', timeZone: 'America/Toronto' },
        owner: { email: 'takeover@example.com', displayName: 'Takeover', password: testPassword },
      });
      assertProblem(second, 409, 'conflict');
      assert.equal(stranger.cookie, null);
      assert.equal((await stranger.login('takeover@example.com', testPassword)).status, 401);
    });

    it('refuses a wrong password with a 401 problem', async () => {
      const { ownerEmail } = await createPractice(server);
      const response = await new ApiClient(server.url).login(ownerEmail, wrongPassword);
      assertProblem(response, 401, 'unauthenticated');
      assert.equal(response.body.detail, 'The email or password is wrong.');
    });

    it('answers an unknown email exactly as it answers a wrong password', async () => {
      const { ownerEmail } = await createPractice(server);
      const wrong = await new ApiClient(server.url).login(ownerEmail, wrongPassword);
      const unknown = await new ApiClient(server.url).login(
        'nobody-here@example.com',
        wrongPassword,
      );
      assertProblem(unknown, 401, 'unauthenticated');
      assert.deepEqual(unknown.body, wrong.body);
    });

    it('locks the account on the fifth wrong password with 429 and Retry-After', async () => {
      const { ownerEmail } = await createPractice(server);
      const statuses: number[] = [];
      let last;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        last = await new ApiClient(server.url).login(ownerEmail, wrongPassword);
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
      assertProblem(last!, 429, 'too-many-attempts');
      assert.equal(last!.headers.get('retry-after'), '900');
    });

    it('refuses even the right password while the account is locked', async () => {
      const { ownerEmail } = await createPractice(server);
      for (let attempt = 0; attempt < 5; attempt += 1)
        await new ApiClient(server.url).login(ownerEmail, wrongPassword);
      server.runtime.advanceMinutes(10);
      const response = await new ApiClient(server.url).login(ownerEmail, testPassword);
      assertProblem(response, 429, 'too-many-attempts');
      assert.equal(response.headers.get('retry-after'), '300');
    });

    it('lets a locked account sign in again once the lockout has passed', async () => {
      const { ownerEmail } = await createPractice(server);
      for (let attempt = 0; attempt < 5; attempt += 1)
        await new ApiClient(server.url).login(ownerEmail, wrongPassword);
      server.runtime.advanceMinutes(16);
      assertStatus(await new ApiClient(server.url).login(ownerEmail, testPassword), 200);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      const { ownerEmail } = await createPractice(server);
      for (let attempt = 0; attempt < 4; attempt += 1)
        await new ApiClient(server.url).login(ownerEmail, wrongPassword);
      assertStatus(await new ApiClient(server.url).login(ownerEmail, testPassword), 200);
      const next = await new ApiClient(server.url).login(ownerEmail, wrongPassword);
      assertProblem(next, 401, 'unauthenticated');
    });

    it('ends the session on the server at logout, so the old cookie is refused', async () => {
      const { owner } = await createPractice(server);
      const cookie = owner.cookie!;
      assertStatus(await owner.post('/api/v1/auth/logout'), 204);
      assert.equal(owner.cookie, null);
      const replay = new ApiClient(server.url);
      replay.cookie = cookie;
      // Signed out on purpose, not for inactivity: the login page must not blame idleness.
      assertProblem(await replay.get('/api/v1/clients'), 401, 'unauthenticated');
    });

    it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
      const { ownerEmail } = await createPractice(server);
      const login = await new ApiClient(server.url).login(ownerEmail, testPassword);
      const setCookie = login.headers.get('set-cookie') ?? '';
      assert.match(setCookie, /^palpate_session=[^;]+;/);
      assert.match(setCookie, /;\s*HttpOnly/i);
      assert.match(setCookie, /;\s*SameSite=Strict/i);
      assert.match(setCookie, /;\s*Path=\//i);
    });

    it('answers an API request without any credentials with a 401 problem', async () => {
      assertProblem(await new ApiClient(server.url).get('/api/v1/clients'), 401, 'unauthenticated');
    });
  });

  describe(`the per-address sign-in rate limit on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect, { loginRateLimitPerMinute: 3 });
    });
    after(async () => {
      await server?.close();
    });

    it('refuses the fourth sign-in attempt within a minute with 429, even with the right password', async () => {
      const { ownerEmail } = await createPractice(server);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        statuses.push((await new ApiClient(server.url).login(ownerEmail, wrongPassword)).status);
      }
      const fourth = await new ApiClient(server.url).login(ownerEmail, testPassword);
      assert.deepEqual(statuses, [401, 401, 401]);
      assertProblem(fourth, 429, 'too-many-attempts');
      assert.ok(Number(fourth.headers.get('retry-after')) > 0);
    });
  });
}
