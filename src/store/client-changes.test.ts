import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClientInput } from '../domain/clients.js';
import { NotFound, StaleVersion } from '../domain/errors.js';
import { dialects } from '../../test/support/dialects.js';
import { storeForSuite } from '../../test/support/database.js';
import { testRuntime } from '../../test/support/clock.js';
import { storedClient, storedPractice } from '../../test/support/records.js';
import { findClient, findPossibleDuplicates, updateClient } from './clients.js';

const edited = (changes: Partial<ClientInput> = {}) =>
  ClientInput.parse({ legalFirstName: 'Ana', legalLastName: 'Lima-Souza', ...changes });

for (const { dialect, skip } of dialects) {
  describe(`clients repository: duplicates and updates on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    const suite = storeForSuite(dialect);

    it('finds a possible duplicate by folded legal name and birth date', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const existing = await storedClient(suite.store.db, runtime, practice.id, {
        legalFirstName: 'José',
        legalLastName: 'Núñez',
        dateOfBirth: '1980-05-17',
      });
      const found = await findPossibleDuplicates(suite.store.db, practice.id, {
        legalFirstName: 'jose',
        legalLastName: 'NUNEZ',
        dateOfBirth: '1980-05-17',
        phone: null,
      });
      assert.deepEqual(
        found.map((client) => client.id),
        [existing.id],
      );
    });

    it('finds a possible duplicate by phone digits', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const existing = await storedClient(suite.store.db, runtime, practice.id, {
        phone: '(555) 010-2233',
      });
      const found = await findPossibleDuplicates(suite.store.db, practice.id, {
        legalFirstName: 'Someone',
        legalLastName: 'Else',
        dateOfBirth: null,
        phone: '555.010.2233',
      });
      assert.deepEqual(
        found.map((client) => [client.id, client.phoneDigits]),
        [[existing.id, '5550102233']],
      );
    });

    it('finds no duplicates from a short phone and no birth date', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      await storedClient(suite.store.db, runtime, practice.id, {
        legalFirstName: 'Ana',
        legalLastName: 'Lima',
      });
      const found = await findPossibleDuplicates(suite.store.db, practice.id, {
        legalFirstName: 'Ana',
        legalLastName: 'Lima',
        dateOfBirth: null,
        phone: '010-22',
      });
      assert.deepEqual(found, []);
    });

    it('does not offer the client being edited as its own duplicate', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const client = await storedClient(suite.store.db, runtime, practice.id, {
        phone: '555 010 7777',
      });
      const found = await findPossibleDuplicates(
        suite.store.db,
        practice.id,
        { legalFirstName: 'Ana', legalLastName: 'Lima', dateOfBirth: null, phone: '555 010 7777' },
        client.id,
      );
      assert.deepEqual(found, []);
    });

    it('does not offer another practice’s client as a duplicate', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const other = await storedPractice(suite.store.db, runtime, 'Other Practice');
      await storedClient(suite.store.db, runtime, other.id, { phone: '555 010 8888' });
      const found = await findPossibleDuplicates(suite.store.db, practice.id, {
        legalFirstName: 'Ana',
        legalLastName: 'Lima',
        dateOfBirth: null,
        phone: '555 010 8888',
      });
      assert.deepEqual(found, []);
    });

    it('saves an update made to the current version and bumps the version', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const client = await storedClient(suite.store.db, runtime, practice.id);
      runtime.advanceMinutes(1);
      const updated = await updateClient(
        suite.store.db,
        practice.id,
        client.id,
        1,
        edited(),
        'user-1',
        runtime.now().toISOString(),
      );
      assert.equal(updated.version, 2);
      assert.equal(updated.legalLastName, 'Lima-Souza');
      assert.equal(updated.updatedAt, runtime.now().toISOString());
      assert.deepEqual(await findClient(suite.store.db, practice.id, client.id), updated);
    });

    it('keeps the phone digits used to find duplicates in step with an update', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const client = await storedClient(suite.store.db, runtime, practice.id);
      await updateClient(
        suite.store.db,
        practice.id,
        client.id,
        1,
        edited({ phone: '555 010 4444' }),
        null,
        runtime.now().toISOString(),
      );
      const found = await findPossibleDuplicates(suite.store.db, practice.id, {
        legalFirstName: 'X',
        legalLastName: 'Y',
        dateOfBirth: null,
        phone: '5550104444',
      });
      assert.deepEqual(
        found.map((candidate) => candidate.id),
        [client.id],
      );
    });

    it('refuses a stale update with StaleVersion carrying the current record', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const client = await storedClient(suite.store.db, runtime, practice.id);
      const current = await updateClient(
        suite.store.db,
        practice.id,
        client.id,
        1,
        edited(),
        null,
        runtime.now().toISOString(),
      );
      await assert.rejects(
        updateClient(
          suite.store.db,
          practice.id,
          client.id,
          1,
          edited({ legalLastName: 'Overwritten' }),
          null,
          runtime.now().toISOString(),
        ),
        (error: unknown) => {
          assert.ok(error instanceof StaleVersion);
          assert.equal(error.currentVersion, 2);
          assert.deepEqual(error.current, current);
          return true;
        },
      );
    });

    it('changes nothing when an update is stale', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const client = await storedClient(suite.store.db, runtime, practice.id);
      const current = await updateClient(
        suite.store.db,
        practice.id,
        client.id,
        1,
        edited(),
        null,
        runtime.now().toISOString(),
      );
      await assert.rejects(
        updateClient(
          suite.store.db,
          practice.id,
          client.id,
          1,
          edited({ legalLastName: 'Overwritten' }),
          null,
          runtime.now().toISOString(),
        ),
        StaleVersion,
      );
      assert.deepEqual(await findClient(suite.store.db, practice.id, client.id), current);
    });

    it('answers NotFound and changes nothing when the client belongs to another practice', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const other = await storedPractice(suite.store.db, runtime, 'Other Practice');
      const client = await storedClient(suite.store.db, runtime, practice.id);
      await assert.rejects(
        updateClient(
          suite.store.db,
          other.id,
          client.id,
          1,
          edited(),
          null,
          runtime.now().toISOString(),
        ),
        NotFound,
      );
      assert.deepEqual(await findClient(suite.store.db, practice.id, client.id), client);
    });

    it('answers NotFound for a client that does not exist', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      await assert.rejects(
        updateClient(
          suite.store.db,
          practice.id,
          'no-such-client',
          1,
          edited(),
          null,
          runtime.now().toISOString(),
        ),
        NotFound,
      );
    });
  });
}
