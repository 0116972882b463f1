import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultSessionTypes, defaultTechniques } from '../../src/domain/catalogue.js';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { dialects } from '../support/dialects.js';
import { createOtherPractice, createPractice, createStaff } from '../support/factories.js';
import type { ApiClient, ApiResponse, Json } from '../support/http.js';
import { noteContent, readNote, saveDraft, signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

const gua = { code: 'gua_sha', name: 'Gua sha' };
const usingTechnique = (code: string) =>
  noteContent({
    treatment: {
      techniques: [{ technique: code, regions: ['calves_l'], minutes: 20, pressure: 2 }],
    },
  });
const usingProduct = (productId: string) =>
  noteContent({ treatment: { products: [{ productId }] } });
const arnicaOil = { name: 'Arnica oil', kind: 'oil', ingredients: ['arnica', 'sunflower_oil'] };

for (const { dialect, skip } of dialects) {
  describe(`the practice catalogue on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    async function catalogue(caller: ApiClient): Promise<Json> {
      const response = await caller.get('/api/v1/catalogue');
      assertStatus(response, 200);
      return response.body;
    }
    const techniqueNamed = async (caller: ApiClient, code: string) =>
      (await catalogue(caller)).techniques.find((entry: Json) => entry.code === code);
    const retireProduct = async (owner: ApiClient, created: ApiResponse) => {
      const retired = await owner.put(
        `/api/v1/catalogue/products/${created.body.id}`,
        { ...arnicaOil, retired: true },
        { ifMatch: created.headers.get('etag')! },
      );
      assertStatus(retired, 200);
    };
    const retire = (owner: ApiClient, code: string, retired = true) =>
      owner.put(`/api/v1/catalogue/techniques/${code}`, { name: 'Gua sha', retired });

    it('gives a new practice the shipped techniques, session types and products', async () => {
      const body = await catalogue((await createOtherPractice(server)).owner);
      assert.deepEqual(
        body.techniques.map((entry: Json) => entry.code).sort(),
        defaultTechniques.map((entry) => entry.code).sort(),
      );
      assert.deepEqual(
        body.sessionTypes.map((entry: Json) => entry.code).sort(),
        defaultSessionTypes.map((entry) => entry.code).sort(),
      );
      const blend = body.products.find((entry: Json) => entry.kind === 'blend');
      assert.deepEqual(blend.ingredients, ['sweet_almond_oil', 'lavender_oil']);
      assert.ok(body.bodyRegions.length >= 40 && body.bodyRegions.length <= 80);
    });

    it('lets every role read the catalogue', async () => {
      const practice = await createPractice(server);
      const desk = await createStaff(server, practice, 'front_desk');
      assert.ok((await catalogue(desk.client)).techniques.length > 0);
    });

    it('adds a technique that notes may then use', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const response = await practice.owner.post('/api/v1/catalogue/techniques', gua);
      assertStatus(response, 201);
      assert.ok(response.body.techniques.some((entry: Json) => entry.code === 'gua_sha'));
      await saveDraft(therapist.client, session.id, usingTechnique('gua_sha'));
    });

    it('keeps a new technique in its own practice', async () => {
      const { practice } = await sessionToDocument(server);
      await practice.owner.post('/api/v1/catalogue/techniques', gua);
      const elsewhere = await createOtherPractice(server);
      assert.equal(await techniqueNamed(elsewhere.owner, 'gua_sha'), undefined);
    });

    it('renames a technique and keeps its code', async () => {
      const { practice } = await sessionToDocument(server);
      const response = await practice.owner.put('/api/v1/catalogue/techniques/swedish', {
        name: 'Classic Swedish',
        retired: false,
      });
      assertStatus(response, 200);
      assert.equal((await techniqueNamed(practice.owner, 'swedish')).name, 'Classic Swedish');
    });

    it('keeps a retired technique in the catalogue, marked retired', async () => {
      const { practice } = await sessionToDocument(server);
      await practice.owner.post('/api/v1/catalogue/techniques', gua);
      assertStatus(await retire(practice.owner, 'gua_sha'), 200);
      const entry = await techniqueNamed(practice.owner, 'gua_sha');
      assert.equal(entry.retiredAt, server.runtime.now().toISOString());
    });

    it('refuses a retired technique in a new note, naming the field', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      await practice.owner.post('/api/v1/catalogue/techniques', gua);
      await retire(practice.owner, 'gua_sha');
      const response = await therapist.client.put(
        `/api/v1/sessions/${session.id}/note`,
        usingTechnique('gua_sha'),
        { ifMatch: '"0"' },
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['treatment.techniques.0.technique']);
    });

    it('keeps a retired technique’s code in the notes that used it', async () => {
      const { practice, therapist, client, session } = await sessionToDocument(server);
      await practice.owner.post('/api/v1/catalogue/techniques', gua);
      await signedNote(therapist.client, session.id, usingTechnique('gua_sha'));
      await retire(practice.owner, 'gua_sha');
      const note = await readNote(therapist.client, session.id);
      assert.equal(note.content.treatment.techniques[0].technique, 'gua_sha');
      const timeline = await therapist.client.get(`/api/v1/clients/${client.id}/timeline`);
      assert.deepEqual(timeline.body.entries[0].techniques, ['gua_sha']);
    });

    it('lets a draft that already used a technique keep it after it is retired', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      await practice.owner.post('/api/v1/catalogue/techniques', gua);
      const draft = await saveDraft(therapist.client, session.id, usingTechnique('gua_sha'));
      await retire(practice.owner, 'gua_sha');
      await saveDraft(therapist.client, session.id, usingTechnique('gua_sha'), draft.etag);
    });

    it('lets the owner bring a retired technique back', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      await practice.owner.post('/api/v1/catalogue/techniques', gua);
      await retire(practice.owner, 'gua_sha');
      assertStatus(await retire(practice.owner, 'gua_sha', false), 200);
      await saveDraft(therapist.client, session.id, usingTechnique('gua_sha'));
    });

    it('refuses to reuse a technique code with 409, even a retired one', async () => {
      const { practice } = await sessionToDocument(server);
      await practice.owner.post('/api/v1/catalogue/techniques', gua);
      await retire(practice.owner, 'gua_sha');
      const response = await practice.owner.post('/api/v1/catalogue/techniques', {
        code: 'gua_sha',
        name: 'Scraping',
      });
      assertProblem(response, 409, 'conflict');
      assert.equal((await techniqueNamed(practice.owner, 'gua_sha')).name, 'Gua sha');
    });

    it('refuses a technique code that is not lower-case letters, digits and underscores', async () => {
      const { practice } = await sessionToDocument(server);
      const response = await practice.owner.post('/api/v1/catalogue/techniques', {
        code: 'Gua Sha',
        name: 'Gua sha',
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['code']);
    });

    it('answers 404 when renaming a technique the practice does not have', async () => {
      const { practice } = await sessionToDocument(server);
      assertProblem(await retire(practice.owner, 'no_such_technique'), 404, 'not-found');
    });

    it('adds a product with its ingredients, usable in notes', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const response = await practice.owner.post('/api/v1/catalogue/products', arnicaOil);
      assertStatus(response, 201);
      assert.deepEqual(response.body.ingredients, arnicaOil.ingredients);
      await saveDraft(therapist.client, session.id, usingProduct(response.body.id));
    });

    it('refuses a product with an unknown ingredient code, naming it', async () => {
      const { practice } = await sessionToDocument(server);
      const before = (await catalogue(practice.owner)).products.length;
      const response = await practice.owner.post('/api/v1/catalogue/products', {
        ...arnicaOil,
        ingredients: ['arnica', 'unicorn_oil'],
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['ingredients.1']);
      assert.equal((await catalogue(practice.owner)).products.length, before);
    });

    it('refuses a product without ingredients', async () => {
      const { practice } = await sessionToDocument(server);
      const response = await practice.owner.post('/api/v1/catalogue/products', {
        ...arnicaOil,
        ingredients: [],
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['ingredients']);
    });

    it('refuses a retired product in a new note, naming the field', async () => {
      const { practice, therapist, session } = await sessionToDocument(server);
      const created = await practice.owner.post('/api/v1/catalogue/products', arnicaOil);
      await retireProduct(practice.owner, created);
      const response = await therapist.client.put(
        `/api/v1/sessions/${session.id}/note`,
        usingProduct(created.body.id),
        { ifMatch: '"0"' },
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(problemFields(response), ['treatment.products.0.productId']);
    });

    it('lets a draft that already used a product keep it after it is retired, and no other draft take it up', async () => {
      const { practice, therapist, client, session } = await sessionToDocument(server);
      // The same client's next visit, with the same therapist (overlaps are only warned about).
      const { session: next } = await bookSession(practice.owner, {
        clientId: client.id,
        therapistId: therapist.id,
      });
      const created = await practice.owner.post('/api/v1/catalogue/products', arnicaOil);
      const draft = await saveDraft(therapist.client, session.id, usingProduct(created.body.id));
      await retireProduct(practice.owner, created);
      await saveDraft(therapist.client, session.id, usingProduct(created.body.id), draft.etag);
      const refused = await therapist.client.put(
        `/api/v1/sessions/${next.id}/note`,
        usingProduct(created.body.id),
        { ifMatch: '"0"' },
      );
      assertProblem(refused, 400, 'invalid-request');
      assert.deepEqual(problemFields(refused), ['treatment.products.0.productId']);
    });

    it('refuses a stale product change with 412', async () => {
      const { practice } = await sessionToDocument(server);
      const created = await practice.owner.post('/api/v1/catalogue/products', arnicaOil);
      const path = `/api/v1/catalogue/products/${created.body.id}`;
      await practice.owner.put(path, { ...arnicaOil, retired: false }, { ifMatch: '"1"' });
      const stale = await practice.owner.put(
        path,
        { ...arnicaOil, retired: true },
        { ifMatch: '"1"' },
      );
      assertProblem(stale, 412, 'stale-version');
    });

    it('refuses a therapist and front desk any change to the catalogue with 403', async () => {
      const { practice, therapist } = await sessionToDocument(server);
      const desk = await createStaff(server, practice, 'front_desk');
      for (const caller of [therapist.client, desk.client]) {
        assertProblem(await caller.post('/api/v1/catalogue/techniques', gua), 403, 'forbidden');
        assertProblem(await caller.post('/api/v1/catalogue/products', arnicaOil), 403, 'forbidden');
        assertProblem(
          await caller.put('/api/v1/catalogue/techniques/swedish', { name: 'Mine', retired: true }),
          403,
          'forbidden',
        );
      }
      assert.equal(await techniqueNamed(practice.owner, 'gua_sha'), undefined);
      assert.equal((await techniqueNamed(practice.owner, 'swedish')).retiredAt, null);
    });
  });
}
