import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ClientInput } from '../domain/clients.js';
import { genesisHash } from '../domain/audit.js';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase, type ThrowawayDatabase } from '../../test/support/database.js';
import { testRuntime } from '../../test/support/clock.js';
import { auditEntry, storedPractice } from '../../test/support/records.js';
import { appendAudit, verifyAuditChain } from './audit.js';
import { findClient, insertClient } from './clients.js';
import type { Db, Store } from './database.js';

async function chainHead(db: Db): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom('audit_chain')
    .selectAll()
    .where('id', '=', 'main')
    .executeTakeFirstOrThrow();
  return { seq: Number(head.last_seq), hash: head.last_hash };
}

for (const { dialect, skip } of dialects) {
  describe(`audit repository on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    const stamp = () => ({ id: runtime.newId(), at: runtime.now().toISOString() });
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

    it('links the first event of the chain to the genesis hash', async () => {
      await appendAudit(store.db, auditEntry(), stamp());
      const first = await store.db
        .selectFrom('audit_events')
        .select('prev_hash')
        .where('seq', '=', 1)
        .executeTakeFirstOrThrow();
      assert.equal(first.prev_hash, genesisHash);
    });

    it('numbers appended events consecutively, each linked to the one before', async () => {
      const start = await chainHead(store.db);
      const events = [];
      for (let count = 0; count < 3; count += 1)
        events.push(await appendAudit(store.db, auditEntry(), stamp()));
      assert.deepEqual(
        events.map((event) => event.seq),
        [start.seq + 1, start.seq + 2, start.seq + 3],
      );
      assert.deepEqual(
        events.map((event) => event.prevHash),
        [start.hash, events[0]!.hash, events[1]!.hash],
      );
      assert.deepEqual(await chainHead(store.db), { seq: start.seq + 3, hash: events[2]!.hash });
    });

    it('verifies an intact chain, counting every event', async () => {
      await appendAudit(store.db, auditEntry({ detail: { fields: ['phone', 'email'] } }), stamp());
      const { seq } = await chainHead(store.db);
      assert.deepEqual(await verifyAuditChain(store.db), { intact: true, events: seq });
    });

    it('verifies a chain longer than one page', async () => {
      for (let count = 0; count < 5; count += 1) await appendAudit(store.db, auditEntry(), stamp());
      const { seq } = await chainHead(store.db);
      assert.deepEqual(await verifyAuditChain(store.db, 2), { intact: true, events: seq });
    });

    it('refuses an UPDATE of an audit event in the database itself', async () => {
      const event = await appendAudit(store.db, auditEntry(), stamp());
      await assert.rejects(
        sql`update audit_events set outcome = 'denied' where id = ${event.id}`.execute(store.db),
        /append-only/,
      );
    });

    it('refuses a DELETE of an audit event in the database itself', async () => {
      const event = await appendAudit(store.db, auditEntry(), stamp());
      await assert.rejects(
        sql`delete from audit_events where id = ${event.id}`.execute(store.db),
        /append-only/,
      );
      assert.equal((await verifyAuditChain(store.db)).intact, true);
    });

    it('keeps a gapless, verifiable chain when fifty events are appended at once', async () => {
      const start = await chainHead(store.db);
      const events = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          appendAudit(store.db, auditEntry({ detail: { index } }), stamp()),
        ),
      );
      const seqs = events.map((event) => event.seq).sort((a, b) => a - b);
      assert.deepEqual(
        seqs,
        Array.from({ length: 50 }, (_, index) => start.seq + 1 + index),
      );
      assert.deepEqual(await verifyAuditChain(store.db), { intact: true, events: start.seq + 50 });
    });

    it('keeps a gapless, verifiable chain when fifty transactions append at once', async () => {
      const start = await chainHead(store.db);
      const events = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          store.db
            .transaction()
            .execute((trx) => appendAudit(trx, auditEntry({ detail: { index } }), stamp())),
        ),
      );
      const seqs = events.map((event) => event.seq).sort((a, b) => a - b);
      assert.deepEqual(
        seqs,
        Array.from({ length: 50 }, (_, index) => start.seq + 1 + index),
      );
      assert.deepEqual(await verifyAuditChain(store.db), { intact: true, events: start.seq + 50 });
    });

    it('keeps neither the client nor its audit event when the transaction fails', async () => {
      const practice = await storedPractice(store.db, runtime);
      const headBefore = await chainHead(store.db);
      const clientId = runtime.newId();
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await insertClient(trx, {
            id: clientId,
            practiceId: practice.id,
            input: ClientInput.parse({ legalFirstName: 'Ana', legalLastName: 'Lima' }),
            userId: null,
            now: runtime.now().toISOString(),
          });
          await appendAudit(
            trx,
            auditEntry({ action: 'client.create', recordId: clientId, clientId }),
            stamp(),
          );
          throw new Error('the rest of the command failed');
        }),
        /the rest of the command failed/,
      );
      assert.equal(await findClient(store.db, practice.id, clientId), undefined);
      const orphans = await store.db
        .selectFrom('audit_events')
        .select('id')
        .where('client_id', '=', clientId)
        .execute();
      assert.deepEqual(orphans, []);
      assert.deepEqual(await chainHead(store.db), headBefore);
    });
  });
}
