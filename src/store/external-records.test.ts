import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase, type ThrowawayDatabase } from '../../test/support/database.js';
import type { Store } from './database.js';
import { externalHistory, insertExternalRecords } from './external-records.js';
import { currentHealthHistory, saveHealthHistory } from './health-history.js';
import { recordImport } from './imports.js';

/** The smallest practice, user and client the foreign keys ask for, written directly. */
async function seed(
  store: Store,
): Promise<{ practiceId: string; userId: string; clientId: string }> {
  const now = '2026-11-30T12:00:00.000Z';
  await store.db
    .insertInto('practices')
    .values({
      id: 'practice-1',
      name: 'Harbour',
      time_zone: 'America/Toronto',
      address: '{}',
      phone: null,
      email: null,
      licence_number: null,
      npi: null,
      tax_id: null,
      settings: '{}',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await store.db
    .insertInto('users')
    .values({
      id: 'user-1',
      practice_id: 'practice-1',
      email: 'owner@example.com',
      display_name: 'Olive Owner',
      role: 'owner',
      status: 'active',
      password_hash: 'x',
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await store.db
    .insertInto('clients')
    .values({
      id: 'client-1',
      practice_id: 'practice-1',
      legal_first_name: 'Ana',
      legal_last_name: 'Silva',
      preferred_name: null,
      pronouns: null,
      date_of_birth: null,
      email: null,
      phone: null,
      phone_digits: null,
      address: '{}',
      emergency_contact: '{}',
      primary_therapist_id: null,
      referral_source: null,
      communication_preferences: '{}',
      search_text: 'ana silva',
      name_birth_key: null,
      status: 'active',
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: null,
      updated_by: null,
    })
    .execute();
  await recordImport(store.db, {
    id: 'import-1',
    practice_id: 'practice-1',
    kind: 'fhir',
    source: 'https://example.org/fhir',
    imported_by: 'user-1',
    imported_at: now,
    summary: '{}',
  });
  return { practiceId: 'practice-1', userId: 'user-1', clientId: 'client-1' };
}

for (const { dialect, skip } of dialects) {
  describe(`external records and imported history on ${dialect}`, { skip }, () => {
    let database: ThrowawayDatabase;
    let store: Store;
    before(async () => {
      database = await throwawayDatabase(dialect);
      store = await database.open();
      const { practiceId, userId, clientId } = await seed(store);
      await saveHealthHistory(store.db, {
        practiceId,
        clientId,
        expectedNumber: 0,
        history: { notes: 'From the old system.' },
        recordedBy: userId,
        source: 'import',
        now: '2026-11-30T12:00:00.000Z',
      });
      await insertExternalRecords(store.db, [
        {
          id: 'record-1',
          practice_id: practiceId,
          client_id: clientId,
          import_id: 'import-1',
          source: 'https://example.org/fhir',
          record_key: 'Encounter/1',
          kind: 'encounter',
          occurred_at: '2026-01-05',
          ended_at: null,
          title: 'Physiotherapy visit',
          value: null,
          detail: null,
          code: null,
          performer: null,
          organization: null,
          encounter_key: null,
          resource: '{"resourceType":"Encounter","id":"1"}',
        },
      ]);
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    it('keeps health-history versions marked as imported', async () => {
      const current = await currentHealthHistory(store.db, 'practice-1', 'client-1');
      assert.deepEqual([current?.number, current?.source], [1, 'import']);
    });

    it('still refuses to change or delete a health-history version after the table was rebuilt', async () => {
      await assert.rejects(
        sql`update health_history_versions set content = '{}'`.execute(store.db),
        /append-only/,
      );
      await assert.rejects(
        sql`delete from health_history_versions`.execute(store.db),
        /append-only/,
      );
    });

    it('refuses a health-history source it does not know', async () => {
      await assert.rejects(
        sql`insert into health_history_versions
          (id, practice_id, client_id, number, content, recorded_by, recorded_at, source)
          values ('v-x', 'practice-1', 'client-1', 9, '{}', 'user-1', '2026-11-30', 'guess')`.execute(
          store.db,
        ),
      );
    });

    it('refuses to change or delete another provider’s record', async () => {
      await assert.rejects(
        sql`update external_records set title = 'Edited'`.execute(store.db),
        /append-only/,
      );
      await assert.rejects(sql`delete from external_records`.execute(store.db), /append-only/);
    });

    it('refuses the same source record twice for one client', async () => {
      await assert.rejects(
        insertExternalRecords(store.db, [
          {
            id: 'record-2',
            practice_id: 'practice-1',
            client_id: 'client-1',
            import_id: 'import-1',
            source: 'https://example.org/fhir',
            record_key: 'Encounter/1',
            kind: 'encounter',
            occurred_at: null,
            ended_at: null,
            title: 'Again',
            value: null,
            detail: null,
            code: null,
            performer: null,
            organization: null,
            encounter_key: null,
            resource: '{}',
          },
        ]),
      );
    });

    it('reads a client’s records with the import that brought them', async () => {
      const history = await externalHistory(store.db, 'practice-1', 'client-1');
      assert.deepEqual(
        history.records.map((record) => [record.title, record.source]),
        [['Physiotherapy visit', 'https://example.org/fhir']],
      );
      assert.deepEqual(
        history.imports.map((entry) => [entry.id, entry.importedByName]),
        [['import-1', 'Olive Owner']],
      );
    });
  });
}
