import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createPractice, createStaff, signIn } from '../support/factories.js';
import {
  followUpAnswers,
  recordFollowUp,
  sendFollowUpLink,
  sessionToFollowUp,
  submitFollowUp,
} from '../support/follow-ups.js';
import type { ApiClient, Json } from '../support/http.js';
import { anonymous, sendIntakeLink } from '../support/intake.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession } from '../support/sessions.js';

const deadLink = 'This link is not valid any more. Ask the practice for a new one.';

for (const { dialect, skip } of dialects) {
  describe(`follow-ups after a session on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A practice, a therapist, a client of theirs and a session that took place. */
    async function pastSession() {
      const practice = await createPractice(server);
      const therapist = await createStaff(server, practice, 'therapist');
      const { client, session } = await sessionToFollowUp(practice.owner, therapist.id);
      return { practice, owner: practice.owner, therapist, client, session };
    }

    /** The same, with a follow-up link the owner sent for the session. */
    async function linkedSession() {
      const world = await pastSession();
      const link = await sendFollowUpLink(world.owner, world.client.id, world.session.id);
      return { ...world, link };
    }

    async function followUpsOf(staff: ApiClient, clientId: string): Promise<Json[]> {
      const response = await staff.get(`/api/v1/clients/${clientId}/follow-ups`);
      assertStatus(response, 200);
      return response.body.followUps;
    }

    describe('links', () => {
      it('makes a link for a session that took place: URL, QR code, a week to answer', async () => {
        const { link } = await linkedSession();
        const body = link.response.body;
        assert.match(link.url, /^http:\/\/127\.0\.0\.1:\d+\/follow-up\/[A-Za-z0-9_-]{43}$/);
        assert.match(body.qrSvg, /^<svg[\s\S]*<\/svg>\s*$/);
        assert.equal(body.link.purpose, 'follow_up');
        assert.equal(body.link.state, 'active');
        assert.equal(
          new Date(body.link.expiresAt).getTime() - server.runtime.now().getTime(),
          7 * 86_400_000,
        );
      });

      it('stores only the hash of the token, and which session the link is about', async () => {
        const { link, session } = await linkedSession();
        const row = await server.store.db
          .selectFrom('client_links')
          .selectAll()
          .where('id', '=', link.id)
          .executeTakeFirstOrThrow();
        assert.ok(!Object.values(row).some((value) => String(value).includes(link.token)));
        const joined = await server.store.db
          .selectFrom('session_follow_up_links')
          .select('session_id')
          .where('link_id', '=', link.id)
          .executeTakeFirstOrThrow();
        assert.equal(joined.session_id, session.id);
      });

      it('lists the links sent on the session’s follow-up view', async () => {
        const { owner, session, link } = await linkedSession();
        const view = await owner.get(`/api/v1/sessions/${session.id}/follow-up`);
        assertStatus(view, 200);
        assert.equal(view.body.followUp, null);
        assert.deepEqual(
          view.body.links.map((entry: Json) => [entry.id, entry.state]),
          [[link.id, 'active']],
        );
        assert.equal(view.body.linkRefusal, null);
      });

      it('refuses a link for a cancelled session or one not yet begun, naming the session', async () => {
        const { owner, therapist, client } = await pastSession();
        const later = await bookSession(owner, {
          clientId: client.id,
          therapistId: therapist.id,
          startsAt: '2026-11-30T15:00:00.000Z',
        });
        const notYet = await owner.post(`/api/v1/clients/${client.id}/follow-up-links`, {
          sessionId: later.session.id,
        });
        assertProblem(notYet, 409, 'conflict');
        assert.deepEqual(problemFields(notYet), ['sessionId']);
        assertStatus(
          await owner.post(
            `/api/v1/sessions/${later.session.id}/cancel`,
            {
              outcome: 'cancelled',
              reason: 'Client unwell',
            },
            { ifMatch: later.etag },
          ),
          200,
        );
        const cancelled = await owner.post(`/api/v1/clients/${client.id}/follow-up-links`, {
          sessionId: later.session.id,
        });
        assertProblem(cancelled, 409, 'conflict');
        assert.match(cancelled.body.detail, /cancelled or no-show/);
      });

      it('refuses a link for a session of another client', async () => {
        const { owner, session } = await pastSession();
        const { client: other } = await createClient(owner);
        const response = await owner.post(`/api/v1/clients/${other.id}/follow-up-links`, {
          sessionId: session.id,
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(response.body.errors, [
          { field: 'sessionId', message: 'This session belongs to another client.' },
        ]);
        assert.equal((await owner.get(`/api/v1/clients/${other.id}/links`)).body.links.length, 0);
      });

      it('keeps follow-up links and intake links apart', async () => {
        const { owner, client, link } = await linkedSession();
        assertProblem(await anonymous(server.url).get(`/api/v1/public/intake/${link.token}`), 404);
        const intake = await sendIntakeLink(owner, client.id);
        assertProblem(
          await anonymous(server.url).get(`/api/v1/public/follow-up/${intake.token}`),
          404,
        );
        const sessionless = await owner.post(`/api/v1/clients/${client.id}/links`, {
          purpose: 'follow_up',
        });
        assertProblem(sessionless, 400, 'invalid-request');
        assert.deepEqual(problemFields(sessionless), ['purpose']);
      });
    });

    describe('the client’s page', () => {
      it('says which visit it is about and nothing clinical', async () => {
        const { link } = await linkedSession();
        const response = await anonymous(server.url).get(`/api/v1/public/follow-up/${link.token}`);
        assertStatus(response, 200);
        assert.deepEqual(response.body, {
          practiceName: 'Harbour Massage Therapy',
          firstName: 'Ana',
          expiresAt: link.response.body.link.expiresAt,
          visit: { date: '2026-11-27', therapistFirstName: 'Test' },
        });
      });

      it('joins the answer to its session and uses the link up', async () => {
        const { owner, client, session, link } = await linkedSession();
        const sent = await submitFollowUp(
          anonymous(server.url),
          link.token,
          followUpAnswers({ relief: 8, soreness: 4, reactions: ['bruising'] }),
        );
        assertStatus(sent, 201);
        const [followUp] = await followUpsOf(owner, client.id);
        assert.deepEqual(
          { ...followUp, id: undefined },
          {
            id: undefined,
            sessionId: session.id,
            clientId: client.id,
            relief: 8,
            soreness: 4,
            reactions: ['bruising'],
            reactionDetails: null,
            source: 'client_link',
            submittedAt: sent.body.submittedAt,
            acknowledgedAt: null,
            acknowledgedBy: null,
          },
        );
        const view = await owner.get(`/api/v1/sessions/${session.id}/follow-up`);
        assert.equal(view.body.followUp.id, followUp.id);
        assert.equal(view.body.links[0].state, 'used');
        assert.equal(view.body.linkRefusal, 'This session already has a follow-up.');
      });

      it('answers a link used twice, expired, revoked or unknown with the same 404', async () => {
        const { owner, therapist, client, link } = await linkedSession();
        const phone = anonymous(server.url);
        assertStatus(await submitFollowUp(phone, link.token, followUpAnswers()), 201);
        const twice = await submitFollowUp(phone, link.token, followUpAnswers());

        const second = await sessionToFollowUp(owner, therapist.id);
        const revoked = await sendFollowUpLink(owner, second.client.id, second.session.id);
        assertStatus(
          await owner.post(`/api/v1/clients/${second.client.id}/links/${revoked.id}/revoke`),
          200,
        );
        const expiring = await sendFollowUpLink(owner, second.client.id, second.session.id, {
          expiresInDays: 1,
        });
        server.runtime.advanceMinutes(25 * 60);
        let answers: Json[];
        try {
          answers = [
            twice,
            await phone.get(`/api/v1/public/follow-up/${link.token}`),
            await submitFollowUp(phone, revoked.token, followUpAnswers()),
            await submitFollowUp(phone, expiring.token, followUpAnswers()),
            await phone.get(`/api/v1/public/follow-up/${expiring.token}`),
            await submitFollowUp(phone, 'z'.repeat(43), followUpAnswers()),
          ];
        } finally {
          server.runtime.advanceMinutes(-25 * 60);
        }
        for (const answer of answers) {
          assertProblem(answer, 404, 'not-found');
          assert.equal(answer.body.detail, deadLink);
        }
        assert.equal((await followUpsOf(owner, client.id)).length, 1);
        assert.equal((await followUpsOf(owner, second.client.id)).length, 0);
      });

      it('refuses bad answers field by field and stores nothing, leaving the link usable', async () => {
        const { owner, client, link } = await linkedSession();
        const phone = anonymous(server.url);
        const cases: Array<[Json, string[]]> = [
          [followUpAnswers({ relief: 11 }), ['relief']],
          [followUpAnswers({ soreness: -1 }), ['soreness']],
          [followUpAnswers({ relief: 4.5 }), ['relief']],
          [followUpAnswers({ reactions: ['nausea'] }), ['reactions.0']],
          [followUpAnswers({ reactions: ['other'] }), ['reactionDetails']],
          [{ relief: null, soreness: null, reactions: [] }, ['relief']],
        ];
        for (const [answers, fields] of cases) {
          const response = await submitFollowUp(phone, link.token, answers);
          assertProblem(response, 400, 'invalid-request');
          assert.deepEqual(problemFields(response), fields, JSON.stringify(answers));
        }
        assert.equal((await followUpsOf(owner, client.id)).length, 0);
        assertStatus(
          await submitFollowUp(
            phone,
            link.token,
            followUpAnswers({ reactions: ['other'], reactionDetails: 'Dizzy that evening' }),
          ),
          201,
        );
        const [stored] = await followUpsOf(owner, client.id);
        assert.equal(stored.reactionDetails, 'Dizzy that evening');
      });

      it('closes the link when its session is recorded as a no-show afterwards', async () => {
        const { owner, session, link } = await linkedSession();
        const current = await owner.get(`/api/v1/sessions/${session.id}`);
        assertStatus(
          await owner.post(
            `/api/v1/sessions/${session.id}/cancel`,
            { outcome: 'no_show', reason: 'Did not come' },
            { ifMatch: current.headers.get('etag')! },
          ),
          200,
        );
        const phone = anonymous(server.url);
        assertProblem(await phone.get(`/api/v1/public/follow-up/${link.token}`), 404);
        assertProblem(await submitFollowUp(phone, link.token, followUpAnswers()), 404);
      });

      it('closes the link once staff recorded the follow-up by phone', async () => {
        const { owner, client, session, link } = await linkedSession();
        assertStatus(await recordFollowUp(owner, client.id, session.id, followUpAnswers()), 201);
        const phone = anonymous(server.url);
        assertProblem(await phone.get(`/api/v1/public/follow-up/${link.token}`), 404);
        assertProblem(await submitFollowUp(phone, link.token, followUpAnswers()), 404);
        const [only] = await followUpsOf(owner, client.id);
        assert.equal(only.source, 'staff');
      });
    });

    describe('a follow-up taken by phone', () => {
      it('is recorded for the session, with staff as its source, and audited', async () => {
        const { owner, therapist, client, session } = await pastSession();
        const response = await recordFollowUp(
          therapist.client,
          client.id,
          session.id,
          followUpAnswers({ relief: 5, soreness: 7 }),
        );
        assertStatus(response, 201);
        assert.equal(response.body.source, 'staff');
        assert.equal(response.body.sessionId, session.id);
        const [event] = await auditEvents(owner, {
          action: 'followUp.record',
          clientId: client.id,
        });
        assert.equal(event?.recordId, response.body.id);
        assert.equal(event?.userId, therapist.id);
      });

      it('refuses a second follow-up for the same session', async () => {
        const { owner, client, session } = await pastSession();
        assertStatus(await recordFollowUp(owner, client.id, session.id, followUpAnswers()), 201);
        const again = await recordFollowUp(owner, client.id, session.id, followUpAnswers());
        assertProblem(again, 409, 'conflict');
        assert.deepEqual(problemFields(again), ['sessionId']);
        assert.equal((await followUpsOf(owner, client.id)).length, 1);
      });

      it('refuses a follow-up for a session of another client and stores nothing', async () => {
        const { owner, session, client } = await pastSession();
        const { client: other } = await createClient(owner);
        const response = await recordFollowUp(owner, other.id, session.id, followUpAnswers());
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(response.body.errors, [
          { field: 'sessionId', message: 'This session belongs to another client.' },
        ]);
        assert.equal((await followUpsOf(owner, other.id)).length, 0);
        assert.equal((await followUpsOf(owner, client.id)).length, 0);
      });

      it('refuses scores outside 0 to 10 and an unknown reaction, naming each field', async () => {
        const { owner, client, session } = await pastSession();
        const response = await recordFollowUp(owner, client.id, session.id, {
          relief: 12,
          soreness: -3,
          reactions: ['bruising', 'sunburn'],
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response).sort(), ['reactions.1', 'relief', 'soreness']);
        assert.equal((await followUpsOf(owner, client.id)).length, 0);
      });

      it('cannot be changed or deleted in the database once stored', async () => {
        const { owner, client, session } = await pastSession();
        const stored = await recordFollowUp(owner, client.id, session.id, followUpAnswers());
        await assert.rejects(
          server.store.db
            .updateTable('session_follow_ups')
            .set({ relief: 1 })
            .where('id', '=', stored.body.id)
            .execute(),
        );
        await assert.rejects(
          server.store.db
            .deleteFrom('session_follow_ups')
            .where('id', '=', stored.body.id)
            .execute(),
        );
      });
    });

    it('keeps a therapist from another therapist’s client’s follow-ups under assigned care', async () => {
      const practice = await createPractice(server, { careModel: 'assigned' });
      const mine = await createStaff(server, practice, 'therapist');
      const theirs = await createStaff(server, practice, 'therapist');
      const { client, session } = await sessionToFollowUp(practice.owner, theirs.id);
      await recordFollowUp(practice.owner, client.id, session.id, followUpAnswers());
      assertProblem(await mine.client.get(`/api/v1/clients/${client.id}/follow-ups`), 404);
      assertProblem(
        await recordFollowUp(mine.client, client.id, session.id, followUpAnswers()),
        404,
      );
      // Signing in again does not widen what a therapist reaches.
      const again = await signIn(server, mine.email);
      assertProblem(await again.get(`/api/v1/sessions/${session.id}/follow-up`), 404);
    });
  });

  describe(`the follow-up link's rate limit on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect, { publicLinkRateLimitPerMinute: 3 });
    });
    after(async () => {
      await server?.close();
    });

    it('answers 429 once an address has used up its requests for the minute', async () => {
      const statuses: number[] = [];
      const guess = `/api/v1/public/follow-up/${'y'.repeat(43)}`;
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await anonymous(server.url).get(guess);
        statuses.push(response.status);
        if (response.status === 429) assertProblem(response, 429, 'too-many-attempts');
      }
      assert.deepEqual(statuses, [404, 404, 404, 429]);
    });
  });
}
