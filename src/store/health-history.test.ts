import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { Conflict, Invalid, StaleVersion } from '../domain/errors.js';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase, type ThrowawayDatabase } from '../../test/support/database.js';
import { testRuntime } from '../../test/support/clock.js';
import { storedClient, storedPractice, storedUser } from '../../test/support/records.js';
import type { Store } from './database.js';
import {
  currentHealthHistory,
  healthHistoryVersions,
  recordSessionHealthCheck,
  saveHealthHistory,
} from './health-history.js';

const itemId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const warfarin = (dose: string) => ({
  medications: [{ id: itemId(1), name: 'Warfarin', class: 'anticoagulant', dose }],
});

for (const { dialect, skip } of dialects) {
  describe(`health history repository on ${dialect}`, { skip }, () => {
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

    async function aClient() {
      const practice = await storedPractice(store.db, runtime);
      const user = await storedUser(store.db, runtime, practice.id, { displayName: 'Maya Chen' });
      const client = await storedClient(store.db, runtime, practice.id);
      const save = (expectedNumber: number, history: unknown) =>
        saveHealthHistory(store.db, {
          practiceId: practice.id,
          clientId: client.id,
          expectedNumber,
          history,
          recordedBy: user.id,
          source: 'staff',
          now: runtime.now().toISOString(),
          id: runtime.newId(),
        });
      return { practice, user, client, save };
    }

    it('numbers versions per client and lists them newest first with who saved them', async () => {
      const { practice, client, save } = await aClient();
      await save(0, warfarin('5 mg'));
      await save(1, warfarin('2.5 mg'));
      const versions = await healthHistoryVersions(store.db, practice.id, client.id);
      assert.deepEqual(
        versions.map((version) => [version.number, version.history.medications[0]?.dose]),
        [
          [2, '2.5 mg'],
          [1, '5 mg'],
        ],
      );
      assert.equal(versions[0]?.recordedByName, 'Maya Chen');
      assert.deepEqual(versions[0]?.changedSections, ['medications']);
    });

    it('refuses a save over a version the writer did not see', async () => {
      const { practice, client, save } = await aClient();
      await save(0, warfarin('5 mg'));
      await assert.rejects(save(0, warfarin('1 mg')), (error: unknown) => {
        assert.ok(error instanceof StaleVersion);
        assert.equal(error.currentVersion, 1);
        return true;
      });
      const current = await currentHealthHistory(store.db, practice.id, client.id);
      assert.equal(current?.history.medications[0]?.dose, '5 mg');
    });

    it('lets only one of two writers racing from the same version win', async () => {
      const { practice, client, save } = await aClient();
      const results = await Promise.allSettled([
        save(0, warfarin('5 mg')),
        save(0, warfarin('1 mg')),
      ]);
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      const rejected = results.find((result) => result.status === 'rejected');
      assert.ok(rejected?.status === 'rejected' && rejected.reason instanceof StaleVersion);
      assert.equal((await healthHistoryVersions(store.db, practice.id, client.id)).length, 1);
    });

    it('refuses a surgery dated in the future and stores nothing', async () => {
      const { practice, client, save } = await aClient();
      const surgery = {
        surgeriesAndInjuries: [
          { id: itemId(2), kind: 'surgery', description: 'Knee arthroscopy', date: '2030-01-01' },
        ],
      };
      await assert.rejects(save(0, surgery), (error: unknown) => {
        assert.ok(error instanceof Invalid);
        assert.deepEqual(error.issues, [
          { field: 'surgeriesAndInjuries.0.date', message: 'Must not be in the future.' },
        ]);
        return true;
      });
      assert.equal(await currentHealthHistory(store.db, practice.id, client.id), null);
    });

    it('keeps every version as written: the database refuses UPDATE and DELETE', async () => {
      const { save } = await aClient();
      await save(0, warfarin('5 mg'));
      await assert.rejects(
        sql`update health_history_versions set content = '{}'`.execute(store.db),
        /append-only/,
      );
      await assert.rejects(
        sql`delete from health_history_versions`.execute(store.db),
        /append-only/,
      );
    });

    it('lets "no changes" become "changed", never the other way', async () => {
      const { practice, user, client } = await aClient();
      const { sessionId } = await aSession(practice.id, client.id, user.id);
      const check = (outcome: 'no_changes' | 'changed') =>
        recordSessionHealthCheck(store.db, {
          practiceId: practice.id,
          clientId: client.id,
          sessionId,
          outcome,
          historyNumber: 0,
          checkedBy: user.id,
          now: runtime.now().toISOString(),
        });
      await check('no_changes');
      assert.equal((await check('changed')).outcome, 'changed');
      await assert.rejects(check('no_changes'), Conflict);
      await assert.rejects(
        sql`update session_health_checks set outcome = 'no_changes'`.execute(store.db),
        /locked/,
      );
      await assert.rejects(sql`delete from session_health_checks`.execute(store.db), /locked/);
    });

    async function aSession(practiceId: string, clientId: string, therapistId: string) {
      const sessionId = runtime.newId();
      await store.db
        .insertInto('sessions')
        .values({
          id: sessionId,
          practice_id: practiceId,
          client_id: clientId,
          therapist_id: therapistId,
          starts_at: runtime.now().toISOString(),
          service_date: '2026-11-27',
          planned_minutes: 60,
          actual_minutes: null,
          session_type: 'relaxation',
          location: null,
          status: 'booked',
          status_reason: null,
          version: 1,
          created_at: runtime.now().toISOString(),
          updated_at: runtime.now().toISOString(),
          created_by: therapistId,
        })
        .execute();
      return { sessionId };
    }
  });
}
