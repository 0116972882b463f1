import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createClient, createPractice, testPassword } from '../support/factories.js';
import { closeContexts, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { giveTreatmentConsent } from '../support/consents.js';

describe('searching notes in the browser', { skip: browserSkipReason() }, () => {
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

  it('stays on a session opened while a search typed just before is still pending', async () => {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, { legalFirstName: 'Rowan' });
    const booked = await practice.owner.post('/api/v1/sessions', {
      clientId: client.id,
      therapistId: practice.ownerId,
      startsAt: '2026-11-20T16:00:00Z',
      plannedMinutes: 60,
      sessionType: 'therapeutic',
    });
    const sessionId = booked.body.session.id as string;
    await practice.owner.put(
      `/api/v1/sessions/${sessionId}/note`,
      { subjective: { reasonForVisit: 'Stiff shoulders after kayaking' } },
      { ifMatch: '"0"' },
    );
    await giveTreatmentConsent(practice.owner, client.id);
    await practice.owner.post(
      `/api/v1/sessions/${sessionId}/note/sign`,
      { password: testPassword },
      { ifMatch: '"1"' },
    );
    const { page } = await signedInPage(browser, server, practice.ownerEmail, {
      path: '/notes/search?q=kayaking',
    });
    await page.clock.install();
    const result = page.getByRole('link', { name: /^Rowan / });
    await result.waitFor();

    // The search waits a moment for more typing; the result is opened before that.
    await page.getByLabel('Search the text of notes').fill('kayaking shoulders');
    await result.click();
    await page.clock.runFor(1_000);
    await page.clock.resume();

    await page.getByRole('heading', { level: 1, name: /Rowan/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/sessions/${sessionId}`);
  });
});
