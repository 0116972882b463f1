import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { testRuntime } from '../../test/support/clock.js';
import { storeForSuite } from '../../test/support/database.js';
import { dialects } from '../../test/support/dialects.js';
import { storedClient, storedPractice, storedUser } from '../../test/support/records.js';
import { clientTables } from './client-tables.js';
import {
  clientStampedTables,
  practiceStampedTables,
} from './migrations/2026-11-30T0800-record-stamps.js';
import { forgetRecordStamp, recordStamp } from './record-stamps.js';
import { insertSession } from './sessions.js';

/**
 * Client tables that move no stamp, each for the reason the migration gives: the audit trail
 * and purge records (written by reads and purges), private reflections (in no kept answer),
 * and analytics rows that a signing writes beside the note's own, stamped, update.
 */
const unstamped = [
  'audit_events',
  'client_purges',
  'reflections',
  'note_techniques',
  'note_products',
  'note_pain_regions',
];

describe('which tables move a record stamp', () => {
  it('covers every client table but those left out on purpose', () => {
    const stamped = new Set(clientStampedTables.map(([table]) => table));
    const forgotten = clientTables
      .map((entry) => entry.table)
      .filter((table) => !stamped.has(table) && !unstamped.includes(table));
    assert.deepEqual(
      forgotten,
      [],
      'a new client table needs a stamp trigger (a new migration) or a reason to go without',
    );
  });
});

for (const { dialect, skip } of dialects) {
  describe(`record stamps on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    const suite = storeForSuite(dialect);

    it('has a trigger on every stamped table', async () => {
      const tables = [...clientStampedTables, ...practiceStampedTables].map(([table]) => table);
      const { rows } = await (
        dialect === 'sqlite'
          ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger'`
          : sql<{ name: string }>`SELECT trigger_name AS name FROM information_schema.triggers`
      ).execute(suite.store.db);
      const names = new Set(rows.map((row) => row.name));
      const suffixes =
        dialect === 'sqlite' ? ['_stamp_insert', '_stamp_update', '_stamp_delete'] : ['_stamp'];
      const missing = tables.flatMap((table) =>
        suffixes.map((suffix) => table + suffix).filter((name) => !names.has(name)),
      );
      assert.deepEqual(missing, []);
    });

    it('moves a client’s stamp on insert, update and delete of their rows, and only theirs', async () => {
      const db = suite.store.db;
      const practice = await storedPractice(db, runtime);
      const therapist = await storedUser(db, runtime, practice.id);
      const client = await storedClient(db, runtime, practice.id);
      const other = await storedClient(db, runtime, practice.id);
      const stamps = async () => ({
        client: await recordStamp(db, practice.id, client.id),
        other: await recordStamp(db, practice.id, other.id),
      });

      let before = await stamps();
      const sessionId = runtime.newId();
      await insertSession(db, {
        id: sessionId,
        practice_id: practice.id,
        client_id: client.id,
        therapist_id: therapist.id,
        starts_at: '2026-11-28T15:00:00.000Z',
        service_date: '2026-11-28',
        planned_minutes: 60,
        session_type: 'therapeutic',
        location: null,
        created_at: runtime.now().toISOString(),
        created_by: therapist.id,
      });
      let after = await stamps();
      assert.notEqual(after.client, before.client, 'insert');
      assert.equal(after.other, before.other, 'another client’s stamp stays');

      for (const change of [
        () => db.updateTable('sessions').set({ location: 'Room 2' }).where('id', '=', sessionId),
        () => db.deleteFrom('sessions').where('id', '=', sessionId),
      ]) {
        before = after;
        await change().execute();
        after = await stamps();
        assert.notEqual(after.client, before.client);
        assert.equal(after.other, before.other);
      }
    });

    it('moves the practice part of every client’s stamp when the practice’s names change', async () => {
      const db = suite.store.db;
      const practice = await storedPractice(db, runtime);
      const client = await storedClient(db, runtime, practice.id);
      const before = await recordStamp(db, practice.id, client.id);
      await db
        .updateTable('users')
        .set({ display_name: 'Renamed' })
        .where('practice_id', '=', practice.id)
        .execute();
      await storedUser(db, runtime, practice.id);
      const after = await recordStamp(db, practice.id, client.id);
      assert.notEqual(after.split('.')[0], before.split('.')[0]);
      assert.equal(after.split('.')[1], before.split('.')[1]);
    });

    it('forgets a purged client’s stamp', async () => {
      const db = suite.store.db;
      const practice = await storedPractice(db, runtime);
      const client = await storedClient(db, runtime, practice.id);
      assert.notEqual((await recordStamp(db, practice.id, client.id)).split('.')[1], '0');
      await forgetRecordStamp(db, client.id);
      assert.equal((await recordStamp(db, practice.id, client.id)).split('.')[1], '0');
    });
  });
}
