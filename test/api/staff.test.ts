import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import {
  createOtherPractice,
  createPractice,
  createStaff,
  testPassword,
  uniqueEmail,
} from '../support/factories.js';
import { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`staff accounts on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** The owner's own account as an update body, with its ETag. */
    async function ownerAccount(owner: ApiClient, ownerId: string) {
      const staff = await owner.get('/api/v1/staff');
      const me = staff.body.staff.find((member: { id: string }) => member.id === ownerId);
      return {
        body: { displayName: me.displayName, role: me.role, status: me.status },
        etag: `"${me.version}"`,
      };
    }

    it('creates a staff member with 201 and an ETag, who can then sign in', async () => {
      const { owner } = await createPractice(server);
      const email = uniqueEmail('new-therapist');
      const response = await owner.post('/api/v1/staff', {
        email: email.toUpperCase(),
        displayName: 'Nia Therapist',
        role: 'therapist',
        password: testPassword,
      });
      assertStatus(response, 201);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.equal(response.body.email, email);
      assert.equal(response.body.status, 'active');
      assert.equal(response.body.passwordHash, undefined);
      assertStatus(await new ApiClient(server.url).login(email, testPassword), 200);
    });

    it('lists the practice’s staff for the owner, without password hashes', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const response = await practice.owner.get('/api/v1/staff');
      assert.deepEqual(
        response.body.staff.map((member: { id: string }) => member.id).sort(),
        [practice.ownerId, therapist.id].sort(),
      );
      assert.ok(!response.text.includes('scrypt'));
    });

    it('renames a staff member and changes their role with If-Match', async () => {
      const practice = await createPractice(server);
      const staff = await createStaff(server, practice, 'front_desk');
      const response = await practice.owner.put(
        `/api/v1/staff/${staff.id}`,
        { displayName: 'Promoted Person', role: 'therapist', status: 'active' },
        { ifMatch: '"1"' },
      );
      assertStatus(response, 200);
      assert.equal(response.body.role, 'therapist');
      assert.equal(response.body.displayName, 'Promoted Person');
      assert.equal(response.headers.get('etag'), '"2"');
      assertStatus(await staff.client.get('/api/v1/clients'), 200);
    });

    it('applies a role change to the staff member’s open session at once', async () => {
      const practice = await createPractice(server);
      const staff = await createStaff(server, practice, 'therapist');
      await practice.owner.put(
        `/api/v1/staff/${staff.id}`,
        { displayName: 'Now Front Desk', role: 'front_desk', status: 'active' },
        { ifMatch: '"1"' },
      );
      assert.equal((await staff.client.get('/api/v1/auth/session')).body.user.role, 'front_desk');
    });

    it('refuses a staff update without If-Match with 428', async () => {
      const practice = await createPractice(server);
      const staff = await createStaff(server, practice, 'therapist');
      assertProblem(
        await practice.owner.put(`/api/v1/staff/${staff.id}`, {
          displayName: 'X',
          role: 'therapist',
          status: 'active',
        }),
        428,
        'precondition-required',
      );
    });

    it('refuses an email already used in the practice with 409 on email, whatever its case', async () => {
      const practice = await createPractice(server);
      const existing = await createStaff(server, practice, 'therapist');
      const response = await practice.owner.post('/api/v1/staff', {
        email: existing.email.toUpperCase(),
        displayName: 'Twin',
        role: 'therapist',
        password: testPassword,
      });
      assertProblem(response, 409, 'conflict');
      assert.deepEqual(problemFields(response), ['email']);
    });

    it('refuses an email already used by another practice with 409', async () => {
      const practice = await createPractice(server);
      const other = await createOtherPractice(server);
      const response = await practice.owner.post('/api/v1/staff', {
        email: other.ownerEmail,
        displayName: 'Moonlighter',
        role: 'therapist',
        password: testPassword,
      });
      assertProblem(response, 409, 'conflict');
    });

    it('refuses a password shorter than 10 characters with a 400 on password', async () => {
      const { owner } = await createPractice(server);
      const response = await owner.post('/api/v1/staff', {
        email: uniqueEmail('short'),
        displayName: 'Short Password',
        role: 'therapist',
        password: 'too-short',
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['password']);
    });

    it('refuses to demote the last active owner with 409', async () => {
      const { owner, ownerId } = await createPractice(server);
      const { body, etag } = await ownerAccount(owner, ownerId);
      const response = await owner.put(
        `/api/v1/staff/${ownerId}`,
        { ...body, role: 'therapist' },
        { ifMatch: etag },
      );
      assertProblem(response, 409, 'conflict');
      assert.deepEqual(problemFields(response), ['role']);
      assert.equal((await ownerAccount(owner, ownerId)).body.role, 'owner');
    });

    it('refuses to deactivate the last active owner with 409', async () => {
      const { owner, ownerId } = await createPractice(server);
      const { body, etag } = await ownerAccount(owner, ownerId);
      const response = await owner.put(
        `/api/v1/staff/${ownerId}`,
        { ...body, status: 'deactivated' },
        { ifMatch: etag },
      );
      assertProblem(response, 409, 'conflict');
      assert.deepEqual(problemFields(response), ['status']);
      assertStatus(await owner.get('/api/v1/staff'), 200);
    });

    it('lets an owner step down while another active owner remains', async () => {
      const practice = await createPractice(server);
      await createStaff(server, practice, 'owner');
      const { body, etag } = await ownerAccount(practice.owner, practice.ownerId);
      const response = await practice.owner.put(
        `/api/v1/staff/${practice.ownerId}`,
        { ...body, role: 'therapist' },
        { ifMatch: etag },
      );
      assertStatus(response, 200);
      assertProblem(await practice.owner.get('/api/v1/staff'), 403, 'forbidden');
    });

    it('does not count a deactivated owner as the remaining owner', async () => {
      const practice = await createPractice(server);
      const second = await createStaff(server, practice, 'owner');
      assertStatus(
        await practice.owner.put(
          `/api/v1/staff/${second.id}`,
          { displayName: 'Retired Owner', role: 'owner', status: 'deactivated' },
          { ifMatch: '"1"' },
        ),
        200,
      );
      const { body, etag } = await ownerAccount(practice.owner, practice.ownerId);
      assertProblem(
        await practice.owner.put(
          `/api/v1/staff/${practice.ownerId}`,
          { ...body, role: 'front_desk' },
          { ifMatch: etag },
        ),
        409,
        'conflict',
      );
    });

    it('answers 404 for a staff member of another practice and changes nothing', async () => {
      const practice = await createPractice(server);
      const other = await createOtherPractice(server);
      const response = await practice.owner.put(
        `/api/v1/staff/${other.ownerId}`,
        { displayName: 'Hijacked', role: 'therapist', status: 'deactivated' },
        { ifMatch: '"1"' },
      );
      assertProblem(response, 404, 'not-found');
      assertStatus(await other.owner.get('/api/v1/staff'), 200);
    });

    it('refuses staff management to a therapist with 403', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const response = await therapist.client.post('/api/v1/staff', {
        email: uniqueEmail('sneaky'),
        displayName: 'Sneaky',
        role: 'owner',
        password: testPassword,
      });
      assertProblem(response, 403, 'forbidden');
      assertProblem(
        await therapist.client.put(
          `/api/v1/staff/${therapist.id}`,
          { displayName: 'Self Promoted', role: 'owner', status: 'active' },
          { ifMatch: '"1"' },
        ),
        403,
        'forbidden',
      );
    });

    it('lists therapists and owners, without front desk or deactivated staff, for any role', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const leaver = await createStaff(server, practice, 'therapist');
      await practice.owner.put(
        `/api/v1/staff/${leaver.id}`,
        { displayName: 'Leaver', role: 'therapist', status: 'deactivated' },
        { ifMatch: '"1"' },
      );
      const response = await frontDesk.client.get('/api/v1/staff/therapists');
      assert.deepEqual(
        response.body.therapists.map((member: { id: string }) => member.id).sort(),
        [practice.ownerId, therapist.id].sort(),
      );
      assert.ok(!response.text.includes('@'), 'therapist list must not carry email addresses');
    });
  });
}
