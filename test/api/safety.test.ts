import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createStaff } from '../support/factories.js';
import { historyInput, saveHistory } from '../support/health-history.js';
import type { ApiClient, Json } from '../support/http.js';
import { noteContent, readNote, saveDraft, signDraft } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

const fever = () => ({ id: randomUUID(), code: 'fever', name: 'Fever', status: 'active' });
const dvt = () => ({ id: randomUUID(), code: 'dvt', name: 'Calf clot', status: 'active' });
const reason = 'Temperature normal this morning; client feels well.';

for (const { dialect, skip } of dialects) {
  describe(`safety alerts on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A session to document for a client whose health history is `history` (none: healthy). */
    async function sessionFor(history: Json | null) {
      const world = await sessionToDocument(server);
      if (history) await saveHistory(world.practice.owner, world.client.id, history);
      return world;
    }

    const alertsPath = (clientId: string) => `/api/v1/clients/${clientId}/safety-alerts`;
    const overridesPath = (sessionId: string) => `/api/v1/sessions/${sessionId}/safety-overrides`;
    const startNote = (caller: ApiClient, sessionId: string) =>
      caller.put(`/api/v1/sessions/${sessionId}/note`, noteContent(), { ifMatch: '"0"' });
    async function kept(caller: ApiClient, sessionId: string) {
      const response = await caller.get(`/api/v1/sessions/${sessionId}/safety`);
      assertStatus(response, 200);
      return response.body as { alerts: Json[]; overrides: Json[] };
    }

    it('shows a client’s alerts, blocking ones first, with the regions to avoid', async () => {
      const { therapist, client } = await sessionFor(
        historyInput({
          conditions: [
            fever(),
            {
              id: randomUUID(),
              code: 'varicose_veins',
              name: 'Varicose veins',
              status: 'active',
              regions: ['calves_r'],
            },
          ],
        }),
      );
      const response = await therapist.client.get(alertsPath(client.id));
      assertStatus(response, 200);
      assert.deepEqual(
        response.body.alerts.map((alert: Json) => [alert.ruleId, alert.blocking]),
        [
          ['absolute.fever', true],
          ['local.varicose_veins', false],
          ['caution.blood_thinner', false],
          ['allergy.tree_nut', false],
        ],
      );
      assert.deepEqual(
        response.body.avoidRegions.map((mark: Json) => mark.region),
        ['calves_r'],
      );
      assert.equal(response.body.historyNumber, 1);
      assert.deepEqual(response.body.settings, { coconutWithTreeNuts: true });
    });

    it('audits reading a client’s alerts as a clinical read', async () => {
      const { practice, therapist, client } = await sessionFor(historyInput());
      await therapist.client.get(alertsPath(client.id));
      const event = await onlyAuditEvent(practice.owner, {
        action: 'safetyAlerts.read',
        clientId: client.id,
      });
      assert.equal(event.userId, therapist.id);
      assert.deepEqual(event.detail, { historyNumber: 1 });
    });

    it('raises no alert for a healthy client, and starts and signs their session', async () => {
      const { therapist, client, session } = await sessionFor(null);
      const response = await therapist.client.get(alertsPath(client.id));
      assert.deepEqual(response.body.alerts, []);
      assert.equal(response.body.historyNumber, null);
      const draft = await saveDraft(therapist.client, session.id);
      await signDraft(therapist.client, session.id, draft.etag);
      assert.deepEqual(await kept(therapist.client, session.id), { alerts: [], overrides: [] });
    });

    it('refuses to start a session while an absolute contraindication has no override', async () => {
      const { practice, therapist, session } = await sessionFor(
        historyInput({ conditions: [fever()] }),
      );
      const response = await startNote(therapist.client, session.id);
      assertProblem(response, 409, 'blocking-safety-alerts');
      assert.deepEqual(
        response.body.alerts.map((alert: Json) => alert.ruleId),
        ['absolute.fever'],
      );
      assert.equal(await readNote(therapist.client, session.id), null);
      const refusal = await onlyAuditEvent(practice.owner, { action: 'note.save' });
      assert.equal(refusal.outcome, 'denied');
      assert.deepEqual(refusal.detail, {
        reason: 'blocking_safety_alerts',
        ruleIds: ['absolute.fever'],
      });
    });

    it('starts the session once every blocking alert is overridden with a reason', async () => {
      const { therapist, session } = await sessionFor(
        historyInput({ conditions: [fever(), dvt()] }),
      );
      const one = await therapist.client.post(overridesPath(session.id), {
        overrides: [{ ruleId: 'absolute.fever', reason }],
      });
      assertStatus(one, 201);
      const stillBlocked = await startNote(therapist.client, session.id);
      assertProblem(stillBlocked, 409, 'blocking-safety-alerts');
      assert.deepEqual(
        stillBlocked.body.alerts.map((alert: Json) => alert.ruleId),
        ['absolute.dvt_pe'],
      );
      const two = await therapist.client.post(overridesPath(session.id), {
        overrides: [{ ruleId: 'absolute.dvt_pe', reason: 'Cleared by her physician on Monday' }],
      });
      assertStatus(two, 201);
      assertStatus(await startNote(therapist.client, session.id), 200);
    });

    it('keeps the overrides and the alerts the session started with', async () => {
      const { therapist, session } = await sessionFor(historyInput({ conditions: [fever()] }));
      const response = await therapist.client.post(overridesPath(session.id), {
        overrides: [{ ruleId: 'absolute.fever', reason: `  ${reason}  ` }],
      });
      assertStatus(response, 201);
      const record = await kept(therapist.client, session.id);
      assert.deepEqual(
        record.overrides.map((override) => [
          override.ruleId,
          override.reason,
          override.overriddenBy,
        ]),
        [['absolute.fever', reason, therapist.id]],
      );
      assert.deepEqual(
        record.alerts.map((alert) => [alert.stage, alert.ruleId, alert.ruleSetVersion]),
        [
          ['start', 'absolute.fever', '2026-11-27'],
          ['start', 'caution.blood_thinner', '2026-11-27'],
          ['start', 'allergy.tree_nut', '2026-11-27'],
        ],
      );
    });

    it('audits every override with its rule', async () => {
      const { practice, therapist, client, session } = await sessionFor(
        historyInput({ conditions: [fever()] }),
      );
      const response = await therapist.client.post(overridesPath(session.id), {
        overrides: [{ ruleId: 'absolute.fever', reason }],
      });
      const event = await onlyAuditEvent(practice.owner, {
        action: 'safety.override',
        clientId: client.id,
      });
      assert.equal(event.recordId, response.body.overrides[0].id);
      assert.equal(event.userId, therapist.id);
      assert.deepEqual(event.detail, { sessionId: session.id, ruleId: 'absolute.fever' });
    });

    for (const [label, badReason, message] of [
      ['an empty reason', '', 'Say why it is safe to go ahead.'],
      ['a reason of spaces', '   ', 'Say why it is safe to go ahead.'],
      ['a reason over 500 characters', 'x'.repeat(501), 'Must be at most 500 characters.'],
    ] as const) {
      it(`refuses an override with ${label}, storing nothing`, async () => {
        const { practice, therapist, session } = await sessionFor(
          historyInput({ conditions: [fever()] }),
        );
        const response = await therapist.client.post(overridesPath(session.id), {
          overrides: [{ ruleId: 'absolute.fever', reason: badReason }],
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(response.body.errors, [{ field: 'overrides.0.reason', message }]);
        assert.deepEqual(await kept(therapist.client, session.id), { alerts: [], overrides: [] });
        assert.deepEqual(await auditEvents(practice.owner, { action: 'safety.override' }), []);
        assertProblem(await startNote(therapist.client, session.id), 409);
      });
    }

    it('refuses an override without any alert listed', async () => {
      const { therapist, session } = await sessionFor(historyInput({ conditions: [fever()] }));
      const response = await therapist.client.post(overridesPath(session.id), { overrides: [] });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(response.body.errors, [
        { field: 'overrides', message: 'List the alerts being overridden, each with a reason.' },
      ]);
    });

    it('refuses to override an alert that does not block, storing nothing', async () => {
      const { therapist, session } = await sessionFor(historyInput({ conditions: [fever()] }));
      const response = await therapist.client.post(overridesPath(session.id), {
        overrides: [
          { ruleId: 'absolute.fever', reason },
          { ruleId: 'caution.blood_thinner', reason },
        ],
      });
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(response.body.errors, [
        {
          field: 'overrides.1.ruleId',
          message: 'No blocking alert with this rule to override.',
        },
      ]);
      assert.deepEqual(await kept(therapist.client, session.id), { alerts: [], overrides: [] });
    });

    it('refuses to override the same alert twice for a session', async () => {
      const { therapist, session } = await sessionFor(historyInput({ conditions: [fever()] }));
      const body = { overrides: [{ ruleId: 'absolute.fever', reason }] };
      assertStatus(await therapist.client.post(overridesPath(session.id), body), 201);
      const again = await therapist.client.post(overridesPath(session.id), body);
      assertProblem(again, 409, 'conflict');
      assert.equal((await kept(therapist.client, session.id)).overrides.length, 1);
    });

    it('keeps with the session the alerts that applied to the signed note', async () => {
      const { practice, therapist, session } = await sessionFor(historyInput());
      const catalogue = await therapist.client.get('/api/v1/catalogue');
      const almond = catalogue.body.products.find(
        (product: Json) => product.name === 'Almond & lavender relaxing blend',
      );
      const draft = await saveDraft(
        therapist.client,
        session.id,
        noteContent({
          treatment: {
            techniques: [
              { technique: 'deep_tissue', regions: ['hamstrings_l'], minutes: 20, pressure: 4 },
            ],
            products: [{ productId: almond.id }],
          },
        }),
      );
      await signDraft(therapist.client, session.id, draft.etag);
      const record = await kept(therapist.client, session.id);
      assert.deepEqual(
        record.alerts.map((alert) => [alert.stage, alert.ruleId, alert.message]),
        [
          [
            'sign',
            'caution.blood_thinner',
            'Blood thinner or bleeding disorder: keep pressure at 3 (firm) or lighter and avoid cupping, scraping and deep friction, which bruise.',
          ],
          [
            'sign',
            'caution.blood_thinner',
            'Deep tissue at pressure 4 (Deep). Bruising and bleeding risk: keep pressure at 3 or lighter.',
          ],
          [
            'sign',
            'allergy.tree_nut',
            'Tree-nut allergy: no products with nut oils or butters (sweet almond, macadamia, argan, hazelnut, kukui, shea).',
          ],
          [
            'sign',
            'allergy.tree_nut',
            'Almond & lavender relaxing blend contains Sweet almond oil. The client has an allergy: Tree nuts (almond), severe. Choose a product without it.',
          ],
        ],
      );
      const read = await onlyAuditEvent(practice.owner, { action: 'sessionSafety.read' });
      assert.equal(read.recordId, session.id);
    });

    it('lets later autosaves through once the session has started', async () => {
      const { therapist, session } = await sessionFor(historyInput({ conditions: [fever()] }));
      await therapist.client.post(overridesPath(session.id), {
        overrides: [{ ruleId: 'absolute.fever', reason }],
      });
      const first = await saveDraft(therapist.client, session.id);
      const second = await saveDraft(therapist.client, session.id, noteContent(), first.etag);
      assert.equal(second.note.version, 2);
    });

    it('refuses front desk the alerts and the overrides', async () => {
      const world = await sessionFor(historyInput({ conditions: [fever()] }));
      const desk = await createStaff(server, world.practice, 'front_desk');
      assertProblem(await desk.client.get(alertsPath(world.client.id)), 403, 'forbidden');
      assertProblem(
        await desk.client.post(overridesPath(world.session.id), {
          overrides: [{ ruleId: 'absolute.fever', reason }],
        }),
        403,
        'forbidden',
      );
    });

    describe('the practice’s safety settings', () => {
      const path = '/api/v1/practice/safety-settings';

      it('start with coconut counted as a tree nut, and the owner can turn it off', async () => {
        const { practice, therapist, client } = await sessionFor(historyInput());
        const current = await practice.owner.get(path);
        assert.deepEqual(current.body, { settings: { coconutWithTreeNuts: true }, version: 0 });
        const saved = await practice.owner.put(
          path,
          { coconutWithTreeNuts: false },
          { ifMatch: current.headers.get('etag')! },
        );
        assertStatus(saved, 200);
        assert.deepEqual(saved.body, { settings: { coconutWithTreeNuts: false }, version: 1 });
        const alerts = await therapist.client.get(alertsPath(client.id));
        assert.deepEqual(alerts.body.settings, { coconutWithTreeNuts: false });
        const event = await onlyAuditEvent(practice.owner, { action: 'safetySettings.update' });
        assert.deepEqual(event.detail, { settings: { coconutWithTreeNuts: false } });
      });

      it('refuse a stale change with 412', async () => {
        const { practice } = await sessionFor(null);
        const body = { coconutWithTreeNuts: false };
        assertStatus(await practice.owner.put(path, body, { ifMatch: '"0"' }), 200);
        assertProblem(await practice.owner.put(path, body, { ifMatch: '"0"' }), 412);
      });

      it('refuse a setting that is not yes or no', async () => {
        const { practice } = await sessionFor(null);
        const response = await practice.owner.put(
          path,
          { coconutWithTreeNuts: 'maybe' },
          { ifMatch: '"0"' },
        );
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(response.body.errors, [
          { field: 'coconutWithTreeNuts', message: 'Answer yes or no.' },
        ]);
      });
    });
  });
}
