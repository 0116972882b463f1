import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultIntakeForm } from '../../src/domain/intake-default-form.js';
import type { IntakeForm } from '../../src/domain/intake-forms.js';
import { emptyHealthHistory } from '../../src/domain/health-history.js';
import { currentHealthHistory, saveHealthHistory } from '../../src/store/health-history.js';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import {
  createClient,
  createOtherPractice,
  createPractice,
  createStaff,
  signIn,
} from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { anonymous, intakeAnswers, sendIntakeLink, submitIntake } from '../support/intake.js';
import { startTestServer, type TestServer } from '../support/server.js';

const deadLink = 'This link is not valid any more. Ask the practice for a new one.';

for (const { dialect, skip } of dialects) {
  describe(`intake from a secure link on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A practice, one of its clients, and an intake link sent to that client. */
    async function linkedClient(overrides: Record<string, unknown> = {}) {
      const practice = await createPractice(server);
      const { client } = await createClient(practice.owner, {
        legalFirstName: 'Marisol',
        preferredName: null,
        ...overrides,
      });
      const link = await sendIntakeLink(practice.owner, client.id);
      return { practice, owner: practice.owner, client, link };
    }

    async function submissionsOf(staff: ApiClient, clientId: string) {
      const response = await staff.get(`/api/v1/intake-submissions?clientId=${clientId}`);
      assertStatus(response, 200);
      return response.body as { submissions: Json[]; toReview: number };
    }

    /** A submitted intake and the review the therapist opens for it. */
    async function submitted(answers = intakeAnswers()) {
      const world = await linkedClient();
      assertStatus(await submitIntake(anonymous(server.url), world.link.token, answers), 201);
      const [listed] = (await submissionsOf(world.owner, world.client.id)).submissions;
      const review = await world.owner.get(`/api/v1/intake-submissions/${listed.id}`);
      assertStatus(review, 200);
      return { ...world, review: review.body as Json };
    }

    describe('links', () => {
      it('makes a link with a URL, a QR code of it, and an expiry 14 days away', async () => {
        const { link } = await linkedClient();
        const body = link.response.body;
        assert.match(link.url, /^http:\/\/127\.0\.0\.1:\d+\/intake\/[A-Za-z0-9_-]{43}$/);
        assert.match(body.qrSvg, /^<svg[\s\S]*<\/svg>\s*$/);
        assert.equal(body.link.state, 'active');
        assert.equal(
          new Date(body.link.expiresAt).getTime() - server.runtime.now().getTime(),
          14 * 86_400_000,
        );
      });

      it('stores only the hash of a link’s token, never the token', async () => {
        const { link } = await linkedClient();
        const row = await server.store.db
          .selectFrom('client_links')
          .selectAll()
          .where('id', '=', link.id)
          .executeTakeFirstOrThrow();
        assert.ok(!Object.values(row).some((value) => String(value).includes(link.token)));
        assert.match(row.token_hash, /^[0-9a-f]{64}$/);
      });

      it('lets staff choose how many days a link lives, within 1 to 60', async () => {
        const practice = await createPractice(server);
        const { client } = await createClient(practice.owner);
        const short = await sendIntakeLink(practice.owner, client.id, { expiresInDays: 3 });
        assert.equal(
          new Date(short.response.body.link.expiresAt).getTime() - server.runtime.now().getTime(),
          3 * 86_400_000,
        );
        const tooLong = await practice.owner.post(`/api/v1/clients/${client.id}/links`, {
          expiresInDays: 61,
        });
        assertProblem(tooLong, 400, 'invalid-request');
        assert.deepEqual(problemFields(tooLong), ['expiresInDays']);
      });

      it('lists a client’s links as active, used, expired and revoked', async () => {
        const { practice, owner, client, link } = await linkedClient();
        const revoked = await sendIntakeLink(owner, client.id);
        assertStatus(
          await owner.post(`/api/v1/clients/${client.id}/links/${revoked.id}/revoke`),
          200,
        );
        const expiring = await sendIntakeLink(owner, client.id, { expiresInDays: 1 });
        assertStatus(await submitIntake(anonymous(server.url), link.token, intakeAnswers()), 201);
        const fresh = await sendIntakeLink(owner, client.id, { expiresInDays: 30 });
        server.runtime.advanceMinutes(2 * 24 * 60);
        try {
          // Two days on, the owner's sign-in has idled out: they sign in again.
          const later = await signIn(server, practice.ownerEmail);
          const listed = await later.get(`/api/v1/clients/${client.id}/links`);
          assertStatus(listed, 200);
          const states = new Map(listed.body.links.map((entry: Json) => [entry.id, entry.state]));
          assert.equal(states.get(link.id), 'used');
          assert.equal(states.get(revoked.id), 'revoked');
          assert.equal(states.get(expiring.id), 'expired');
          assert.equal(states.get(fresh.id), 'active');
        } finally {
          server.runtime.advanceMinutes(-2 * 24 * 60);
        }
      });

      it('refuses to revoke a link that was already used', async () => {
        const { owner, client, link } = await linkedClient();
        assertStatus(await submitIntake(anonymous(server.url), link.token, intakeAnswers()), 201);
        const response = await owner.post(`/api/v1/clients/${client.id}/links/${link.id}/revoke`);
        assertProblem(response, 404, 'not-found');
      });

      it('lets front desk send a link but not read what comes back', async () => {
        const practice = await createPractice(server);
        const frontDesk = await createStaff(server, practice, 'front_desk');
        const { client } = await createClient(practice.owner);
        const link = await sendIntakeLink(frontDesk.client, client.id);
        assertStatus(await submitIntake(anonymous(server.url), link.token, intakeAnswers()), 201);
        const listed = await frontDesk.client.get(`/api/v1/intake-submissions`);
        assertProblem(listed, 403, 'forbidden');
      });
    });

    describe('the public link', () => {
      it('shows the form, the practice’s name and the client’s first name, nothing else', async () => {
        const { link, client } = await linkedClient();
        const response = await anonymous(server.url).get(`/api/v1/public/intake/${link.token}`);
        assertStatus(response, 200);
        assert.deepEqual(Object.keys(response.body).sort(), [
          'expiresAt',
          'firstName',
          'practiceName',
          'steps',
        ]);
        assert.equal(response.body.firstName, 'Marisol');
        assert.equal(response.body.practiceName, 'Harbour Massage Therapy');
        // Consent steps come first when consent is needed (consent-link.test.ts); the form last.
        assert.deepEqual(response.body.steps.at(-1), {
          kind: 'intake',
          done: false,
          form: defaultIntakeForm,
        });
        for (const secret of [client.legalLastName, client.email, client.phone, client.id])
          assert.ok(!response.text.includes(secret), `leaks ${secret}`);
      });

      it('answers an expired, revoked, unknown or altered link with the same 404', async () => {
        const { owner, client, link } = await linkedClient();
        const revoked = await sendIntakeLink(owner, client.id);
        await owner.post(`/api/v1/clients/${client.id}/links/${revoked.id}/revoke`);
        const expired = await sendIntakeLink(owner, client.id, { expiresInDays: 1 });
        const altered = `${link.token.slice(0, -2)}${link.token.endsWith('AA') ? 'BB' : 'AA'}`;
        const tokens = {
          revoked: revoked.token,
          altered,
          unknown: 'x'.repeat(43),
          short: 'abc',
        };
        server.runtime.advanceMinutes(25 * 60);
        try {
          const answers: Json[] = [];
          for (const token of [...Object.values(tokens), expired.token]) {
            for (const response of [
              await anonymous(server.url).get(`/api/v1/public/intake/${token}`),
              await submitIntake(anonymous(server.url), token, intakeAnswers()),
            ]) {
              assertProblem(response, 404, 'not-found');
              answers.push(response.body);
            }
          }
          for (const body of answers) assert.deepEqual(body, { ...answers[0], detail: deadLink });
          assert.equal(answers[0].detail, deadLink);
        } finally {
          server.runtime.advanceMinutes(-25 * 60);
        }
        assert.equal((await submissionsOf(owner, client.id)).submissions.length, 0);
      });

      it('gives a link’s token no access to anything else in the API', async () => {
        const { link, client } = await linkedClient();
        const bearer = anonymous(server.url);
        bearer.bearer = link.token;
        assertProblem(await bearer.get(`/api/v1/clients/${client.id}`), 401);
        assertProblem(await bearer.get('/api/v1/clients'), 401);
        assertProblem(await anonymous(server.url).get(`/api/v1/clients/${client.id}/links`), 401);
      });

      it('stores one submission as "to review" and marks the link used', async () => {
        const { owner, client, link } = await linkedClient();
        const response = await submitIntake(anonymous(server.url), link.token, intakeAnswers());
        assertStatus(response, 201);
        const { submissions, toReview } = await submissionsOf(owner, client.id);
        assert.equal(toReview, 1);
        assert.deepEqual(
          submissions.map((entry) => entry.status),
          ['to_review'],
        );
        const links = await owner.get(`/api/v1/clients/${client.id}/links`);
        assert.equal(links.body.links[0].state, 'used');
      });

      it('answers a second submission with 409 and stores nothing more', async () => {
        const { owner, client, link } = await linkedClient();
        const phone = anonymous(server.url);
        assertStatus(await submitIntake(phone, link.token, intakeAnswers()), 201);
        const again = await submitIntake(phone, link.token, intakeAnswers({ goals: 'Other' }));
        assertProblem(again, 409, 'conflict');
        assert.match(again.body.detail, /already submitted/);
        assert.equal((await submissionsOf(owner, client.id)).submissions.length, 1);
      });

      it('refuses missing required answers with 422, a message per question, and stores nothing', async () => {
        const { owner, client, link } = await linkedClient();
        const { goals: _goals, allergies: _allergies, ...incomplete } = intakeAnswers();
        const response = await submitIntake(anonymous(server.url), link.token, {
          ...incomplete,
          pressure: '9',
        });
        assertProblem(response, 422, 'unprocessable');
        assert.deepEqual(problemFields(response).sort(), ['allergies', 'goals', 'pressure']);
        const messages = new Map(
          response.body.errors.map((issue: Json) => [issue.field, issue.message]),
        );
        assert.equal(messages.get('goals'), 'This question needs an answer.');
        assert.equal(messages.get('pressure'), 'Choose one of the options.');
        assert.equal((await submissionsOf(owner, client.id)).submissions.length, 0);
        const links = await owner.get(`/api/v1/clients/${client.id}/links`);
        assert.equal(links.body.links[0].state, 'active');
      });

      it('refuses a body over 256 KB with 413 and stores nothing', async () => {
        const { owner, client, link } = await linkedClient();
        const response = await submitIntake(
          anonymous(server.url),
          link.token,
          intakeAnswers({ notes: 'x'.repeat(300 * 1024) }),
        );
        assertProblem(response, 413, 'payload-too-large');
        assert.equal((await submissionsOf(owner, client.id)).submissions.length, 0);
      });
    });

    describe('review and accept', () => {
      it('proposes the answers as changes to the profile and health history', async () => {
        const { review, client } = await submitted();
        assert.equal(review.status, 'to_review');
        assert.equal(review.historyNumber, 0);
        const phone = review.proposal.clientChanges.find(
          (change: Json) => change.field === 'phone',
        );
        assert.deepEqual(phone, {
          field: 'phone',
          label: 'Phone',
          before: client.phone,
          after: '+1 416 555 0199',
        });
        assert.deepEqual(
          review.proposal.history.allergies.map((allergy: Json) => allergy.substance),
          ['tree_nut'],
        );
        assert.deepEqual(
          review.proposal.history.goals.map((goal: Json) => goal.text),
          ['Less neck pain at work', 'Sleep better'],
        );
        assert.ok(review.proposal.attention.some((item: Json) => item.section === 'allergies'));
      });

      it('accepts profile changes and a new health-history version together', async () => {
        const { owner, client, review, practice } = await submitted();
        const response = await owner.post(`/api/v1/intake-submissions/${review.id}/accept`, {
          historyNumber: review.historyNumber,
          clientVersion: review.clientVersion,
        });
        assertStatus(response, 200);
        assert.equal(response.body.status, 'accepted');
        const updated = await owner.get(`/api/v1/clients/${client.id}`);
        assert.equal(updated.body.phone, '+1 416 555 0199');
        assert.equal(updated.body.emergencyContact.name, 'Rui Silva');
        const history = await currentHealthHistory(server.store.db, practice.practiceId, client.id);
        assert.equal(history?.number, 1);
        assert.equal(history?.source, 'intake');
        assert.deepEqual(
          history?.history.allergies.map((allergy) => allergy.substance),
          ['tree_nut'],
        );
        const { toReview } = await submissionsOf(owner, client.id);
        assert.equal(toReview, 0);
        const twice = await owner.post(`/api/v1/intake-submissions/${review.id}/accept`, {
          historyNumber: 1,
          clientVersion: updated.body.version,
        });
        assertProblem(twice, 409, 'conflict');
      });

      it('refuses with 412 and applies nothing when the history changed since the proposal', async () => {
        const { owner, client, review, practice } = await submitted();
        await saveHealthHistory(server.store.db, {
          practiceId: practice.practiceId,
          clientId: client.id,
          expectedNumber: 0,
          history: { ...emptyHealthHistory(), notes: 'Seen at the front desk.' },
          recordedBy: practice.ownerId,
          source: 'staff',
          now: server.runtime.now().toISOString(),
        });
        const response = await owner.post(`/api/v1/intake-submissions/${review.id}/accept`, {
          historyNumber: 0,
          clientVersion: review.clientVersion,
        });
        assertProblem(response, 412, 'stale-version');
        const unchanged = await owner.get(`/api/v1/clients/${client.id}`);
        assert.equal(unchanged.body.phone, client.phone);
        assert.equal(unchanged.body.version, client.version);
        const history = await currentHealthHistory(server.store.db, practice.practiceId, client.id);
        assert.equal(history?.number, 1);
        assert.equal((await submissionsOf(owner, client.id)).toReview, 1);
      });

      it('rejects with a note and changes nothing in the record', async () => {
        const { owner, client, review, practice } = await submitted();
        const response = await owner.post(`/api/v1/intake-submissions/${review.id}/reject`, {
          note: 'Filled in by the wrong person.',
        });
        assertStatus(response, 200);
        assert.equal(response.body.status, 'rejected');
        assert.equal(response.body.reviewNote, 'Filled in by the wrong person.');
        assert.equal(
          await currentHealthHistory(server.store.db, practice.practiceId, client.id),
          null,
        );
        const unchanged = await owner.get(`/api/v1/clients/${client.id}`);
        assert.equal(unchanged.body.version, client.version);
      });

      it('keeps another practice from a submission, as not found', async () => {
        const { review } = await submitted();
        const other = await createOtherPractice(server);
        assertProblem(await other.owner.get(`/api/v1/intake-submissions/${review.id}`), 404);
      });

      it('refuses any change to what the client sent, in the database itself', async () => {
        const { review } = await submitted();
        await assert.rejects(
          server.store.db
            .updateTable('intake_submissions')
            .set({ answers: '{}' })
            .where('id', '=', review.id)
            .execute(),
        );
        await assert.rejects(
          server.store.db.deleteFrom('intake_submissions').where('id', '=', review.id).execute(),
        );
      });

      it('audits every step without tokens or answers', async () => {
        const { owner, client, review, link } = await submitted();
        await owner.post(`/api/v1/intake-submissions/${review.id}/accept`, {
          historyNumber: review.historyNumber,
          clientVersion: review.clientVersion,
        });
        const events = await auditEvents(owner, { clientId: client.id });
        const actions = events.map((event) => event.action);
        for (const action of [
          'intake.link.create',
          'intake.submit',
          'intake.submission.read',
          'intake.submission.accept',
        ])
          assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
        const submit = await onlyAuditEvent(owner, {
          action: 'intake.submit',
          clientId: client.id,
        });
        assert.equal(submit.userId, null);
        const text = JSON.stringify(events);
        assert.ok(!text.includes(link.token));
        assert.ok(!text.includes('neck pain'));
      });
    });

    describe('the practice’s intake form', () => {
      async function readForm(owner: ApiClient) {
        const response = await owner.get('/api/v1/intake-form');
        assertStatus(response, 200);
        return { view: response.body as Json, etag: response.headers.get('etag')! };
      }

      const withQuestion = (form: IntakeForm, question: Record<string, unknown>): IntakeForm => ({
        ...form,
        sections: [
          { ...form.sections[0]!, questions: [...form.sections[0]!.questions, question as never] },
          ...form.sections.slice(1),
        ],
      });

      it('starts as the shipped form at version 0 and saves the owner’s edit', async () => {
        const { owner } = await createOtherPractice(server);
        const { view, etag } = await readForm(owner);
        assert.equal(etag, '"0"');
        assert.deepEqual(view.form, defaultIntakeForm);
        const edited = withQuestion(view.form, {
          id: 'parking',
          type: 'yes_no',
          label: 'Do you need parking?',
        });
        const saved = await owner.put('/api/v1/intake-form', edited, { ifMatch: etag });
        assertStatus(saved, 200);
        assert.equal(saved.headers.get('etag'), '"1"');
        assert.equal(saved.body.customised, true);
        const stale = await owner.put('/api/v1/intake-form', edited, { ifMatch: '"0"' });
        assertProblem(stale, 412, 'stale-version');
        assertProblem(await owner.put('/api/v1/intake-form', edited), 428);
      });

      it('sends clients the edited form, and keeps the form a submission was made on', async () => {
        const practice = await createOtherPractice(server);
        const { view, etag } = await readForm(practice.owner);
        const edited = withQuestion(view.form, {
          id: 'parking',
          type: 'yes_no',
          label: 'Do you need parking?',
          required: true,
        });
        const saved = await practice.owner.put('/api/v1/intake-form', edited, { ifMatch: etag });
        assertStatus(saved, 200);
        const { client } = await createClient(practice.owner);
        const link = await sendIntakeLink(practice.owner, client.id);
        const opened = await anonymous(server.url).get(`/api/v1/public/intake/${link.token}`);
        assert.deepEqual(opened.body.steps.at(-1).form, saved.body.form);
        const missing = await submitIntake(anonymous(server.url), link.token, intakeAnswers());
        assert.deepEqual(problemFields(missing), ['parking']);
        assertStatus(
          await submitIntake(anonymous(server.url), link.token, intakeAnswers({ parking: true })),
          201,
        );
      });

      it('refuses a question whose binding does not fit its type, with the field named', async () => {
        const { owner } = await createOtherPractice(server);
        const { view, etag } = await readForm(owner);
        const response = await owner.put(
          '/api/v1/intake-form',
          withQuestion(view.form, {
            id: 'dob_again',
            type: 'yes_no',
            label: 'Born when?',
            binding: 'client.dateOfBirth',
          }),
          { ifMatch: etag },
        );
        assertProblem(response, 400, 'invalid-request');
        const issue = response.body.errors.find((entry: Json) => entry.field.endsWith('binding'));
        assert.ok(issue, response.text);
        assert.match(issue.message, /Date of birth needs a question of type date/);
      });

      it('refuses a choice with fewer than two options and an unknown question type', async () => {
        const { owner } = await createOtherPractice(server);
        const { view, etag } = await readForm(owner);
        const response = await owner.put(
          '/api/v1/intake-form',
          withQuestion(
            withQuestion(view.form, {
              id: 'one',
              type: 'choice',
              label: 'One?',
              options: [{ value: 'a', label: 'A' }],
            }),
            {
              id: 'odd',
              type: 'slider',
              label: 'Odd',
            },
          ),
          { ifMatch: etag },
        );
        assertProblem(response, 400, 'invalid-request');
        const messages = response.body.errors.map((entry: Json) => entry.message);
        assert.ok(messages.includes('Offer at least two options.'), response.text);
        assert.ok(messages.includes('Unknown question type.'), response.text);
      });

      it('lets only the owner change the form', async () => {
        const practice = await createPractice(server);
        const therapist = await createStaff(server, practice, 'therapist');
        const { view, etag } = await readForm(therapist.client);
        assertProblem(
          await therapist.client.put('/api/v1/intake-form', view.form, { ifMatch: etag }),
          403,
        );
      });
    });
  });

  describe(`the public link's rate limit on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect, { publicLinkRateLimitPerMinute: 3 });
    });
    after(async () => {
      await server?.close();
    });

    it('answers 429 once an address has used up its requests for the minute', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await anonymous(server.url).get(`/api/v1/public/intake/${'y'.repeat(43)}`);
        statuses.push(response.status);
        if (response.status === 429) assertProblem(response, 429, 'too-many-attempts');
      }
      assert.deepEqual(statuses, [404, 404, 404, 429]);
    });
  });
}
