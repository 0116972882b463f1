import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import {
  createClient,
  createPractice,
  createStaff,
  editableFields,
  type PracticeFixture,
  type StaffFixture,
} from '../support/factories.js';
import { handOff, handedOff, handoffNote } from '../support/handoffs.js';
import type { ApiClient, Json } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const handoffsPath = (clientId: string) => `/api/v1/clients/${clientId}/handoffs`;
const acknowledgePath = (clientId: string, handoffId: string) =>
  `${handoffsPath(clientId)}/${handoffId}/acknowledge`;

for (const { dialect, skip } of dialects) {
  describe(`handoffs on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A practice where Maya (therapist A) is the primary therapist of a client, and Sam (B) is not. */
    async function handoffWorld(careModel: 'shared' | 'assigned' = 'shared') {
      const practice = await createPractice(server, { careModel });
      const maya = await createStaff(server, practice, 'therapist');
      const sam = await createStaff(server, practice, 'therapist');
      const { client, etag } = await createClient(practice.owner, { primaryTherapistId: maya.id });
      return { practice, maya, sam, client, etag };
    }

    async function handoffsOf(caller: ApiClient, clientId: string): Promise<Json> {
      const response = await caller.get(handoffsPath(clientId));
      assertStatus(response, 200);
      return response.body;
    }

    async function careTeamIds(caller: ApiClient, clientId: string): Promise<string[]> {
      const response = await caller.get(`/api/v1/clients/${clientId}/care-team`);
      assertStatus(response, 200);
      return response.body.members.map((member: Json) => member.userId).sort();
    }

    describe('handing over', () => {
      it('makes the new therapist primary and keeps the note, answering the new client ETag', async () => {
        const { practice, maya, sam, client, etag } = await handoffWorld();
        const response = await handOff(practice.owner, client.id, sam.id, { ifMatch: etag });
        assertStatus(response, 201);
        assert.equal(response.body.client.primaryTherapistId, sam.id);
        assert.equal(response.headers.get('etag'), `"${response.body.client.version}"`);
        assert.deepEqual(
          [
            response.body.handoff.fromTherapistId,
            response.body.handoff.toTherapistId,
            response.body.handoff.handedOffBy,
            response.body.handoff.acknowledgedAt,
          ],
          [maya.id, sam.id, practice.ownerId, null],
        );
        assert.equal(response.body.handoff.reason, handoffNote().reason);
        assert.equal(response.body.handoff.avoid, handoffNote().avoid);
      });

      it('puts the new therapist on the care team and keeps the previous one there', async () => {
        const { practice, maya, sam, client } = await handoffWorld();
        await handedOff(practice.owner, client.id, sam.id);
        assert.deepEqual(await careTeamIds(practice.owner, client.id), [maya.id, sam.id].sort());
      });

      it('lets the primary therapist hand over their own client', async () => {
        const { maya, sam, client } = await handoffWorld();
        assertStatus(await handOff(maya.client, client.id, sam.id), 201);
      });

      it('refuses a therapist who is not the primary therapist, changing nothing', async () => {
        const { practice, maya, sam, client } = await handoffWorld();
        assertProblem(await handOff(sam.client, client.id, sam.id), 403, 'forbidden');
        const current = await practice.owner.get(`/api/v1/clients/${client.id}`);
        assert.equal(current.body.primaryTherapistId, maya.id);
      });

      it('refuses a stale If-Match with 412 and the current client, storing no handoff', async () => {
        const { practice, maya, sam, client, etag } = await handoffWorld();
        const edited = await practice.owner.put(
          `/api/v1/clients/${client.id}`,
          { ...editableFields(client), pronouns: 'she/her' },
          { ifMatch: etag },
        );
        assertStatus(edited, 200);
        const response = await handOff(practice.owner, client.id, sam.id, { ifMatch: etag });
        assertProblem(response, 412, 'stale-version');
        assert.equal(response.body.current.pronouns, 'she/her');
        assert.equal(response.body.current.primaryTherapistId, maya.id);
        assert.deepEqual((await handoffsOf(practice.owner, client.id)).handoffs, []);
      });

      it('refuses a handoff without If-Match with 428', async () => {
        const { practice, sam, client } = await handoffWorld();
        const response = await practice.owner.post(handoffsPath(client.id), {
          toTherapistId: sam.id,
          ...handoffNote(),
        });
        assertProblem(response, 428, 'precondition-required');
      });

      it('refuses a handoff without saying why, with a 400 on reason', async () => {
        const { practice, sam, client } = await handoffWorld();
        const response = await handOff(practice.owner, client.id, sam.id, {
          note: { reason: '   ' },
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['reason']);
      });

      it('refuses front desk, an unknown id and the current primary as the new therapist', async () => {
        const { practice, maya, client } = await handoffWorld();
        const desk = await createStaff(server, practice, 'front_desk');
        for (const toTherapistId of [desk.id, 'no-such-user', maya.id]) {
          const response = await handOff(practice.owner, client.id, toTherapistId);
          assertProblem(response, 400, 'invalid-request');
          assert.deepEqual(problemFields(response), ['toTherapistId'], toTherapistId);
        }
      });

      it('refuses to hand over an archived client with 409', async () => {
        const { practice, sam, client, etag } = await handoffWorld();
        const archived = await practice.owner.post(
          `/api/v1/clients/${client.id}/archive`,
          undefined,
          { ifMatch: etag },
        );
        assertStatus(archived, 200);
        assertProblem(await handOff(practice.owner, client.id, sam.id), 409, 'conflict');
      });

      it('lets the new therapist reach the client under assigned care, and the previous one too', async () => {
        const { practice, maya, sam, client } = await handoffWorld('assigned');
        assertProblem(await sam.client.get(`/api/v1/clients/${client.id}`), 404, 'not-found');
        await handedOff(practice.owner, client.id, sam.id);
        assertStatus(await sam.client.get(`/api/v1/clients/${client.id}`), 200);
        assertStatus(await maya.client.get(`/api/v1/clients/${client.id}`), 200);
      });
    });

    describe('the primary therapist by editing the client', () => {
      it('refuses to change it by an edit, pointing to a handoff (409 on primaryTherapistId)', async () => {
        const { practice, sam, client, etag } = await handoffWorld();
        const response = await practice.owner.put(
          `/api/v1/clients/${client.id}`,
          { ...editableFields(client), primaryTherapistId: sam.id },
          { ifMatch: etag },
        );
        assertProblem(response, 409, 'conflict');
        assert.deepEqual(problemFields(response), ['primaryTherapistId']);
      });

      it('still sets a first primary therapist by an edit', async () => {
        const practice = await createPractice(server);
        const sam = await createStaff(server, practice, 'therapist');
        const { client, etag } = await createClient(practice.owner, { primaryTherapistId: null });
        const response = await practice.owner.put(
          `/api/v1/clients/${client.id}`,
          { ...editableFields(client), primaryTherapistId: sam.id },
          { ifMatch: etag },
        );
        assertStatus(response, 200);
        assert.equal(response.body.primaryTherapistId, sam.id);
      });
    });

    describe('the handoff awaiting the new therapist', () => {
      async function handedToSam() {
        const world = await handoffWorld();
        const handoff = await handedOff(world.practice.owner, world.client.id, world.sam.id);
        return { ...world, handoff };
      }

      it('awaits the new therapist alone', async () => {
        const { practice, maya, sam, client, handoff } = await handedToSam();
        assert.equal((await handoffsOf(sam.client, client.id)).awaitingYou.id, handoff.id);
        assert.equal((await handoffsOf(maya.client, client.id)).awaitingYou, null);
        assert.equal((await handoffsOf(practice.owner, client.id)).awaitingYou, null);
      });

      it('records the acknowledgement and no longer awaits them', async () => {
        const { sam, client, handoff } = await handedToSam();
        const response = await sam.client.post(acknowledgePath(client.id, handoff.id));
        assertStatus(response, 200);
        assert.equal(response.body.acknowledgedAt, server.runtime.now().toISOString());
        const after = await handoffsOf(sam.client, client.id);
        assert.equal(after.awaitingYou, null);
        assert.equal(after.handoffs[0].acknowledgedAt, response.body.acknowledgedAt);
      });

      it('answers a second acknowledgement with the first', async () => {
        const { sam, client, handoff } = await handedToSam();
        const first = await sam.client.post(acknowledgePath(client.id, handoff.id));
        server.runtime.advanceMinutes(5);
        const second = await sam.client.post(acknowledgePath(client.id, handoff.id));
        assertStatus(second, 200);
        assert.equal(second.body.acknowledgedAt, first.body.acknowledgedAt);
      });

      it('refuses the acknowledgement of anyone but the therapist who took the client over', async () => {
        const { practice, maya, client, handoff } = await handedToSam();
        for (const caller of [practice.owner, maya.client]) {
          assertProblem(
            await caller.post(acknowledgePath(client.id, handoff.id)),
            403,
            'forbidden',
          );
        }
        const desk = await createStaff(server, practice, 'front_desk');
        assertProblem(await desk.client.post(acknowledgePath(client.id, handoff.id)), 403);
      });

      it('refuses to acknowledge a handoff the client has since moved on from (409)', async () => {
        const { practice, maya, client, handoff } = await handedToSam();
        await handedOff(practice.owner, client.id, maya.id);
        const response = await maya.client.post(acknowledgePath(client.id, handoff.id));
        assertProblem(response, 409, 'conflict');
      });

      it('answers 404 for a handoff of another client', async () => {
        const first = await handedToSam();
        const other = await handedToSam();
        const response = await other.sam.client.post(
          acknowledgePath(other.client.id, first.handoff.id),
        );
        assertProblem(response, 404, 'not-found');
      });

      it('lists every handoff newest first', async () => {
        const { practice, maya, client, handoff } = await handedToSam();
        server.runtime.advanceMinutes(1);
        const back = await handedOff(practice.owner, client.id, maya.id);
        const listed = await handoffsOf(practice.owner, client.id);
        assert.deepEqual(
          listed.handoffs.map((entry: Json) => entry.id),
          [back.id, handoff.id],
        );
      });
    });

    describe('the audit trail', () => {
      async function auditedHandoff(
        practice: PracticeFixture,
        sam: StaffFixture,
        clientId: string,
      ) {
        const handoff = await handedOff(practice.owner, clientId, sam.id);
        await sam.client.get(handoffsPath(clientId));
        await sam.client.post(acknowledgePath(clientId, handoff.id));
        return handoff;
      }

      it('records who handed over whom to whom, without the note’s words', async () => {
        const { practice, maya, sam, client } = await handoffWorld();
        const handoff = await auditedHandoff(practice, sam, client.id);
        const event = await onlyAuditEvent(practice.owner, {
          action: 'client.handoff',
          clientId: client.id,
        });
        assert.equal(event.userId, practice.ownerId);
        assert.equal(event.recordId, handoff.id);
        assert.equal(event.detail?.['from'], maya.id);
        assert.equal(event.detail?.['to'], sam.id);
        assert.ok(!JSON.stringify(event).includes('levator'));
      });

      it('records reading the handoffs and acknowledging one', async () => {
        const { practice, sam, client } = await handoffWorld();
        const handoff = await auditedHandoff(practice, sam, client.id);
        const reads = await auditEvents(practice.owner, {
          action: 'handoff.list',
          clientId: client.id,
        });
        assert.deepEqual(
          reads.map((event) => event.userId),
          [sam.id],
        );
        const acknowledged = await onlyAuditEvent(practice.owner, {
          action: 'handoff.acknowledge',
          clientId: client.id,
        });
        assert.deepEqual([acknowledged.userId, acknowledged.recordId], [sam.id, handoff.id]);
      });

      it('records a refused handoff as denied', async () => {
        const { practice, sam, client } = await handoffWorld();
        await handOff(sam.client, client.id, sam.id);
        const refused = await onlyAuditEvent(practice.owner, {
          action: 'client.handoff',
          clientId: client.id,
        });
        assert.deepEqual([refused.userId, refused.outcome], [sam.id, 'denied']);
      });
    });
  });
}
