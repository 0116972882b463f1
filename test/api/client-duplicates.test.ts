import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import {
  clientInput,
  countClients,
  createClient,
  createOtherPractice,
  createPractice,
  createStaff,
  editableFields,
} from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`possible duplicate clients on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('warns with 409 and the candidate when the folded name and birth date match', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'José',
        legalLastName: 'Núñez',
        dateOfBirth: '1980-01-31',
      });
      const response = await owner.post(
        '/api/v1/clients',
        clientInput({ legalFirstName: 'JOSE', legalLastName: 'nunez', dateOfBirth: '1980-01-31' }),
      );
      assertProblem(response, 409, 'duplicate-client');
      assert.equal(response.body.duplicates.length, 1);
      assert.equal(response.body.duplicates[0].client.id, client.id);
      assert.deepEqual(response.body.duplicates[0].reasons, ['name_and_birth_date']);
    });

    it('warns with 409 when the phone matches, written in another format', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, { phone: '(604) 555-0123' });
      const response = await owner.post(
        '/api/v1/clients',
        clientInput({ legalFirstName: 'Other', phone: '604.555.0123' }),
      );
      assertProblem(response, 409, 'duplicate-client');
      assert.equal(response.body.duplicates[0].client.id, client.id);
      assert.deepEqual(response.body.duplicates[0].reasons, ['phone']);
    });

    it('warns when the same phone is written with a country code', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, { phone: '250-555-0100' });
      const response = await owner.post(
        '/api/v1/clients',
        clientInput({ legalFirstName: 'Other', phone: '+1 250 555 0100' }),
      );
      assertProblem(response, 409, 'duplicate-client');
      assert.equal(response.body.duplicates[0].client.id, client.id);
    });

    it('gives both reasons when name, birth date and phone all match', async () => {
      const { owner } = await createPractice(server);
      await createClient(owner, {
        legalFirstName: 'Iris',
        legalLastName: 'Vale',
        dateOfBirth: '1990-06-15',
        phone: '(250) 555-0100',
      });
      const response = await owner.post(
        '/api/v1/clients',
        clientInput({
          legalFirstName: 'Iris',
          legalLastName: 'Vale',
          dateOfBirth: '1990-06-15',
          phone: '250-555-0100',
        }),
      );
      assertProblem(response, 409, 'duplicate-client');
      assert.deepEqual(response.body.duplicates[0].reasons, ['name_and_birth_date', 'phone']);
    });

    it('creates nothing when it warns about a duplicate', async () => {
      const { owner } = await createPractice(server);
      await createClient(owner, { phone: '(604) 555-0177' });
      await owner.post('/api/v1/clients', clientInput({ phone: '6045550177' }));
      assert.equal(await countClients(owner), 1);
    });

    it('creates the client anyway when acknowledgeDuplicates is true', async () => {
      const { owner } = await createPractice(server);
      await createClient(owner, { phone: '(604) 555-0144' });
      const response = await owner.post('/api/v1/clients', {
        ...clientInput({ phone: '604 555 0144' }),
        acknowledgeDuplicates: true,
      });
      assertStatus(response, 201);
      assert.equal(await countClients(owner), 2);
    });

    it('does not warn for the same name with a different birth date', async () => {
      const { owner } = await createPractice(server);
      await createClient(owner, {
        legalFirstName: 'Lena',
        legalLastName: 'Park',
        dateOfBirth: '1970-03-03',
      });
      assertStatus(
        await owner.post(
          '/api/v1/clients',
          clientInput({ legalFirstName: 'Lena', legalLastName: 'Park', dateOfBirth: '1971-03-03' }),
        ),
        201,
      );
    });

    it('does not warn about a client of another practice', async () => {
      const { owner } = await createPractice(server);
      const other = await createOtherPractice(server);
      await createClient(other.owner, { phone: '(604) 555-0166' });
      assertStatus(
        await owner.post('/api/v1/clients', clientInput({ phone: '(604) 555-0166' })),
        201,
      );
    });

    it('lists candidates from the duplicate check endpoint without creating anything', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'Renée',
        legalLastName: 'Holm',
        dateOfBirth: '1999-09-09',
      });
      const response = await owner.post('/api/v1/clients/duplicates', {
        legalFirstName: 'renee',
        legalLastName: 'HOLM',
        dateOfBirth: '1999-09-09',
      });
      assertStatus(response, 200);
      assert.deepEqual(
        response.body.candidates.map(
          (candidate: { client: { id: string } }) => candidate.client.id,
        ),
        [client.id],
      );
      assert.deepEqual(response.body.candidates[0].reasons, ['name_and_birth_date']);
      assert.equal(await countClients(owner), 1);
    });

    it('lists no candidates when nothing matches', async () => {
      const { owner } = await createPractice(server);
      await createClient(owner);
      const response = await owner.post('/api/v1/clients/duplicates', {
        legalFirstName: 'Unique',
        legalLastName: 'Person',
        dateOfBirth: '2001-01-01',
        phone: '(709) 555-0000',
      });
      assert.deepEqual(response.body.candidates, []);
    });
  });

  describe(`a client’s primary therapist on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('accepts an active therapist of the practice', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const response = await practice.owner.post(
        '/api/v1/clients',
        clientInput({ primaryTherapistId: therapist.id }),
      );
      assertStatus(response, 201);
      assert.equal(response.body.primaryTherapistId, therapist.id);
    });

    it('accepts the owner as primary therapist', async () => {
      const practice = await createPractice(server);
      assertStatus(
        await practice.owner.post(
          '/api/v1/clients',
          clientInput({ primaryTherapistId: practice.ownerId }),
        ),
        201,
      );
    });

    it('refuses a front desk account with a 400 on primaryTherapistId', async () => {
      const practice = await createPractice(server);
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const response = await practice.owner.post(
        '/api/v1/clients',
        clientInput({ primaryTherapistId: frontDesk.id }),
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['primaryTherapistId']);
      assert.equal(await countClients(practice.owner), 0);
    });

    it('refuses a therapist of another practice with a 400 on primaryTherapistId', async () => {
      const practice = await createPractice(server);
      const other = await createOtherPractice(server);
      const response = await practice.owner.post(
        '/api/v1/clients',
        clientInput({ primaryTherapistId: other.ownerId }),
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['primaryTherapistId']);
    });

    it('refuses a deactivated therapist with a 400 on primaryTherapistId', async () => {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      await practice.owner.put(
        `/api/v1/staff/${therapist.id}`,
        { displayName: 'Gone', role: 'therapist', status: 'deactivated' },
        { ifMatch: '"1"' },
      );
      const response = await practice.owner.post(
        '/api/v1/clients',
        clientInput({ primaryTherapistId: therapist.id }),
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['primaryTherapistId']);
    });

    it('refuses an invalid primary therapist on update too, keeping the old one', async () => {
      const practice = await createPractice(server);
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const { client, etag } = await createClient(practice.owner, {
        primaryTherapistId: practice.ownerId,
      });
      const response = await practice.owner.put(
        `/api/v1/clients/${client.id}`,
        { ...editableFields(client), primaryTherapistId: frontDesk.id },
        { ifMatch: etag },
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['primaryTherapistId']);
      assert.equal(
        (await practice.owner.get(`/api/v1/clients/${client.id}`)).body.primaryTherapistId,
        practice.ownerId,
      );
    });
  });
}
