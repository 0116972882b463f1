import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase, type ThrowawayDatabase } from '../../test/support/database.js';
import { testRuntime } from '../../test/support/clock.js';
import { storedClient, storedPractice, storedUser } from '../../test/support/records.js';
import { clientTables } from './client-tables.js';
import { listClientPurges, purgeClientRecords, purgedTables } from './client-purge.js';
import type { Db, Store } from './database.js';
import { isSqlite } from './migrations/dialect.js';

/**
 * The purge's narrow exception to the database's refusals: it deletes a client's protected
 * rows inside its own transaction, and nothing else (another client's rows, a delete after the
 * purge committed, an ordinary delete) gets through.
 */
for (const { dialect, skip } of dialects) {
  describe(`purging a client's records on ${dialect}`, { skip }, () => {
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

    const now = () => runtime.now().toISOString();

    /** A client with a signed note, an addendum, a health history version and a consent. */
    async function clientWithRecords(practiceId: string, userId: string, textId: string) {
      const client = await storedClient(store.db, runtime, practiceId);
      const sessionId = runtime.newId();
      await store.db
        .insertInto('sessions')
        .values({
          id: sessionId,
          practice_id: practiceId,
          client_id: client.id,
          therapist_id: userId,
          starts_at: now(),
          service_date: '2026-11-27',
          planned_minutes: 60,
          actual_minutes: null,
          session_type: 'therapeutic',
          location: null,
          status: 'signed',
          status_reason: null,
          version: 1,
          created_at: now(),
          updated_at: now(),
          created_by: userId,
        })
        .execute();
      await store.db
        .insertInto('notes')
        .values({
          session_id: sessionId,
          practice_id: practiceId,
          client_id: client.id,
          author_id: userId,
          content: '{}',
          pain_before: 6,
          pain_after: 3,
          search_text: 'stiff neck after long drives',
          signed_at: now(),
          signed_by: userId,
          version: 2,
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      await store.db
        .insertInto('addenda')
        .values({
          id: runtime.newId(),
          session_id: sessionId,
          practice_id: practiceId,
          author_id: userId,
          reason: 'Correction',
          text: 'Left, not right',
          created_at: now(),
        })
        .execute();
      await store.db
        .insertInto('health_history_versions')
        .values({
          id: runtime.newId(),
          practice_id: practiceId,
          client_id: client.id,
          number: 1,
          content: '{}',
          recorded_by: userId,
          recorded_at: now(),
          source: 'staff',
          session_id: sessionId,
          summary: null,
        })
        .execute();
      await store.db
        .insertInto('consent_signatures')
        .values({
          id: runtime.newId(),
          practice_id: practiceId,
          client_id: client.id,
          kind: 'treatment',
          text_id: textId,
          text_version: 1,
          text_title: 'Consent to treatment',
          text_body: 'I agree.',
          signer_name: 'Ana Lima',
          signer_role: 'client',
          guardian_relationship: null,
          shared_with: null,
          mark_type: 'typed',
          mark_format: null,
          mark: 'Ana Lima',
          signed_at: now(),
          ip: '127.0.0.1',
          user_agent: 'test',
          channel: 'in_person',
          recorded_by: userId,
        })
        .execute();
      return { client, sessionId };
    }

    async function twoClients() {
      const practice = await storedPractice(store.db, runtime);
      const user = await storedUser(store.db, runtime, practice.id);
      const textId = runtime.newId();
      await store.db
        .insertInto('consent_texts')
        .values({
          id: textId,
          practice_id: practice.id,
          kind: 'treatment',
          version: 1,
          title: 'Consent to treatment',
          body: 'I agree.',
          validity_months: null,
          requires_resign: 0,
          published_by: null,
          published_at: now(),
        })
        .execute();
      const leaving = await clientWithRecords(practice.id, user.id, textId);
      const staying = await clientWithRecords(practice.id, user.id, textId);
      return { practice, user, leaving, staying };
    }

    const purge = (db: Db, practiceId: string, clientId: string, userId: string) =>
      purgeClientRecords(db, {
        id: runtime.newId(),
        practiceId,
        clientId,
        reason: 'Retention period over',
        purgedBy: userId,
        now: now(),
      });

    async function rowsOf(clientId: string, sessionId: string): Promise<Record<string, number>> {
      const count = async (table: string, column: string, value: string) => {
        const result = await sql<{
          count: number | string;
        }>`select count(*) as count from ${sql.table(
          table,
        )} where ${sql.ref(column)} = ${value}`.execute(store.db);
        return Number(result.rows[0]!.count);
      };
      return {
        clients: await count('clients', 'id', clientId),
        sessions: await count('sessions', 'client_id', clientId),
        notes: await count('notes', 'client_id', clientId),
        addenda: await count('addenda', 'session_id', sessionId),
        health_history_versions: await count('health_history_versions', 'client_id', clientId),
        consent_signatures: await count('consent_signatures', 'client_id', clientId),
      };
    }

    const untouched = {
      clients: 1,
      sessions: 1,
      notes: 1,
      addenda: 1,
      health_history_versions: 1,
      consent_signatures: 1,
    };

    it('deletes the client’s signed note, addendum, health history and consent, and only theirs', async () => {
      const { practice, user, leaving, staying } = await twoClients();
      const removed = await store.db
        .transaction()
        .execute((trx) => purge(trx, practice.id, leaving.client.id, user.id));
      assert.deepEqual(
        Object.fromEntries(Object.entries(removed).filter(([, count]) => count > 0)),
        untouched,
      );
      assert.deepEqual(await rowsOf(leaving.client.id, leaving.sessionId), {
        clients: 0,
        sessions: 0,
        notes: 0,
        addenda: 0,
        health_history_versions: 0,
        consent_signatures: 0,
      });
      assert.deepEqual(await rowsOf(staying.client.id, staying.sessionId), untouched);
    });

    it('keeps a completed purge record with the rows removed, and no clinical content', async () => {
      const { practice, user, leaving } = await twoClients();
      await store.db
        .transaction()
        .execute((trx) => purge(trx, practice.id, leaving.client.id, user.id));
      const [record] = await listClientPurges(store.db, practice.id);
      assert.equal(record?.clientId, leaving.client.id);
      assert.equal(record?.reason, 'Retention period over');
      assert.equal(record?.removed['notes'], 1);
      assert.ok(!JSON.stringify(record).includes('stiff neck'));
    });

    it('still refuses an ordinary delete of a signed note', async () => {
      const { leaving } = await twoClients();
      await assert.rejects(
        store.db.deleteFrom('notes').where('session_id', '=', leaving.sessionId).execute(),
        /signed notes are locked/,
      );
    });

    it('still refuses an ordinary delete of a health history version, a consent and an addendum', async () => {
      const { leaving } = await twoClients();
      await assert.rejects(
        store.db
          .deleteFrom('health_history_versions')
          .where('client_id', '=', leaving.client.id)
          .execute(),
        /append-only/,
      );
      await assert.rejects(
        store.db
          .deleteFrom('consent_signatures')
          .where('client_id', '=', leaving.client.id)
          .execute(),
        /append-only/,
      );
      await assert.rejects(
        store.db.deleteFrom('addenda').where('session_id', '=', leaving.sessionId).execute(),
        /append-only/,
      );
    });

    it('still refuses to change a signed note during a purge of its client', async () => {
      const { practice, user, leaving } = await twoClients();
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('client_purges')
            .values({
              id: runtime.newId(),
              practice_id: practice.id,
              client_id: leaving.client.id,
              reason: 'Retention period over',
              purged_by: user.id,
              started_at: now(),
              completed_at: null,
              removed: null,
            })
            .execute();
          await trx
            .updateTable('notes')
            .set({ content: '{"rewritten":true}' })
            .where('session_id', '=', leaving.sessionId)
            .execute();
        }),
        /signed notes are locked/,
      );
    });

    it('refuses to delete another client’s signed note while one client is purged', async () => {
      const { practice, user, leaving, staying } = await twoClients();
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await purge(trx, practice.id, leaving.client.id, user.id);
          await trx.deleteFrom('notes').where('session_id', '=', staying.sessionId).execute();
        }),
        /signed notes are locked/,
      );
      assert.deepEqual(await rowsOf(leaving.client.id, leaving.sessionId), untouched);
    });

    it('refuses to change or delete a purge record once it is complete', async () => {
      const { practice, user, leaving } = await twoClients();
      await store.db
        .transaction()
        .execute((trx) => purge(trx, practice.id, leaving.client.id, user.id));
      await assert.rejects(
        store.db
          .updateTable('client_purges')
          .set({ completed_at: null })
          .where('client_id', '=', leaving.client.id)
          .execute(),
        /kept as recorded/,
      );
      await assert.rejects(
        store.db.deleteFrom('client_purges').where('client_id', '=', leaving.client.id).execute(),
        /kept as recorded/,
      );
    });

    it('purges every table that names a client, session or link, or keeps it for a stated reason', async () => {
      const listed = new Set<string>(clientTables.map((entry) => entry.table));
      const tables = await store.db.introspection.getTables();
      const naming = tables
        .filter((table) =>
          table.columns.some((column) =>
            ['client_id', 'session_id', 'link_id'].includes(column.name),
          ),
        )
        .map((table) => table.name)
        .filter((name) => !listed.has(name));
      assert.deepEqual(naming, [], 'tables missing from store/client-tables.ts');
      for (const entry of clientTables) {
        assert.ok(
          purgedTables.includes(entry) || (entry.keptAfterPurge ?? '').length > 0,
          `${entry.table} is neither purged nor kept for a reason`,
        );
      }
    });

    it('lists every table whose rows hang from a listed table by a foreign key', async () => {
      const listed = new Set<string>(clientTables.map((entry) => entry.table));
      const references = await foreignKeys(store.db);
      const hanging = references
        .filter((key) => listed.has(key.referenced) && !listed.has(key.table))
        .map((key) => `${key.table} → ${key.referenced}`);
      assert.deepEqual(
        [...new Set(hanging)].sort(),
        [],
        'tables missing from store/client-tables.ts',
      );
    });
  });
}

/** Every foreign key of the database: which table's column points at which table. */
async function foreignKeys(db: Db): Promise<Array<{ table: string; referenced: string }>> {
  const rows = isSqlite(db)
    ? await sql<{ table: string; referenced: string }>`
        select m.name as "table", p."table" as referenced
        from sqlite_master m join pragma_foreign_key_list(m.name) p
        where m.type = 'table'`.execute(db)
    : await sql<{ table: string; referenced: string }>`
        select distinct tc.table_name as "table", ccu.table_name as referenced
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu
          on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(
        db,
      );
  return rows.rows.filter((row) => row.table !== row.referenced);
}
