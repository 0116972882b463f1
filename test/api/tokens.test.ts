import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import {
  clientInput,
  countClients,
  createPractice,
  createStaff,
  createToken,
} from '../support/factories.js';
import { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`personal API tokens on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    const bearer = (secret: string) => {
      const client = new ApiClient(server.url);
      client.bearer = secret;
      return client;
    };

    it('shows a new token’s secret once, starting with plp_', async () => {
      const { owner } = await createPractice(server);
      const created = await owner.post('/api/v1/tokens', { name: 'Bookkeeping export' });
      assertStatus(created, 201);
      assert.match(created.body.secret, /^plp_[0-9a-f-]{36}_[A-Za-z0-9_-]{20,}$/);
      assert.equal(created.body.token.name, 'Bookkeeping export');
      const listed = await owner.get('/api/v1/tokens');
      assert.equal(listed.body.tokens.length, 1);
      const secretPart = created.body.secret.slice('plp_'.length + 36 + 1);
      assert.ok(!listed.text.includes(secretPart), 'the secret must not be listed again');
      assert.equal(listed.body.tokens[0].secret, undefined);
    });

    it('accepts a Bearer token for writes without any CSRF header', async () => {
      const { owner } = await createPractice(server);
      const token = await createToken(server, owner);
      const created = await token.client.post('/api/v1/clients', {
        ...clientInput(),
        acknowledgeDuplicates: true,
      });
      assertStatus(created, 201);
      assert.equal(await countClients(owner), 1);
    });

    it('gives a token its user’s role: a front desk token cannot list staff', async () => {
      const practice = await createPractice(server);
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const token = await createToken(server, frontDesk.client);
      assertProblem(await token.client.get('/api/v1/staff'), 403, 'forbidden');
      assertStatus(await token.client.get('/api/v1/clients'), 200);
    });

    it('acts for the user who created it', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const token = await createToken(server, therapist.client);
      const session = await token.client.get('/api/v1/auth/session');
      assert.equal(session.body.user.id, therapist.id);
      assert.equal(session.body.user.role, 'therapist');
    });

    it('refuses a revoked token with 401', async () => {
      const { owner } = await createPractice(server);
      const token = await createToken(server, owner);
      assertStatus(await owner.delete(`/api/v1/tokens/${token.id}`), 204);
      assertProblem(await token.client.get('/api/v1/clients'), 401, 'unauthenticated');
      const listed = await owner.get('/api/v1/tokens');
      assert.ok(listed.body.tokens[0].revokedAt);
    });

    it('refuses a malformed token with 401', async () => {
      for (const secret of ['not-a-token', 'plp_', 'plp_123_abc', 'Basic b3duZXI6cGFzcw==']) {
        assertProblem(await bearer(secret).get('/api/v1/clients'), 401, 'unauthenticated');
      }
    });

    it('refuses a well-formed token whose secret is wrong', async () => {
      const { owner } = await createPractice(server);
      const token = await createToken(server, owner);
      const forged = token.secret.replace(/_[^_]+$/, `_${'A'.repeat(43)}`);
      assertProblem(await bearer(forged).get('/api/v1/clients'), 401, 'unauthenticated');
    });

    it('does not let one user revoke another user’s token', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const token = await createToken(server, therapist.client);
      assertProblem(await practice.owner.delete(`/api/v1/tokens/${token.id}`), 404, 'not-found');
      assertStatus(await token.client.get('/api/v1/clients'), 200);
    });

    it('lists only the signed-in user’s own tokens', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      await createToken(server, therapist.client, 'Therapist token');
      await createToken(server, practice.owner, 'Owner token');
      const listed = await therapist.client.get('/api/v1/tokens');
      assert.deepEqual(
        listed.body.tokens.map((token: { name: string }) => token.name),
        ['Therapist token'],
      );
    });
  });
}
