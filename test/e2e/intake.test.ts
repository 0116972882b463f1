import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { currentHealthHistory } from '../../src/store/health-history.js';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, newPage, screenshot } from '../support/browser.js';
import { createClient, createPractice } from '../support/factories.js';
import { closeContexts, pageHeading, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('intake from a secure link in the browser', { skip: browserSkipReason() }, () => {
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

  /** The client answers the required questions of the shipped form, with a tree-nut allergy. */
  async function fillRequired(phone: Page) {
    const about = phone.getByRole('group', { name: 'About you' });
    await about.getByLabel('Legal first name').fill('Marisol');
    await about.getByLabel('Legal last name').fill('Reyes');
    await about.getByLabel('Date of birth').fill('1985-04-12');
    await about.getByLabel('Phone').fill('+1 416 555 0199');
    const emergency = phone.getByRole('group', { name: 'Emergency contact' });
    await emergency.getByRole('textbox', { name: 'Name', exact: true }).fill('Rui Reyes');
    await emergency.getByLabel('Phone').fill('+1 416 555 0142');
    await phone
      .getByRole('group', { name: /any of these\?$/ })
      .first()
      .getByLabel('None of these')
      .check();
    await phone
      .getByRole('group', { name: /allergic or sensitive/ })
      .getByLabel('Tree nuts')
      .check();
    await phone
      .getByLabel('What would you like massage to help with?')
      .fill('Less neck pain at work');
  }

  it('takes a client’s intake on a phone into the record once a therapist accepts it', async () => {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, {
      legalFirstName: 'Marisol',
      legalLastName: 'Reyes',
    });
    const { page: staff } = await signedInPage(browser, server, practice.ownerEmail, {
      path: `/clients/${client.id}`,
      viewport: 'tablet',
    });
    await staff.getByRole('button', { name: 'Send intake link' }).click();
    const url = await staff.getByRole('textbox', { name: 'Intake link' }).inputValue();
    assert.match(url, /\/intake\/[A-Za-z0-9_-]{43}$/);
    await staff.getByRole('img', { name: 'QR code of the intake link' }).waitFor();
    await screenshot(staff, 'intake-link-sent-tablet');

    const { page: phone } = await newPage(browser, server.url, 'phone');
    await phone.goto(url);
    await pageHeading(phone).filter({ hasText: 'Hello Marisol' }).waitFor();
    await assertAccessible(phone, 'intake-public-phone');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText('Some answers need a look').waitFor();
    await phone
      .getByRole('group', { name: 'About you' })
      .getByText('This question needs an answer.')
      .first()
      .waitFor();
    await screenshot(phone, 'intake-public-missing-answers-phone');

    await fillRequired(phone);
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await pageHeading(phone).filter({ hasText: 'Thank you' }).waitFor();
    await screenshot(phone, 'intake-public-thank-you-phone');

    await staff.reload();
    await staff.getByRole('link', { name: /Review the intake sent/ }).click();
    await pageHeading(staff).filter({ hasText: 'Intake from' }).waitFor();
    await staff.getByRole('cell', { name: '+1 416 555 0199' }).waitFor();
    await staff
      .getByRole('cell', { name: /Allergies and sensitivities/ })
      .first()
      .waitFor();
    await assertAccessible(staff, 'intake-review-tablet');
    await staff.getByRole('button', { name: 'Accept into the record' }).click();
    await pageHeading(staff).filter({ hasText: 'Marisol' }).waitFor();
    assert.equal(new URL(staff.url()).pathname, `/clients/${client.id}`);
    await staff.getByText('+1 416 555 0199').first().waitFor();

    const history = await currentHealthHistory(server.store.db, practice.practiceId, client.id);
    assert.equal(history?.source, 'intake');
    assert.deepEqual(
      history?.history.allergies.map((allergy) => allergy.substance),
      ['tree_nut'],
    );
    await screenshot(staff, 'intake-accepted-chart-tablet');
  });

  it('shows a clear page for a link that is not valid', async () => {
    const { page: phone } = await newPage(browser, server.url, 'phone');
    await phone.goto(`/intake/${'z'.repeat(43)}`);
    await pageHeading(phone).filter({ hasText: 'This link does not work' }).waitFor();
    await phone.getByText('Ask the practice for a new one.').waitFor();
    await assertAccessible(phone, 'intake-link-not-valid-phone');
  });
});
