import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { purgedTables } from '../../src/store/client-purge.js';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import {
  changePracticeSettings,
  createClient,
  createPractice,
  signIn,
  testPassword,
  type PracticeFixture,
} from '../support/factories.js';
import { saveHistory } from '../support/health-history.js';
import type { ApiClient, ApiResponse, Json } from '../support/http.js';
import { signedNote } from '../support/notes.js';
import { clientWithFullRecord, expiredClient, type FullRecord } from '../support/retention.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

const purgePath = (clientId: string) => `/api/v1/clients/${clientId}/purge`;
const reason = 'Retention period over; no contact since 2014.';

/** The ids of the clients listed as past retention, as the owner sees them. */
async function pastRetention(owner: ApiClient): Promise<Json> {
  const response = await owner.get('/api/v1/retention/clients');
  assertStatus(response, 200);
  return response.body;
}

const listedIds = async (owner: ApiClient) =>
  (await pastRetention(owner)).clients.map((client: Json) => client.clientId);

for (const { dialect, skip } of dialects) {
  describe(`retention and purging on ${dialect}`, { skip }, () => {
    let server: TestServer;
    let start: Date;
    before(async () => {
      server = await startTestServer(dialect);
      start = server.runtime.now();
    });
    afterEach(() => server.runtime.set(start));
    after(async () => {
      await server?.close();
    });

    /** Rows still naming the client in a table of their record (by id, session or link). */
    async function rowsLeft(record: FullRecord, table: (typeof purgedTables)[number]) {
      const { client } = table;
      const values =
        'through' in client
          ? client.through === 'sessions'
            ? record.sessionIds
            : record.linkIds
          : [record.client.id as string];
      const result = await sql<{ count: number | string }>`select count(*) as count
        from ${sql.table(table.table)} where ${sql.ref(client.column)} in (${sql.join(values)})`.execute(
        server.store.db,
      );
      return Number(result.rows[0]!.count);
    }

    describe('an archived client whose record ended twelve years ago', () => {
      let practice: PracticeFixture;
      let owner: ApiClient;
      let record: FullRecord;
      let noteRowids: number[] = [];
      let purge: ApiResponse;

      before(async () => {
        server.runtime.set(new Date('2014-05-01T16:00:00.000Z'));
        try {
          practice = await createPractice(server);
          record = await clientWithFullRecord(server, practice);
        } finally {
          server.runtime.set(start);
        }
        if (dialect === 'sqlite') {
          const rows = await sql<{ rowid: number }>`select rowid from notes
            where client_id = ${record.client.id}`.execute(server.store.db);
          noteRowids = rows.rows.map((row) => row.rowid);
        }
        owner = await signIn(server, practice.ownerEmail);
        purge = await owner.post(purgePath(record.client.id), { reason, password: testPassword });
      });

      it('is purged, answering the rows removed from each table of the record', () => {
        assertStatus(purge, 200);
        const removed = purge.body.purge.removed as Record<string, number>;
        const emptied = Object.keys(removed).filter((table) => removed[table]! > 0);
        for (const table of [
          'clients',
          'care_team',
          'sessions',
          'notes',
          'note_techniques',
          'note_versions',
          'addenda',
          'reflections',
          'health_history_versions',
          'session_health_checks',
          'session_safety_alerts',
          'safety_overrides',
          'session_consent_exceptions',
          'consent_signatures',
          'consent_withdrawals',
          'client_links',
          'client_link_consents',
          'intake_submissions',
          'handoffs',
          'handoff_acknowledgements',
          'note_products',
          'note_pain_regions',
          'session_follow_ups',
          'session_follow_up_links',
          'psfs_activities',
          'outcome_scores',
          'goals',
          'goal_versions',
          'treatment_plan_versions',
          'client_link_measures',
        ]) {
          assert.ok(emptied.includes(table), `nothing was removed from ${table}`);
        }
        assert.equal(removed['clients'], 1);
        assert.equal(removed['sessions'], 2);
      });

      it('leaves no row naming the client in any table of a client’s record', async () => {
        for (const table of purgedTables) {
          assert.equal(await rowsLeft(record, table), 0, table.table);
        }
      });

      it('leaves no copy of the notes’ words in the search index', async () => {
        if (dialect === 'sqlite') {
          const left = await sql<{ count: number }>`select count(*) as count from notes_fts
            where rowid in (${sql.join(noteRowids)})`.execute(server.store.db);
          assert.equal(Number(left.rows[0]!.count), 0);
        }
        const search = await owner.get('/api/v1/notes/search?q=levator');
        assertStatus(search, 200);
        assert.deepEqual(search.body.hits, []);
      });

      it('keeps an audit record of who purged what and why, with no clinical content', async () => {
        const event = await onlyAuditEvent(owner, {
          action: 'client.purge',
          clientId: record.client.id,
        });
        assert.deepEqual(
          [event.userId, event.outcome, event.recordId, event.at],
          [practice.ownerId, 'success', record.client.id, start.toISOString()],
        );
        assert.equal(event.detail?.['reason'], reason);
        assert.deepEqual(event.detail?.['removed'], purge.body.purge.removed);
        const written = JSON.stringify(event);
        const content = [
          'levator',
          'Warfarin',
          'almond',
          'stress at work',
          record.client.legalLastName,
        ];
        for (const words of content) assert.ok(!written.includes(words), words);
      });

      it('lists the purge with who, when, why and the rows removed', async () => {
        const response = await owner.get('/api/v1/retention/purges');
        assertStatus(response, 200);
        assert.deepEqual(
          response.body.purges.map((entry: Json) => [
            entry.clientId,
            entry.purgedBy,
            entry.reason,
            entry.purgedAt,
          ]),
          [[record.client.id, practice.ownerId, reason, start.toISOString()]],
        );
      });

      it('no longer finds the client, and a second purge answers 404', async () => {
        assertProblem(await owner.get(`/api/v1/clients/${record.client.id}`), 404, 'not-found');
        const again = await owner.post(purgePath(record.client.id), {
          reason,
          password: testPassword,
        });
        assertProblem(again, 404, 'not-found');
      });
    });

    describe('the list of records past retention', () => {
      it('lists an archived client past retention with the dates that decide it', async () => {
        const practice = await createPractice(server);
        const expired = await expiredClient(server, practice.practiceId, { years: 12 });
        await expiredClient(server, practice.practiceId, { years: 12, archived: false });
        await expiredClient(server, practice.practiceId, { years: 8 });
        const overview = await pastRetention(practice.owner);
        assert.deepEqual(overview.rule, {
          yearsAfterLastEntry: 10,
          yearsAfterMajority: 10,
          ageOfMajority: 18,
        });
        assert.deepEqual(overview.clients, [
          {
            clientId: expired.id,
            legalFirstName: expired.legalFirstName,
            legalLastName: expired.legalLastName,
            preferredName: null,
            dateOfBirth: '1985-04-12',
            archivedAt: '2014-11-27T15:00:00.000Z',
            lastEntryOn: '2014-11-27',
            retainedUntil: '2024-11-27',
            because: 'last_entry',
          },
        ]);
      });

      it('lists a client sooner when the practice keeps records for fewer years', async () => {
        const practice = await createPractice(server);
        const eightYears = await expiredClient(server, practice.practiceId, { years: 8 });
        assert.deepEqual(await listedIds(practice.owner), []);
        await changePracticeSettings(practice.owner, { retentionYears: 6 });
        assert.deepEqual(await listedIds(practice.owner), [eightYears.id]);
      });

      it('keeps a former minor’s record until years after they came of age', async () => {
        const practice = await createPractice(server);
        const minor = await expiredClient(server, practice.practiceId, {
          years: 12,
          input: { dateOfBirth: '2008-01-01' },
        });
        assert.deepEqual(await listedIds(practice.owner), []);
        await changePracticeSettings(practice.owner, { minorRetentionYears: 0 });
        const [listed] = (await pastRetention(practice.owner)).clients;
        assert.deepEqual(
          [listed.clientId, listed.retainedUntil, listed.because],
          [minor.id, '2026-01-01', 'minor'],
        );
      });

      it('counts a later entry in the record, not the day the client was added', async () => {
        const practice = await createPractice(server);
        const client = await expiredClient(server, practice.practiceId, {
          years: 12,
          archived: false,
        });
        server.runtime.set(new Date('2020-03-02T15:00:00.000Z'));
        const owner = await signIn(server, practice.ownerEmail);
        await saveHistory(owner, client.id);
        const current = await owner.get(`/api/v1/clients/${client.id}`);
        await owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
          ifMatch: current.headers.get('etag')!,
        });
        server.runtime.set(start);
        assert.deepEqual(await listedIds(await signIn(server, practice.ownerEmail)), []);
        await changePracticeSettings(practice.owner, { retentionYears: 6 });
        const [listed] = (await pastRetention(practice.owner)).clients;
        assert.deepEqual([listed.lastEntryOn, listed.retainedUntil], ['2020-03-02', '2026-03-02']);
      });

      it('audits reading the list', async () => {
        const practice = await createPractice(server);
        await expiredClient(server, practice.practiceId);
        await pastRetention(practice.owner);
        const event = await onlyAuditEvent(practice.owner, { action: 'retention.list' });
        assert.deepEqual(event.detail, { shown: 1 });
      });

      it('refuses an age of majority outside 16 to 21 with a 400 on the field', async () => {
        const practice = await createPractice(server);
        const current = await practice.owner.get('/api/v1/practice');
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...profile } = current.body;
        const response = await practice.owner.put(
          '/api/v1/practice',
          { ...profile, settings: { ...profile.settings, ageOfMajority: 30 } },
          { ifMatch: current.headers.get('etag')! },
        );
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['settings.ageOfMajority']);
      });
    });

    describe('refusals', () => {
      it('refuses to purge a record inside its retention period, saying until when', async () => {
        const practice = await createPractice(server);
        const { client, etag } = await createClient(practice.owner);
        await practice.owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
          ifMatch: etag,
        });
        const response = await practice.owner.post(purgePath(client.id), {
          reason,
          password: testPassword,
        });
        assertProblem(response, 409, 'retention-not-over');
        assert.equal(response.body.retainedUntil, '2036-11-27');
        assertStatus(await practice.owner.get(`/api/v1/clients/${client.id}`), 200);
        const refused = await onlyAuditEvent(practice.owner, { action: 'client.purge' });
        assert.deepEqual([refused.outcome, refused.detail], ['denied', { refused: 'retained' }]);
      });

      it('refuses to purge an active client, however old its record', async () => {
        const practice = await createPractice(server);
        const client = await expiredClient(server, practice.practiceId, { archived: false });
        const response = await practice.owner.post(purgePath(client.id), {
          reason,
          password: testPassword,
        });
        assertProblem(response, 409, 'conflict');
        assert.match(response.body.detail, /Only an archived client/);
        assertStatus(await practice.owner.get(`/api/v1/clients/${client.id}`), 200);
      });

      it('refuses a wrong password with a 400 on password, purging nothing', async () => {
        const practice = await createPractice(server);
        const client = await expiredClient(server, practice.practiceId);
        const response = await practice.owner.post(purgePath(client.id), {
          reason,
          password: 'not the password',
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['password']);
        assertStatus(await practice.owner.get(`/api/v1/clients/${client.id}`), 200);
        const failed = await onlyAuditEvent(practice.owner, { action: 'client.purge' });
        assert.deepEqual([failed.outcome, failed.detail], ['failed', { reason: 'wrong_password' }]);
      });

      it('refuses a purge without a reason with a 400 on reason', async () => {
        const practice = await createPractice(server);
        const client = await expiredClient(server, practice.practiceId);
        const response = await practice.owner.post(purgePath(client.id), {
          reason: ' ',
          password: testPassword,
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['reason']);
      });

      it('answers 404 for another practice’s client', async () => {
        const practice = await createPractice(server);
        const other = await createPractice(server);
        const client = await expiredClient(server, other.practiceId);
        const response = await practice.owner.post(purgePath(client.id), {
          reason,
          password: testPassword,
        });
        assertProblem(response, 404, 'not-found');
      });
    });

    describe('the database outside a purge', () => {
      it('still refuses to delete a signed note, a health history or a consent', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.practice.owner, world.client.id);
        await signedNote(world.therapist.client, world.session.id);
        const db = server.store.db;
        await assert.rejects(
          db.deleteFrom('notes').where('client_id', '=', world.client.id).execute(),
          /signed notes are locked/,
        );
        for (const table of ['health_history_versions', 'consent_signatures'] as const) {
          await assert.rejects(
            db.deleteFrom(table).where('client_id', '=', world.client.id).execute(),
            /append-only/,
            table,
          );
        }
      });
    });

    it('keeps every refusal and purge in the audit trail of the client', async () => {
      const practice = await createPractice(server);
      const client = await expiredClient(server, practice.practiceId);
      await practice.owner.post(purgePath(client.id), { reason, password: 'wrong password' });
      await practice.owner.post(purgePath(client.id), { reason, password: testPassword });
      const events = await auditEvents(practice.owner, {
        action: 'client.purge',
        clientId: client.id,
      });
      assert.deepEqual(
        events.map((event) => event.outcome),
        ['success', 'failed'],
      );
    });
  });
}
