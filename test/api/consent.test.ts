import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { assertProblem, problemFields } from '../support/assertions.js';
import { auditEvents, onlyAuditEvent } from '../support/audit.js';
import {
  consentSignature,
  currentConsentText,
  drawnPng,
  giveTreatmentConsent,
  signConsent,
} from '../support/consents.js';
import { dialects } from '../support/dialects.js';
import {
  createClient,
  createPractice,
  signIn,
  testPassword,
  type PracticeFixture,
} from '../support/factories.js';
import type { Json } from '../support/http.js';
import { saveDraft } from '../support/notes.js';
import { pdfSkipReason, pdfText } from '../support/pdf.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

const entry = (consents: Json, kind: string) =>
  consents.entries.find((candidate: Json) => candidate.kind === kind);

for (const { dialect, skip } of dialects) {
  describe(`consent on ${dialect}`, { skip }, () => {
    let server: TestServer;
    let practice: PracticeFixture;
    before(async () => {
      server = await startTestServer(dialect);
      practice = await createPractice(server);
    });
    after(async () => {
      await server?.close();
    });

    const newClient = async (dateOfBirth = '1985-04-12') =>
      (await createClient(practice.owner, { dateOfBirth })).client;
    const consentsOf = async (clientId: string) => {
      const response = await practice.owner.get(`/api/v1/clients/${clientId}/consents`);
      assert.equal(response.status, 200, response.text);
      return response.body;
    };

    describe('texts', () => {
      it('starts every practice with the shipped texts as version 1 of each kind', async () => {
        const texts = await practice.owner.get('/api/v1/consent-texts');
        assert.equal(texts.status, 200, texts.text);
        assert.deepEqual(
          texts.body.current.map((text: Json) => [text.kind, text.version]),
          [
            ['treatment', 1],
            ['guardian_for_minor', 1],
            ['sensitive_area', 1],
            ['share_records', 1],
            ['communication', 1],
          ],
        );
      });

      it('publishes a change as a new version and keeps the old one viewable', async () => {
        const published = await practice.owner.post('/api/v1/consent-texts', {
          kind: 'sensitive_area',
          title: 'Consent to treatment of sensitive areas',
          body: 'My therapist will explain and ask before treating the gluteal muscles or chest wall.',
          validityMonths: 24,
          requiresResign: false,
        });
        assert.equal(published.status, 201, published.text);
        assert.equal(published.body.version, 2);
        const texts = (await practice.owner.get('/api/v1/consent-texts')).body;
        const versions = texts.history
          .filter((text: Json) => text.kind === 'sensitive_area')
          .map((text: Json) => text.version);
        assert.deepEqual(versions, [2, 1]);
        assert.equal(
          texts.current.find((text: Json) => text.kind === 'sensitive_area').validityMonths,
          24,
        );
        const audit = await onlyAuditEvent(practice.owner, {
          action: 'consentText.publish',
        });
        assert.equal(audit.recordId, published.body.id);
      });

      it('refuses to sign a version that a newer one has replaced', async () => {
        const client = await newClient();
        const old = await consentSignature(practice.owner, 'communication');
        const published = await practice.owner.post('/api/v1/consent-texts', {
          kind: 'communication',
          title: 'Consent to be contacted',
          body: 'The practice may text and email me about appointments.',
          validityMonths: null,
          requiresResign: false,
        });
        assert.equal(published.status, 201, published.text);
        const response = await practice.owner.post(`/api/v1/clients/${client.id}/consents`, old);
        assertProblem(response, 422, 'unprocessable');
        assert.deepEqual(problemFields(response), ['textVersion']);
        assert.equal((await consentsOf(client.id)).signatures.length, 0);
      });

      it('refuses a text without a title or body, with field messages', async () => {
        const response = await practice.owner.post('/api/v1/consent-texts', {
          kind: 'treatment',
          title: ' ',
          body: '',
          validityMonths: 0,
          requiresResign: false,
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response).sort(), ['body', 'title', 'validityMonths']);
      });
    });

    describe('status', () => {
      it('shows treatment consent missing, then current until a year after signing', async () => {
        const client = await newClient();
        const before = await consentsOf(client.id);
        assert.equal(entry(before, 'treatment').state, 'missing');
        assert.equal(before.treatmentConsentCurrent, false);
        await giveTreatmentConsent(practice.owner, client.id);
        const after = await consentsOf(client.id);
        assert.equal(entry(after, 'treatment').state, 'current');
        assert.equal(entry(after, 'treatment').expiresOn, '2027-11-27');
        assert.equal(after.treatmentConsentCurrent, true);
      });

      it('shows a withdrawn consent as withdrawn until the client signs again', async () => {
        const client = await newClient();
        const signature = await giveTreatmentConsent(practice.owner, client.id);
        const withdrawn = await practice.owner.post(
          `/api/v1/clients/${client.id}/consents/${signature.id}/withdraw`,
          { reason: 'Wants to think about it.' },
        );
        assert.equal(withdrawn.status, 200, withdrawn.text);
        assert.equal(withdrawn.body.withdrawal.reason, 'Wants to think about it.');
        assert.equal(entry(await consentsOf(client.id), 'treatment').state, 'withdrawn');
        const again = await practice.owner.post(
          `/api/v1/clients/${client.id}/consents/${signature.id}/withdraw`,
          { reason: 'Twice.' },
        );
        assertProblem(again, 409, 'conflict');
        server.runtime.advanceMinutes(1);
        await giveTreatmentConsent(practice.owner, client.id);
        assert.equal(entry(await consentsOf(client.id), 'treatment').state, 'current');
      });

      it('refuses a withdrawal without a reason', async () => {
        const client = await newClient();
        const signature = await giveTreatmentConsent(practice.owner, client.id);
        const response = await practice.owner.post(
          `/api/v1/clients/${client.id}/consents/${signature.id}/withdraw`,
          { reason: '' },
        );
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['reason']);
        assert.equal(entry(await consentsOf(client.id), 'treatment').state, 'current');
      });

      it('names the party a share-records consent is for, and refuses one without', async () => {
        const client = await newClient();
        const unnamed = await signConsent(practice.owner, client.id, 'share_records');
        assertProblem(unnamed, 422, 'unprocessable');
        assert.deepEqual(problemFields(unnamed), ['sharedWith']);
        const named = await signConsent(practice.owner, client.id, 'share_records', {
          sharedWith: 'Dr. Amélie Côté, family physician',
        });
        assert.equal(named.status, 201, named.text);
        const share = entry(await consentsOf(client.id), 'share_records');
        assert.equal(share.party, 'Dr. Amélie Côté, family physician');
        assert.equal(share.state, 'current');
      });
    });

    describe('minors', () => {
      it('refuses a minor’s own signature and asks for a guardian', async () => {
        const client = await newClient('2012-05-01');
        const response = await signConsent(practice.owner, client.id, 'treatment');
        assertProblem(response, 422, 'unprocessable');
        assert.deepEqual(problemFields(response), ['signerRole']);
        assert.match(response.body.errors[0].message, /under 18: a parent or guardian must sign/);
        const consents = await consentsOf(client.id);
        assert.equal(consents.minor, true);
        assert.equal(consents.signatures.length, 0);
      });

      it('asks a guardian how they are related to the client', async () => {
        const client = await newClient('2012-05-01');
        const response = await signConsent(practice.owner, client.id, 'treatment', {
          signerRole: 'guardian',
        });
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['guardianRelationship']);
      });

      it('counts a guardian’s treatment and guardian consent as current consent to treat', async () => {
        const client = await newClient('2012-05-01');
        const guardian = {
          signerName: 'Marie Dubois',
          signerRole: 'guardian',
          guardianRelationship: 'mother',
        };
        const treatment = await signConsent(practice.owner, client.id, 'treatment', guardian);
        assert.equal(treatment.status, 201, treatment.text);
        assert.equal((await consentsOf(client.id)).treatmentConsentCurrent, false);
        const consent = await signConsent(
          practice.owner,
          client.id,
          'guardian_for_minor',
          guardian,
        );
        assert.equal(consent.status, 201, consent.text);
        const consents = await consentsOf(client.id);
        assert.equal(consents.treatmentConsentCurrent, true);
        assert.equal(
          entry(consents, 'guardian_for_minor').signature.guardianRelationship,
          'mother',
        );
      });
    });

    describe('bad signatures', () => {
      it('refuses a consent without a signature and stores nothing', async () => {
        const client = await newClient();
        const { signature: _signature, ...unsigned } = await consentSignature(
          practice.owner,
          'treatment',
        );
        const response = await practice.owner.post(
          `/api/v1/clients/${client.id}/consents`,
          unsigned,
        );
        assertProblem(response, 400, 'invalid-request');
        assert.deepEqual(problemFields(response), ['signature']);
        assert.equal((await consentsOf(client.id)).signatures.length, 0);
      });

      it('refuses an empty drawn signature and a typed name that differs from the signer', async () => {
        const client = await newClient();
        const empty = await signConsent(practice.owner, client.id, 'treatment', {
          signature: { method: 'drawn', format: 'png_data_url', data: '' },
        });
        assertProblem(empty, 400, 'invalid-request');
        assert.deepEqual(problemFields(empty), ['signature.data']);
        const mistyped = await signConsent(practice.owner, client.id, 'treatment', {
          signature: { method: 'typed', typedName: 'Someone Else' },
        });
        assertProblem(mistyped, 400, 'invalid-request');
        assert.deepEqual(problemFields(mistyped), ['signature.typedName']);
      });

      it('refuses a 10 MB signature image with 413 and stores nothing', async () => {
        const client = await newClient();
        const response = await signConsent(practice.owner, client.id, 'treatment', {
          signature: {
            method: 'drawn',
            format: 'png_data_url',
            data: `data:image/png;base64,${'A'.repeat(10 * 1024 * 1024)}`,
          },
        });
        assertProblem(response, 413, 'payload-too-large');
        assert.equal((await consentsOf(client.id)).signatures.length, 0);
      });

      it('refuses a drawn signature over 200 KB with a message saying so', async () => {
        const client = await newClient();
        const response = await signConsent(practice.owner, client.id, 'treatment', {
          signature: {
            method: 'drawn',
            format: 'png_data_url',
            data: `data:image/png;base64,${'A'.repeat(210_000)}`,
          },
        });
        assertProblem(response, 400, 'invalid-request');
        assert.match(response.body.errors[0].message, /drawn signature is too large/);
      });
    });

    describe('stored signatures', () => {
      it('keeps the exact text signed, with time, IP and device', async () => {
        const client = await newClient();
        const signature = await giveTreatmentConsent(practice.owner, client.id);
        const text = await currentConsentText(practice.owner, 'treatment');
        const read = await practice.owner.get(
          `/api/v1/clients/${client.id}/consents/${signature.id}`,
        );
        assert.equal(read.status, 200, read.text);
        assert.equal(read.body.textBody, text.body);
        assert.equal(read.body.signedAt, server.runtime.now().toISOString());
        assert.equal(read.body.ip, '127.0.0.1');
        assert.equal(read.body.channel, 'tablet');
        assert.ok(read.body.userAgent.length > 0);
        const events = await auditEvents(practice.owner, { clientId: client.id });
        assert.deepEqual(
          events.map((event) => event.action).filter((action) => action.startsWith('consent.')),
          ['consent.read', 'consent.sign'],
        );
      });

      it('refuses UPDATE and DELETE of a signature in the database itself', async () => {
        const client = await newClient();
        const signature = await giveTreatmentConsent(practice.owner, client.id);
        await assert.rejects(
          sql`update consent_signatures set signer_name = ${'Forged'} where id = ${signature.id}`.execute(
            server.store.db,
          ),
          /consent_signatures is append-only/,
        );
        await assert.rejects(
          sql`delete from consent_signatures where id = ${signature.id}`.execute(server.store.db),
          /consent_signatures is append-only/,
        );
        await assert.rejects(
          sql`update consent_texts set body = ${'Changed'} where id = ${signature.textId}`.execute(
            server.store.db,
          ),
          /consent_texts is append-only/,
        );
        const read = await practice.owner.get(
          `/api/v1/clients/${client.id}/consents/${signature.id}`,
        );
        assert.equal(read.body.signerName, signature.signerName);
      });

      it('hides another practice’s signature as not found', async () => {
        const client = await newClient();
        const signature = await giveTreatmentConsent(practice.owner, client.id);
        const other = await createClient(practice.owner);
        const response = await practice.owner.get(
          `/api/v1/clients/${other.client.id}/consents/${signature.id}`,
        );
        assertProblem(response, 404, 'not-found');
      });
    });

    describe('PDF', { skip: pdfSkipReason() }, () => {
      it('prints the exact text, the signer with accents, role, time and device', async () => {
        const client = await newClient('2012-05-01');
        const signed = await signConsent(practice.owner, client.id, 'treatment', {
          signerName: 'Zoë Łucja Brontë',
          signerRole: 'guardian',
          guardianRelationship: 'grand-mère',
          signature: { method: 'typed', typedName: 'Zoe Lucja Bronte' },
        });
        assert.equal(signed.status, 201, signed.text);
        const response = await fetch(
          `${server.url}/api/v1/clients/${client.id}/consents/${signed.body.id}/pdf`,
          { headers: { cookie: practice.owner.cookie! } },
        );
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/pdf');
        const text = pdfText(Buffer.from(await response.arrayBuffer())).replace(/\s+/g, ' ');
        assert.match(text, /Consent to massage therapy/);
        assert.match(text, /text version 1/);
        assert.match(text, /Signed by: Zoë Łucja Brontë/);
        assert.match(text, /Parent or guardian \(grand-mère\)/);
        assert.match(text, /IP address: 127\.0\.0\.1/);
        assert.match(text, /My therapist does not diagnose illness/);
        const export_ = await onlyAuditEvent(practice.owner, {
          action: 'consent.export',
          clientId: client.id,
        });
        assert.equal(export_.recordId, signed.body.id);
      });

      it('draws a drawn signature into the PDF', async () => {
        const client = await newClient();
        const signed = await signConsent(practice.owner, client.id, 'treatment', {
          signature: { method: 'drawn', format: 'png_data_url', data: drawnPng },
        });
        assert.equal(signed.status, 201, signed.text);
        const response = await fetch(
          `${server.url}/api/v1/clients/${client.id}/consents/${signed.body.id}/pdf`,
          { headers: { cookie: practice.owner.cookie! } },
        );
        assert.equal(response.status, 200);
        const pdf = Buffer.from(await response.arrayBuffer());
        assert.match(pdf.toString('latin1'), /\/Subtype \/Image/);
      });
    });

    describe('signing a note', () => {
      it('refuses to sign a note without current treatment consent and asks for a reason', async () => {
        const world = await sessionToDocument(server);
        const draft = await saveDraft(world.therapist.client, world.session.id);
        const response = await world.therapist.client.post(
          `/api/v1/sessions/${world.session.id}/note/sign`,
          { password: testPassword },
          { ifMatch: draft.etag },
        );
        assertProblem(response, 409, 'consent-missing');
        assert.deepEqual(problemFields(response), ['consentExceptionReason']);
        const note = await world.therapist.client.get(`/api/v1/sessions/${world.session.id}/note`);
        assert.equal(note.body.note.signedAt, null);
      });

      it('signs with a reason, keeps the reason with the session and audits it', async () => {
        const world = await sessionToDocument(server);
        const draft = await saveDraft(world.therapist.client, world.session.id);
        const response = await world.therapist.client.post(
          `/api/v1/sessions/${world.session.id}/note/sign`,
          { password: testPassword, consentExceptionReason: 'Verbal consent; form to follow.' },
          { ifMatch: draft.etag },
        );
        assert.equal(response.status, 200, response.text);
        const stored = await server.store.db
          .selectFrom('session_consent_exceptions')
          .selectAll()
          .where('session_id', '=', world.session.id)
          .executeTakeFirstOrThrow();
        assert.equal(stored.reason, 'Verbal consent; form to follow.');
        assert.equal(stored.lacking, 'treatment: missing');
        const event = await onlyAuditEvent(world.practice.owner, {
          action: 'note.sign',
          clientId: world.client.id,
        });
        assert.deepEqual(event.detail, {
          consentException: {
            lacking: 'treatment: missing',
            reason: 'Verbal consent; form to follow.',
          },
        });
      });

      it('signs without a reason once the client has current treatment consent', async () => {
        const world = await sessionToDocument(server);
        await giveTreatmentConsent(world.practice.owner, world.client.id);
        const draft = await saveDraft(world.therapist.client, world.session.id);
        const response = await world.therapist.client.post(
          `/api/v1/sessions/${world.session.id}/note/sign`,
          { password: testPassword },
          { ifMatch: draft.etag },
        );
        assert.equal(response.status, 200, response.text);
        const stored = await server.store.db
          .selectFrom('session_consent_exceptions')
          .selectAll()
          .where('session_id', '=', world.session.id)
          .executeTakeFirst();
        assert.equal(stored, undefined);
      });
    });

    // Last: it moves the shared clock a year and a day ahead.
    describe('a year later', () => {
      it('shows the treatment consent as expired and the note gate closed again', async () => {
        const client = await newClient();
        await giveTreatmentConsent(practice.owner, client.id);
        server.runtime.set(new Date('2027-11-28T15:00:00.000Z'));
        const owner = await signIn(server, practice.ownerEmail);
        const consents = (await owner.get(`/api/v1/clients/${client.id}/consents`)).body;
        assert.equal(entry(consents, 'treatment').state, 'expired');
        assert.equal(consents.treatmentConsentCurrent, false);
      });
    });
  });
}
