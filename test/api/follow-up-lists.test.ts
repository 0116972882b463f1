import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createPractice, createStaff } from '../support/factories.js';
import {
  followUpAnswers,
  recordFollowUp,
  sendFollowUpLink,
  sessionToFollowUp,
  submitFollowUp,
} from '../support/follow-ups.js';
import type { ApiClient, Json } from '../support/http.js';
import { anonymous } from '../support/intake.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession } from '../support/sessions.js';

const days = (count: number) => count * 86_400_000;
/** The test clock's "now" minus some days, as a session start. */
const daysAgo = (count: number) =>
  new Date(Date.parse('2026-11-27T15:00:00.000Z') - days(count)).toISOString();

for (const { dialect, skip } of dialects) {
  describe(`follow-up flags and missing follow-ups on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A practice with two therapists, each with a client and a session that took place. */
    async function practiceWithTwoTherapists() {
      const practice = await createPractice(server);
      const maya = await createStaff(server, practice, 'therapist');
      const jon = await createStaff(server, practice, 'therapist');
      const mayas = await sessionToFollowUp(practice.owner, maya.id);
      const jons = await sessionToFollowUp(practice.owner, jon.id);
      return { owner: practice.owner, maya, jon, mayas, jons };
    }

    async function needingAttention(staff: ApiClient): Promise<Json[]> {
      const response = await staff.get('/api/v1/follow-ups/needing-attention');
      assertStatus(response, 200);
      return response.body.followUps;
    }

    async function missing(staff: ApiClient, query = ''): Promise<Json[]> {
      const response = await staff.get(`/api/v1/follow-ups/missing${query}`);
      assertStatus(response, 200);
      return response.body.sessions;
    }

    describe('the flag', () => {
      it('is raised by a reaction the client reports, for the owner and the session’s therapist', async () => {
        const { owner, maya, jon, mayas } = await practiceWithTwoTherapists();
        const link = await sendFollowUpLink(owner, mayas.client.id, mayas.session.id);
        assertStatus(
          await submitFollowUp(
            anonymous(server.url),
            link.token,
            followUpAnswers({ soreness: 2, reactions: ['headache'] }),
          ),
          201,
        );
        for (const staff of [owner, maya.client]) {
          const [entry, ...rest] = await needingAttention(staff);
          assert.equal(rest.length, 0);
          assert.equal(entry.followUp.sessionId, mayas.session.id);
          assert.deepEqual(entry.followUp.reactions, ['headache']);
          assert.equal(entry.clientName, `Ana ${mayas.client.legalLastName}`);
          assert.equal(entry.therapistName, 'Test therapist');
          assert.equal(entry.sessionStartsAt, mayas.session.startsAt);
        }
        assert.deepEqual(await needingAttention(jon.client), []);
      });

      it('is raised by soreness of 7, not 6', async () => {
        const { owner, mayas, jons } = await practiceWithTwoTherapists();
        await recordFollowUp(
          owner,
          mayas.client.id,
          mayas.session.id,
          followUpAnswers({ soreness: 7 }),
        );
        await recordFollowUp(
          owner,
          jons.client.id,
          jons.session.id,
          followUpAnswers({ soreness: 6 }),
        );
        assert.deepEqual(
          (await needingAttention(owner)).map((entry) => entry.followUp.sessionId),
          [mayas.session.id],
        );
      });

      it('leaves the list once acknowledged, with who and when, audited', async () => {
        const { owner, maya, mayas } = await practiceWithTwoTherapists();
        const recorded = await recordFollowUp(
          owner,
          mayas.client.id,
          mayas.session.id,
          followUpAnswers({ reactions: ['flare_up'] }),
        );
        const acknowledged = await maya.client.post(
          `/api/v1/follow-ups/${recorded.body.id}/acknowledge`,
        );
        assertStatus(acknowledged, 200);
        assert.equal(acknowledged.body.acknowledgedBy, maya.id);
        assert.equal(acknowledged.body.acknowledgedAt, server.runtime.now().toISOString());
        assert.deepEqual(await needingAttention(owner), []);
        const [stored] = (await owner.get(`/api/v1/clients/${mayas.client.id}/follow-ups`)).body
          .followUps;
        assert.equal(stored.acknowledgedBy, maya.id);
        const event = await onlyAuditEvent(owner, {
          action: 'followUp.acknowledge',
          clientId: mayas.client.id,
        });
        assert.equal(event.recordId, recorded.body.id);
        assert.equal(event.userId, maya.id);
      });

      it('refuses a second acknowledgement, and one of a follow-up without a flag', async () => {
        const { owner, mayas, jons } = await practiceWithTwoTherapists();
        const flagged = await recordFollowUp(
          owner,
          mayas.client.id,
          mayas.session.id,
          followUpAnswers({ reactions: ['bruising'] }),
        );
        assertStatus(await owner.post(`/api/v1/follow-ups/${flagged.body.id}/acknowledge`), 200);
        const again = await owner.post(`/api/v1/follow-ups/${flagged.body.id}/acknowledge`);
        assertProblem(again, 409, 'conflict');
        assert.match(again.body.detail, /already acknowledged/);
        const calm = await recordFollowUp(
          owner,
          jons.client.id,
          jons.session.id,
          followUpAnswers(),
        );
        assertProblem(await owner.post(`/api/v1/follow-ups/${calm.body.id}/acknowledge`), 409);
        assertProblem(await owner.post('/api/v1/follow-ups/no-such-id/acknowledge'), 404);
      });

      it('is not acknowledged by a therapist who does not reach the client', async () => {
        const practice = await createPractice(server, { careModel: 'assigned' });
        const maya = await createStaff(server, practice, 'therapist');
        const jon = await createStaff(server, practice, 'therapist');
        const { client, session } = await sessionToFollowUp(practice.owner, maya.id);
        const flagged = await recordFollowUp(
          practice.owner,
          client.id,
          session.id,
          followUpAnswers({ reactions: ['skin_reaction'] }),
        );
        assertProblem(
          await jon.client.post(`/api/v1/follow-ups/${flagged.body.id}/acknowledge`),
          404,
        );
        assert.equal((await needingAttention(practice.owner)).length, 1);
      });
    });

    describe('missing follow-ups', () => {
      it('lists recent sessions with no link or an unanswered one, newest first', async () => {
        const { owner, maya, mayas, jons } = await practiceWithTwoTherapists();
        const earlier = await bookSession(owner, {
          clientId: mayas.client.id,
          therapistId: maya.id,
          startsAt: daysAgo(3),
        });
        const link = await sendFollowUpLink(owner, mayas.client.id, earlier.session.id);
        // Answered: not missing.
        await recordFollowUp(owner, jons.client.id, jons.session.id, followUpAnswers());
        const listed = await missing(owner);
        assert.deepEqual(
          listed.map((entry) => [entry.sessionId, entry.reason, entry.lastLink?.state ?? null]),
          [
            [mayas.session.id, 'no_link', null],
            [earlier.session.id, 'link_unanswered', 'active'],
          ],
        );
        assert.equal(listed[1].lastLink.id, link.id);
        assert.equal(listed[0].clientName, `Ana ${mayas.client.legalLastName}`);
        assert.equal(listed[0].therapistId, maya.id);
      });

      it('leaves out cancelled sessions, sessions not begun, and those before the last 7 days', async () => {
        const practice = await createPractice(server);
        const maya = await createStaff(server, practice, 'therapist');
        const { client, session } = await sessionToFollowUp(practice.owner, maya.id);
        const book = (startsAt: string) =>
          bookSession(practice.owner, { clientId: client.id, therapistId: maya.id, startsAt });
        const cancelled = await book(daysAgo(1));
        assertStatus(
          await practice.owner.post(
            `/api/v1/sessions/${cancelled.session.id}/cancel`,
            { outcome: 'no_show', reason: 'Did not come' },
            { ifMatch: cancelled.etag },
          ),
          200,
        );
        await book(daysAgo(-1));
        const old = await book(daysAgo(10));
        assert.deepEqual(
          (await missing(practice.owner)).map((entry) => entry.sessionId),
          [session.id],
        );
        assert.deepEqual(
          (await missing(practice.owner, '?days=30')).map((entry) => entry.sessionId),
          [session.id, old.session.id],
        );
      });

      it('shows a therapist their own sessions and clients, the owner the practice', async () => {
        const { owner, maya, jon, mayas, jons } = await practiceWithTwoTherapists();
        assert.deepEqual(
          (await missing(maya.client)).map((entry) => entry.sessionId),
          [mayas.session.id],
        );
        assert.deepEqual(
          (await missing(jon.client)).map((entry) => entry.sessionId),
          [jons.session.id],
        );
        assert.equal((await missing(owner)).length, 2);
      });

      it('refuses a number of days outside 1 to 90, naming the field', async () => {
        const { owner } = await practiceWithTwoTherapists();
        for (const query of ['?days=0', '?days=91', '?days=week']) {
          const response = await owner.get(`/api/v1/follow-ups/missing${query}`);
          assertProblem(response, 400, 'invalid-request');
          assert.deepEqual(problemFields(response), ['query.days']);
        }
      });

      it('refuses both lists to front desk', async () => {
        const practice = await createPractice(server);
        const desk = await createStaff(server, practice, 'front_desk');
        assertProblem(await desk.client.get('/api/v1/follow-ups/missing'), 403, 'forbidden');
        assertProblem(
          await desk.client.get('/api/v1/follow-ups/needing-attention'),
          403,
          'forbidden',
        );
      });
    });
  });
}
