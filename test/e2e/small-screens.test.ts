import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  assertAccessible,
  furnishedPractice,
  invitationLink,
  type FurnishedPractice,
} from '../support/accessibility.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { closeContexts, SharedPage, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('small screens: axe on a phone, and touch targets', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let practice: FurnishedPractice;
  /** The phone's pages take turns on one tab, each opened as a new context would be. */
  let phone: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    practice = await furnishedPractice(server);
    phone = new SharedPage(browser, server, 'phone');
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await phone?.close();
    await browser?.close();
    await server?.close();
  });

  const ownerOnPhone = (path: string) => phone.open(path, { as: practice.ownerEmail });

  describe('touch targets', () => {
    it('makes the main buttons and fields at least 44 px tall on a tablet', async () => {
      const { page } = await signedInPage(browser, server, practice.ownerEmail, {
        path: '/clients/new',
        viewport: 'tablet',
      });
      await page.getByLabel('Legal first name').waitFor();
      const controls = [
        page.getByRole('button', { name: 'Create client' }),
        page.getByRole('link', { name: 'Cancel' }),
        page.getByLabel('Legal first name'),
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }),
      ];
      for (const control of controls) {
        const box = await control.boundingBox();
        assert.ok(box && box.height >= 44, `${control.toString()} is ${box?.height}px tall`);
      }
    });
  });

  describe('on a phone', () => {
    it('the client list', async () => {
      const page = await ownerOnPhone('/clients');
      await page.getByRole('status').filter({ hasText: '4 active clients' }).waitFor();
      await assertAccessible(page, 'phone-client-list');
    });

    it('the client list with the navigation open', async () => {
      const page = await ownerOnPhone('/clients');
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Staff' })
        .waitFor();
      await assertAccessible(page, 'phone-navigation');
    });

    it('the new client form', async () => {
      const page = await ownerOnPhone('/clients/new');
      await page.getByPlaceholder('Not assigned').waitFor();
      await assertAccessible(page, 'phone-client-new');
    });

    it('the client profile', async () => {
      const page = await ownerOnPhone(`/clients/${practice.client.id}`);
      await page.getByText('Nobody has been added yet.').waitFor();
      await assertAccessible(page, 'phone-client-profile');
    });

    it('the invitation page', async () => {
      const page = await phone.open(await invitationLink(practice, 'Ola Phone'));
      await page.getByLabel('Confirm password').waitFor();
      await assertAccessible(page, 'phone-invite');
    });
  });
});
