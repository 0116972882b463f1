import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import {
  changePracticeSettings,
  clientInput,
  createClient,
  createPractice,
  createStaff,
  createToken,
  editableFields,
} from '../support/factories.js';
import type { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

async function listedIds(session: ApiClient, query = ''): Promise<string[]> {
  const response = await session.get(`/api/v1/clients?status=all${query}`);
  assertStatus(response, 200);
  return response.body.clients.map((client: { id: string }) => client.id).sort();
}

for (const { dialect, skip } of dialects) {
  describe(`care models on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A practice with two therapists, each primary for one client, and one unassigned client. */
    async function caseload(careModel: 'shared' | 'assigned') {
      const practice = await createPractice(server, { careModel });
      const mine = await createStaff(server, practice, 'therapist');
      const theirs = await createStaff(server, practice, 'therapist');
      const own = (
        await createClient(practice.owner, { legalFirstName: 'Own', primaryTherapistId: mine.id })
      ).client;
      const other = await createClient(practice.owner, {
        legalFirstName: 'Other',
        legalLastName: 'Hidden',
        phone: '(867) 555-0190',
        primaryTherapistId: theirs.id,
      });
      const unassigned = (await createClient(practice.owner, { legalFirstName: 'Unassigned' }))
        .client;
      return {
        practice,
        mine,
        theirs,
        own,
        other: other.client,
        otherEtag: other.etag,
        unassigned,
      };
    }

    it('makes a therapist the primary therapist of a client they create without naming one', async () => {
      const practice = await createPractice(server, { careModel: 'assigned' });
      const therapist = await createStaff(server, practice, 'therapist');
      const { client } = await createClient(therapist.client, { primaryTherapistId: null });
      assert.equal(client.primaryTherapistId, therapist.id);
      assertStatus(await therapist.client.get(`/api/v1/clients/${client.id}`), 200);
    });

    it('leaves the primary therapist empty when front desk creates a client without one', async () => {
      const practice = await createPractice(server, { careModel: 'assigned' });
      const desk = await createStaff(server, practice, 'front_desk');
      const { client } = await createClient(desk.client, { primaryTherapistId: null });
      assert.equal(client.primaryTherapistId, null);
    });

    it('lists only a therapist’s own clients under assigned care', async () => {
      const { mine, own } = await caseload('assigned');
      assert.deepEqual(await listedIds(mine.client), [own.id]);
    });

    it('answers 404 when a therapist opens another therapist’s client under assigned care', async () => {
      const { mine, other } = await caseload('assigned');
      assertProblem(await mine.client.get(`/api/v1/clients/${other.id}`), 404, 'not-found');
    });

    it('answers 404, and changes nothing, when a therapist edits another therapist’s client under assigned care', async () => {
      const { practice, mine, other, otherEtag } = await caseload('assigned');
      const response = await mine.client.put(
        `/api/v1/clients/${other.id}`,
        { ...editableFields(other), preferredName: 'Snooped' },
        { ifMatch: otherEtag },
      );
      assertProblem(response, 404, 'not-found');
      assert.equal(
        (await practice.owner.get(`/api/v1/clients/${other.id}`)).body.preferredName,
        null,
      );
    });

    it('answers 404 when a therapist archives another therapist’s client under assigned care', async () => {
      const { practice, mine, other, otherEtag } = await caseload('assigned');
      assertProblem(
        await mine.client.post(`/api/v1/clients/${other.id}/archive`, undefined, {
          ifMatch: otherEtag,
        }),
        404,
        'not-found',
      );
      assert.equal((await practice.owner.get(`/api/v1/clients/${other.id}`)).body.status, 'active');
    });

    it('answers 404 for another therapist’s client’s care team under assigned care', async () => {
      const { mine, other } = await caseload('assigned');
      assertProblem(
        await mine.client.get(`/api/v1/clients/${other.id}/care-team`),
        404,
        'not-found',
      );
    });

    it('finds no other therapist’s client by searching under assigned care', async () => {
      const { mine } = await caseload('assigned');
      assert.deepEqual(await listedIds(mine.client, '&q=hidden'), []);
    });

    it('reveals no other therapist’s client through the duplicate check under assigned care', async () => {
      const { mine, other } = await caseload('assigned');
      const response = await mine.client.post('/api/v1/clients/duplicates', {
        legalFirstName: 'Other',
        legalLastName: 'Hidden',
        dateOfBirth: other.dateOfBirth,
        phone: other.phone,
      });
      assertStatus(response, 200);
      assert.deepEqual(response.body.candidates, []);
    });

    it('reveals no other therapist’s client in a duplicate warning when creating under assigned care', async () => {
      const { mine, other } = await caseload('assigned');
      const response = await mine.client.post(
        '/api/v1/clients',
        clientInput({
          legalFirstName: 'Other',
          legalLastName: 'Hidden',
          dateOfBirth: other.dateOfBirth,
          primaryTherapistId: mine.id,
        }),
      );
      assertStatus(response, 201);
      assert.ok(!response.text.includes(other.id));
    });

    it('still warns a therapist about a duplicate of their own client under assigned care', async () => {
      const { mine, own } = await caseload('assigned');
      const response = await mine.client.post('/api/v1/clients/duplicates', {
        legalFirstName: own.legalFirstName,
        legalLastName: own.legalLastName,
        dateOfBirth: own.dateOfBirth,
      });
      assert.deepEqual(
        response.body.candidates.map(
          (candidate: { client: { id: string } }) => candidate.client.id,
        ),
        [own.id],
      );
    });

    it('still warns the front desk about a duplicate of any client under assigned care', async () => {
      const { practice, other } = await caseload('assigned');
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const response = await frontDesk.client.post('/api/v1/clients/duplicates', {
        legalFirstName: 'Other',
        legalLastName: 'Hidden',
        dateOfBirth: other.dateOfBirth,
        phone: other.phone,
      });
      assert.deepEqual(
        response.body.candidates.map(
          (candidate: { client: { id: string } }) => candidate.client.id,
        ),
        [other.id],
      );
    });

    it('shows a client to a therapist once the owner adds them to its care team', async () => {
      const { practice, mine, own, unassigned } = await caseload('assigned');
      const added = await practice.owner.post(`/api/v1/clients/${unassigned.id}/care-team`, {
        userId: mine.id,
      });
      assertStatus(added, 200);
      assert.deepEqual(
        added.body.members.map((member: { userId: string }) => member.userId),
        [mine.id],
      );
      assertStatus(await mine.client.get(`/api/v1/clients/${unassigned.id}`), 200);
      assert.deepEqual(await listedIds(mine.client), [own.id, unassigned.id].sort());
    });

    it('hides the client again when the therapist leaves its care team', async () => {
      const { practice, mine, unassigned } = await caseload('assigned');
      await practice.owner.post(`/api/v1/clients/${unassigned.id}/care-team`, { userId: mine.id });
      assertStatus(
        await practice.owner.delete(`/api/v1/clients/${unassigned.id}/care-team/${mine.id}`),
        200,
      );
      assertProblem(await mine.client.get(`/api/v1/clients/${unassigned.id}`), 404, 'not-found');
    });

    it('lets the primary therapist share a client with a colleague', async () => {
      const { mine, theirs, own } = await caseload('assigned');
      assertStatus(
        await mine.client.post(`/api/v1/clients/${own.id}/care-team`, { userId: theirs.id }),
        200,
      );
      assertStatus(await theirs.client.get(`/api/v1/clients/${own.id}`), 200);
    });

    it('refuses care team changes by a care team member who is not the primary therapist (403)', async () => {
      const { practice, mine, theirs, unassigned } = await caseload('assigned');
      await practice.owner.post(`/api/v1/clients/${unassigned.id}/care-team`, { userId: mine.id });
      assertProblem(
        await mine.client.post(`/api/v1/clients/${unassigned.id}/care-team`, { userId: theirs.id }),
        403,
        'forbidden',
      );
    });

    it('refuses a front desk account as a care team member with a 400 on userId', async () => {
      const { practice, own } = await caseload('assigned');
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const response = await practice.owner.post(`/api/v1/clients/${own.id}/care-team`, {
        userId: frontDesk.id,
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(
        response.body.errors.map((issue: { field: string }) => issue.field),
        ['userId'],
      );
    });

    it('still shows every client to the owner and the front desk under assigned care', async () => {
      const { practice, own, other, unassigned } = await caseload('assigned');
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const everyone = [own.id, other.id, unassigned.id].sort();
      assert.deepEqual(await listedIds(practice.owner), everyone);
      assert.deepEqual(await listedIds(frontDesk.client), everyone);
      assertStatus(await frontDesk.client.get(`/api/v1/clients/${other.id}`), 200);
    });

    it('applies assigned care to a therapist’s API token too', async () => {
      const { mine, own, other } = await caseload('assigned');
      const token = await createToken(server, mine.client);
      assertProblem(await token.client.get(`/api/v1/clients/${other.id}`), 404, 'not-found');
      assert.deepEqual(await listedIds(token.client), [own.id]);
    });

    it('shows a therapist every client of the practice under shared care', async () => {
      const { mine, own, other, unassigned } = await caseload('shared');
      assert.deepEqual(await listedIds(mine.client), [own.id, other.id, unassigned.id].sort());
      assertStatus(await mine.client.get(`/api/v1/clients/${other.id}`), 200);
    });

    it('applies a switch from shared to assigned care at once', async () => {
      const { practice, mine, other } = await caseload('shared');
      assertStatus(await mine.client.get(`/api/v1/clients/${other.id}`), 200);
      await changePracticeSettings(practice.owner, { careModel: 'assigned' });
      assertProblem(await mine.client.get(`/api/v1/clients/${other.id}`), 404, 'not-found');
    });
  });
}
