import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, screenshot } from '../support/browser.js';
import { assertAccessible } from '../support/accessibility.js';
import { testPassword } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { readNote, signedNote } from '../support/notes.js';
import { closeContexts, signedInPage, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument, type SessionWorld } from '../support/sessions.js';
import { giveTreatmentConsent } from '../support/consents.js';

/** The save status above the note; `kind` is its data-state. */
const saveStatus = (page: Page, kind: string) => page.locator(`.save-status[data-state="${kind}"]`);

const reasonField = (page: Page) => page.getByLabel('Reason for visit', { exact: true });

/** Waits until the note's words have reached the server. */
async function waitUntilSaved(page: Page): Promise<void> {
  await saveStatus(page, 'saved').filter({ hasText: 'Saved' }).waitFor();
}

async function noteEtag(caller: ApiClient, sessionId: string): Promise<string> {
  const response = await caller.get(`/api/v1/sessions/${sessionId}/note`);
  assert.equal(response.status, 200);
  return response.headers.get('etag')!;
}

describe('documenting a session in the browser', { skip: browserSkipReason() }, () => {
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

  /**
   * Each test has a practice of its own; the session's therapist has its note open, in the
   * shared tab unless the test needs a page of its own (another viewport, going offline).
   */
  async function therapistOnNote(
    options: { viewport?: 'desktop' | 'tablet'; ownPage?: boolean } = {},
  ): Promise<{ world: SessionWorld; page: Page; sessionId: string }> {
    const world = await sessionToDocument(server);
    const sessionId = world.session.id as string;
    const path = `/sessions/${sessionId}`;
    const email = world.therapist.email;
    const page =
      options.ownPage || options.viewport
        ? (await signedInPage(browser, server, email, { path, viewport: options.viewport })).page
        : await desktopTab.open(path, { as: email });
    await reasonField(page).waitFor();
    return { world, page, sessionId };
  }

  const read = (world: SessionWorld, sessionId: string): Promise<Json> =>
    readNote(world.therapist.client, sessionId);

  it('documents a session: words, pain, body-chart marks by mouse and keyboard, a technique', async () => {
    const { world, page, sessionId } = await therapistOnNote();

    await reasonField(page).fill('Stiff neck after long drives');
    await page
      .getByRole('group', { name: 'Pain before the session (0–10)' })
      .getByRole('radio', { name: '6', exact: true })
      .check();

    const chart = page.locator('.body-chart');
    await chart.locator('path.body-region[data-region="upper_trapezius_l"]').first().click();
    await chart.locator('.body-chart-last-change').filter({ hasText: /\S/ }).waitFor();
    const keyed = chart.locator('path.body-region[data-region="levator_scapulae_r"]').first();
    await keyed.focus();
    await keyed.press('Enter');

    await page.getByRole('combobox', { name: 'Add a technique' }).click();
    await page.getByRole('option', { name: 'Swedish', exact: true }).click();
    const technique = page.getByRole('group', { name: 'Technique 1: Swedish' });
    await technique.getByLabel('Minutes').fill('20');
    await technique.getByRole('radio', { name: '4 Deep' }).check();
    await page.getByText('Technique minutes: 20 of the session’s 60.').waitFor();

    await waitUntilSaved(page);
    const note = await read(world, sessionId);
    assert.equal(note.content.subjective.reasonForVisit, 'Stiff neck after long drives');
    assert.equal(note.content.subjective.painBefore, 6);
    assert.deepEqual(
      (note.content.objective.bodyChart as Array<{ region: string }>)
        .map((mark) => mark.region)
        .sort(),
      ['levator_scapulae_r', 'upper_trapezius_l'],
    );
    assert.equal(note.content.treatment.techniques.length, 1);
    assert.equal(note.content.treatment.techniques[0].technique, 'swedish');
    assert.equal(note.content.treatment.techniques[0].minutes, 20);
    assert.equal(note.content.treatment.techniques[0].pressure, 4);
  });

  it('loses nothing when the page is reloaded mid-draft', async () => {
    const { world, page, sessionId } = await therapistOnNote();
    const words = 'Headache since Tuesday, worse when looking down at the phone';

    await reasonField(page).fill(words);
    await page.reload();

    await reasonField(page).waitFor();
    assert.equal(await reasonField(page).inputValue(), words);
    await waitUntilSaved(page);
    assert.equal((await read(world, sessionId)).content.subjective.reasonForVisit, words);
  });

  it('keeps typing while offline and saves it when the connection is back', async () => {
    const { world, page, sessionId } = await therapistOnNote({ ownPage: true });
    const context = page.context();
    const words = 'Typed in the basement treatment room with no signal';

    await context.setOffline(true);
    await reasonField(page).fill(words);
    await saveStatus(page, 'offline')
      .filter({ hasText: 'Offline — changes kept on this device' })
      .waitFor();
    assert.equal(await read(world, sessionId), null);

    await context.setOffline(false);
    await waitUntilSaved(page);
    assert.equal((await read(world, sessionId)).content.subjective.reasonForVisit, words);
  });

  it('tells the second tab its edit conflicts with the first tab’s save', async () => {
    const { world, page: first, sessionId } = await therapistOnNote();
    const { page: second } = await signedInPage(browser, server, world.therapist.email, {
      path: `/sessions/${sessionId}`,
    });
    await reasonField(second).waitFor();

    await reasonField(first).fill('Written in the first tab');
    await waitUntilSaved(first);

    await reasonField(second).fill('Written in the second tab');
    const notice = second
      .getByRole('alert')
      .filter({ hasText: 'Conflict: this note has another version' });
    await notice.getByText('This note was changed on another device or tab').waitFor();
    await saveStatus(second, 'conflict').waitFor();
    assert.equal(await reasonField(second).inputValue(), 'Written in the second tab');
    assert.equal(
      (await read(world, sessionId)).content.subjective.reasonForVisit,
      'Written in the first tab',
    );
  });

  it('signs and locks the note, refuses changes, and adds an addendum under it', async () => {
    const { world, page, sessionId } = await therapistOnNote();
    await giveTreatmentConsent(world.practice.owner, world.client.id);
    await reasonField(page).fill('Low back pain after moving house');
    await waitUntilSaved(page);

    await page.locator('.note-toolbar').getByRole('button', { name: 'Sign and lock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign and lock this note' });
    await dialog.getByLabel('Your password').fill(testPassword);
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();

    await page.getByText('This note is locked.', { exact: false }).waitFor();
    await reasonField(page).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('textbox', { name: 'Reason for visit' }).count(), 0);
    const original = page.locator('.signed-note').getByText('Low back pain after moving house');
    await original.waitFor();

    const refused = await world.therapist.client.put(
      `/api/v1/sessions/${sessionId}/note`,
      { ...(await read(world, sessionId)).content },
      { ifMatch: await noteEtag(world.therapist.client, sessionId) },
    );
    assert.equal(refused.status, 409);

    await page.getByLabel('Reason', { exact: true }).fill('Forgot to record the heat pack');
    await page.getByLabel('Addendum', { exact: true }).fill('Heat pack on lumbar for 10 minutes.');
    await page.getByRole('button', { name: 'Add addendum' }).click();

    const addendum = page.locator('.addenda-list .addendum');
    await addendum.getByText('Forgot to record the heat pack').waitFor();
    await addendum.getByText('Heat pack on lumbar for 10 minutes.').waitFor();
    const [originalBox, addendumBox] = await Promise.all([
      original.boundingBox(),
      addendum.boundingBox(),
    ]);
    assert.ok(originalBox && addendumBox && addendumBox.y > originalBox.y);
    assert.equal(
      (await read(world, sessionId)).content.subjective.reasonForVisit,
      'Low back pain after moving house',
    );
  });

  it('has no axe violations on Today, Schedule, a draft and a signed note', async () => {
    const { page } = await therapistOnNote();
    await reasonField(page).fill('Tight calves after a marathon');
    await waitUntilSaved(page);
    await assertAccessible(page, 'notes-draft');

    await page.goto('/today');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await assertAccessible(page, 'notes-today');

    await page.goto('/schedule');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await assertAccessible(page, 'notes-schedule');

    const other = await sessionToDocument(server);
    const otherId = other.session.id as string;
    await signedNote(other.therapist.client, otherId);
    // The shared tab, done with the draft above, opens the other therapist's signed note.
    const signedPage = await desktopTab.open(`/sessions/${otherId}`, { as: other.therapist.email });
    await signedPage.getByText('This note is locked.', { exact: false }).waitFor();
    await assertAccessible(signedPage, 'notes-signed');
  });

  it('lays the note editor out for a tablet', async () => {
    const { page } = await therapistOnNote({ viewport: 'tablet' });
    await reasonField(page).fill('Shoulder pain reaching overhead');
    await waitUntilSaved(page);
    await page.locator('.body-chart').waitFor();
    const file = await screenshot(page, 'notes-editor-tablet', { always: true });
    assert.ok(file && fs.statSync(file).size > 0, 'the note editor screenshot was not written');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'the note editor scrolls sideways on a tablet');
  });
});
