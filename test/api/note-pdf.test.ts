import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.js';
import {
  createClient,
  createPractice,
  testPassword,
  type PracticeFixture,
} from '../support/factories.js';
import { pdfSkipReason, pdfText } from '../support/pdf.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { giveTreatmentConsent } from '../support/consents.js';

const noteContent = {
  subjective: { reasonForVisit: 'Stiff neck after the café shift', painBefore: 6 },
  objective: { bodyChart: [{ region: 'upper_trapezius_l', kind: 'tension', intensity: 2 }] },
  treatment: {
    techniques: [
      { technique: 'myofascial_release', regions: ['upper_trapezius_l'], minutes: 30, pressure: 3 },
    ],
  },
  assessment: { painAfter: 3 },
  plan: { focusNextTime: 'Levator scapulae' },
};

for (const { dialect, skip } of dialects) {
  describe(`a signed note as PDF on ${dialect}`, { skip: skip || pdfSkipReason() }, () => {
    let server: TestServer;
    let practice: PracticeFixture;
    before(async () => {
      server = await startTestServer(dialect);
      practice = await createPractice(server);
    });
    after(async () => {
      await server?.close();
    });

    async function documentedSession(sign: boolean): Promise<string> {
      const { client } = await createClient(practice.owner, {
        legalFirstName: 'Zoë',
        legalLastName: 'Łukasiewicz-Søndergaard',
      });
      const booked = await practice.owner.post('/api/v1/sessions', {
        clientId: client.id,
        therapistId: practice.ownerId,
        startsAt: '2026-11-27T16:00:00Z',
        plannedMinutes: 60,
        sessionType: 'therapeutic',
      });
      const id = booked.body.session.id as string;
      await practice.owner.put(`/api/v1/sessions/${id}/note`, noteContent, { ifMatch: '"0"' });
      if (sign) await giveTreatmentConsent(practice.owner, client.id);
      if (sign)
        await practice.owner.post(
          `/api/v1/sessions/${id}/note/sign`,
          { password: testPassword },
          { ifMatch: '"1"' },
        );
      return id;
    }

    async function download(id: string): Promise<Response> {
      return fetch(`${server.url}/api/v1/sessions/${id}/note.pdf`, {
        headers: { cookie: practice.owner.cookie! },
      });
    }

    it('renders the client’s accented name, the SOAP content, the signature and addenda', async () => {
      const id = await documentedSession(true);
      await practice.owner.post(`/api/v1/sessions/${id}/note/addenda`, {
        reason: 'Correction',
        text: 'Pressure was 2, not 3.',
      });
      const response = await download(id);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      for (const expected of [
        'Zoë Łukasiewicz-Søndergaard',
        'Stiff neck after the café shift',
        'Upper trapezius, left',
        'Myofascial release',
        'Levator scapulae',
        'Electronically signed by Olive Owner',
        'Pressure was 2, not 3.',
      ]) {
        assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
      }
    });

    it('refuses to download a draft', async () => {
      const id = await documentedSession(false);
      assert.equal((await download(id)).status, 409);
    });
  });
}
