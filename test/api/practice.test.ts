import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createPractice, createStaff } from '../support/factories.js';
import type { ApiClient, ApiResponse } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** The practice as an editable profile, plus the ETag to send back. */
async function editablePractice(owner: ApiClient) {
  const response = await owner.get('/api/v1/practice');
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...profile } = response.body;
  return { profile, etag: response.headers.get('etag')! };
}

async function savePractice(
  owner: ApiClient,
  changes: Record<string, unknown>,
): Promise<ApiResponse> {
  const { profile, etag } = await editablePractice(owner);
  return owner.put('/api/v1/practice', { ...profile, ...changes }, { ifMatch: etag });
}

async function saveSettings(
  owner: ApiClient,
  settings: Record<string, unknown>,
): Promise<ApiResponse> {
  const { profile, etag } = await editablePractice(owner);
  return owner.put(
    '/api/v1/practice',
    { ...profile, settings: { ...profile.settings, ...settings } },
    { ifMatch: etag },
  );
}

for (const { dialect, skip } of dialects) {
  describe(`the practice profile and settings on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('returns the practice with its version as ETag and default settings', async () => {
      const { owner, practiceId } = await createPractice(server);
      const response = await owner.get('/api/v1/practice');
      assertStatus(response, 200);
      assert.equal(response.body.id, practiceId);
      assert.equal(response.headers.get('etag'), `"${response.body.version}"`);
      assert.deepEqual(response.body.settings, {
        idleMinutes: 15,
        careModel: 'shared',
        retentionYears: 10,
        minorRetentionYears: 10,
        ageOfMajority: 18,
        effectivenessMinimumSessions: 3,
      });
    });

    it('saves a change with If-Match and bumps the version', async () => {
      const { owner } = await createPractice(server);
      const response = await savePractice(owner, {
        name: 'Harbour Massage & Wellness',
        phone: '(902) 555-0110',
        licenceNumber: 'MT-1234',
      });
      assertStatus(response, 200);
      assert.equal(response.body.version, 2);
      assert.equal(response.headers.get('etag'), '"2"');
      assert.equal((await owner.get('/api/v1/practice')).body.name, 'Harbour Massage & Wellness');
    });

    it('refuses a change without If-Match with 428', async () => {
      const { owner } = await createPractice(server);
      const { profile } = await editablePractice(owner);
      assertProblem(
        await owner.put('/api/v1/practice', { ...profile, name: 'Blind Write' }),
        428,
        'precondition-required',
      );
    });

    it('refuses a stale change with 412 and the current practice', async () => {
      const { owner } = await createPractice(server);
      const { profile, etag } = await editablePractice(owner);
      assertStatus(
        await owner.put('/api/v1/practice', { ...profile, name: 'First Name' }, { ifMatch: etag }),
        200,
      );
      const stale = await owner.put(
        '/api/v1/practice',
        { ...profile, name: 'Second Name' },
        { ifMatch: etag },
      );
      assertProblem(stale, 412, 'stale-version');
      assert.equal(stale.body.current.name, 'First Name');
      assert.equal(stale.headers.get('etag'), '"2"');
    });

    for (const timeZone of ['Mars/Olympus_Mons', 'EST', 'GMT+5', '']) {
      it(`refuses the time zone "${timeZone}" with a 400 on timeZone`, async () => {
        const { owner } = await createPractice(server);
        const response = await savePractice(owner, { timeZone });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['timeZone']);
      });
    }

    it('accepts an IANA time zone', async () => {
      const { owner } = await createPractice(server);
      const response = await savePractice(owner, { timeZone: 'Pacific/Auckland' });
      assertStatus(response, 200);
      assert.equal(response.body.timeZone, 'Pacific/Auckland');
    });

    it('accepts an NPI with a valid check digit', async () => {
      const { owner } = await createPractice(server);
      const response = await savePractice(owner, { npi: '1234567893' });
      assertStatus(response, 200);
      assert.equal(response.body.npi, '1234567893');
    });

    for (const npi of ['1234567890', '123456789', '12345678930', 'ABCDEFGHIJ']) {
      it(`refuses the NPI "${npi}" with a 400 on npi`, async () => {
        const { owner } = await createPractice(server);
        const response = await savePractice(owner, { npi });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['npi']);
      });
    }

    for (const idleMinutes of [1, 240]) {
      it(`accepts ${idleMinutes} idle minutes`, async () => {
        const { owner } = await createPractice(server);
        const response = await saveSettings(owner, { idleMinutes });
        assertStatus(response, 200);
        assert.equal(response.body.settings.idleMinutes, idleMinutes);
      });
    }

    for (const idleMinutes of [0, 241, 7.5, '15']) {
      it(`refuses ${JSON.stringify(idleMinutes)} idle minutes with a 400 on settings.idleMinutes`, async () => {
        const { owner } = await createPractice(server);
        const response = await saveSettings(owner, { idleMinutes });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['settings.idleMinutes']);
        assert.equal((await owner.get('/api/v1/practice')).body.settings.idleMinutes, 15);
      });
    }

    it('refuses an unknown care model with a 400 on settings.careModel', async () => {
      const { owner } = await createPractice(server);
      const response = await saveSettings(owner, { careModel: 'everyone' });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['settings.careModel']);
    });

    it('lets every role read the practice', async () => {
      const practice = await createPractice(server);
      for (const role of ['therapist', 'front_desk'] as const) {
        const staff = await createStaff(server, practice, role);
        assertStatus(await staff.client.get('/api/v1/practice'), 200);
      }
    });

    it('refuses practice changes by a therapist or the front desk with 403 and keeps the practice', async () => {
      const practice = await createPractice(server);
      for (const role of ['therapist', 'front_desk'] as const) {
        const staff = await createStaff(server, practice, role);
        const { profile, etag } = await editablePractice(practice.owner);
        const response = await staff.client.put(
          '/api/v1/practice',
          { ...profile, settings: { ...profile.settings, idleMinutes: 240 } },
          { ifMatch: etag },
        );
        assertProblem(response, 403, 'forbidden');
      }
      assert.equal((await practice.owner.get('/api/v1/practice')).body.version, 1);
    });
  });
}
