import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createClient, createPractice } from '../support/factories.js';
import { closeContexts, pageHeading, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('the audit log in the browser', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  /** The tests take turns on one tab, each opened as a new context would be. */
  let desktopTab: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    desktopTab = new SharedPage(browser, server);
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await desktopTab?.close();
    await browser?.close();
    await server?.close();
  });

  /** The owner opens a client's profile in the browser, then the audit log. */
  async function ownerAfterOpeningAClient(): Promise<{ page: Page; clientId: string }> {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner);
    const page = await desktopTab.open(`/clients/${client.id}`, { as: practice.ownerEmail });
    await pageHeading(page)
      .filter({ hasText: client.legalLastName as string })
      .waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await pageHeading(page).filter({ hasText: 'Audit log' }).waitFor();
    return { page, clientId: client.id as string };
  }

  const eventRows = (page: Page) =>
    page
      .getByRole('table', { name: 'Audit events' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });

  it('shows that the owner read the client they just opened', async () => {
    const { page, clientId } = await ownerAfterOpeningAClient();

    const read = eventRows(page)
      .filter({ hasText: 'client.read' })
      .filter({ has: page.getByRole('link', { name: `${clientId.slice(0, 8)}…` }) });
    await read.first().waitFor();
  });

  it('filters the events by action', async () => {
    const { page } = await ownerAfterOpeningAClient();
    await eventRows(page).filter({ hasText: 'auth.login' }).first().waitFor();

    await page.getByLabel('Action').fill('client.read');
    await page.getByRole('button', { name: 'Show events' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: /^Showing \d+ events?\.$/ })
      .waitFor();
    await eventRows(page)
      .filter({ hasNotText: 'client.read' })
      .first()
      .waitFor({ state: 'detached' });
    const actions = await page
      .getByRole('table', { name: 'Audit events' })
      .locator('tbody code')
      .allTextContents();
    assert.ok(actions.length > 0);
    assert.deepEqual(new Set(actions), new Set(['client.read']));
  });

  it('offers the log as a CSV download from /api/v1/audit.csv, with the filter applied', async () => {
    const { page } = await ownerAfterOpeningAClient();
    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    assert.equal(await exportLink.getAttribute('href'), '/api/v1/audit.csv');

    await page.getByLabel('Action').fill('client.read');
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForFunction(() =>
      document.querySelector('a[download]')?.getAttribute('href')?.includes('action='),
    );
    assert.equal(await exportLink.getAttribute('href'), '/api/v1/audit.csv?action=client.read');
    const download = await page.request.get('/api/v1/audit.csv?action=client.read');
    assert.equal(download.status(), 200);
    assert.match(download.headers()['content-type'] ?? '', /^text\/csv/);
  });
});
