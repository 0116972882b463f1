import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import {
  createClient,
  createPractice,
  createStaff,
  editableFields,
  testPassword,
} from '../support/factories.js';
import { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const userAgent = 'PalpateAuditTest/1.0 (front room tablet)';

for (const { dialect, skip } of dialects) {
  describe(`what the audit trail records on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A practice whose therapist works from a recognisable device. */
    async function practiceWithTherapist(careModel: 'shared' | 'assigned' = 'shared') {
      const practice = await createPractice(server, { careModel });
      const therapist = await createStaff(server, practice, 'therapist');
      therapist.client.headers = { 'user-agent': userAgent };
      return { practice, therapist };
    }

    it('records opening a client with the user, role, record, client, address, device and outcome', async () => {
      const { practice, therapist } = await practiceWithTherapist();
      const { client } = await createClient(practice.owner);
      await therapist.client.get(`/api/v1/clients/${client.id}`);
      const event = await onlyAuditEvent(practice.owner, {
        clientId: client.id,
        action: 'client.read',
      });
      assert.equal(event.userId, therapist.id);
      assert.equal(event.userName, 'Test therapist');
      assert.equal(event.role, 'therapist');
      assert.equal(event.recordType, 'client');
      assert.equal(event.recordId, client.id);
      assert.equal(event.clientId, client.id);
      assert.equal(event.ip, '127.0.0.1');
      assert.equal(event.userAgent, userAgent);
      assert.equal(event.outcome, 'success');
      assert.equal(event.at, server.runtime.now().toISOString());
    });

    const writes = {
      create: async (session: ApiClient) => (await createClient(session)).client.id as string,
      update: async (session: ApiClient, owner: ApiClient) => {
        const { client, etag } = await createClient(owner);
        await session.put(
          `/api/v1/clients/${client.id}`,
          { ...editableFields(client), pronouns: 'he/him' },
          { ifMatch: etag },
        );
        return client.id as string;
      },
      archive: async (session: ApiClient, owner: ApiClient) => {
        const { client, etag } = await createClient(owner);
        await session.post(`/api/v1/clients/${client.id}/archive`, undefined, { ifMatch: etag });
        return client.id as string;
      },
      restore: async (session: ApiClient, owner: ApiClient) => {
        const { client, etag } = await createClient(owner);
        const archived = await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
          ifMatch: etag,
        });
        await session.post(`/api/v1/clients/${client.id}/restore`, undefined, {
          ifMatch: archived.headers.get('etag')!,
        });
        return client.id as string;
      },
    };
    for (const [verb, write] of Object.entries(writes)) {
      it(`records client.${verb} with the user, role, client, address, device and outcome`, async () => {
        const { practice, therapist } = await practiceWithTherapist();
        const clientId = await write(therapist.client, practice.owner);
        const event = await onlyAuditEvent(practice.owner, { clientId, action: `client.${verb}` });
        assert.equal(event.userId, therapist.id);
        assert.equal(event.role, 'therapist');
        assert.equal(event.recordType, 'client');
        assert.equal(event.recordId, clientId);
        assert.equal(event.ip, '127.0.0.1');
        assert.equal(event.userAgent, userAgent);
        assert.equal(event.outcome, 'success');
      });
    }

    it('records a client search as a read, with the number shown and without the search words', async () => {
      const { practice, therapist } = await practiceWithTherapist();
      await createClient(practice.owner, { legalFirstName: 'Searchable', legalLastName: 'Person' });
      await therapist.client.get('/api/v1/clients?q=searchable');
      const events = await auditEvents(practice.owner, {
        action: 'client.list',
        userId: therapist.id,
      });
      assert.equal(events.length, 1);
      assert.deepEqual(events[0]?.detail, { shown: 1, total: 1, searched: true });
      assert.doesNotMatch(JSON.stringify(events[0]), /searchable/i);
    });

    it('records a therapist’s refused look at another therapist’s client as denied', async () => {
      const { practice, therapist } = await practiceWithTherapist('assigned');
      const colleague = await createStaff(server, practice, 'therapist');
      const { client } = await createClient(practice.owner, { primaryTherapistId: colleague.id });
      assert.equal((await therapist.client.get(`/api/v1/clients/${client.id}`)).status, 404);
      const event = await onlyAuditEvent(practice.owner, {
        clientId: client.id,
        action: 'client.read',
      });
      assert.equal(event.userId, therapist.id);
      assert.equal(event.outcome, 'denied');
      assert.equal(event.userAgent, userAgent);
    });

    it('records a front desk attempt to archive a client (403) as denied', async () => {
      const practice = await createPractice(server);
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const { client, etag } = await createClient(practice.owner);
      assert.equal(
        (
          await frontDesk.client.post(`/api/v1/clients/${client.id}/archive`, undefined, {
            ifMatch: etag,
          })
        ).status,
        403,
      );
      const event = await onlyAuditEvent(practice.owner, {
        clientId: client.id,
        action: 'client.archive',
      });
      assert.equal(event.userId, frontDesk.id);
      assert.equal(event.role, 'front_desk');
      assert.equal(event.outcome, 'denied');
    });

    it('records a request for an unknown client as failed', async () => {
      const { practice, therapist } = await practiceWithTherapist();
      const unknownId = '01a21d85-0000-7000-8000-00000000beef';
      assert.equal((await therapist.client.get(`/api/v1/clients/${unknownId}`)).status, 404);
      const event = await onlyAuditEvent(practice.owner, {
        userId: therapist.id,
        action: 'client.read',
      });
      assert.equal(event.recordId, unknownId);
      assert.equal(event.outcome, 'failed');
      assert.deepEqual(event.detail, { reason: 'not_found' });
    });

    it('records a failed sign-in with the account it tried', async () => {
      const { practice, therapist } = await practiceWithTherapist();
      const attempt = new ApiClient(server.url);
      attempt.headers = { 'user-agent': userAgent };
      assert.equal((await attempt.login(therapist.email, 'wrong password here')).status, 401);
      const events = await auditEvents(practice.owner, {
        userId: therapist.id,
        action: 'auth.login',
      });
      const failed = events.filter((event) => event.outcome === 'failed');
      assert.equal(failed.length, 1);
      assert.deepEqual(failed[0]!.detail, { reason: 'wrong_password' });
      assert.equal(failed[0]!.userAgent, userAgent);
    });

    it('records a sign-in refused by the lockout as denied', async () => {
      const practice = await createPractice(server);
      for (let attempt = 0; attempt < 5; attempt += 1)
        await new ApiClient(server.url).login(practice.ownerEmail, 'wrong password here');
      assert.equal(
        (await new ApiClient(server.url).login(practice.ownerEmail, testPassword)).status,
        429,
      );
      server.runtime.advanceMinutes(16);
      const owner = new ApiClient(server.url);
      await owner.login(practice.ownerEmail, testPassword);
      const beforeUnlock = new Date(server.runtime.now().getTime() - 60_000).toISOString();
      const [newest] = await auditEvents(owner, {
        action: 'auth.login',
        userId: practice.ownerId,
        to: beforeUnlock,
      });
      assert.equal(newest!.outcome, 'denied');
      assert.deepEqual(newest!.detail, { reason: 'locked' });
    });
  });
}
