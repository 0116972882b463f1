import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { parseCsv } from '../support/csv.js';
import { dialects } from '../support/dialects.js';
import { createClient, createPractice, createStaff, editableFields } from '../support/factories.js';
import type { ApiResponse } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const csvHeader = [
  'seq',
  'at',
  'userId',
  'userName',
  'role',
  'action',
  'recordType',
  'recordId',
  'clientId',
  'outcome',
  'ip',
  'userAgent',
  'detail',
];

for (const { dialect, skip } of dialects) {
  describe(`reading the audit trail on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('filters by client', async () => {
      const { owner } = await createPractice(server);
      const first = (await createClient(owner)).client;
      const second = (await createClient(owner)).client;
      await owner.get(`/api/v1/clients/${first.id}`);
      await owner.get(`/api/v1/clients/${second.id}`);
      const events = await auditEvents(owner, { clientId: first.id });
      assert.deepEqual(
        events.map((event) => event.action),
        ['client.read', 'client.create'],
      );
      assert.ok(events.every((event) => event.clientId === first.id));
    });

    it('filters by user', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const { client } = await createClient(practice.owner);
      await therapist.client.get(`/api/v1/clients/${client.id}`);
      const events = await auditEvents(practice.owner, { userId: therapist.id });
      assert.deepEqual(
        events.map((event) => event.action),
        ['client.read', 'auth.login'],
      );
      assert.ok(events.every((event) => event.userId === therapist.id));
    });

    it('filters by action', async () => {
      const { owner } = await createPractice(server);
      const created = [
        (await createClient(owner)).client.id,
        (await createClient(owner)).client.id,
      ];
      await owner.get(`/api/v1/clients/${created[0]}`);
      const events = await auditEvents(owner, { action: 'client.create' });
      assert.deepEqual(
        events.map((event) => event.clientId),
        [...created].reverse(),
      );
    });

    it('filters by time with from and to', async () => {
      const { owner } = await createPractice(server);
      const early = (await createClient(owner)).client;
      server.runtime.advanceMinutes(10);
      const late = (await createClient(owner)).client;
      const middle = new Date(server.runtime.now().getTime() - 5 * 60_000).toISOString();
      assert.deepEqual(
        (await auditEvents(owner, { action: 'client.create', from: middle })).map(
          (event) => event.clientId,
        ),
        [late.id],
      );
      assert.deepEqual(
        (await auditEvents(owner, { action: 'client.create', to: middle })).map(
          (event) => event.clientId,
        ),
        [early.id],
      );
    });

    it('shows an owner only their own practice’s events', async () => {
      const mine = await createPractice(server);
      const theirs = await createPractice(server);
      const { client } = await createClient(theirs.owner);
      assert.deepEqual(await auditEvents(mine.owner, { clientId: client.id }), []);
      assert.ok(
        (await auditEvents(mine.owner)).every(
          (event) => event.userId === mine.ownerId || event.userId === null,
        ),
      );
    });

    it('pages newest first with beforeSeq and nextBeforeSeq, without gaps or repeats', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner);
      for (let read = 0; read < 4; read += 1) await owner.get(`/api/v1/clients/${client.id}`);
      const seen: number[] = [];
      let beforeSeq: number | null = null;
      for (let page = 0; page < 5; page += 1) {
        const response: ApiResponse = await owner.get(
          `/api/v1/audit?clientId=${client.id}&limit=2${beforeSeq ? `&beforeSeq=${beforeSeq}` : ''}`,
        );
        assertStatus(response, 200);
        seen.push(...response.body.events.map((event: { seq: number }) => event.seq));
        beforeSeq = response.body.nextBeforeSeq;
        if (beforeSeq === null) break;
        assert.equal(beforeSeq, seen[seen.length - 1]);
      }
      assert.equal(beforeSeq, null);
      assert.equal(seen.length, 5);
      assert.deepEqual(
        seen,
        [...seen].sort((a, b) => b - a),
      );
      assert.equal(new Set(seen).size, seen.length);
    });

    it('refuses the audit trail to a therapist and to the front desk with 403', async () => {
      const practice = await createPractice(server);
      for (const role of ['therapist', 'front_desk'] as const) {
        const staff = await createStaff(server, practice, role);
        assertProblem(await staff.client.get('/api/v1/audit'), 403, 'forbidden');
        assertProblem(await staff.client.get('/api/v1/audit.csv'), 403, 'forbidden');
      }
    });

    it('records that the owner read a client’s trail', async () => {
      const { owner, ownerId } = await createPractice(server);
      const { client } = await createClient(owner);
      await auditEvents(owner, { clientId: client.id });
      const [newest] = await auditEvents(owner, { clientId: client.id });
      assert.equal(newest!.action, 'audit.read');
      assert.equal(newest!.userId, ownerId);
    });

    it('exports CSV with a header row and one row per event', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner);
      await owner.get(`/api/v1/clients/${client.id}`);
      const response = await owner.get(`/api/v1/audit.csv?clientId=${client.id}`);
      assertStatus(response, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /attachment; filename="palpate-audit\.csv"/,
      );
      const [header, ...rows] = parseCsv(response.text);
      assert.deepEqual(header, csvHeader);
      const events = await auditEvents(owner, {
        clientId: client.id,
        to: server.runtime.now().toISOString(),
      });
      const exported = events.filter((event) => event.action !== 'audit.read');
      assert.deepEqual(
        rows.map((row) => row[5]),
        ['audit.export', 'client.read', 'client.create'],
      );
      assert.deepEqual(
        rows.map((row) => Number(row[0])),
        exported.map((event) => event.seq),
      );
    });

    it('quotes commas, quotes and JSON details in the CSV so each field survives intact', async () => {
      const { owner } = await createPractice(server);
      const { client, etag } = await createClient(owner);
      const awkwardAgent = 'Clinic PC, "front desk" build';
      owner.headers = { 'user-agent': awkwardAgent };
      await owner.put(
        `/api/v1/clients/${client.id}`,
        { ...editableFields(client), pronouns: 'she/they' },
        { ifMatch: etag },
      );
      const response = await owner.get(
        `/api/v1/audit.csv?clientId=${client.id}&action=client.update`,
      );
      assert.ok(response.text.includes('"Clinic PC, ""front desk"" build"'), response.text);
      const [header, row] = parseCsv(response.text);
      assert.equal(row!.length, header!.length);
      assert.equal(row![csvHeader.indexOf('userAgent')], awkwardAgent);
      assert.deepEqual(JSON.parse(row![csvHeader.indexOf('detail')]!), { version: 2 });
    });

    it('keeps client names, contact details and notes out of every event', async () => {
      const { owner } = await createPractice(server);
      const secrets = {
        legalFirstName: 'Zenobia',
        legalLastName: 'Quillfeather',
        preferredName: 'Zee',
        email: 'zenobia.q@example.net',
        phone: '(902) 555-0142',
      };
      const { client, etag } = await createClient(owner, {
        ...secrets,
        referralSource: 'Dr. Marchetti',
      });
      await owner.get(`/api/v1/clients/${client.id}`);
      const renamed = await owner.put(
        `/api/v1/clients/${client.id}`,
        { ...editableFields(client), legalLastName: 'Quillfeather-Ng' },
        { ifMatch: etag },
      );
      await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
        ifMatch: renamed.headers.get('etag')!,
      });
      await owner.get(`/api/v1/clients?q=Zenobia&status=all`);
      await owner.post('/api/v1/clients/duplicates', {
        legalFirstName: 'Zenobia',
        legalLastName: 'Quillfeather',
        dateOfBirth: '1985-04-12',
      });
      const json = JSON.stringify(await auditEvents(owner));
      const csv = (await owner.get('/api/v1/audit.csv')).text;
      for (const secret of [...Object.values(secrets), '9025550142', 'Marchetti']) {
        assert.ok(
          !json.toLowerCase().includes(secret.toLowerCase()),
          `audit JSON contains ${secret}`,
        );
        assert.ok(
          !csv.toLowerCase().includes(secret.toLowerCase()),
          `audit CSV contains ${secret}`,
        );
      }
    });
  });
}
