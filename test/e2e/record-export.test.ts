import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { auditEvents } from '../support/audit.js';
import { createPractice, type PracticeFixture } from '../support/factories.js';
import { closeContexts, signedInPage } from '../support/pages.js';
import { pdfSkipReason, pdfText } from '../support/pdf.js';
import {
  clientWithRecord,
  reflectionSecret,
  unzip,
  type RecordWorld,
} from '../support/record-export.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe(
  'exporting the record in the browser',
  { skip: browserSkipReason() || pdfSkipReason() },
  () => {
    let server: TestServer;
    let browser: Browser;

    before(async () => {
      [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    });
    afterEach(() => closeContexts(browser));
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    async function ownerOnChart(): Promise<{
      practice: PracticeFixture;
      world: RecordWorld;
      page: Page;
    }> {
      const practice = await createPractice(server);
      const world = await clientWithRecord(practice, server.runtime);
      const { page } = await signedInPage(browser, server, practice.ownerEmail, {
        path: `/clients/${world.client.id}`,
      });
      await page.getByRole('button', { name: 'Export record' }).waitFor();
      return { practice, world, page };
    }

    /** Clicks and returns the bytes of the file the browser saved. */
    async function downloaded(
      page: Page,
      click: () => Promise<void>,
    ): Promise<{ name: string; bytes: Buffer }> {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
    }

    it('asks for the legal reason of a disclosure without consent, inline, then downloads the PDF', async () => {
      const { practice, world, page } = await ownerOnChart();
      await page.getByRole('button', { name: 'Export record' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Signed session notes').waitFor();
      await assertAccessible(page, 'record-export-dialog');

      await dialog.getByLabel('Someone outside the practice').check();
      await dialog.getByLabel('Recipient’s name').fill('Dr Anna Berg');
      await dialog.getByLabel('Organisation').fill('Riverside Physiotherapy');
      await dialog.getByRole('button', { name: 'Download PDF' }).click();
      const reason = dialog.getByLabel('Legal reason for disclosing without consent');
      await dialog.getByText('has no current consent from the client to receive records').waitFor();
      assert.equal(await reason.getAttribute('aria-invalid'), 'true');
      await assertAccessible(page, 'record-export-legal-reason-missing');

      await reason.fill('Subpoena 2026-CV-0412, Ontario Superior Court');
      const pdf = await downloaded(page, () =>
        dialog.getByRole('button', { name: 'Download PDF' }).click(),
      );
      assert.match(pdf.name, /^client-record-\d{4}-\d{2}-\d{2}\.pdf$/);
      const text = pdfText(pdf.bytes).replace(/\s+/g, ' ');
      assert.ok(text.includes('Zoë Müller-Łukasiewicz'));
      assert.ok(text.includes('Dr Anna Berg (Riverside Physiotherapy)'));
      assert.ok(!text.includes(reflectionSecret));
      await dialog.waitFor({ state: 'hidden' });
      const [event] = await auditEvents(practice.owner, {
        clientId: world.client.id,
        action: 'record.disclose',
      });
      assert.equal(event?.outcome, 'success');
    });

    it('says a section must be chosen before asking the server', async () => {
      const { page } = await ownerOnChart();
      await page.getByRole('button', { name: 'Export record' }).click();
      const dialog = page.getByRole('dialog');
      for (const section of [
        'Demographics and contacts',
        'Health history and its changes',
        'Alerts and allergies',
        'Consents',
        'Goals and progress',
        'What has worked and what has not',
        'Follow-ups after sessions',
        'Signed session notes',
      ])
        await dialog.getByLabel(section).uncheck();
      await dialog.getByRole('button', { name: 'Download PDF' }).click();
      await dialog.getByText('Choose at least one section.').waitFor();
    });

    it('gives the owner the client’s copy as one zip', async () => {
      const { page } = await ownerOnChart();
      const zip = await downloaded(page, () =>
        page.getByRole('button', { name: 'Client’s copy' }).click(),
      );
      assert.match(zip.name, /^client-copy-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = unzip(zip.bytes);
      assert.ok(files['record.pdf']);
      assert.ok(files['tables/notes.csv']);
      assert.equal(files['tables/reflections.csv'], undefined);
    });
  },
);
