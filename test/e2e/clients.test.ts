import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createClient, createPractice, uniqueEmail } from '../support/factories.js';
import { closeContexts, pageHeading, signedInPage, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

/** A surname no other test uses, so searches and duplicate checks see only this test's rows. */
let surnames = 0;
const uniqueSurname = (base: string) =>
  `${base}${String.fromCharCode(97 + (surnames++ % 26))}${Date.now().toString(36)}`;

const clientId = (page: Page) => new URL(page.url()).pathname.split('/')[2];

/** The status badge beside the client's name (the details list also has an "Archived" row). */
const statusBadge = (page: Page, status: 'Active' | 'Archived') =>
  page.locator('.mantine-Badge-label').getByText(status, { exact: true });

describe('client records in the browser', { skip: browserSkipReason() }, () => {
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

  /** Each test has a practice of its own, so no test sees another's clients. */
  async function ownerPage(path = '/clients') {
    const practice = await createPractice(server);
    const page = await desktopTab.open(path, { as: practice.ownerEmail });
    return { practice, page };
  }

  it('creates a client through the form and opens their profile', async () => {
    const { page } = await ownerPage('/clients/new');
    const surname = uniqueSurname('Okafor');
    await page.getByLabel('Legal first name').fill('Amara');
    await page.getByLabel('Legal last name').fill(surname);
    await page.getByLabel('Date of birth').fill('1990-06-15');
    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('amara'));
    await page.getByLabel('Phone', { exact: true }).fill('+1 416 555 0142');
    await page.getByRole('button', { name: 'Create client' }).click();

    await pageHeading(page)
      .filter({ hasText: `Amara ${surname}` })
      .waitFor();
    assert.match(new URL(page.url()).pathname, /^\/clients\/[0-9a-f-]{36}$/);
    await page.getByText('+1 416 555 0142').waitFor();
  });

  it('warns about a client with the same name and birth date, and creates anyway on request', async () => {
    const { practice, page } = await ownerPage('/clients/new');
    const surname = uniqueSurname('Lindqvist');
    const existing = await createClient(practice.owner, {
      legalFirstName: 'Maja',
      legalLastName: surname,
      dateOfBirth: '1979-11-02',
    });
    await page.getByLabel('Legal first name').fill('Maja');
    await page.getByLabel('Legal last name').fill(surname);
    await page.getByLabel('Date of birth').fill('1979-11-02');
    await page.getByRole('button', { name: 'Create client' }).click();

    const warning = page.getByRole('alert').filter({ hasText: 'may already be in Palpate' });
    await warning.getByText('same name and date of birth').waitFor();
    await warning.getByRole('button', { name: 'Create anyway' }).click();

    await pageHeading(page)
      .filter({ hasText: `Maja ${surname}` })
      .waitFor();
    assert.notEqual(clientId(page), existing.client.id);
  });

  it('finds a client by name as you type, ignoring accents', async () => {
    const { practice, page } = await ownerPage();
    const surname = uniqueSurname('Álvarez');
    await createClient(practice.owner, { legalFirstName: 'José', legalLastName: surname });
    await createClient(practice.owner, { legalFirstName: 'Mateo', legalLastName: surname });

    await page.getByLabel('Search clients').fill('jose');

    await page.getByRole('link', { name: `José ${surname}` }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 active client matching “jose”' }).waitFor();
    assert.equal(await page.getByRole('link', { name: `Mateo ${surname}` }).count(), 0);
  });

  it('stays on a client opened while the search typed just before is still pending', async () => {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, { legalFirstName: 'Quinn' });
    // A page of its own: an installed clock stays with the page.
    const { page } = await signedInPage(browser, server, practice.ownerEmail);
    await page.clock.install();
    const row = page.getByRole('link', { name: `Quinn ${client.legalLastName}` });
    await row.waitFor();

    // The search waits 150 ms for more typing; the row is opened before that.
    await page.getByLabel('Search clients').fill('Quinn');
    await row.click();
    await page.clock.runFor(1_000);

    await pageHeading(page)
      .filter({ hasText: `Quinn ${client.legalLastName}` })
      .waitFor();
    assert.equal(new URL(page.url()).pathname, `/clients/${client.id}`);
  });

  it('finds a client by phone number written another way', async () => {
    const { practice, page } = await ownerPage();
    const surname = uniqueSurname('Nakamura');
    await createClient(practice.owner, {
      legalFirstName: 'Hana',
      legalLastName: surname,
      phone: '+1 (604) 555-0187',
    });

    await page.getByLabel('Search clients').fill('604 555 0187');

    await page.getByRole('link', { name: `Hana ${surname}` }).waitFor();
  });

  it('saves an edit and shows the new details on the profile', async () => {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, { phone: '+1 416 555 0100' });
    const page = await desktopTab.open(`/clients/${client.id}/edit`, { as: practice.ownerEmail });
    const phone = page.getByLabel('Phone', { exact: true });
    await phone.fill('+1 416 555 0199');
    await page.getByLabel('Preferred name').fill('Annie');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await pageHeading(page)
      .filter({ hasText: `Annie ${client.legalLastName}` })
      .waitFor();
    assert.equal(new URL(page.url()).pathname, `/clients/${client.id}`);
    await page.getByText('+1 416 555 0199').waitFor();
  });

  it('archives a client and marks the profile archived', async () => {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner);
    const page = await desktopTab.open(`/clients/${client.id}`, { as: practice.ownerEmail });
    await statusBadge(page, 'Active').waitFor();
    await page.getByRole('button', { name: 'Archive' }).click();

    await statusBadge(page, 'Archived').waitFor();
    await page.getByRole('button', { name: 'Restore' }).waitFor();
    assert.equal(await statusBadge(page, 'Active').count(), 0);
  });

  it('restores an archived client and marks the profile active', async () => {
    const practice = await createPractice(server);
    const { client, etag } = await createClient(practice.owner);
    const archived = await practice.owner.post(`/api/v1/clients/${client.id}/archive`, undefined, {
      ifMatch: etag,
    });
    assert.equal(archived.status, 200);
    const page = await desktopTab.open(`/clients/${client.id}`, { as: practice.ownerEmail });
    await statusBadge(page, 'Archived').waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();

    await statusBadge(page, 'Active').waitFor();
    await page.getByRole('button', { name: 'Archive' }).waitFor();
  });

  it('asks before leaving a form with unsaved changes', async () => {
    const { page } = await ownerPage('/clients/new');
    await page.getByLabel('Legal first name').fill('Unsaved');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Clients' })
      .click();

    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(new URL(page.url()).pathname, '/clients/new');
    assert.equal(await page.getByLabel('Legal first name').inputValue(), 'Unsaved');
  });
});
