import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createPractice, testPassword, uniqueEmail } from '../support/factories.js';
import { closeContexts, expectSignedInAs, pageHeading, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('inviting staff in the browser', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  /**
   * The owner's pages and the invitee's take turns on a tab each, each opened as a new context
   * would be: signed in as the owner, or signed out until the invitee signs in on the page.
   */
  let ownerTab: SharedPage;
  let inviteeTab: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    ownerTab = new SharedPage(browser, server);
    inviteeTab = new SharedPage(browser, server);
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await ownerTab?.close();
    await inviteeTab?.close();
    await browser?.close();
    await server?.close();
  });

  /** The owner fills in the invitation dialog and reads the link it shows. */
  async function inviteThroughDialog(
    owner: Page,
    invitee: { name: string; email: string; role: 'Therapist' | 'Front desk' },
  ): Promise<string> {
    await owner.getByRole('button', { name: 'Invite staff member' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Invite staff member' });
    await dialog.getByLabel('Name').fill(invitee.name);
    await dialog.getByLabel('Email').fill(invitee.email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await owner.getByRole('option', { name: invitee.role }).click();
    await dialog.getByRole('button', { name: 'Create invitation link' }).click();
    await dialog.getByText('It is valid for 7 days and works once.').waitFor();
    await dialog.getByRole('button', { name: 'Copy link' }).waitFor();
    return dialog.getByLabel('Invitation link').inputValue();
  }

  it('lets an invited therapist choose a password and signs them in', async () => {
    const practice = await createPractice(server);
    const owner = await ownerTab.open('/staff', { as: practice.ownerEmail });
    const email = uniqueEmail('theo');
    const link = await inviteThroughDialog(owner, {
      name: 'Theo Therapist',
      email,
      role: 'Therapist',
    });
    assert.match(link, /\/invite\/[A-Za-z0-9_-]{20,}$/);

    const invitee = await inviteeTab.open(link);
    await pageHeading(invitee)
      .filter({ hasText: 'Join Harbour Massage Therapy as a therapist' })
      .waitFor();
    assert.equal(await invitee.getByLabel('Email').inputValue(), email);
    await invitee.getByLabel('Password', { exact: true }).fill(testPassword);
    await invitee.getByLabel('Confirm password').fill(testPassword);
    await invitee.getByRole('button', { name: 'Create account and sign in' }).click();

    await expectSignedInAs(invitee, 'Theo Therapist');
    await invitee.getByRole('banner').getByText('Therapist', { exact: true }).waitFor();
    assert.equal(new URL(invitee.url()).pathname.startsWith('/invite/'), false);
  });

  it('lists a pending invitation and revokes it, after which its link is dead', async () => {
    const practice = await createPractice(server);
    const owner = await ownerTab.open('/staff', { as: practice.ownerEmail });
    const link = await inviteThroughDialog(owner, {
      name: 'Rita Revoked',
      email: uniqueEmail('rita'),
      role: 'Front desk',
    });
    await owner.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

    const pending = owner.getByRole('table', { name: 'Pending invitations' });
    await pending.getByText('Rita Revoked').waitFor();
    await pending.getByRole('button', { name: 'Revoke the invitation for Rita Revoked' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Revoke invitation' }).click();
    await pending.waitFor({ state: 'detached' });

    const invitee = await inviteeTab.open(link);
    await pageHeading(invitee).filter({ hasText: 'This invitation link does not work' }).waitFor();
  });

  it('says beside the email field when that address already has an account', async () => {
    const practice = await createPractice(server);
    const owner = await ownerTab.open('/staff', { as: practice.ownerEmail });
    await owner.getByRole('button', { name: 'Invite staff member' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Invite staff member' });
    await dialog.getByLabel('Name').fill('Olive Again');
    await dialog.getByLabel('Email').fill(practice.ownerEmail);
    await dialog.getByRole('button', { name: 'Create invitation link' }).click();

    await dialog.getByText('Already used by another account.').waitFor();
    assert.equal(await dialog.getByLabel('Invitation link').count(), 0);
  });

  it('asks whoever is signed in on the device to log out before accepting', async () => {
    const practice = await createPractice(server);
    const created = await practice.owner.post('/api/v1/staff/invitations', {
      email: uniqueEmail('nia'),
      displayName: 'Nia New',
      role: 'therapist',
    });
    assert.equal(created.status, 201);
    const page = await ownerTab.open(new URL(created.body.url as string).pathname, {
      as: practice.ownerEmail,
    });
    const notice = page.getByRole('status').filter({ hasText: 'is signed in here' });
    await notice.getByRole('button', { name: 'Log out' }).click();

    await page.getByLabel('Password', { exact: true }).waitFor();
    await pageHeading(page).filter({ hasText: 'as a therapist' }).waitFor();
  });

  it('says plainly that an unknown link does not work and links to the sign-in page', async () => {
    await createPractice(server);
    const page = await inviteeTab.open('/invite/this-is-not-a-real-invitation-token');

    await pageHeading(page).filter({ hasText: 'This invitation link does not work' }).waitFor();
    await page.getByText('It may have expired, been used or been revoked').waitFor();
    await page.getByRole('link', { name: 'go to the sign-in page' }).click();
    await pageHeading(page).filter({ hasText: 'Sign in to Palpate' }).waitFor();
  });

  it('treats a link cut short when it was copied as dead too', async () => {
    await createPractice(server);
    const page = await inviteeTab.open('/invite/abc');

    await pageHeading(page).filter({ hasText: 'This invitation link does not work' }).waitFor();
    await page.getByRole('link', { name: 'go to the sign-in page' }).waitFor();
  });

  it('refuses a short password with a message beside the field', async () => {
    const practice = await createPractice(server);
    const created = await practice.owner.post('/api/v1/staff/invitations', {
      email: uniqueEmail('sam'),
      displayName: 'Sam Short',
      role: 'front_desk',
    });
    assert.equal(created.status, 201);
    const page = await inviteeTab.open(created.body.url as string);
    await pageHeading(page).filter({ hasText: 'as front desk staff' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('short');
    await page.getByRole('button', { name: 'Create account and sign in' }).click();

    await page.getByText('Must be at least 10 characters.').waitFor();
    assert.equal(new URL(page.url()).pathname.startsWith('/invite/'), true);
  });
});
