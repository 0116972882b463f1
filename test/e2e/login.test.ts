import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createPractice, type PracticeFixture } from '../support/factories.js';
import { expectSignedInAs, pageHeading, SharedPage, signInThroughForm } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('signing in and out in the browser', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let practice: PracticeFixture;
  /** The tests take turns on one tab, each opened as a new context would be (signed out). */
  let tab: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    practice = await createPractice(server);
    tab = new SharedPage(browser, server);
  });
  after(async () => {
    await tab?.close();
    await browser?.close();
    await server?.close();
  });

  it('says inline that a wrong password did not sign in', async () => {
    const page = await tab.open('/login');
    await signInThroughForm(page, practice.ownerEmail, 'not the right password');

    const alert = page.getByRole('alert').filter({ hasText: 'You could not be signed in' });
    await alert.waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '');
  });

  it('signs in with the right password', async () => {
    const page = await tab.open('/login');
    await signInThroughForm(page, practice.ownerEmail);

    await expectSignedInAs(page, 'Olive Owner');
    assert.notEqual(new URL(page.url()).pathname, '/login');
  });

  it('returns to the sign-in page after logging out, and stays signed out on reload', async () => {
    const page = await tab.open('/clients', { as: practice.ownerEmail });
    await page.getByRole('button', { name: 'Log out' }).click();

    await pageHeading(page).filter({ hasText: 'Sign in to Palpate' }).waitFor();
    await page.goto('/clients');
    await pageHeading(page).filter({ hasText: 'Sign in to Palpate' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
  });
});
