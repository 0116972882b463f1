import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.js';
import {
  createPractice,
  createStaff,
  testPassword,
  type PracticeFixture,
} from '../support/factories.js';
import { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

function tokenOf(url: string): string {
  return url.split('/invite/')[1]!;
}

for (const { dialect, skip } of dialects) {
  describe(`staff invitations on ${dialect}`, { skip }, () => {
    let server: TestServer;
    let practice: PracticeFixture;
    let counter = 0;
    const invite = (role = 'therapist') =>
      practice.owner.post('/api/v1/staff/invitations', {
        email: `invitee-${(counter += 1)}@example.com`,
        displayName: 'New Person',
        role,
      });

    before(async () => {
      server = await startTestServer(dialect);
      practice = await createPractice(server);
    });
    after(async () => {
      await server?.close();
    });

    it('gives the owner a one-time link that previews the practice and role', async () => {
      const created = await invite();
      assert.equal(created.status, 201);
      assert.match(created.body.url, /\/invite\/[A-Za-z0-9_-]{40,}$/);
      assert.equal(created.body.invitation.status, 'pending');
      const preview = await new ApiClient(server.url).get(
        `/api/v1/invitations/${tokenOf(created.body.url)}`,
      );
      assert.equal(preview.status, 200);
      assert.equal(preview.body.practiceName, 'Harbour Massage Therapy');
      assert.equal(preview.body.role, 'therapist');
    });

    it('signs the invitee in with the password they chose, and the link then dies', async () => {
      const created = await invite('front_desk');
      const invitee = new ApiClient(server.url);
      const accepted = await invitee.post(
        `/api/v1/invitations/${tokenOf(created.body.url)}/accept`,
        { password: testPassword },
      );
      assert.equal(accepted.status, 201);
      assert.equal(accepted.body.user.role, 'front_desk');
      invitee.csrfToken = accepted.body.csrfToken;
      assert.equal((await invitee.get('/api/v1/auth/session')).status, 200);
      const again = await new ApiClient(server.url).post(
        `/api/v1/invitations/${tokenOf(created.body.url)}/accept`,
        { password: testPassword },
      );
      assert.equal(again.status, 404);
      const list = await practice.owner.get('/api/v1/staff/invitations');
      assert.equal(
        list.body.invitations.find((item: { id: string }) => item.id === created.body.invitation.id)
          .status,
        'accepted',
      );
    });

    it('refuses an expired link with the same message as an unknown one', async () => {
      const created = await invite();
      server.runtime.advanceMinutes(8 * 24 * 60);
      const expired = await new ApiClient(server.url).get(
        `/api/v1/invitations/${tokenOf(created.body.url)}`,
      );
      const unknown = await new ApiClient(server.url).get(`/api/v1/invitations/${'x'.repeat(43)}`);
      assert.equal(expired.status, 404);
      assert.equal(unknown.status, 404);
      assert.equal(expired.body.detail, unknown.body.detail);
      // Eight days idle ended the owner's session too; sign in again for the tests after this one.
      await practice.owner.login(practice.ownerEmail, testPassword);
    });

    it('refuses a revoked link', async () => {
      const created = await invite();
      assert.equal(
        (await practice.owner.delete(`/api/v1/staff/invitations/${created.body.invitation.id}`))
          .status,
        204,
      );
      const accepted = await new ApiClient(server.url).post(
        `/api/v1/invitations/${tokenOf(created.body.url)}/accept`,
        { password: testPassword },
      );
      assert.equal(accepted.status, 404);
    });

    it('refuses a weak password with a field message and creates no account', async () => {
      const created = await invite();
      const accepted = await new ApiClient(server.url).post(
        `/api/v1/invitations/${tokenOf(created.body.url)}/accept`,
        { password: 'short' },
      );
      assert.equal(accepted.status, 400);
      assert.equal(accepted.body.errors[0].field, 'password');
      const staff = await practice.owner.get('/api/v1/staff');
      assert.ok(
        !staff.body.staff.some(
          (member: { email: string }) => member.email === created.body.invitation.email,
        ),
      );
    });

    it('lets only the owner invite', async () => {
      const therapist = await createStaff(server, practice, 'therapist');
      const refused = await therapist.client.post('/api/v1/staff/invitations', {
        email: 'x@example.com',
        displayName: 'X',
        role: 'owner',
      });
      assert.equal(refused.status, 403);
    });

    it('refuses to invite an email that already has an account', async () => {
      const refused = await practice.owner.post('/api/v1/staff/invitations', {
        email: practice.ownerEmail,
        displayName: 'Dup',
        role: 'therapist',
      });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.errors[0].field, 'email');
    });
  });
}
