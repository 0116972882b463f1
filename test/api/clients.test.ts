import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { clientInput, createClient, createPractice, editableFields } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`client profiles on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('creates a client with 201, ETag "1" and its Location', async () => {
      const { owner } = await createPractice(server);
      const input = clientInput({
        legalFirstName: 'Maya',
        preferredName: 'May',
        pronouns: 'she/her',
      });
      const response = await owner.post('/api/v1/clients', input);
      assertStatus(response, 201);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.equal(response.headers.get('location'), `/api/v1/clients/${response.body.id}`);
      assert.equal(response.body.version, 1);
      assert.equal(response.body.status, 'active');
      assert.equal(response.body.legalFirstName, 'Maya');
      assert.equal(response.body.preferredName, 'May');
      assert.equal(response.body.dateOfBirth, input.dateOfBirth);
      assert.deepEqual(response.body.communicationPreferences, {
        email: true,
        sms: false,
        phone: true,
        appointmentReminders: true,
      });
    });

    it('opens a client with its version as ETag', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, { legalFirstName: 'Noor' });
      const response = await owner.get(`/api/v1/clients/${client.id}`);
      assertStatus(response, 200);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.deepEqual(response.body, client);
    });

    it('updates a client with If-Match and bumps the version', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner);
      const response = await owner.put(
        `/api/v1/clients/${client.id}`,
        { ...editableFields(client), preferredName: 'Annie' },
        { ifMatch: etag },
      );
      assertStatus(response, 200);
      assert.equal(response.headers.get('etag'), '"2"');
      assert.equal(response.body.version, 2);
      assert.equal(response.body.preferredName, 'Annie');
      assert.equal((await owner.get(`/api/v1/clients/${client.id}`)).body.preferredName, 'Annie');
    });

    it('refuses an update without If-Match with 428 and changes nothing', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner);
      const response = await owner.put(`/api/v1/clients/${client.id}`, {
        ...editableFields(client),
        preferredName: 'Blind Write',
      });
      assertProblem(response, 428, 'precondition-required');
      assert.deepEqual((await owner.get(`/api/v1/clients/${client.id}`)).body, client);
    });

    it('refuses a stale update with 412, the current client and its version', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner);
      const first = await owner.put(
        `/api/v1/clients/${client.id}`,
        { ...editableFields(client), preferredName: 'First Editor' },
        { ifMatch: etag },
      );
      assertStatus(first, 200);
      const stale = await owner.put(
        `/api/v1/clients/${client.id}`,
        { ...editableFields(client), preferredName: 'Second Editor' },
        { ifMatch: etag },
      );
      assertProblem(stale, 412, 'stale-version');
      assert.equal(stale.headers.get('etag'), '"2"');
      assert.equal(stale.body.currentVersion, 2);
      assert.deepEqual(stale.body.current, first.body);
      assert.equal(
        (await owner.get(`/api/v1/clients/${client.id}`)).body.preferredName,
        'First Editor',
      );
    });

    it('refuses an If-Match that is not an ETag with a 400 naming If-Match', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner);
      const response = await owner.put(`/api/v1/clients/${client.id}`, editableFields(client), {
        ifMatch: 'latest',
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(
        response.body.errors.map((issue: { field: string }) => issue.field),
        ['If-Match'],
      );
    });

    it('archives a client with its archive time, never deleting it', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner);
      const response = await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
        ifMatch: etag,
      });
      assertStatus(response, 200);
      assert.equal(response.body.status, 'archived');
      assert.equal(response.body.archivedAt, server.runtime.now().toISOString());
      assert.equal(response.headers.get('etag'), '"2"');
      assert.equal((await owner.get(`/api/v1/clients/${client.id}`)).body.status, 'archived');
    });

    it('restores an archived client and clears its archive time', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner);
      const archived = await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
        ifMatch: etag,
      });
      const response = await owner.post(`/api/v1/clients/${client.id}/restore`, undefined, {
        ifMatch: archived.headers.get('etag')!,
      });
      assertStatus(response, 200);
      assert.equal(response.body.status, 'active');
      assert.equal(response.body.archivedAt, null);
      assert.equal(response.body.version, 3);
    });

    it('refuses to archive without If-Match with 428', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner);
      assertProblem(
        await owner.post(`/api/v1/clients/${client.id}/archive`),
        428,
        'precondition-required',
      );
      assert.equal((await owner.get(`/api/v1/clients/${client.id}`)).body.status, 'active');
    });

    it('refuses to archive with a stale If-Match with 412', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner);
      await owner.put(
        `/api/v1/clients/${client.id}`,
        { ...editableFields(client), pronouns: 'they/them' },
        { ifMatch: etag },
      );
      const response = await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
        ifMatch: etag,
      });
      assertProblem(response, 412, 'stale-version');
      assert.equal(response.body.current.status, 'active');
    });

    it('hides archived clients from the default list', async () => {
      const { owner } = await createPractice(server);
      const kept = await createClient(owner);
      const gone = await createClient(owner);
      await owner.post(`/api/v1/clients/${gone.client.id}/archive`, undefined, {
        ifMatch: gone.etag,
      });
      const page = await owner.get('/api/v1/clients');
      assert.deepEqual(
        page.body.clients.map((client: { id: string }) => client.id),
        [kept.client.id],
      );
      assert.equal(page.body.total, 1);
    });

    it('lists archived clients with status=archived and everyone with status=all', async () => {
      const { owner } = await createPractice(server);
      const kept = await createClient(owner);
      const gone = await createClient(owner);
      await owner.post(`/api/v1/clients/${gone.client.id}/archive`, undefined, {
        ifMatch: gone.etag,
      });
      const archived = await owner.get('/api/v1/clients?status=archived');
      assert.deepEqual(
        archived.body.clients.map((client: { id: string }) => client.id),
        [gone.client.id],
      );
      assert.equal(archived.body.clients[0].status, 'archived');
      const everyone = await owner.get('/api/v1/clients?status=all');
      assert.deepEqual(
        new Set(everyone.body.clients.map((client: { id: string }) => client.id)),
        new Set([kept.client.id, gone.client.id]),
      );
    });
  });
}
