import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NoteContent } from '../domain/notes.js';
import { testRuntime, type TestRuntime } from '../../test/support/clock.js';
import {
  storeForSuite,
  throwawayDatabase,
  type ThrowawayDatabase,
} from '../../test/support/database.js';
import { dialects } from '../../test/support/dialects.js';
import { storedClient, storedPractice, storedUser } from '../../test/support/records.js';
import { openStore, type Db, type Store } from './database.js';
import { clientSessionOutcomes } from './effectiveness.js';
import { insertFollowUp } from './follow-ups.js';
import { migrateToLatest, migrator } from './migrator.js';
import { saveDraft, signNote } from './notes.js';
import { insertSession } from './sessions.js';

/** A note that used two techniques, a product, and marked pain at two regions. */
const content = NoteContent.parse({
  subjective: { painBefore: 7 },
  objective: {
    bodyChart: [
      { region: 'upper_trapezius_l', kind: 'pain', intensity: 2 },
      { region: 'upper_trapezius_l', kind: 'pain', intensity: 3 },
      { region: 'rhomboids_l', kind: 'pain', intensity: 1 },
      { region: 'calves_l', kind: 'tension', intensity: 1 },
    ],
  },
  treatment: {
    techniques: [
      { technique: 'swedish', regions: [], minutes: 20, pressure: 2 },
      { technique: 'trigger_point', regions: [], minutes: 10, pressure: 4 },
    ],
    products: [{ productId: 'arnica-gel' }],
  },
  assessment: { painAfter: 3 },
});

async function aSession(db: Db, runtime: TestRuntime) {
  const practice = await storedPractice(db, runtime);
  const therapist = await storedUser(db, runtime, practice.id);
  const client = await storedClient(db, runtime, practice.id);
  const book = async (startsAt: string) => {
    const id = runtime.newId();
    await insertSession(db, {
      id,
      practice_id: practice.id,
      client_id: client.id,
      therapist_id: therapist.id,
      starts_at: startsAt,
      service_date: startsAt.slice(0, 10),
      planned_minutes: 60,
      session_type: 'therapeutic',
      location: null,
      created_at: runtime.now().toISOString(),
      created_by: therapist.id,
    });
    return id;
  };
  return { practice, therapist, client, book };
}

for (const { dialect, skip } of dialects) {
  describe(`effectiveness reads on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    const suite = storeForSuite(dialect);

    it('reads a signed session’s pain, techniques, products and follow-up, and no drafts', async () => {
      const { practice, therapist, client, book } = await aSession(suite.store.db, runtime);
      const signed = await book('2026-11-20T15:00:00.000Z');
      const draft = await book('2026-11-21T15:00:00.000Z');
      for (const sessionId of [signed, draft]) {
        await saveDraft(suite.store.db, {
          practiceId: practice.id,
          sessionId,
          clientId: client.id,
          authorId: therapist.id,
          content,
          expectedVersion: 0,
          now: runtime.now().toISOString(),
        });
      }
      await signNote(suite.store.db, {
        practiceId: practice.id,
        sessionId: signed,
        expectedVersion: 1,
        userId: therapist.id,
        serviceDate: '2026-11-20',
        versionId: runtime.newId(),
        now: runtime.now().toISOString(),
      });
      await insertFollowUp(suite.store.db, {
        id: runtime.newId(),
        practiceId: practice.id,
        clientId: client.id,
        sessionId: signed,
        relief: 6,
        soreness: 8,
        reactions: ['bruising'],
        reactionDetails: null,
        source: 'staff',
        linkId: null,
        recordedBy: therapist.id,
        submittedAt: runtime.now().toISOString(),
      });
      assert.deepEqual(await clientSessionOutcomes(suite.store.db, practice.id, client.id), [
        {
          sessionId: signed,
          startsAt: '2026-11-20T15:00:00.000Z',
          serviceDate: '2026-11-20',
          painBefore: 7,
          painAfter: 3,
          techniques: ['swedish', 'trigger_point'],
          pressures: [2, 4],
          products: ['arnica-gel'],
          followUp: { soreness: 8, reactions: ['bruising'] },
        },
      ]);
    });
  });

  describe(`the note-products migration on ${dialect}`, { skip }, () => {
    const runtime = testRuntime();
    let database: ThrowawayDatabase;
    let store: Store;
    before(async () => {
      database = await throwawayDatabase(dialect, { empty: true });
      // Opened without migrating: the test stops just before the migration under test.
      store = openStore({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    it('backfills the products and pain regions of notes signed before it', async () => {
      const { error } = await migrator(store.db).migrateTo('2026-11-30T0200-follow-ups');
      if (error) throw error;
      const { practice, therapist, client, book } = await aSession(store.db, runtime);
      const signed = await book('2026-11-20T15:00:00.000Z');
      const draft = await book('2026-11-21T15:00:00.000Z');
      for (const [sessionId, signedAt] of [
        [signed, runtime.now().toISOString()],
        [draft, null],
      ] as const) {
        await store.db
          .insertInto('notes')
          .values({
            session_id: sessionId,
            practice_id: practice.id,
            client_id: client.id,
            author_id: therapist.id,
            content: JSON.stringify(content),
            pain_before: 7,
            pain_after: 3,
            search_text: '',
            signed_at: signedAt,
            signed_by: signedAt ? therapist.id : null,
            version: 1,
            created_at: runtime.now().toISOString(),
            updated_at: runtime.now().toISOString(),
          })
          .execute();
      }
      await migrateToLatest(store.db);
      const products = await store.db
        .selectFrom('note_products')
        .select(['session_id', 'position', 'client_id', 'service_date', 'product_id'])
        .execute();
      assert.deepEqual(products, [
        {
          session_id: signed,
          position: 0,
          client_id: client.id,
          service_date: '2026-11-20',
          product_id: 'arnica-gel',
        },
      ]);
      const regions = await store.db
        .selectFrom('note_pain_regions')
        .select(['session_id', 'region'])
        .orderBy('region')
        .execute();
      assert.deepEqual(regions, [
        { session_id: signed, region: 'rhomboids_l' },
        { session_id: signed, region: 'upper_trapezius_l' },
      ]);
    });
  });
}
