import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, newPage, screenshot } from '../support/browser.js';
import { createClient, createPractice } from '../support/factories.js';
import { sendIntakeLink } from '../support/intake.js';
import { closeContexts, pageHeading, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe(
  'consent signed through the client’s link in the browser',
  { skip: browserSkipReason() },
  () => {
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

    it('lets a client sign treatment consent by typing on a phone, then send the form; staff see it current', async () => {
      const practice = await createPractice(server);
      const { client } = await createClient(practice.owner, {
        legalFirstName: 'Marisol',
        legalLastName: 'Reyes',
        preferredName: null,
        dateOfBirth: '1985-04-12',
      });
      const link = await sendIntakeLink(practice.owner, client.id);

      const { page: phone } = await newPage(browser, server.url, 'phone');
      await phone.goto(link.url);
      await pageHeading(phone).filter({ hasText: 'Hello Marisol' }).waitFor();
      const consent = phone.getByRole('region', { name: 'Consent to massage therapy' });
      await consent.getByText('My therapist does not diagnose illness', { exact: false }).waitFor();
      await assertAccessible(phone, 'consent-link-phone');

      await consent.getByRole('button', { name: /^Sign/ }).click();
      await consent.getByText('Enter your full name.').waitFor();
      await consent.getByText('Type your name to sign.').waitFor();
      await consent.getByLabel('Your full name', { exact: true }).fill('Marisol Reyes');
      await consent.getByLabel('Type your full name to sign').fill('Marisol Reyes');
      await consent.getByRole('button', { name: /^Sign/ }).click();
      await consent.getByText('Signed', { exact: true }).waitFor();
      await phone.getByText('Thank you for signing. Please fill in the form below.').waitFor();
      await assertAccessible(phone, 'consent-link-signed-phone');

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
        .getByLabel('None of these')
        .check();
      await phone
        .getByLabel('What would you like massage to help with?')
        .fill('Less neck pain at work');
      await phone.getByRole('button', { name: 'Send my answers' }).click();
      await pageHeading(phone).filter({ hasText: 'Thank you' }).waitFor();

      const { page: staff } = await signedInPage(browser, server, practice.ownerEmail, {
        path: `/clients/${client.id}`,
        viewport: 'tablet',
      });
      const treatment = staff.locator('li[data-kind="treatment"]');
      await treatment.getByText('Current').waitFor();
      const consents = await practice.owner.get(`/api/v1/clients/${client.id}/consents`);
      assert.equal(consents.body.signatures[0].channel, 'link');
      assert.equal(consents.body.signatures[0].recordedByName, null);
      await screenshot(staff, 'consent-link-chart-tablet');
    });
  },
);
