import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, whenLoaded } from '../support/browser.js';
import { createPractice, testPassword } from '../support/factories.js';
import { closeContexts, signedInPage } from '../support/pages.js';
import { expiredClient } from '../support/retention.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('records past retention in the browser', { skip: browserSkipReason() }, () => {
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

  it('lists an expired archived client in Settings and purges it with a reason and the password', async () => {
    const practice = await createPractice(server);
    const client = await expiredClient(server, practice.practiceId, {
      input: { legalFirstName: 'Bruno' },
    });
    const name = `Bruno ${client.legalLastName}`;
    const { page } = await signedInPage(browser, server, practice.ownerEmail, {
      path: '/settings',
    });
    const section = page.getByRole('region', { name: 'Records past retention' });
    const list = section.getByRole('table', { name: 'Archived clients past retention' });
    await list.getByText(name).waitFor();
    await whenLoaded(page);
    await section.scrollIntoViewIfNeeded();
    await assertAccessible(page, 'retention-list');

    await list.getByRole('button', { name: `Purge the record of ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Purge the record of ${name}` });
    await dialog
      .getByLabel('Why is this record purged?')
      .fill('Retention period over; no contact for twelve years.');
    await dialog.getByLabel('Your password').fill('not my password');
    await dialog.getByRole('button', { name: 'Purge the record' }).click();
    await dialog.getByText('The password is wrong.').waitFor();
    await assertAccessible(page, 'purge-dialog-wrong-password');

    await dialog.getByLabel('Your password').fill(testPassword);
    await dialog.getByRole('button', { name: 'Purge the record' }).click();
    await page.getByText(`The record of ${name} was purged.`, { exact: false }).waitFor();
    await section.getByText('No archived client is past the retention period.').waitFor();
    const purged = section.getByRole('table', { name: 'Purged records' });
    await purged.getByText('Retention period over; no contact for twelve years.').waitFor();
    await assertAccessible(page, 'retention-after-purge');
    const gone = await practice.owner.get(`/api/v1/clients/${client.id}`);
    assert.equal(gone.status, 404);
  });
});
