import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClientListQuery } from '../domain/clients.js';
import { dialects } from '../../test/support/dialects.js';
import { storeForSuite } from '../../test/support/database.js';
import { testRuntime } from '../../test/support/clock.js';
import { storedClient, storedPractice, storedUser } from '../../test/support/records.js';
import { addToCareTeam } from './care-team.js';
import { findClient, listClients, setClientStatus } from './clients.js';

const query = (options: Partial<ClientListQuery> = {}) => ClientListQuery.parse(options);
const practiceWide = { kind: 'practice' } as const;

for (const { dialect, skip } of dialects) {
  describe(`clients repository: reading on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    const suite = storeForSuite(dialect);

    it('finds a client exactly as it was inserted', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const inserted = await storedClient(suite.store.db, runtime, practice.id, {
        legalFirstName: 'José',
        legalLastName: 'Núñez',
        dateOfBirth: '1980-05-17',
        phone: '(555) 010-2233',
        emergencyContact: { name: 'Maria Núñez', relationship: 'sister', phone: '555 010 9999' },
      });
      assert.deepEqual(await findClient(suite.store.db, practice.id, inserted.id), inserted);
    });

    it('does not find a client through another practice', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const other = await storedPractice(suite.store.db, runtime, 'Other Practice');
      const client = await storedClient(suite.store.db, runtime, practice.id);
      assert.equal(await findClient(suite.store.db, other.id, client.id), undefined);
    });

    it('finds a client by name without accents or case', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const jose = await storedClient(suite.store.db, runtime, practice.id, {
        legalFirstName: 'José',
        legalLastName: 'Núñez',
      });
      await storedClient(suite.store.db, runtime, practice.id, {
        legalFirstName: 'Ana',
        legalLastName: 'Lima',
      });
      const page = await listClients(
        suite.store.db,
        practice.id,
        practiceWide,
        query({ q: 'JOSE nunez' }),
      );
      assert.deepEqual(
        page.clients.map((client) => client.id),
        [jose.id],
      );
      assert.equal(page.total, 1);
    });

    it('finds a client by phone however the number is typed', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const client = await storedClient(suite.store.db, runtime, practice.id, {
        phone: '(555) 010-2233',
      });
      const page = await listClients(
        suite.store.db,
        practice.id,
        practiceWide,
        query({ q: '555.010.2233' }),
      );
      assert.deepEqual(
        page.clients.map((found) => found.id),
        [client.id],
      );
    });

    it('treats % and _ in a search as plain characters', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      await storedClient(suite.store.db, runtime, practice.id, { legalLastName: 'Lima' });
      for (const q of ['%', '_', 'l_ma']) {
        const page = await listClients(suite.store.db, practice.id, practiceWide, query({ q }));
        assert.equal(page.total, 0, q);
      }
    });

    it('lists only the practice’s own clients', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const other = await storedPractice(suite.store.db, runtime, 'Other Practice');
      const own = await storedClient(suite.store.db, runtime, practice.id);
      await storedClient(suite.store.db, runtime, other.id);
      const page = await listClients(suite.store.db, practice.id, practiceWide, query());
      assert.deepEqual(
        page.clients.map((client) => client.id),
        [own.id],
      );
    });

    it('limits a care-team scope to clients the therapist is primary for or on the team of', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const therapist = await storedUser(suite.store.db, runtime, practice.id);
      const colleague = await storedUser(suite.store.db, runtime, practice.id);
      const primary = await storedClient(suite.store.db, runtime, practice.id, {
        legalLastName: 'Adams',
        primaryTherapistId: therapist.id,
      });
      const sharedWith = await storedClient(suite.store.db, runtime, practice.id, {
        legalLastName: 'Baker',
        primaryTherapistId: colleague.id,
      });
      await storedClient(suite.store.db, runtime, practice.id, {
        legalLastName: 'Chen',
        primaryTherapistId: colleague.id,
      });
      await storedClient(suite.store.db, runtime, practice.id, { legalLastName: 'Diaz' });
      await addToCareTeam(suite.store.db, {
        practiceId: practice.id,
        clientId: sharedWith.id,
        userId: therapist.id,
        addedBy: colleague.id,
        now: runtime.now().toISOString(),
      });
      const page = await listClients(
        suite.store.db,
        practice.id,
        { kind: 'care_team', userId: therapist.id },
        query(),
      );
      assert.deepEqual(
        page.clients.map((client) => client.id),
        [primary.id, sharedWith.id],
      );
      assert.equal(page.total, 2);
    });

    it('lists every client of the practice under a practice scope', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const therapist = await storedUser(suite.store.db, runtime, practice.id);
      await storedClient(suite.store.db, runtime, practice.id, {
        primaryTherapistId: therapist.id,
      });
      await storedClient(suite.store.db, runtime, practice.id);
      const page = await listClients(suite.store.db, practice.id, practiceWide, query());
      assert.equal(page.total, 2);
    });

    it('orders by last name, then first name, then id, across pages', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const names = [
        ['Zoe', 'Baker'],
        ['Ana', 'Lima'],
        ['Ben', 'Baker'],
        ['Ana', 'Adams'],
        ['Ana', 'Lima'],
      ] as const;
      for (const [legalFirstName, legalLastName] of names) {
        await storedClient(suite.store.db, runtime, practice.id, { legalFirstName, legalLastName });
      }
      const everyone = await listClients(
        suite.store.db,
        practice.id,
        practiceWide,
        query({ limit: 100 }),
      );
      const ordered = everyone.clients.map(
        (client) => `${client.legalLastName} ${client.legalFirstName}`,
      );
      assert.deepEqual(ordered, ['Adams Ana', 'Baker Ben', 'Baker Zoe', 'Lima Ana', 'Lima Ana']);
      const limas = everyone.clients.slice(3).map((client) => client.id);
      assert.deepEqual(limas, [...limas].sort());

      const first = await listClients(
        suite.store.db,
        practice.id,
        practiceWide,
        query({ limit: 2, offset: 0 }),
      );
      const second = await listClients(
        suite.store.db,
        practice.id,
        practiceWide,
        query({ limit: 2, offset: 2 }),
      );
      const third = await listClients(
        suite.store.db,
        practice.id,
        practiceWide,
        query({ limit: 2, offset: 4 }),
      );
      const paged = [...first.clients, ...second.clients, ...third.clients].map(
        (client) => client.id,
      );
      assert.deepEqual(
        paged,
        everyone.clients.map((client) => client.id),
      );
      assert.deepEqual([first.total, second.total, third.total], [5, 5, 5]);
    });

    it('leaves archived clients out of the default list but finds them when asked', async () => {
      const practice = await storedPractice(suite.store.db, runtime);
      const active = await storedClient(suite.store.db, runtime, practice.id);
      const archived = await storedClient(suite.store.db, runtime, practice.id);
      await setClientStatus(
        suite.store.db,
        practice.id,
        archived.id,
        1,
        'archived',
        null,
        runtime.now().toISOString(),
      );
      const byStatus = async (status: 'active' | 'archived' | 'all') =>
        (await listClients(suite.store.db, practice.id, practiceWide, query({ status }))).clients
          .map((client) => client.id)
          .sort();
      assert.deepEqual(await byStatus('active'), [active.id]);
      assert.deepEqual(await byStatus('archived'), [archived.id]);
      assert.deepEqual(await byStatus('all'), [active.id, archived.id].sort());
    });
  });
}
