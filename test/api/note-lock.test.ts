import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { dialects } from '../support/dialects.js';
import { readNote, saveDraft, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

/**
 * The lock on a signed note is the database's, not only the API's: a statement typed into a
 * database console, or a bug in a future repository, is refused the same way. These tests
 * speak SQL straight to the store's connection, as such a statement would.
 */
for (const { dialect, skip } of dialects) {
  describe(`the database lock on signed notes on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A signed note (with techniques, so note_techniques has rows) and an addendum. */
    async function amendedNote() {
      const world = await sessionToDocument(server);
      const signed = await signedNote(world.therapist.client, world.session.id);
      const addendum = await world.therapist.client.post(
        `/api/v1/sessions/${world.session.id}/note/addenda`,
        { reason: 'Typo', text: 'Pressure was 3, not 4.' },
      );
      assert.equal(addendum.status, 201, addendum.text);
      return { ...world, signed };
    }

    const run = (statement: ReturnType<typeof sql>) => statement.execute(server.store.db);

    it('refuses an UPDATE of a signed note’s content', async () => {
      const { therapist, session, signed } = await amendedNote();
      await assert.rejects(
        run(sql`update notes set content = ${'{}'} where session_id = ${session.id}`),
        /signed notes are locked/,
      );
      assert.deepEqual((await readNote(therapist.client, session.id)).content, signed.note.content);
    });

    it('refuses to unsign a signed note by clearing signed_at', async () => {
      const { therapist, session } = await amendedNote();
      await assert.rejects(
        run(sql`update notes set signed_at = null where session_id = ${session.id}`),
        /signed notes are locked/,
      );
      assert.equal((await readNote(therapist.client, session.id)).status, 'signed');
    });

    it('refuses a DELETE of a signed note', async () => {
      const { therapist, session } = await amendedNote();
      await assert.rejects(
        run(sql`delete from notes where session_id = ${session.id}`),
        /signed notes are locked/,
      );
      assert.equal((await readNote(therapist.client, session.id)).status, 'signed');
    });

    for (const table of ['addenda', 'note_versions', 'note_techniques'] as const) {
      it(`refuses an UPDATE of ${table}`, async () => {
        const { session } = await amendedNote();
        const column = table === 'note_techniques' ? 'minutes' : 'created_at';
        const value = table === 'note_techniques' ? 1 : '2000-01-01T00:00:00.000Z';
        await assert.rejects(
          run(
            sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where session_id = ${session.id}`,
          ),
          new RegExp(`${table} is append-only`),
        );
      });

      it(`refuses a DELETE from ${table}`, async () => {
        const { session } = await amendedNote();
        const count = () =>
          server.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('rows'))
            .where('session_id', '=', session.id)
            .executeTakeFirstOrThrow();
        const before = Number((await count()).rows);
        assert.ok(before > 0, `expected rows in ${table}`);
        await assert.rejects(
          run(sql`delete from ${sql.table(table)} where session_id = ${session.id}`),
          new RegExp(`${table} is append-only`),
        );
        assert.equal(Number((await count()).rows), before);
      });
    }

    it('lets SQL change a draft: the lock is for signed notes only', async () => {
      const { therapist, session } = await sessionToDocument(server);
      await saveDraft(therapist.client, session.id);
      await run(sql`update notes set pain_before = ${2} where session_id = ${session.id}`);
      const row = await server.store.db
        .selectFrom('notes')
        .select('pain_before')
        .where('session_id', '=', session.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.pain_before, 2);
    });

    it('lets SQL delete a draft', async () => {
      const { therapist, session } = await sessionToDocument(server);
      await saveDraft(therapist.client, session.id);
      await run(sql`delete from notes where session_id = ${session.id}`);
      assert.equal(await readNote(therapist.client, session.id), null);
    });
  });
}
