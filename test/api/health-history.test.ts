import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createStaff } from '../support/factories.js';
import { historyInput, saveHistory } from '../support/health-history.js';
import type { ApiClient, Json } from '../support/http.js';
import { signedNote } from '../support/notes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

const historyPath = (clientId: string) => `/api/v1/clients/${clientId}/health-history`;
const checkPath = (sessionId: string) => `/api/v1/sessions/${sessionId}/health-check`;

/** The client's history with the warfarin dose changed, keeping every entry's id. */
function withDose(view: Json, dose: string): Json {
  const history = view.history;
  return {
    ...history,
    medications: history.medications.map((medication: Json) => ({ ...medication, dose })),
  };
}

async function versionNumbers(caller: ApiClient, clientId: string): Promise<number[]> {
  const response = await caller.get(`${historyPath(clientId)}/versions`);
  assertStatus(response, 200);
  return response.body.versions.map((version: Json) => version.number);
}

for (const { dialect, skip } of dialects) {
  describe(`health history on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    describe('versions', () => {
      it('answers an empty history numbered 0 before anything is recorded', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.get(historyPath(world.client.id));
        assertStatus(response, 200);
        assert.equal(response.headers.get('etag'), '"0"');
        assert.equal(response.body.number, 0);
        assert.deepEqual(response.body.history.medications, []);
        assert.equal(response.body.recordedBy, null);
      });

      it('saves each change as a new version whose number is the ETag', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        assert.equal(first.etag, '"1"');
        const second = await world.therapist.client.put(
          historyPath(world.client.id),
          withDose(first.view, '2.5 mg daily'),
          { ifMatch: first.etag },
        );
        assertStatus(second, 200);
        assert.equal(second.headers.get('etag'), '"2"');
        assert.equal(second.body.history.medications[0].dose, '2.5 mg daily');
      });

      it('lists versions newest first with who saved them, how and what changed', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        await saveHistory(world.practice.owner, world.client.id, withDose(first.view, '1 mg'));
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/versions`,
        );
        assertStatus(response, 200);
        assert.deepEqual(
          response.body.versions.map((version: Json) => [
            version.number,
            version.recordedBy,
            version.source,
            version.changedSections,
          ]),
          [
            [2, world.practice.ownerId, 'staff', ['medications']],
            [1, world.therapist.id, 'staff', ['medications', 'allergies', 'goals']],
          ],
        );
        assert.equal(response.body.versions[0].history, undefined);
      });

      it('reads an earlier version as it was saved', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        await saveHistory(world.therapist.client, world.client.id, withDose(first.view, '1 mg'));
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/versions/1`,
        );
        assertStatus(response, 200);
        assert.equal(response.body.number, 1);
        assert.equal(response.body.history.medications[0].dose, '5 mg daily');
      });

      it('answers 404 for a version that does not exist', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/versions/3`,
        );
        assertProblem(response, 404, 'not-found');
      });
    });

    describe('comparing', () => {
      it('compares two versions field by field, matching entries by id', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        await saveHistory(world.therapist.client, world.client.id, withDose(first.view, '1 mg'));
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/compare?from=1&to=2`,
        );
        assertStatus(response, 200);
        assert.deepEqual(response.body.sections, ['medications']);
        assert.deepEqual(
          response.body.changes.map((change: Json) => [
            change.kind,
            change.label,
            change.before,
            change.after,
          ]),
          [['changed', 'Warfarin — Dose', '5 mg daily', '1 mg']],
        );
      });

      it('compares the first version with the empty history before it', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.therapist.client, world.client.id);
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/compare?from=0&to=1`,
        );
        assertStatus(response, 200);
        assert.deepEqual(
          response.body.changes.map((change: Json) => change.kind),
          ['added', 'added', 'added'],
        );
      });

      it('refuses a comparison with a version that does not exist', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.therapist.client, world.client.id);
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/compare?from=1&to=9`,
        );
        assertProblem(response, 404, 'not-found');
      });

      it('refuses a comparison without version numbers', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/compare?from=one`,
        );
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response).sort(), ['query.from', 'query.to']);
      });

      it('shows what changed since the version current at the last signed visit', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        server.runtime.advanceMinutes(1);
        await signedNote(world.therapist.client, world.session.id);
        server.runtime.advanceMinutes(1);
        await saveHistory(world.therapist.client, world.client.id, withDose(first.view, '1 mg'));
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/since-last-visit`,
        );
        assertStatus(response, 200);
        assert.equal(response.body.lastVisit.sessionId, world.session.id);
        assert.deepEqual([response.body.from, response.body.to], [1, 2]);
        assert.deepEqual(response.body.sections, ['medications']);
      });

      it('reports no changes since the last visit for a client never seen before', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.therapist.client, world.client.id);
        const response = await world.therapist.client.get(
          `${historyPath(world.client.id)}/since-last-visit`,
        );
        assertStatus(response, 200);
        assert.equal(response.body.lastVisit, null);
        assert.deepEqual(response.body.changes, []);
      });
    });

    describe('refusals', () => {
      it('refuses a save over a version someone else replaced, with the current one', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        await saveHistory(world.practice.owner, world.client.id, withDose(first.view, '1 mg'));
        const stale = await world.therapist.client.put(
          historyPath(world.client.id),
          withDose(first.view, '10 mg'),
          { ifMatch: first.etag },
        );
        assertProblem(stale, 412, 'stale-version');
        assert.equal(stale.body.currentVersion, 2);
        assert.equal(stale.body.current.history.medications[0].dose, '1 mg');
        assert.deepEqual(await versionNumbers(world.therapist.client, world.client.id), [2, 1]);
      });

      it('needs If-Match to save', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.put(
          historyPath(world.client.id),
          historyInput(),
        );
        assertProblem(response, 428, 'precondition-required');
      });

      const badHistories: Array<[string, Json, string[]]> = [
        [
          'a surgery dated in the future',
          historyInput({
            surgeriesAndInjuries: [
              {
                id: randomUUID(),
                kind: 'surgery',
                description: 'Knee arthroscopy',
                date: '2027-03-01',
                regions: ['knee_r'],
              },
            ],
          }),
          ['surgeriesAndInjuries.0.date'],
        ],
        [
          'an unknown allergy code',
          historyInput({ allergies: [{ id: randomUUID(), substance: 'moonbeams' }] }),
          ['allergies.0.substance'],
        ],
        [
          'an unknown condition code',
          historyInput({
            conditions: [
              { id: randomUUID(), code: 'vampirism', name: 'Vampirism', status: 'active' },
            ],
          }),
          ['conditions.0.code'],
        ],
        [
          'wrong types',
          { medications: 'warfarin', pregnancy: { pregnant: 'maybe' } },
          ['medications', 'pregnancy.pregnant'],
        ],
      ];
      for (const [what, body, fields] of badHistories) {
        it(`refuses ${what} with field messages and stores nothing`, async () => {
          const world = await sessionToDocument(server);
          const response = await world.therapist.client.put(historyPath(world.client.id), body, {
            ifMatch: '"0"',
          });
          assertProblem(response, 400, 'invalid-request');
          assert.deepEqual(problemFields(response).sort(), fields);
          assert.deepEqual(await versionNumbers(world.therapist.client, world.client.id), []);
        });
      }

      it('keeps a health history from front desk, and audits the refusal', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.therapist.client, world.client.id);
        const desk = await createStaff(server, world.practice, 'front_desk');
        assertProblem(await desk.client.get(historyPath(world.client.id)), 403, 'forbidden');
        const denied = await onlyAuditEvent(world.practice.owner, {
          clientId: world.client.id,
          userId: desk.id,
        });
        assert.deepEqual([denied.action, denied.outcome], ['healthHistory.read', 'denied']);
      });

      it('answers 404 to a therapist outside the client’s care team under assigned care', async () => {
        const world = await sessionToDocument(server, { careModel: 'assigned' });
        const outsider = await createStaff(server, world.practice, 'therapist');
        const response = await outsider.client.get(historyPath(world.client.id));
        assertProblem(response, 404, 'not-found');
      });
    });

    describe('the session check', () => {
      it('records "no changes" to the version the therapist confirmed', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.therapist.client, world.client.id);
        const response = await world.therapist.client.put(checkPath(world.session.id), {
          outcome: 'no_changes',
          expectedNumber: 1,
        });
        assertStatus(response, 200);
        assert.deepEqual(
          [response.body.check.outcome, response.body.check.historyNumber],
          ['no_changes', 1],
        );
        const read = await world.therapist.client.get(checkPath(world.session.id));
        assert.equal(read.body.check.checkedBy, world.therapist.id);
        assert.deepEqual(await versionNumbers(world.therapist.client, world.client.id), [1]);
      });

      it('saves the changes as a version of the session and flags it on the chart', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        const response = await world.therapist.client.put(checkPath(world.session.id), {
          outcome: 'changed',
          expectedNumber: 1,
          history: withDose(first.view, '1 mg'),
        });
        assertStatus(response, 200);
        assert.deepEqual(
          [response.body.check.outcome, response.body.current.number, response.body.current.source],
          ['changed', 2, 'session_check'],
        );
        assert.equal(response.body.current.sessionId, world.session.id);
        const timeline = await world.therapist.client.get(
          `/api/v1/clients/${world.client.id}/timeline`,
        );
        assert.equal(timeline.body.entries[0].healthHistoryChanged, true);
      });

      it('lets "no changes" become "changed" later in the same session, not back', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        const put = (body: Json) => world.therapist.client.put(checkPath(world.session.id), body);
        assertStatus(await put({ outcome: 'no_changes', expectedNumber: 1 }), 200);
        const changed = await put({
          outcome: 'changed',
          expectedNumber: 1,
          history: withDose(first.view, '1 mg'),
        });
        assertStatus(changed, 200);
        assertProblem(await put({ outcome: 'no_changes', expectedNumber: 2 }), 409, 'conflict');
      });

      it('refuses "no changes" to a version that is no longer current', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        await saveHistory(world.practice.owner, world.client.id, withDose(first.view, '1 mg'));
        const response = await world.therapist.client.put(checkPath(world.session.id), {
          outcome: 'no_changes',
          expectedNumber: 1,
        });
        assertProblem(response, 412, 'stale-version');
        const read = await world.therapist.client.get(checkPath(world.session.id));
        assert.equal(read.body.check, null);
      });

      it('refuses changes with a future surgery, storing neither version nor check', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.therapist.client, world.client.id);
        const response = await world.therapist.client.put(checkPath(world.session.id), {
          outcome: 'changed',
          expectedNumber: 1,
          history: historyInput({
            surgeriesAndInjuries: [
              { id: randomUUID(), kind: 'surgery', description: 'Shoulder', date: '2030-01-01' },
            ],
          }),
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['history.surgeriesAndInjuries.0.date']);
        assert.deepEqual(await versionNumbers(world.therapist.client, world.client.id), [1]);
        const read = await world.therapist.client.get(checkPath(world.session.id));
        assert.equal(read.body.check, null);
      });

      it('refuses an answer that is neither "no changes" nor "changed"', async () => {
        const world = await sessionToDocument(server);
        const response = await world.therapist.client.put(checkPath(world.session.id), {
          outcome: 'maybe',
          expectedNumber: 0,
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['outcome']);
      });

      it('refuses a check once the session’s note is signed', async () => {
        const world = await sessionToDocument(server);
        await signedNote(world.therapist.client, world.session.id);
        const response = await world.therapist.client.put(checkPath(world.session.id), {
          outcome: 'no_changes',
          expectedNumber: 0,
        });
        assertProblem(response, 409, 'conflict');
      });

      it('shows the check what changed since the previous signed visit', async () => {
        const world = await sessionToDocument(server);
        const first = await saveHistory(world.therapist.client, world.client.id);
        server.runtime.advanceMinutes(1);
        await signedNote(world.therapist.client, world.session.id);
        server.runtime.advanceMinutes(1);
        await saveHistory(world.therapist.client, world.client.id, withDose(first.view, '1 mg'));
        const { session: next } = await bookSession(world.practice.owner, {
          clientId: world.client.id,
          therapistId: world.therapist.id,
          startsAt: '2026-12-04T15:00:00.000Z',
        });
        const response = await world.therapist.client.get(checkPath(next.id));
        assertStatus(response, 200);
        assert.equal(response.headers.get('etag'), '"2"');
        assert.equal(response.body.changes.lastVisit.sessionId, world.session.id);
        assert.deepEqual(response.body.changes.sections, ['medications']);
      });
    });

    describe('audit', () => {
      it('audits each read and save, naming the version but no clinical content', async () => {
        const world = await sessionToDocument(server);
        await saveHistory(world.therapist.client, world.client.id);
        const events = await auditEvents(world.practice.owner, { clientId: world.client.id });
        const ours = events
          .filter((event) => event.action.startsWith('healthHistory.'))
          .map((event) => [event.action, event.outcome, event.detail]);
        assert.deepEqual(ours, [
          [
            'healthHistory.update',
            'success',
            { number: 1, sections: ['medications', 'allergies', 'goals'] },
          ],
          ['healthHistory.read', 'success', { number: 0 }],
        ]);
        assert.doesNotMatch(JSON.stringify(events), /Warfarin/);
      });

      it('audits a session check with its outcome', async () => {
        const world = await sessionToDocument(server);
        await world.therapist.client.put(checkPath(world.session.id), {
          outcome: 'no_changes',
          expectedNumber: 0,
        });
        const event = await onlyAuditEvent(world.practice.owner, {
          clientId: world.client.id,
          action: 'sessionHealthCheck.record',
        });
        assert.deepEqual(
          [event.recordId, event.detail],
          [world.session.id, { outcome: 'no_changes', number: 0 }],
        );
      });
    });
  });
}
