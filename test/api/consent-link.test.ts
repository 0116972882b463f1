import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus, problemFields } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { linkConsentSignature, signThroughLink } from '../support/consent-link.js';
import { currentConsentText, drawnPng, giveTreatmentConsent } from '../support/consents.js';
import { dialects } from '../support/dialects.js';
import { createClient, createPractice, signIn } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { anonymous, intakeAnswers, sendIntakeLink, submitIntake } from '../support/intake.js';
import { startTestServer, type TestServer } from '../support/server.js';

const deadLink = 'This link is not valid any more. Ask the practice for a new one.';
const phoneAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';

for (const { dialect, skip } of dialects) {
  describe(`consent signed through the client's link on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    /** A practice of its own, one client (an adult unless a birth date says otherwise), a link. */
    async function linkedClient(dateOfBirth = '1985-04-12') {
      const practice = await createPractice(server);
      const { client } = await createClient(practice.owner, {
        legalFirstName: 'Marisol',
        preferredName: null,
        dateOfBirth,
      });
      const link = await sendIntakeLink(practice.owner, client.id);
      return { practice, owner: practice.owner, client, link };
    }

    /** The client's phone: no account, a phone's user agent. */
    function phone(): ApiClient {
      const caller = anonymous(server.url);
      caller.headers['user-agent'] = phoneAgent;
      return caller;
    }

    async function stepsOf(token: string): Promise<Json[]> {
      const response = await anonymous(server.url).get(`/api/v1/public/intake/${token}`);
      assertStatus(response, 200);
      return response.body.steps;
    }

    async function consentsOf(owner: ApiClient, clientId: string): Promise<Json> {
      const response = await owner.get(`/api/v1/clients/${clientId}/consents`);
      assertStatus(response, 200);
      return response.body;
    }

    const entry = (consents: Json, kind: string) =>
      consents.entries.find((candidate: Json) => candidate.kind === kind);

    describe('which consents the link asks for', () => {
      it('asks an adult without treatment consent for it, with the exact current text, before the form', async () => {
        const { owner, link } = await linkedClient();
        const text = await currentConsentText(owner, 'treatment');
        const steps = await stepsOf(link.token);
        assert.deepEqual(
          steps.map((step) => step.kind),
          ['consent', 'intake'],
        );
        assert.deepEqual(steps[0], {
          kind: 'consent',
          consentKind: 'treatment',
          done: false,
          signer: 'client',
          text: { title: text.title, body: text.body, version: text.version },
        });
      });

      it('asks nothing when treatment consent is already current', async () => {
        const { owner, client, link } = await linkedClient();
        await giveTreatmentConsent(owner, client.id);
        assert.deepEqual(
          (await stepsOf(link.token)).map((step) => step.kind),
          ['intake'],
        );
      });

      it('asks a minor’s guardian for treatment and guardian consent', async () => {
        const { link } = await linkedClient('2012-05-01');
        const steps = (await stepsOf(link.token)).filter((step) => step.kind === 'consent');
        assert.deepEqual(
          steps.map((step) => [step.consentKind, step.signer]),
          [
            ['treatment', 'guardian'],
            ['guardian_for_minor', 'guardian'],
          ],
        );
      });

      it('asks again once treatment consent has expired', async () => {
        const { practice, owner, client } = await linkedClient();
        await giveTreatmentConsent(owner, client.id);
        server.runtime.advanceMinutes(400 * 24 * 60);
        try {
          const later = await signIn(server, practice.ownerEmail);
          assert.equal(entry(await consentsOf(later, client.id), 'treatment').state, 'expired');
          const link = await sendIntakeLink(later, client.id);
          const steps = await stepsOf(link.token);
          assert.deepEqual(
            steps.map((step) => [step.kind, step.consentKind ?? null, step.done]),
            [
              ['consent', 'treatment', false],
              ['intake', null, false],
            ],
          );
        } finally {
          server.runtime.advanceMinutes(-400 * 24 * 60);
        }
      });
    });

    describe('signing', () => {
      it('records channel link, IP and device, no staff member, and makes the chart current', async () => {
        const { owner, client, link } = await linkedClient();
        const body = await linkConsentSignature(owner);
        const signed = await signThroughLink(phone(), link.token, body);
        assertStatus(signed, 201);
        assert.deepEqual(signed.body, {
          consentKind: 'treatment',
          signedAt: server.runtime.now().toISOString(),
        });
        const consents = await consentsOf(owner, client.id);
        assert.equal(consents.treatmentConsentCurrent, true);
        const signature = entry(consents, 'treatment').signature;
        assert.equal(entry(consents, 'treatment').state, 'current');
        assert.equal(signature.channel, 'link');
        assert.equal(signature.ip, '127.0.0.1');
        assert.equal(signature.userAgent, phoneAgent);
        assert.equal(signature.recordedByName, null);
        assert.equal(signature.signerName, 'Marisol Ibáñez');
        assert.equal(signature.textVersion, body.textVersion);
        const row = await server.store.db
          .selectFrom('consent_signatures')
          .select(['recorded_by', 'channel'])
          .where('id', '=', signature.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(row, { recorded_by: null, channel: 'link' });
      });

      it('shows the step as signed when the link is opened again, and the form still follows', async () => {
        const { owner, link } = await linkedClient();
        assertStatus(
          await signThroughLink(phone(), link.token, await linkConsentSignature(owner)),
          201,
        );
        const steps = await stepsOf(link.token);
        assert.deepEqual(
          steps.map((step) => [step.kind, step.done]),
          [
            ['consent', true],
            ['intake', false],
          ],
        );
      });

      it('takes a drawn signature', async () => {
        const { owner, client, link } = await linkedClient();
        const body = await linkConsentSignature(owner, 'treatment', {
          signature: { method: 'drawn', format: 'png_data_url', data: drawnPng },
        });
        assertStatus(await signThroughLink(phone(), link.token, body), 201);
        const signature = entry(await consentsOf(owner, client.id), 'treatment').signature;
        assert.deepEqual(signature.signature, {
          method: 'drawn',
          format: 'png_data_url',
          data: drawnPng,
        });
      });

      it('lets a guardian sign both consents a minor needs', async () => {
        const { owner, client, link } = await linkedClient('2012-05-01');
        const guardian = {
          signerName: 'Marie Dubois',
          signerRole: 'guardian',
          guardianRelationship: 'mother',
          signature: { method: 'typed', typedName: 'Marie Dubois' },
        };
        for (const kind of ['treatment', 'guardian_for_minor'])
          assertStatus(
            await signThroughLink(
              phone(),
              link.token,
              await linkConsentSignature(owner, kind, guardian),
            ),
            201,
          );
        assert.equal((await consentsOf(owner, client.id)).treatmentConsentCurrent, true);
      });
    });

    describe('bad input', () => {
      it('refuses a consent without a signature and stores nothing', async () => {
        const { owner, client, link } = await linkedClient();
        const { signature: _signature, ...unsigned } = await linkConsentSignature(owner);
        const response = await signThroughLink(phone(), link.token, unsigned);
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['signature']);
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 0);
      });

      it('refuses a 10 MB signature image with 413 and stores nothing', async () => {
        const { owner, client, link } = await linkedClient();
        const body = await linkConsentSignature(owner, 'treatment', {
          signature: {
            method: 'drawn',
            format: 'png_data_url',
            data: `data:image/png;base64,${'A'.repeat(10 * 1024 * 1024)}`,
          },
        });
        assertProblem(await signThroughLink(phone(), link.token, body), 413, 'payload-too-large');
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 0);
      });

      it('refuses an outdated text version with 422 and stores nothing', async () => {
        const { owner, client, link } = await linkedClient();
        const old = await linkConsentSignature(owner);
        const published = await owner.post('/api/v1/consent-texts', {
          kind: 'treatment',
          title: 'Consent to treatment',
          body: 'I consent to massage therapy as discussed with my therapist, and may stop at any time.',
          validityMonths: 12,
          requiresResign: true,
        });
        assertStatus(published, 201);
        const response = await signThroughLink(phone(), link.token, old);
        assertProblem(response, 422, 'unprocessable');
        assert.deepEqual(problemFields(response), ['textVersion']);
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 0);
        const [step] = await stepsOf(link.token);
        assert.equal(step?.text.version, published.body.version);
      });

      it('refuses a minor signing for themselves with 422, and a guardian without a relationship', async () => {
        const { owner, client, link } = await linkedClient('2012-05-01');
        const own = await signThroughLink(phone(), link.token, await linkConsentSignature(owner));
        assertProblem(own, 422, 'unprocessable');
        assert.deepEqual(problemFields(own), ['signerRole']);
        assert.match(own.body.errors[0].message, /under 18: a parent or guardian must sign/);
        const noRelationship = await signThroughLink(
          phone(),
          link.token,
          await linkConsentSignature(owner, 'treatment', { signerRole: 'guardian' }),
        );
        assertProblem(noRelationship, 400, 'invalid-request');
        assert.deepEqual(problemFields(noRelationship), ['guardianRelationship']);
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 0);
      });

      it('refuses a kind the link does not ask for', async () => {
        const { owner, client, link } = await linkedClient();
        const response = await signThroughLink(
          phone(),
          link.token,
          await linkConsentSignature(owner, 'communication'),
        );
        assertProblem(response, 422, 'unprocessable');
        assert.deepEqual(problemFields(response), ['kind']);
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 0);
      });

      it('answers a second signature of the same kind on the link with 409 and keeps one', async () => {
        const { owner, client, link } = await linkedClient();
        const body = await linkConsentSignature(owner);
        assertStatus(await signThroughLink(phone(), link.token, body), 201);
        const again = await signThroughLink(phone(), link.token, body);
        assertProblem(again, 409, 'conflict');
        assert.match(again.body.detail, /already signed/);
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 1);
      });

      it('answers an expired, revoked, unknown or altered link with the same 404 and stores nothing', async () => {
        const { owner, client, link } = await linkedClient();
        const body = await linkConsentSignature(owner);
        const revoked = await sendIntakeLink(owner, client.id);
        assertStatus(
          await owner.post(`/api/v1/clients/${client.id}/links/${revoked.id}/revoke`),
          200,
        );
        const expired = await sendIntakeLink(owner, client.id, { expiresInDays: 1 });
        const altered = `${link.token.slice(0, -2)}${link.token.endsWith('AA') ? 'BB' : 'AA'}`;
        server.runtime.advanceMinutes(25 * 60);
        const answers: Json[] = [];
        try {
          for (const token of [revoked.token, expired.token, altered, 'x'.repeat(43), 'abc']) {
            const response = await signThroughLink(phone(), token, body);
            assertProblem(response, 404, 'not-found');
            answers.push(response.body);
          }
        } finally {
          server.runtime.advanceMinutes(-25 * 60);
        }
        for (const answer of answers) assert.deepEqual(answer, { ...answers[0], detail: deadLink });
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 0);
      });

      it('answers signing after the form was sent with the dead-link 404', async () => {
        const { owner, client, link } = await linkedClient();
        assertStatus(await submitIntake(phone(), link.token, intakeAnswers()), 201);
        const response = await signThroughLink(
          phone(),
          link.token,
          await linkConsentSignature(owner),
        );
        assertProblem(response, 404, 'not-found');
        assert.equal(response.body.detail, deadLink);
        assert.equal((await consentsOf(owner, client.id)).signatures.length, 0);
      });
    });

    describe('audit', () => {
      it('audits a signature and a refusal without the token or the signature', async () => {
        const { owner, client, link } = await linkedClient();
        const body = await linkConsentSignature(owner, 'treatment', {
          signature: { method: 'drawn', format: 'png_data_url', data: drawnPng },
        });
        assertStatus(await signThroughLink(phone(), link.token, body), 201);
        assertProblem(await signThroughLink(phone(), link.token, body), 409);
        const events = (await auditEvents(owner, { clientId: client.id })).filter(
          (event) => event.action === 'consent.sign',
        );
        assert.deepEqual(
          events.map((event) => [event.outcome, event.userId, event.detail?.['channel']]),
          [
            ['failed', null, 'link'],
            ['success', null, 'link'],
          ],
        );
        const signed = events[1]!;
        assert.equal(signed.recordType, 'consent');
        assert.equal(signed.userAgent, phoneAgent);
        assert.deepEqual(signed.detail, {
          kind: 'treatment',
          textVersion: body.textVersion,
          signerRole: 'client',
          method: 'drawn',
          channel: 'link',
          linkId: link.id,
        });
        assert.equal(events[0]!.detail?.['reason'], 'already_signed');
        const text = JSON.stringify(events);
        assert.ok(!text.includes(link.token));
        assert.ok(!text.includes(drawnPng.slice(30)));
      });
    });
  });
}
