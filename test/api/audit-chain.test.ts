import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describe, it } from 'node:test';
import { canonicalAuditContent, type AuditEvent } from '../../src/domain/audit.js';
import { sha256, verifyAuditChain } from '../../src/store/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createPractice } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Some real activity, so the chain has a few links to check. */
async function someActivity(server: TestServer): Promise<void> {
  const { owner } = await createPractice(server);
  for (let index = 0; index < 3; index += 1) {
    const { client } = await createClient(owner);
    await owner.get(`/api/v1/clients/${client.id}`);
  }
}

/** Switches off the database's append-only guard, as someone with direct access could. */
async function disableAppendOnlyGuard(server: TestServer): Promise<void> {
  if (server.dialect === 'sqlite') {
    await sql`DROP TRIGGER audit_events_no_update`.execute(server.store.db);
    await sql`DROP TRIGGER audit_events_no_delete`.execute(server.store.db);
  } else {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`.execute(
      server.store.db,
    );
  }
}

/** One stored event as the chain hashes it (every field but its own hash). */
async function storedEvent(server: TestServer, seq: number): Promise<Omit<AuditEvent, 'hash'>> {
  const row = await server.store.db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    seq: Number(row.seq),
    at: row.at,
    practiceId: row.practice_id,
    userId: row.user_id,
    role: row.role,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    clientId: row.client_id,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome as AuditEvent['outcome'],
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
    prevHash: row.prev_hash,
  };
}

/** Each test gets its own server: tampering breaks the chain for the whole database. */
async function withServer(
  dialect: TestServer['dialect'],
  test: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startTestServer(dialect);
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

for (const { dialect, skip } of dialects) {
  describe(`the audit chain on ${dialect}`, { skip }, () => {
    it('verifies intact after real activity', () =>
      withServer(dialect, async (server) => {
        await someActivity(server);
        const verdict = await verifyAuditChain(server.store.db);
        assert.equal(verdict.intact, true);
        assert.ok(verdict.events >= 7, `expected at least 7 events, got ${verdict.events}`);
      }));

    it('reports the first broken seq after an event is edited behind its back', () =>
      withServer(dialect, async (server) => {
        await someActivity(server);
        await disableAppendOnlyGuard(server);
        await sql`UPDATE audit_events SET outcome = 'denied' WHERE seq = 4`.execute(
          server.store.db,
        );
        const verdict = await verifyAuditChain(server.store.db);
        assert.equal(verdict.intact, false);
        assert.ok(!verdict.intact && verdict.firstBreak.seq === 4, JSON.stringify(verdict));
        assert.ok(!verdict.intact && verdict.firstBreak.kind === 'hash_mismatch');
        assert.equal(verdict.events, 3);
      }));

    it('reports the gap after an event is deleted behind its back', () =>
      withServer(dialect, async (server) => {
        await someActivity(server);
        await disableAppendOnlyGuard(server);
        await sql`DELETE FROM audit_events WHERE seq = 4`.execute(server.store.db);
        const verdict = await verifyAuditChain(server.store.db);
        assert.deepEqual(
          verdict.intact ? null : { kind: verdict.firstBreak.kind, seq: verdict.firstBreak.seq },
          { kind: 'missing_event', seq: 5 },
        );
      }));

    it('reports the next link when an edited event’s own hash is recomputed', () =>
      withServer(dialect, async (server) => {
        await someActivity(server);
        await disableAppendOnlyGuard(server);
        const forged = { ...(await storedEvent(server, 3)), outcome: 'denied' as const };
        const hash = sha256(canonicalAuditContent(forged));
        await sql`UPDATE audit_events SET outcome = 'denied', hash = ${hash} WHERE seq = 3`.execute(
          server.store.db,
        );
        const verdict = await verifyAuditChain(server.store.db);
        assert.deepEqual(
          verdict.intact ? null : { kind: verdict.firstBreak.kind, seq: verdict.firstBreak.seq },
          { kind: 'broken_link', seq: 4 },
        );
      }));

    it('refuses a direct UPDATE of an audit event in the database', () =>
      withServer(dialect, async (server) => {
        await someActivity(server);
        await assert.rejects(
          sql`UPDATE audit_events SET outcome = 'denied' WHERE seq = 1`.execute(server.store.db),
          /append-only/,
        );
        assert.equal((await verifyAuditChain(server.store.db)).intact, true);
      }));

    it('refuses a direct DELETE of an audit event in the database', () =>
      withServer(dialect, async (server) => {
        await someActivity(server);
        await assert.rejects(
          sql`DELETE FROM audit_events WHERE seq = 1`.execute(server.store.db),
          /append-only/,
        );
        const [row] = (
          await sql<{
            count: number;
          }>`SELECT count(*) AS count FROM audit_events WHERE seq = 1`.execute(server.store.db)
        ).rows;
        assert.equal(Number(row!.count), 1);
      }));
  });
}
