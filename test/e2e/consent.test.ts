import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, screenshot, whenLoaded } from '../support/browser.js';
import { launchBrowser } from '../support/browser.js';
import { createClient, createPractice, testPassword } from '../support/factories.js';
import type { Json } from '../support/http.js';
import { saveDraft } from '../support/notes.js';
import { closeContexts, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

const treatmentRow = (page: Page) => page.locator('li[data-kind="treatment"]');

describe('consent in the browser', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  /** The tests take turns on one tab, each opened as a new context would be. */
  let tabletTab: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    tabletTab = new SharedPage(browser, server, 'tablet');
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await tabletTab?.close();
    await browser?.close();
    await server?.close();
  });

  async function ownerOnChart(dateOfBirth: string, legalFirstName = 'Zoë') {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, {
      legalFirstName,
      legalLastName: 'Brontë',
      dateOfBirth,
    });
    const page = await tabletTab.open(`/clients/${client.id}`, { as: practice.ownerEmail });
    await treatmentRow(page).getByText('Missing').waitFor();
    return { practice, client: client as Json, page };
  }

  const consentsOf = async (owner: Json, clientId: string) =>
    (await owner.get(`/api/v1/clients/${clientId}/consents`)).body;

  it('signs treatment consent by typing the name, and offers its PDF', async () => {
    const { practice, client, page } = await ownerOnChart('1985-04-12');
    await assertAccessible(page, 'consent-chart-missing');
    await treatmentRow(page)
      .getByRole('button', { name: /Sign on this device/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Consent to massage therapy', { exact: true }).waitFor();
    await dialog.getByText('My therapist does not diagnose illness', { exact: false }).waitFor();
    await assertAccessible(page, 'consent-signing-typed');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await dialog.getByText('Type your name to sign.').waitFor();
    await dialog.getByLabel('Type your full name to sign').fill('Zoe Bronte');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await treatmentRow(page).getByText('Current').waitFor();
    const pdfLink = treatmentRow(page).getByRole('link', { name: /Download PDF/ });
    const href = await pdfLink.getAttribute('href');
    const consents = await consentsOf(practice.owner, client.id);
    const signature = consents.signatures[0];
    assert.equal(signature.signature.method, 'typed');
    assert.equal(href, `/api/v1/clients/${client.id}/consents/${signature.id}/pdf`);
    const pdf = await page.request.get(href!);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    await assertAccessible(page, 'consent-chart-current');
  });

  it('signs by drawing on the canvas with the mouse', async () => {
    const { practice, client, page } = await ownerOnChart('1985-04-12', 'Ana');
    await treatmentRow(page)
      .getByRole('button', { name: /Sign on this device/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Draw my signature').check();
    const pad = dialog.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1) {
      await page.mouse.move(box.x + 30 + step * 25, box.y + 100 + (step % 2 ? -40 : 30), {
        steps: 3,
      });
    }
    await page.mouse.up();
    await screenshot(page, 'consent-signing-drawn');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await treatmentRow(page).getByText('Current').waitFor();
    const signature = (await consentsOf(practice.owner, client.id)).signatures[0];
    assert.equal(signature.signature.method, 'drawn');
    assert.match(signature.signature.data, /^data:image\/png;base64,/);
  });

  it('asks a guardian to sign for a minor, with their relationship', async () => {
    const { practice, client, page } = await ownerOnChart('2014-06-01', 'Léa');
    await page.getByText('A parent or guardian signs every consent').waitFor();
    await treatmentRow(page)
      .getByRole('button', { name: /Sign on this device/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Guardian’s full name').fill('Marie Brontë');
    await dialog.getByLabel('Type your full name to sign').fill('Marie Brontë');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await dialog.getByText('Say how you are related to the client.').waitFor();
    await assertAccessible(page, 'consent-signing-guardian');
    await dialog.getByLabel('Relationship to the client').fill('mother');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await treatmentRow(page).getByText('Current').waitFor();
    const signature = (await consentsOf(practice.owner, client.id)).signatures[0];
    assert.equal(signature.signerRole, 'guardian');
    assert.equal(signature.guardianRelationship, 'mother');
  });

  it('asks for a reason when a note is signed without consent, and records it', async () => {
    const world = await sessionToDocument(server);
    const sessionId = world.session.id as string;
    await saveDraft(world.therapist.client, sessionId);
    const page = await tabletTab.open(`/sessions/${sessionId}`, { as: world.therapist.email });
    await page.locator('.note-toolbar').getByRole('button', { name: 'Sign and lock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign and lock this note' });
    await dialog.getByLabel('Your password').fill(testPassword);
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    const reason = dialog.getByLabel('Why does the session go ahead without current consent?');
    await reason.waitFor();
    await assertAccessible(page, 'consent-note-sign-reason');
    await reason.fill('Verbal consent given; the form is signed next visit.');
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await page.getByText('This note is locked.', { exact: false }).waitFor();
    const stored = await server.store.db
      .selectFrom('session_consent_exceptions')
      .select('reason')
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.reason, 'Verbal consent given; the form is signed next visit.');
  });

  it('lets the owner publish a new version of a text and still read the old one', async () => {
    const practice = await createPractice(server);
    const page = await tabletTab.open('/settings', { as: practice.ownerEmail });
    await whenLoaded(page);
    const control = page.getByRole('button', { name: 'Consent to be contacted — version 1' });
    await control.click();
    await page
      .locator('[aria-expanded="true"]', { hasText: 'Consent to be contacted — version 1' })
      .waitFor();
    // Every kind has an "Edit (publishes version 2)" button: use the one in this kind's panel.
    const panel = page.locator(`[id="${await control.getAttribute('aria-controls')}"]`);
    await panel.getByRole('button', { name: 'Edit (publishes version 2)' }).click();
    await panel.getByLabel('Text', { exact: true }).fill('The practice may text me reminders.');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByRole('button', { name: 'Consent to be contacted — version 2' }).waitFor();
    await page.getByText('The practice may text me reminders.').waitFor();
    await page.getByRole('button', { name: 'Version 1', exact: true }).click();
    await page
      .getByText('Messages will not contain details of my health', { exact: false })
      .waitFor();
    await assertAccessible(page, 'consent-texts-settings');
  });
});
