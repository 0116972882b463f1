import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditEvents } from '../support/audit.js';
import { signConsent } from '../support/consents.js';
import { dialects } from '../support/dialects.js';
import { createOtherPractice, createPractice, type PracticeFixture } from '../support/factories.js';
import { pdfSkipReason, pdfText } from '../support/pdf.js';
import {
  clientWithRecord,
  reflectionSecret,
  requestRecordPdf,
  wholeRecord,
  type RecordWorld,
} from '../support/record-export.js';
import { startTestServer, type TestServer } from '../support/server.js';

const outsider = {
  kind: 'external',
  name: 'Dr Anna Berg',
  organisation: 'Riverside Physiotherapy',
};

/** Checks words as a reader sees them, wherever the PDF's lines happen to break. */
function assertIncludes(text: string, expected: string[]): void {
  const flowing = text.replace(/\s+/g, ' ');
  for (const words of expected)
    assert.ok(flowing.includes(words), `missing "${words}" in:\n${text}`);
}

for (const { dialect, skip } of dialects) {
  describe(`the record as a PDF on ${dialect}`, { skip: skip || pdfSkipReason() }, () => {
    let server: TestServer;
    let practice: PracticeFixture;
    let world: RecordWorld;
    before(async () => {
      server = await startTestServer(dialect);
      practice = await createPractice(server);
      world = await clientWithRecord(practice, server.runtime);
    });
    after(async () => {
      await server?.close();
    });

    async function pdfOf(request: object): Promise<string> {
      const answer = await requestRecordPdf(practice.owner, world.client.id, request);
      assert.equal(answer.status, 200, JSON.stringify(answer.problem));
      assert.equal(answer.contentType, 'application/pdf');
      return pdfText(answer.bytes);
    }

    it('prints the whole record: accented names, history and its changes, alerts, consents, notes', async () => {
      const text = await pdfOf(wholeRecord);
      assertIncludes(text, [
        'Zoë Müller-Łukasiewicz',
        'Søren Brontë (partner)',
        'Demographics and contacts',
        'Warfarin 2.5 mg daily',
        'Warfarin — Dose: 5 mg daily → 2.5 mg daily',
        'Tree nuts (almond) — Severe',
        'Alerts and allergies',
        'Consent to treatment: Current',
        'Pain before and after treatment (0–10), 2 sessions',
        'Stiff neck after the café shift',
        'Lower back after moving house',
        'Pressure on the left side was lighter than charted.',
        'Electronically signed by Olive Owner',
        'Upper trapezius, left',
      ]);
    });

    it('prints goals with their progress, the plan, measure charts, follow-ups and what worked', async () => {
      const text = await pdfOf(wholeRecord);
      assertIncludes(text, [
        'Turn my head to drive without pain',
        'Improving: 3 → 6',
        'target ≥ 8',
        '1 session a week, 6 sessions in all',
        'Patient-Specific Functional Scale — Turning my head to drive',
        'Goal ≥ 8',
        'Mild headache the next evening',
        'Headache',
        'What has worked and what has not',
        'Swedish',
      ]);
    });

    it('prints the signed notes in the order the sessions happened', async () => {
      const text = await pdfOf({ sections: ['notes'], recipient: { kind: 'practice' } });
      assert.ok(
        text.indexOf('Stiff neck after the café shift') <
          text.indexOf('Lower back after moving house'),
      );
    });

    it('prints only the sections asked for', async () => {
      const text = await pdfOf({ sections: ['safety'], recipient: { kind: 'practice' } });
      assertIncludes(text, ['Alerts and allergies', 'Tree nuts (almond)']);
      for (const absent of ['Signed session notes', 'Stiff neck', 'Demographics and contacts'])
        assert.ok(!text.includes(absent), `"${absent}" should not be printed`);
    });

    it('limits notes and history changes to the period', async () => {
      const text = await pdfOf({
        sections: ['healthHistory', 'notes', 'progress'],
        from: '2026-11-01',
        to: '2026-11-30',
        recipient: { kind: 'practice' },
      });
      assertIncludes(text, [
        'Lower back after moving house',
        '2026-11-01 to 2026-11-30',
        'Pain before and after treatment (0–10), 1 session:',
      ]);
      assert.ok(!text.includes('Stiff neck after the café shift'));
    });

    it('never prints a therapist’s private reflection', async () => {
      const text = await pdfOf(wholeRecord);
      assert.ok(!text.includes(reflectionSecret));
    });

    it('refuses a disclosure outside the practice without consent or a legal reason, and logs the refusal', async () => {
      const answer = await requestRecordPdf(practice.owner, world.client.id, {
        sections: ['notes'],
        recipient: outsider,
      });
      assert.equal(answer.status, 422);
      assert.deepEqual(
        answer.problem.errors.map((issue: { field: string }) => issue.field),
        ['recipient.legalReason'],
      );
      const [refused] = await auditEvents(practice.owner, {
        clientId: world.client.id,
        action: 'record.disclose',
      });
      assert.equal(refused?.outcome, 'denied');
    });

    it('discloses with a recorded legal reason, logging recipient, sections, period and reason', async () => {
      const legalReason = 'Subpoena 2026-CV-0412, Ontario Superior Court';
      const text = await pdfOf({
        sections: ['profile', 'notes'],
        from: '2026-09-01',
        recipient: { ...outsider, legalReason },
      });
      assertIncludes(text, ['Dr Anna Berg (Riverside Physiotherapy)', legalReason]);
      const [event] = await auditEvents(practice.owner, {
        clientId: world.client.id,
        action: 'record.disclose',
      });
      assert.equal(event?.outcome, 'success');
      assert.deepEqual(event?.detail, {
        format: 'pdf',
        sections: ['profile', 'notes'],
        period: { from: '2026-09-01', to: null },
        recipient: { name: 'Dr Anna Berg', organisation: 'Riverside Physiotherapy' },
        basis: { kind: 'legal_reason', reason: legalReason },
      });
    });

    it('discloses with the client’s consent to share records with that party', async () => {
      const other = await clientWithRecord(practice, server.runtime, {
        first: 'Ana',
        last: 'Brontë',
        reason: 'Tension headaches',
      });
      const signed = await signConsent(practice.owner, other.client.id, 'share_records', {
        sharedWith: 'Riverside Physiotherapy',
      });
      assert.equal(signed.status, 201, signed.text);
      const answer = await requestRecordPdf(practice.owner, other.client.id, {
        sections: ['safety'],
        recipient: outsider,
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.problem));
      assertIncludes(pdfText(answer.bytes), [
        'with the client’s consent to share records with Riverside Physiotherapy',
      ]);
      const [event] = await auditEvents(practice.owner, {
        clientId: other.client.id,
        action: 'record.disclose',
      });
      assert.deepEqual(event?.detail?.['basis'], {
        kind: 'consent',
        signatureId: signed.body.id,
        party: 'Riverside Physiotherapy',
      });
    });

    it('logs the practice’s own copy as an export, without clinical content', async () => {
      await pdfOf({ sections: ['notes'], recipient: { kind: 'practice' } });
      const [event] = await auditEvents(practice.owner, {
        clientId: world.client.id,
        action: 'record.export',
      });
      assert.deepEqual(event?.detail, {
        format: 'pdf',
        sections: ['notes'],
        period: { from: null, to: null },
        recipient: 'practice',
      });
    });

    it('names the fields of a bad request', async () => {
      const answer = await requestRecordPdf(practice.owner, world.client.id, {
        sections: [],
        recipient: { kind: 'external', name: '  ' },
      });
      assert.equal(answer.status, 400);
      assert.deepEqual(
        answer.problem.errors.map((issue: { field: string }) => issue.field).sort(),
        ['recipient.name', 'sections'],
      );
    });

    it('refuses a period that ends before it starts', async () => {
      const answer = await requestRecordPdf(practice.owner, world.client.id, {
        sections: ['notes'],
        from: '2026-11-30',
        to: '2026-11-01',
        recipient: { kind: 'practice' },
      });
      assert.equal(answer.status, 400);
      assert.deepEqual(
        answer.problem.errors.map((issue: { field: string }) => issue.field),
        ['to'],
      );
    });

    it('answers 404 for a client of another practice, as for one that does not exist', async () => {
      const other = await createOtherPractice(server);
      for (const clientId of [world.client.id, 'no-such-client']) {
        const answer = await requestRecordPdf(other.owner, clientId, wholeRecord);
        assert.equal(answer.status, 404);
      }
    });

    it('refuses an unknown section', async () => {
      const answer = await requestRecordPdf(practice.owner, world.client.id, {
        sections: ['reflections'],
        recipient: { kind: 'practice' },
      });
      assert.equal(answer.status, 400);
      assert.deepEqual(
        answer.problem.errors.map((issue: { field: string }) => issue.field),
        ['sections.0'],
      );
    });
  });
}
