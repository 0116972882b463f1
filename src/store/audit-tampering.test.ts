import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { canonicalAuditContent, type AuditEvent } from '../domain/audit.js';
import { dialects } from '../../test/support/dialects.js';
import { throwawayDatabase } from '../../test/support/database.js';
import { testRuntime } from '../../test/support/clock.js';
import { auditEntry } from '../../test/support/records.js';
import { appendAudit, sha256, verifyAuditChain, type ChainVerdict } from './audit.js';
import type { Dialect, Store } from './database.js';

/**
 * Each test gets its own database holding a five-event chain with the append-only trigger
 * removed, as someone with direct database access could do, then tampers and verifies.
 */
async function tamperWithChain(
  dialect: Dialect,
  tamper: (store: Store, events: AuditEvent[]) => Promise<void>,
): Promise<{ verdict: ChainVerdict; events: AuditEvent[] }> {
  const runtime = testRuntime();
  const database = await throwawayDatabase(dialect);
  const store = await database.open();
  try {
    const events: AuditEvent[] = [];
    for (let count = 0; count < 5; count += 1) {
      events.push(
        await appendAudit(store.db, auditEntry(), {
          id: runtime.newId(),
          at: runtime.now().toISOString(),
        }),
      );
      runtime.advanceMinutes(1);
    }
    if (dialect === 'sqlite') {
      await sql`drop trigger audit_events_no_update`.execute(store.db);
      await sql`drop trigger audit_events_no_delete`.execute(store.db);
    } else {
      await sql`alter table audit_events disable trigger audit_events_no_change`.execute(store.db);
    }
    await tamper(store, events);
    return { verdict: await verifyAuditChain(store.db), events };
  } finally {
    await store.close();
    await database.drop();
  }
}

for (const { dialect, skip } of dialects) {
  describe(`audit chain verification after tampering on ${dialect}`, { skip }, () => {
    it('still verifies when the trigger is gone but nothing was changed', async () => {
      const { verdict } = await tamperWithChain(dialect, async () => undefined);
      assert.deepEqual(verdict, { intact: true, events: 5 });
    });

    it('reports a changed row as a hash mismatch at its seq', async () => {
      const { verdict, events } = await tamperWithChain(dialect, async (store) => {
        await sql`update audit_events set outcome = 'denied' where seq = 3`.execute(store.db);
      });
      assert.deepEqual(verdict, {
        intact: false,
        events: 2,
        firstBreak: { kind: 'hash_mismatch', seq: 3, id: events[2]!.id },
      });
    });

    it('reports a changed detail as a hash mismatch at its seq', async () => {
      const { verdict, events } = await tamperWithChain(dialect, async (store) => {
        await sql`update audit_events set detail = '{"reason":"none"}' where seq = 2`.execute(
          store.db,
        );
      });
      assert.deepEqual(!verdict.intact && verdict.firstBreak, {
        kind: 'hash_mismatch',
        seq: 2,
        id: events[1]!.id,
      });
    });

    it('reports a deleted middle row as a missing event', async () => {
      const { verdict, events } = await tamperWithChain(dialect, async (store) => {
        await sql`delete from audit_events where seq = 3`.execute(store.db);
      });
      assert.deepEqual(!verdict.intact && verdict.firstBreak, {
        kind: 'missing_event',
        seq: 4,
        id: events[3]!.id,
        expectedSeq: 3,
      });
    });

    it('reports a deleted last row as a head mismatch', async () => {
      const { verdict, events } = await tamperWithChain(dialect, async (store) => {
        await sql`delete from audit_events where seq = 5`.execute(store.db);
      });
      assert.deepEqual(verdict, {
        intact: false,
        events: 4,
        firstBreak: { kind: 'head_mismatch', seq: 5, id: events[3]!.id },
      });
    });

    it('reports a row rewritten with a recomputed hash as a broken link at the next seq', async () => {
      const { verdict, events } = await tamperWithChain(dialect, async (store, chain) => {
        const { hash: _hash, ...content } = { ...chain[1]!, outcome: 'denied' as const };
        const forgedHash = sha256(canonicalAuditContent(content));
        await sql`update audit_events set outcome = 'denied', hash = ${forgedHash} where seq = 2`.execute(
          store.db,
        );
      });
      assert.deepEqual(!verdict.intact && verdict.firstBreak, {
        kind: 'broken_link',
        seq: 3,
        id: events[2]!.id,
      });
    });
  });
}
