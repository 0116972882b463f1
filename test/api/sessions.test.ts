import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import {
  changePracticeSettings,
  clientInput,
  countClients,
  createPractice,
  createStaff,
  createToken,
  testPassword,
} from '../support/factories.js';
import { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`idle logoff on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('signs a session out after 15 idle minutes with a session-expired problem', async () => {
      const { owner } = await createPractice(server);
      server.runtime.advanceMinutes(16);
      assertProblem(await owner.get('/api/v1/clients'), 401, 'session-expired');
    });

    it('keeps a session that is idle for exactly the allowed 15 minutes', async () => {
      const { owner } = await createPractice(server);
      server.runtime.advanceMinutes(15);
      assertStatus(await owner.get('/api/v1/clients'), 200);
    });

    it('keeps a session alive while it is used within the idle window', async () => {
      const { owner } = await createPractice(server);
      for (let step = 0; step < 4; step += 1) {
        server.runtime.advanceMinutes(14);
        assertStatus(await owner.get('/api/v1/clients'), 200);
      }
    });

    it('stays signed out after expiring, even if used again at once', async () => {
      const { owner } = await createPractice(server);
      server.runtime.advanceMinutes(16);
      assertProblem(await owner.get('/api/v1/clients'), 401, 'session-expired');
      // Once ended, the login is simply signed out: the inactivity message is said once.
      assertProblem(await owner.get('/api/v1/clients'), 401, 'unauthenticated');
    });

    it('applies a shorter idle timeout as soon as the owner saves it', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      await changePracticeSettings(practice.owner, { idleMinutes: 5 });
      server.runtime.advanceMinutes(6);
      assertProblem(await therapist.client.get('/api/v1/clients'), 401, 'session-expired');
    });

    it('applies a longer idle timeout as soon as the owner saves it', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      await changePracticeSettings(practice.owner, { idleMinutes: 60 });
      server.runtime.advanceMinutes(45);
      assertStatus(await therapist.client.get('/api/v1/clients'), 200);
    });

    it('tells the web app the idle timeout at sign-in', async () => {
      const practice = await createPractice(server);
      await changePracticeSettings(practice.owner, { idleMinutes: 42 });
      const login = await new ApiClient(server.url).login(practice.ownerEmail, testPassword);
      assert.equal(login.body.idleMinutes, 42);
    });
  });

  describe(`CSRF protection on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('refuses a cookie-authenticated write without the CSRF header with 403 and writes nothing', async () => {
      const { owner } = await createPractice(server);
      const csrfToken = owner.csrfToken;
      owner.csrfToken = null;
      const response = await owner.post('/api/v1/clients', {
        ...clientInput(),
        acknowledgeDuplicates: true,
      });
      assertProblem(response, 403, 'forbidden');
      owner.csrfToken = csrfToken;
      assert.equal(await countClients(owner), 0);
    });

    it('refuses a cookie-authenticated write with a wrong CSRF token with 403 and writes nothing', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.post(
        '/api/v1/clients',
        { ...clientInput(), acknowledgeDuplicates: true },
        { headers: { 'x-csrf-token': 'forged-token-forged-token-forged' } },
      );
      assertProblem(response, 403, 'forbidden');
      assert.equal(await countClients(owner), 0);
    });

    it('refuses the CSRF token of another session', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const response = await practice.owner.post(
        '/api/v1/clients',
        { ...clientInput(), acknowledgeDuplicates: true },
        { headers: { 'x-csrf-token': therapist.client.csrfToken! } },
      );
      assertProblem(response, 403, 'forbidden');
      assert.equal(await countClients(practice.owner), 0);
    });

    it('lets a cookie-authenticated read through without the CSRF header', async () => {
      const { owner } = await createPractice(server);
      owner.csrfToken = null;
      assertStatus(await owner.get('/api/v1/clients'), 200);
    });
  });

  describe(`deactivated staff on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function deactivate(owner: ApiClient, staffId: string, role: string) {
      const response = await owner.put(
        `/api/v1/staff/${staffId}`,
        { displayName: 'Leaving Therapist', role, status: 'deactivated' },
        { ifMatch: '"1"' },
      );
      assertStatus(response, 200);
    }

    it('ends every session of a staff member when they are deactivated', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const secondDevice = new ApiClient(server.url);
      await secondDevice.login(therapist.email, testPassword);
      await deactivate(practice.owner, therapist.id, 'therapist');
      assertProblem(await therapist.client.get('/api/v1/clients'), 401);
      assertProblem(await secondDevice.get('/api/v1/clients'), 401);
    });

    it('refuses sign-in to a deactivated staff member, even with the right password', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      await deactivate(practice.owner, therapist.id, 'therapist');
      assertProblem(
        await new ApiClient(server.url).login(therapist.email, testPassword),
        401,
        'unauthenticated',
      );
    });

    it('refuses the API tokens of a deactivated staff member', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const token = await createToken(server, therapist.client);
      await deactivate(practice.owner, therapist.id, 'therapist');
      assertProblem(await token.client.get('/api/v1/clients'), 401, 'unauthenticated');
    });

    it('lets a reactivated staff member sign in again', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      await deactivate(practice.owner, therapist.id, 'therapist');
      const reactivated = await practice.owner.put(
        `/api/v1/staff/${therapist.id}`,
        { displayName: 'Returning Therapist', role: 'therapist', status: 'active' },
        { ifMatch: '"2"' },
      );
      assertStatus(reactivated, 200);
      assertStatus(await new ApiClient(server.url).login(therapist.email, testPassword), 200);
    });
  });
}
