import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, newPage } from '../support/browser.js';
import {
  createClient,
  createPractice,
  testPassword,
  uniqueEmail,
  type PracticeFixture,
} from '../support/factories.js';
import { handoffNote } from '../support/handoffs.js';
import { saveHistory } from '../support/health-history.js';
import type { Json } from '../support/http.js';
import {
  closeContexts,
  expectSignedInAs,
  signInThroughForm,
  signedInPage,
} from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { bookSession } from '../support/sessions.js';

describe('handing a client over in the browser', { skip: browserSkipReason() }, () => {
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

  /** A therapist with a name of their own, so the choice in the dialog is unambiguous. */
  async function therapist(practice: PracticeFixture, displayName: string) {
    const email = uniqueEmail('therapist');
    const created = await practice.owner.post('/api/v1/staff', {
      email,
      displayName,
      role: 'therapist',
      password: testPassword,
    });
    assert.equal(created.status, 201, created.text);
    return { id: created.body.id as string, email, displayName };
  }

  it('the owner hands a client from Maya to Sam, who reads the note and the briefing on first opening the chart, then acknowledges', async () => {
    const practice = await createPractice(server);
    const maya = await therapist(practice, 'Maya Chen');
    const sam = await therapist(practice, 'Sam Lee');
    const { client } = await createClient(practice.owner, {
      legalFirstName: 'Inês',
      primaryTherapistId: maya.id,
    });
    // A tree-nut allergy, so the briefing has an alert of its own beside the handoff.
    await saveHistory(practice.owner, client.id);
    const note = handoffNote();
    const chart = `/clients/${client.id}`;

    const { page: owner } = await signedInPage(browser, server, practice.ownerEmail, {
      path: chart,
      viewport: 'tablet',
    });
    await owner.getByRole('button', { name: 'Hand over' }).click();
    const dialog = owner.getByRole('dialog', { name: /^Hand over Inês/ });
    await dialog.getByLabel('Hand over to').click();
    await owner.getByRole('option', { name: 'Sam Lee', exact: true }).click();
    await dialog.getByRole('button', { name: 'Hand over', exact: true }).click();
    await dialog.getByText('Say why the client is handed over.').waitFor();
    await assertAccessible(owner, 'handoff-dialog-missing-reason');

    await dialog.getByLabel('Why is the client handed over?').fill(note.reason);
    await dialog.getByLabel('What to continue').fill(note.continueWith);
    await dialog.getByLabel('What to avoid').fill(note.avoid);
    await dialog.getByRole('button', { name: 'Hand over', exact: true }).click();
    await owner.getByText(/was handed over to Sam Lee/).waitFor();
    const handoffs = owner.getByRole('region', { name: 'Handoffs' });
    await handoffs.getByText('from Maya Chen to Sam Lee', { exact: false }).waitFor();
    await handoffs.getByText('Not yet read').waitFor();
    await owner.getByRole('region', { name: 'Care team' }).getByText('Sam Lee').waitFor();
    await assertAccessible(owner, 'handoff-chart-after-handing-over');

    const { session } = await bookSession(practice.owner, {
      clientId: client.id,
      therapistId: sam.id,
    });
    const { page: samPage } = await newPage(browser, server.url, 'tablet');
    await samPage.goto('/login');
    await signInThroughForm(samPage, sam.email);
    await expectSignedInAs(samPage, 'Sam Lee');
    await samPage.goto(chart);
    const card = samPage.getByRole('region', { name: 'Handed over to you' });
    await card.getByText(note.reason).waitFor();
    await card.getByText(note.avoid).waitFor();
    assert.equal(
      await card.getByRole('link', { name: 'Open the briefing' }).getAttribute('href'),
      `/sessions/${session.id}/briefing`,
    );
    await assertAccessible(samPage, 'handoff-card-for-the-new-therapist');

    // The briefing for Sam's first session with the client opens with the handoff, then the
    // alerts the client's history raises.
    await card.getByRole('link', { name: 'Open the briefing' }).click();
    const handoffSection = samPage.getByRole('region', { name: 'Handoff' });
    await handoffSection.getByText(`Handed over by Maya Chen: ${note.reason}`).waitFor();
    await handoffSection.getByText(`Avoid: ${note.avoid}`).waitFor();
    await samPage
      .getByRole('region', { name: 'Alerts' })
      .getByText(/Tree-nut allergy/)
      .first()
      .waitFor();
    await samPage.goBack();

    await card.getByRole('button', { name: 'I have read this handoff' }).click();
    await samPage.getByText('Handoff acknowledged.').waitFor();
    await card.waitFor({ state: 'detached' });
    await samPage
      .getByRole('region', { name: 'Handoffs' })
      .getByText(/^Read /)
      .waitFor();
    const recorded = (await practice.owner.get(`/api/v1/clients/${client.id}/handoffs`))
      .body as Json;
    assert.notEqual(recorded.handoffs[0].acknowledgedAt, null);
  });

  it('does not offer handing over to a therapist who is not the client’s primary', async () => {
    const practice = await createPractice(server);
    const maya = await therapist(practice, 'Maya Chen');
    const sam = await therapist(practice, 'Sam Lee');
    const { client } = await createClient(practice.owner, { primaryTherapistId: maya.id });
    const { page } = await signedInPage(browser, server, sam.email, {
      path: `/clients/${client.id}`,
    });
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Hand over' }).count(), 0);
  });
});
