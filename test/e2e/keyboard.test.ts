import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createClient, createPractice, type PracticeFixture } from '../support/factories.js';
import { closeContexts, pageHeading, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

/** Presses Tab until `target` has focus; fails if it is not among the next `limit` stops. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${target.toString()} in ${limit} presses`);
}

/**
 * How the focused control shows its focus once any transition has ended: an outline at least
 * 2px wide, or (text fields and selects) a ring drawn with box-shadow.
 */
async function focusIndicator(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
    const element = document.activeElement as HTMLElement | null;
    if (element === null || element === document.body) return 'nothing focused';
    const style = getComputedStyle(element);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) return 'outline';
    if (style.boxShadow !== 'none') return 'ring';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    return `none on <${element.tagName.toLowerCase()}> “${name.slice(0, 40)}”`;
  });
}

describe('using the app with the keyboard alone', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let practice: PracticeFixture;
  /** The tests take turns on one tab, each opened as a new context would be. */
  let tab: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    practice = await createPractice(server);
    tab = new SharedPage(browser, server);
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await tab?.close();
    await browser?.close();
    await server?.close();
  });

  it('skips to the content, searches the client list and opens a client', async () => {
    const { client } = await createClient(practice.owner, { legalFirstName: 'Keya' });
    const page = await tab.open('/clients', { as: practice.ownerEmail });
    await pageHeading(page).filter({ hasText: 'Clients' }).waitFor();

    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Skip to main content');
    await page.keyboard.press('Enter');
    const search = page.getByLabel('Search clients');
    await tabTo(page, search, 5);
    await page.keyboard.type(client.legalLastName as string);
    const row = page.getByRole('link', { name: `Keya ${client.legalLastName}` });
    await row.waitFor();
    await tabTo(page, row, 5);
    await page.keyboard.press('Enter');

    await pageHeading(page)
      .filter({ hasText: `Keya ${client.legalLastName}` })
      .waitFor();
    assert.equal(new URL(page.url()).pathname, `/clients/${client.id}`);
  });

  it('fills in and submits the new client form', async () => {
    const page = await tab.open('/clients/new', { as: practice.ownerEmail });
    const surname = `Keyboard${Date.now().toString(36)}`;
    await tabTo(page, page.getByLabel('Legal first name'));
    await page.keyboard.type('Tabitha');
    await page.keyboard.press('Tab');
    await page.keyboard.type(surname);
    await tabTo(page, page.getByLabel('Phone', { exact: true }), 10);
    await page.keyboard.type('+1 416 555 0177');
    await tabTo(page, page.getByLabel('By text message (SMS)'));
    await page.keyboard.press('Space');
    assert.ok(await page.getByLabel('By text message (SMS)').isChecked());
    await tabTo(page, page.getByRole('button', { name: 'Create client' }));
    await page.keyboard.press('Enter');

    await pageHeading(page)
      .filter({ hasText: `Tabitha ${surname}` })
      .waitFor();
    await page.getByText('text message').first().waitFor();
  });

  it('shows where the focus is on every control of the client list', async () => {
    await createClient(practice.owner);
    const page = await tab.open('/clients', { as: practice.ownerEmail });
    await page.getByRole('table', { name: 'Clients' }).waitFor();

    const missing: string[] = [];
    const seen = new Set<string>();
    for (let presses = 0; presses < 12; presses += 1) {
      await page.keyboard.press('Tab');
      const indicator = await focusIndicator(page);
      const name = await focusedName(page);
      if (seen.has(name)) break;
      seen.add(name);
      if (indicator !== 'outline' && indicator !== 'ring') missing.push(indicator);
    }
    assert.ok(seen.size >= 6, `only ${seen.size} controls reached: ${[...seen].join(', ')}`);
    assert.deepEqual(missing, []);
  });
});

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labelled = element.getAttribute('aria-label');
    if (labelled) return labelled;
    if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement)
      return element.labels?.[0]?.textContent?.trim() ?? element.name;
    return element.textContent?.trim() ?? '';
  });
}
