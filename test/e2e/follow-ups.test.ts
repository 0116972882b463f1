import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, screenshot } from '../support/browser.js';
import { createClient, createPractice, testPassword, uniqueEmail } from '../support/factories.js';
import { closeContexts, pageHeading, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { bookSession } from '../support/sessions.js';

describe('follow-up after a session in the browser', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  /** The tests take turns on one tab per viewport, each opened as a new context would be. */
  let tabletTab: SharedPage;
  let phoneTab: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    tabletTab = new SharedPage(browser, server, 'tablet');
    phoneTab = new SharedPage(browser, server, 'phone');
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await tabletTab?.close();
    await phoneTab?.close();
    await browser?.close();
    await server?.close();
  });

  /** A practice with Maya Lin, therapist, and a client of hers seen at the test clock's "now". */
  async function visitThatTookPlace() {
    const practice = await createPractice(server);
    const email = uniqueEmail('maya');
    const maya = await practice.owner.post('/api/v1/staff', {
      email,
      displayName: 'Maya Lin',
      role: 'therapist',
      password: testPassword,
    });
    const { client } = await createClient(practice.owner, {
      legalFirstName: 'Marisol',
      legalLastName: 'Reyes',
      preferredName: null,
      primaryTherapistId: maya.body.id,
    });
    const { session } = await bookSession(practice.owner, {
      clientId: client.id,
      therapistId: maya.body.id,
    });
    return { practice, email, therapistId: maya.body.id as string, client, session };
  }

  it('takes a follow-up from a phone onto the chart and flags the reaction on Today', async () => {
    const { practice, email, therapistId, client, session } = await visitThatTookPlace();
    // A second client of Maya's seen the same day, not followed up: the missing list shows it.
    const { client: other } = await createClient(practice.owner, {
      legalFirstName: 'Tomas',
      legalLastName: 'Berg',
      primaryTherapistId: therapistId,
    });
    await bookSession(practice.owner, { clientId: other.id, therapistId });

    const staff = await tabletTab.open(`/sessions/${session.id}`, { as: email });
    const section = staff.getByRole('region', { name: 'Follow-up' });
    await section.getByText('No follow-up yet.').waitFor();
    await section.getByRole('button', { name: 'Send follow-up link' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Follow-up link' });
    const url = await dialog.getByRole('textbox', { name: 'Follow-up link' }).inputValue();
    assert.match(url, /\/follow-up\/[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole('img', { name: 'QR code of the follow-up link' }).waitFor();
    await assertAccessible(staff, 'follow-up-link-sent-tablet');

    const phone = await phoneTab.open(url);
    await pageHeading(phone).filter({ hasText: 'Hello Marisol' }).waitFor();
    await phone.getByText(/your visit with Maya on Friday, November 27\?/).waitFor();
    await assertAccessible(phone, 'follow-up-public-phone');

    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText('Give relief or soreness from 0 to 10, or a reaction.').waitFor();
    await phone
      .getByRole('group', { name: /How much relief/ })
      .getByRole('radio', { name: '6', exact: true })
      .check();
    await phone
      .getByRole('group', { name: /How sore are you/ })
      .getByRole('radio', { name: '8', exact: true })
      .check();
    await phone.getByRole('checkbox', { name: 'Headache' }).check();
    await phone.getByRole('checkbox', { name: 'Something else' }).check();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText('Describe the other reaction.').waitFor();
    await assertAccessible(phone, 'follow-up-public-error-phone');
    await phone.getByRole('textbox', { name: /Tell us more/ }).fill('Dizzy for an hour after');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await pageHeading(phone).filter({ hasText: 'Thank you' }).waitFor();
    await screenshot(phone, 'follow-up-public-thank-you-phone');

    await staff.goto(`/clients/${client.id}`);
    const flags = staff.getByRole('region', { name: 'A follow-up needs attention' });
    await flags.getByText('Reaction reported: Relief 6/10 · soreness 8/10').waitFor();
    await flags.getByText('“Dizzy for an hour after”').waitFor();
    const sessions = staff.getByRole('region', { name: 'Sessions' });
    await sessions
      .getByText('Follow-up: Relief 6/10 · soreness 8/10 · headache, something else')
      .waitFor();
    await staff
      .getByRole('region', { name: 'Intake' })
      .getByText('No intake link sent yet.')
      .waitFor();
    await assertAccessible(staff, 'follow-up-on-chart-tablet');

    // The progress page draws it, and its table view says the same numbers in words.
    await staff.goto(`/clients/${client.id}/progress`);
    const felt = staff.getByRole('region', { name: 'How the client felt after each session' });
    await felt.locator('svg.recharts-surface').waitFor();
    assert.equal(await felt.locator('.progress-point').count(), 2);
    await felt.getByText(/^1 follow-up\. Relief \(higher is better\): 6, once\./).waitFor();
    const rows = await felt
      .getByRole('table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? ''),
        ),
      );
    assert.deepEqual(
      rows.map((row) => row.slice(0, 4)),
      [['Open session', '6', '8', 'Headache, Something else: Dizzy for an hour after']],
    );
    await screenshot(staff, 'follow-up-on-progress-tablet');

    await staff.goto('/today');
    const attention = staff.getByRole('region', { name: 'Follow-ups needing attention' });
    await attention.getByText('Marisol Reyes').waitFor();
    const missing = staff.getByRole('region', { name: 'Missing follow-ups' });
    await missing.getByText(/Tomas Berg/).waitFor();
    await missing.getByText(/No link sent/).waitFor();
    await assertAccessible(staff, 'follow-ups-on-today-tablet');
    await attention.getByRole('button', { name: 'Acknowledge Marisol Reyes’s follow-up' }).click();
    await attention.getByText('No reactions or high soreness reported').waitFor();

    await staff.goto(`/sessions/${session.id}`);
    await section.getByText(/acknowledged by Maya Lin/).waitFor();
    await section.getByText('Reactions: Headache, Something else').waitFor();
    // The links table's last column is named for screen readers and takes no room on screen.
    const actions = section.getByRole('columnheader', { name: 'Actions' });
    const label = await actions.locator('xpath=./*').first().boundingBox();
    assert.ok(label && label.width <= 1 && label.height <= 1, JSON.stringify(label));
    await screenshot(staff, 'follow-up-on-session-tablet');
  });

  it('records a follow-up taken by phone from the session', async () => {
    const { email, client } = await visitThatTookPlace();
    const page = await tabletTab.open(`/clients/${client.id}`, { as: email });
    // The last week's sessions without a follow-up offer a link on their timeline row.
    const timeline = page.getByRole('region', { name: 'Sessions' });
    await timeline.getByText('No follow-up yet.').waitFor();
    await timeline.getByRole('button', { name: 'Send follow-up link' }).waitFor();
    await screenshot(page, 'follow-up-offered-on-timeline-tablet');
    await timeline.getByRole('link', { name: /Therapeutic/ }).click();
    await page.getByRole('button', { name: 'Record a follow-up taken by phone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Follow-up taken by phone' });
    await dialog
      .getByRole('group', { name: /Relief since the session/ })
      .getByRole('radio', { name: '8', exact: true })
      .check();
    await dialog
      .getByRole('group', { name: /Soreness now/ })
      .getByRole('radio', { name: '2', exact: true })
      .check();
    await assertAccessible(page, 'follow-up-by-phone-dialog');
    await dialog.getByRole('button', { name: 'Save follow-up' }).click();
    const section = page.getByRole('region', { name: 'Follow-up' });
    await section.getByText('Relief 8/10 · Soreness 2/10').waitFor();
    await section.getByText(/Taken by phone/).waitFor();
  });

  it('shows a clear page for a follow-up link that is not valid', async () => {
    const phone = await phoneTab.open(`/follow-up/${'z'.repeat(43)}`);
    await pageHeading(phone).filter({ hasText: 'This link does not work' }).waitFor();
    await assertAccessible(phone, 'follow-up-link-not-valid-phone');
  });
});
