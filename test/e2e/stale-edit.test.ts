import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createClient, createPractice } from '../support/factories.js';
import { closeContexts, pageHeading, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('editing one client in two tabs', { skip: browserSkipReason() }, () => {
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

  /**
   * Two tabs of one signed-in browser with the same client's edit form open; the first tab has
   * saved a new phone number, the second has typed a preferred name and pressed Save.
   */
  async function secondTabSavesLate(): Promise<{ second: Page; lastName: string }> {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, { phone: '+1 416 555 0110' });
    const editPath = `/clients/${client.id}/edit`;
    const { context, page: first } = await signedInPage(browser, server, practice.ownerEmail, {
      path: editPath,
    });
    const second = await context.newPage();
    await second.goto(editPath);
    await second.getByLabel('Preferred name').waitFor();

    await first.getByLabel('Phone', { exact: true }).fill('+1 416 555 0111');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.waitForURL(`**/clients/${client.id}`);

    await second.getByLabel('Preferred name').fill('Bea');
    await second.getByRole('button', { name: 'Save changes' }).click();
    return { second, lastName: client.legalLastName as string };
  }

  it('tells the second tab its changes were not saved because someone else changed the client', async () => {
    const { second } = await secondTabSavesLate();

    const notice = second.getByRole('alert').filter({ hasText: 'Not saved' });
    await notice
      .getByText(
        'This client was changed by someone else while you were editing. Your changes were not saved.',
      )
      .waitFor();
    await notice.getByText('Their version differs from yours in: preferred name, phone.').waitFor();
    await notice.getByRole('button', { name: 'Load their version' }).waitFor();
    assert.equal(await second.getByLabel('Preferred name').inputValue(), 'Bea');
    assert.ok(await second.getByRole('button', { name: 'Save changes' }).isDisabled());
  });

  it('loads the other version into the form, ready to edit again', async () => {
    const { second, lastName } = await secondTabSavesLate();
    await second.getByRole('button', { name: 'Load their version' }).click();

    await second.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor({ state: 'detached' });
    assert.equal(await second.getByLabel('Phone', { exact: true }).inputValue(), '+1 416 555 0111');
    assert.equal(await second.getByLabel('Preferred name').inputValue(), '');

    await second.getByLabel('Preferred name').fill('Bea');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await pageHeading(second)
      .filter({ hasText: `Bea ${lastName}` })
      .waitFor();
  });
});
