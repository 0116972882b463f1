import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, newPage } from '../support/browser.js';
import { createClient, createPractice } from '../support/factories.js';
import { closeContexts, pageHeading, signInThroughForm } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('automatic logoff in the browser', { skip: browserSkipReason() }, () => {
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

  // Each test moves the server's clock, so each makes its own practice (and API session).
  it('signs out after the idle minutes without input and says why', async () => {
    const practice = await createPractice(server);
    const { page } = await newPage(browser, server.url);
    // The page's clock runs on its own until told to jump; pausing it would stall React Query.
    await page.clock.install();
    await page.goto('/login');
    await signInThroughForm(page, practice.ownerEmail);
    await page.getByRole('button', { name: 'Log out' }).waitFor();

    // The practice allows 15 idle minutes; both clocks move past them so the server agrees.
    server.runtime.advanceMinutes(16);
    await page.clock.fastForward('16:00');

    await pageHeading(page).filter({ hasText: 'Sign in to Palpate' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'You were signed out after a period of inactivity' })
      .waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('keeps the session while the person is using the app', async () => {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, { legalFirstName: 'Wren' });
    const { page } = await newPage(browser, server.url);
    await page.clock.install();
    await page.goto('/login');
    await signInThroughForm(page, practice.ownerEmail);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Clients' })
      .click();
    const search = page.getByLabel('Search clients');
    await search.waitFor();

    // Ten minutes, some typing, ten more: never 15 minutes without input.
    server.runtime.advanceMinutes(10);
    await page.clock.fastForward('10:00');
    await search.pressSequentially('Wren');
    server.runtime.advanceMinutes(10);
    await page.clock.fastForward('10:00');

    // A search answered by the server proves the session is still alive there too.
    await search.fill(client.legalLastName);
    await page.getByRole('link', { name: `Wren ${client.legalLastName}` }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/clients');
  });
});
