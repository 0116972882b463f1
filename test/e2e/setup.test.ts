import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, newPage } from '../support/browser.js';
import { createPractice, testPassword, uniqueEmail } from '../support/factories.js';
import { expectSignedInAs, pageHeading } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('first-run setup in the browser', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  const servers: TestServer[] = [];
  /** Setup happens once per installation, so every test here gets a fresh server. */
  const freshServer = async () => {
    const server = await startWebTestServer();
    servers.push(server);
    return server;
  };

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('shows the setup page on a fresh installation', async () => {
    const server = await freshServer();
    const { page } = await newPage(browser, server.url);
    await page.goto('/');
    await pageHeading(page).filter({ hasText: 'Set up your practice' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/setup');
  });

  it('signs the new owner in to an empty practice after setup', async () => {
    const server = await freshServer();
    const { page } = await newPage(browser, server.url);
    await page.goto('/setup');
    await page.getByLabel('Practice name').fill('Tidewater Massage');
    await page.getByLabel('Your name').fill('Tess Owner');
    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('tess'));
    await page.getByLabel('Password', { exact: true }).fill(testPassword);
    await page.getByLabel('Confirm password').fill(testPassword);
    await page.getByRole('button', { name: 'Create practice' }).click();

    await expectSignedInAs(page, 'Tess Owner');
    await page.getByRole('banner').getByText('Tidewater Massage').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Clients' })
      .click();
    await pageHeading(page).filter({ hasText: 'Clients' }).waitFor();
    await page.getByText('No active clients yet.').waitFor();
  });

  it('sends a second visit to /setup to the sign-in page once a practice exists', async () => {
    const server = await freshServer();
    await createPractice(server);
    const { page } = await newPage(browser, server.url);
    await page.goto('/setup');
    await pageHeading(page).filter({ hasText: 'Sign in to Palpate' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
  });
});
