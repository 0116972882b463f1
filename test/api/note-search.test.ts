import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createClient, createOtherPractice, createStaff } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { noteContent, saveDraft, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

/** Characters and words that mean something to FTS5 MATCH or to_tsquery, as a user might type them. */
const syntaxQueries = [
  '"',
  '"scapula',
  'scapula"',
  '*',
  'scap*',
  'AND',
  'scapula AND',
  'OR NOT',
  '(scapula)',
  'scapula)',
  'NEAR(scapula neck)',
  'content:scapula',
  ':',
  '::*',
  'scapula:*',
  '&',
  'scapula & neck',
  '!scapula',
  'scapula | neck',
  '-scapula',
  '^scapula',
  "'",
  "o'clock",
  '\\',
  '{scapula}',
  '[neck]',
  '%_',
];

for (const { dialect, skip } of dialects) {
  describe(`searching notes on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function search(caller: ApiClient, q: string) {
      const response = await caller.get(`/api/v1/notes/search?q=${encodeURIComponent(q)}`);
      assertStatus(response, 200);
      return response.body.hits as Json[];
    }
    const sessionsFound = async (caller: ApiClient, q: string) =>
      (await search(caller, q)).map((hit) => hit.sessionId);

    /** A session whose signed note says `words` in its palpation findings. */
    async function noteSaying(words: string) {
      const world = await sessionToDocument(server);
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({ objective: { palpation: words } }),
      );
      return world;
    }

    it('finds a note by a word in it, with a link to the session, the client’s name and an excerpt', async () => {
      const { therapist, client, session } = await noteSaying('Taut band along the medial scapula');
      const hits = await search(therapist.client, 'scapula');
      assert.deepEqual(
        hits.map((hit) => [hit.sessionId, hit.clientId, hit.clientName, hit.startsAt]),
        [
          [
            session.id,
            client.id,
            `${client.preferredName ?? client.legalFirstName} ${client.legalLastName}`,
            session.startsAt,
          ],
        ],
      );
      assert.match(hits[0].excerpt, /medial scapula/);
    });

    it('finds a word however its accents are written', async () => {
      const { therapist, session } = await noteSaying('Douleur à l’épaule gauche');
      assert.deepEqual(await sessionsFound(therapist.client, 'epaule'), [session.id]);
      assert.deepEqual(await sessionsFound(therapist.client, 'ÉPAULE'), [session.id]);
    });

    it('finds a word by its beginning', async () => {
      const { therapist, session } = await noteSaying('Hypertonic sternocleidomastoid');
      assert.deepEqual(await sessionsFound(therapist.client, 'sternoclei'), [session.id]);
    });

    it('finds a hyphenated word searched as it was written', async () => {
      const { therapist, session } = await noteSaying('Knot in the left levator-scapulae');
      assert.deepEqual(await sessionsFound(therapist.client, 'levator-scapulae'), [session.id]);
    });

    it('finds only notes that contain every word searched', async () => {
      const { therapist } = await noteSaying('Tender gluteus medius');
      assert.deepEqual(await search(therapist.client, 'gluteus elbow'), []);
    });

    it('finds drafts as well as signed notes', async () => {
      const { therapist, session } = await sessionToDocument(server);
      await saveDraft(
        therapist.client,
        session.id,
        noteContent({ plan: { homeCare: 'Foam roller' } }),
      );
      assert.deepEqual(await sessionsFound(therapist.client, 'foam roller'), [session.id]);
    });

    it('finds the new words of a draft after an autosave, not the old ones', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const first = await saveDraft(
        therapist.client,
        session.id,
        noteContent({ plan: { homeCare: 'Walking' } }),
      );
      await saveDraft(
        therapist.client,
        session.id,
        noteContent({ plan: { homeCare: 'Swimming' } }),
        first.etag,
      );
      assert.deepEqual(await search(therapist.client, 'walking'), []);
      assert.deepEqual(await sessionsFound(therapist.client, 'swimming'), [session.id]);
    });

    it('does not find notes of another practice', async () => {
      await noteSaying('Rhomboid adhesions');
      const elsewhere = await createOtherPractice(server);
      assert.deepEqual(await search(elsewhere.owner, 'rhomboid'), []);
    });

    it('keeps a therapist under assigned care to the notes of their own clients', async () => {
      const world = await sessionToDocument(server, { careModel: 'assigned' });
      const colleague = await createStaff(server, world.practice, 'therapist');
      const { client: theirs } = await createClient(world.practice.owner, {
        primaryTherapistId: colleague.id,
      });
      const { session: theirSession } = await bookSession(world.practice.owner, {
        clientId: theirs.id,
        therapistId: colleague.id,
      });
      const words = noteContent({ objective: { palpation: 'Piriformis spasm' } });
      await signedNote(world.therapist.client, world.session.id, words);
      await signedNote(colleague.client, theirSession.id, words);
      assert.deepEqual(await sessionsFound(world.therapist.client, 'piriformis'), [
        world.session.id,
      ]);
      assert.deepEqual(await sessionsFound(colleague.client, 'piriformis'), [theirSession.id]);
    });

    it('answers the most recently written notes first, and walks past notes out of reach to fill the page', async () => {
      const world = await sessionToDocument(server, { careModel: 'assigned' });
      const colleague = await createStaff(server, world.practice, 'therapist');
      const { client: theirs } = await createClient(world.practice.owner, {
        primaryTherapistId: colleague.id,
      });
      const theirSessions: string[] = [];
      for (let booked = 0; booked < 4; booked += 1) {
        const { session } = await bookSession(world.practice.owner, {
          clientId: theirs.id,
          therapistId: colleague.id,
          startsAt: `2026-11-${String(10 + booked).padStart(2, '0')}T09:00:00.000Z`,
        });
        theirSessions.push(session.id);
      }
      const words = noteContent({ objective: { palpation: 'Sternocleidomastoid tender' } });
      // The therapist's own note is written first, so it is the oldest match of all.
      await signedNote(world.therapist.client, world.session.id, words);
      // The colleague documents their sessions newest first: writing order, not booking order.
      for (const sessionId of [...theirSessions].reverse()) {
        server.runtime.advanceMinutes(1);
        await signedNote(colleague.client, sessionId, words);
      }
      const firstTwo = await world.practice.owner.get(
        '/api/v1/notes/search?q=sternocleidomastoid&limit=2',
      );
      assertStatus(firstTwo, 200);
      assert.deepEqual(
        (firstTwo.body.hits as Json[]).map((hit) => hit.sessionId),
        [theirSessions[0], theirSessions[1]],
      );
      const own = await world.therapist.client.get(
        '/api/v1/notes/search?q=sternocleidomastoid&limit=2',
      );
      assertStatus(own, 200);
      assert.deepEqual(
        (own.body.hits as Json[]).map((hit) => hit.sessionId),
        [world.session.id],
      );
    });

    it('lets the owner find every clinician’s notes under assigned care', async () => {
      const world = await sessionToDocument(server, { careModel: 'assigned' });
      await signedNote(
        world.therapist.client,
        world.session.id,
        noteContent({ objective: { palpation: 'Scalene trigger point' } }),
      );
      assert.deepEqual(await sessionsFound(world.practice.owner, 'scalene'), [world.session.id]);
    });

    it('refuses front desk with 403', async () => {
      const { practice } = await noteSaying('Psoas tightness');
      const desk = await createStaff(server, practice, 'front_desk');
      assertProblem(await desk.client.get('/api/v1/notes/search?q=psoas'), 403, 'forbidden');
    });

    it('refuses an empty search, naming query.q', async () => {
      const { therapist } = await sessionToDocument(server);
      const response = await therapist.client.get('/api/v1/notes/search?q=%20%20');
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['query.q']);
    });

    for (const query of syntaxQueries) {
      it(`answers ${JSON.stringify(query)} as plain words, never with a server error`, async () => {
        const { therapist } = await noteSaying('Medial scapula, neck stiff');
        await search(therapist.client, query);
      });
    }

    it('still finds the note when its word is wrapped in search syntax', async () => {
      const { therapist, session } = await noteSaying('Levator scapulae knot');
      for (const query of ['"levator"', '(levator)', 'levator*', 'levator:*', 'levator & knot']) {
        assert.deepEqual(await sessionsFound(therapist.client, query), [session.id], query);
      }
    });

    it('finds a draft’s words as soon as it is saved, and forgets the words a later save replaced', async () => {
      const { therapist, session } = await sessionToDocument(server);
      const first = await saveDraft(
        therapist.client,
        session.id,
        noteContent({ plan: { homeCare: 'Quokka stretch' } }),
      );
      assert.deepEqual(await sessionsFound(therapist.client, 'quokka'), [session.id]);
      await saveDraft(
        therapist.client,
        session.id,
        noteContent({ plan: { homeCare: 'Wombat stretch' } }),
        first.etag,
      );
      assert.deepEqual(await sessionsFound(therapist.client, 'quokka'), []);
      assert.deepEqual(await sessionsFound(therapist.client, 'wombat'), [session.id]);
    });

    if (dialect === 'sqlite') {
      it('indexes a saved note in the background, with no search to prompt it', async () => {
        const { therapist, session } = await sessionToDocument(server);
        await saveDraft(
          therapist.client,
          session.id,
          noteContent({ plan: { homeCare: 'Axolotl walk' } }),
        );
        const db = server.store.db;
        const [note] = (
          await sql<{
            rowid: number;
          }>`select rowid from notes where session_id = ${session.id}`.execute(db)
        ).rows;
        const queued = async () =>
          (await sql`select 1 from notes_fts_pending where note_rowid = ${note!.rowid}`.execute(db))
            .rows.length > 0;
        const deadline = Date.now() + 10_000;
        while ((await queued()) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(await queued(), false, 'the maintenance worker emptied the queue');
        const indexed = await sql<{
          rowid: number;
        }>`select rowid from notes_fts where notes_fts match 'axolotl'`.execute(db);
        assert.deepEqual(
          indexed.rows.map((row) => row.rowid),
          [note!.rowid],
        );
      });
    }

    it('forgets the words of a draft that was deleted from the database', async () => {
      const first = await sessionToDocument(server);
      await saveDraft(
        first.therapist.client,
        first.session.id,
        noteContent({ plan: { homeCare: 'Zebrafinch' } }),
      );
      await sql`delete from notes where session_id = ${first.session.id}`.execute(server.store.db);
      const second = await sessionToDocument(server);
      await saveDraft(second.therapist.client, second.session.id);
      assert.deepEqual(await search(first.therapist.client, 'zebrafinch'), []);
      assert.deepEqual(await search(second.therapist.client, 'zebrafinch'), []);
    });
  });
}
