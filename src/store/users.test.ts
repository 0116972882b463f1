import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NotFound, StaleVersion } from '../domain/errors.js';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase, type ThrowawayDatabase } from '../../test/support/database.js';
import { testRuntime } from '../../test/support/clock.js';
import { storedPractice, storedUser } from '../../test/support/records.js';
import type { Store } from './database.js';
import { countActiveOwners, findUser, findUserByEmail, updateUser } from './users.js';

for (const { dialect, skip } of dialects) {
  describe(`users repository on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    let database: ThrowawayDatabase;
    let store: Store;
    before(async () => {
      database = await throwawayDatabase(dialect);
      store = await database.open();
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    it('finds a user by email', async () => {
      const practice = await storedPractice(store.db, runtime);
      const user = await storedUser(store.db, runtime, practice.id, { email: 'finds@example.com' });
      assert.deepEqual(await findUserByEmail(store.db, 'finds@example.com'), user);
    });

    it('refuses a second account with the same email in the same practice', async () => {
      const practice = await storedPractice(store.db, runtime);
      await storedUser(store.db, runtime, practice.id, { email: 'twice@example.com' });
      await assert.rejects(
        storedUser(store.db, runtime, practice.id, { email: 'twice@example.com' }),
        /unique/i,
      );
    });

    it('refuses a second account with the same email in another practice', async () => {
      const practice = await storedPractice(store.db, runtime);
      const other = await storedPractice(store.db, runtime, 'Other Practice');
      await storedUser(store.db, runtime, practice.id, { email: 'across@example.com' });
      await assert.rejects(
        storedUser(store.db, runtime, other.id, { email: 'across@example.com' }),
        /unique/i,
      );
    });

    it('refuses a role the database does not know', async () => {
      const practice = await storedPractice(store.db, runtime);
      await assert.rejects(
        storedUser(store.db, runtime, practice.id, { role: 'janitor' as never }),
        /check/i,
      );
    });

    it('saves an update to the current version and bumps the version', async () => {
      const practice = await storedPractice(store.db, runtime);
      const user = await storedUser(store.db, runtime, practice.id);
      runtime.advanceMinutes(1);
      const now = runtime.now().toISOString();
      const updated = await updateUser(
        store.db,
        practice.id,
        user.id,
        1,
        { displayName: 'Renamed', role: 'owner', status: 'active' },
        now,
      );
      assert.equal(updated.version, 2);
      assert.equal(updated.displayName, 'Renamed');
      assert.equal(updated.role, 'owner');
      assert.equal(updated.updatedAt, now);
    });

    it('refuses a stale update with the current account and changes nothing', async () => {
      const practice = await storedPractice(store.db, runtime);
      const user = await storedUser(store.db, runtime, practice.id);
      const now = runtime.now().toISOString();
      const current = await updateUser(
        store.db,
        practice.id,
        user.id,
        1,
        { displayName: 'First', role: 'therapist', status: 'active' },
        now,
      );
      await assert.rejects(
        updateUser(
          store.db,
          practice.id,
          user.id,
          1,
          { displayName: 'Second', role: 'therapist', status: 'active' },
          now,
        ),
        (error: unknown) => error instanceof StaleVersion && error.currentVersion === 2,
      );
      assert.deepEqual(await findUser(store.db, practice.id, user.id), current);
    });

    it('answers NotFound when updating a user through another practice', async () => {
      const practice = await storedPractice(store.db, runtime);
      const other = await storedPractice(store.db, runtime, 'Other Practice');
      const user = await storedUser(store.db, runtime, practice.id);
      await assert.rejects(
        updateUser(
          store.db,
          other.id,
          user.id,
          1,
          { displayName: 'X', role: 'owner', status: 'active' },
          runtime.now().toISOString(),
        ),
        NotFound,
      );
      assert.equal((await findUser(store.db, practice.id, user.id))?.version, 1);
    });

    it('counts only the practice’s active owners', async () => {
      const practice = await storedPractice(store.db, runtime);
      const other = await storedPractice(store.db, runtime, 'Other Practice');
      await storedUser(store.db, runtime, practice.id, { role: 'owner' });
      await storedUser(store.db, runtime, practice.id, { role: 'owner' });
      const leaving = await storedUser(store.db, runtime, practice.id, { role: 'owner' });
      await updateUser(
        store.db,
        practice.id,
        leaving.id,
        1,
        { displayName: 'Gone', role: 'owner', status: 'deactivated' },
        runtime.now().toISOString(),
      );
      await storedUser(store.db, runtime, practice.id, { role: 'therapist' });
      await storedUser(store.db, runtime, other.id, { role: 'owner' });
      assert.equal(await countActiveOwners(store.db, practice.id), 2);
    });

    it('counts no owners for a practice without staff', async () => {
      const practice = await storedPractice(store.db, runtime);
      assert.equal(await countActiveOwners(store.db, practice.id), 0);
    });
  });
}
