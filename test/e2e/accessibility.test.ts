import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  assertAccessible,
  furnishedPractice,
  invitationLink,
  type FurnishedPractice,
} from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, newPage } from '../support/browser.js';
import { uniqueEmail } from '../support/factories.js';
import { closeContexts, pageHeading, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('every page passes axe (WCAG 2.1 AA) on a tablet', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let freshServer: TestServer;
  let browser: Browser;
  let practice: FurnishedPractice;
  /** The pages of `server` take turns on one tab, each opened as a new context would be. */
  let tablet: SharedPage;

  before(async () => {
    [server, freshServer, browser] = await Promise.all([
      startWebTestServer(),
      startWebTestServer(),
      launchBrowser(),
    ]);
    practice = await furnishedPractice(server);
    tablet = new SharedPage(browser, server, 'tablet');
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await tablet?.close();
    await browser?.close();
    await Promise.all([server?.close(), freshServer?.close()]);
  });

  const asOwner = (path: string) => tablet.open(path, { as: practice.ownerEmail });

  describe('signed out', () => {
    it('the setup page', async () => {
      const { page } = await newPage(browser, freshServer.url, 'tablet');
      await page.goto('/setup');
      await pageHeading(page).filter({ hasText: 'Set up your practice' }).waitFor();
      await assertAccessible(page, 'tablet-setup');
    });

    it('the sign-in page, with a failed attempt showing', async () => {
      const page = await tablet.open('/login');
      await page.getByLabel('Email', { exact: true }).fill(practice.ownerEmail);
      await page.getByLabel('Password', { exact: true }).fill('wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await assertAccessible(page, 'tablet-login');
    });

    it('the invitation page', async () => {
      const page = await tablet.open(await invitationLink(practice, 'Ivy Invited'));
      await page.getByLabel('Confirm password').waitFor();
      await assertAccessible(page, 'tablet-invite');
    });

    it('the page for a dead invitation link', async () => {
      const page = await tablet.open('/invite/this-is-not-a-real-invitation-token');
      await pageHeading(page).filter({ hasText: 'does not work' }).waitFor();
      await assertAccessible(page, 'tablet-invite-dead');
    });
  });

  describe('as the owner', () => {
    it('the client list', async () => {
      const page = await asOwner('/clients');
      await page.getByRole('status').filter({ hasText: '4 active clients' }).waitFor();
      await assertAccessible(page, 'tablet-client-list');
    });

    it('the new client form', async () => {
      const page = await asOwner('/clients/new');
      await page.getByPlaceholder('Not assigned').waitFor();
      await assertAccessible(page, 'tablet-client-new');
    });

    it('the new client form with field errors', async () => {
      const page = await asOwner('/clients/new');
      await page.getByLabel('Email', { exact: true }).fill('not an email');
      await page.getByRole('button', { name: 'Create client' }).click();
      await page.getByText('Legal first name is required').first().waitFor();
      await assertAccessible(page, 'tablet-client-new-errors');
    });

    it('the new client form with its duplicate warning', async () => {
      const page = await asOwner('/clients/new');
      await page.getByLabel('Legal first name').fill('José');
      await page.getByLabel('Legal last name').fill(practice.client.legalLastName);
      await page.getByLabel('Date of birth').fill('1985-04-12');
      await page.getByRole('button', { name: 'Create client' }).click();
      await page.getByRole('button', { name: 'Create anyway' }).waitFor();
      await assertAccessible(page, 'tablet-client-new-duplicate');
    });

    it('the client profile', async () => {
      const page = await asOwner(`/clients/${practice.client.id}`);
      await pageHeading(page).filter({ hasText: 'Pepe' }).waitFor();
      await page.getByText('Nobody has been added yet.').waitFor();
      await assertAccessible(page, 'tablet-client-profile');
    });

    it('the edit client form', async () => {
      const page = await asOwner(`/clients/${practice.client.id}/edit`);
      await page.getByLabel('Preferred name').waitFor();
      await page.getByPlaceholder('Not assigned').waitFor();
      await assertAccessible(page, 'tablet-client-edit');
    });

    it('the staff page', async () => {
      await practice.owner.post('/api/v1/staff/invitations', {
        email: uniqueEmail('paz'),
        displayName: 'Paz Pending',
        role: 'front_desk',
      });
      const page = await asOwner('/staff');
      await page.getByRole('table', { name: 'Pending invitations' }).waitFor();
      await assertAccessible(page, 'tablet-staff');
    });

    it('the invitation dialog showing a new link', async () => {
      const page = await asOwner('/staff');
      await page.getByRole('button', { name: 'Invite staff member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite staff member' });
      await dialog.getByLabel('Name').fill('Lee Linked');
      await dialog.getByLabel('Email').fill(uniqueEmail('lee'));
      await dialog.getByRole('button', { name: 'Create invitation link' }).click();
      await dialog.getByLabel('Invitation link').waitFor();
      await assertAccessible(page, 'tablet-staff-invite-link');
    });

    it('the settings page', async () => {
      const page = await asOwner('/settings');
      await page.getByLabel('Practice name').waitFor();
      await page.getByText('You have no tokens.').waitFor();
      await assertAccessible(page, 'tablet-settings');
    });

    it('the audit log', async () => {
      const page = await asOwner('/audit');
      await page.getByRole('table', { name: 'Audit events' }).waitFor();
      await assertAccessible(page, 'tablet-audit');
    });

    it('the page-not-found page', async () => {
      const page = await asOwner('/no-such-page');
      await pageHeading(page).filter({ hasText: 'Page not found' }).waitFor();
      await assertAccessible(page, 'tablet-not-found');
    });
  });

  describe('as front desk', () => {
    it('the not-allowed page', async () => {
      const page = await tablet.open('/audit', { as: practice.frontDesk.email });
      await page.getByText('Only the practice owner can read the audit log.').waitFor();
      await assertAccessible(page, 'tablet-not-allowed');
    });

    it('the client profile without clinical sections', async () => {
      const page = await tablet.open(`/clients/${practice.client.id}`, {
        as: practice.frontDesk.email,
      });
      await pageHeading(page).filter({ hasText: 'Pepe' }).waitFor();
      await assertAccessible(page, 'tablet-client-profile-front-desk');
    });
  });
});
