import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { saveHistory } from '../support/health-history.js';
import type { Json } from '../support/http.js';
import { closeContexts, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument, type SessionWorld } from '../support/sessions.js';

describe('health history in the browser', { skip: browserSkipReason() }, () => {
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

  /** A therapist's client on warfarin with a severe almond allergy, and a session booked. */
  async function clientWithHistory(): Promise<SessionWorld> {
    const world = await sessionToDocument(server);
    await saveHistory(world.therapist.client, world.client.id);
    return world;
  }

  async function therapistAt(world: SessionWorld, path: string): Promise<Page> {
    const page = await tabletTab.open(path, { as: world.therapist.email });
    return page;
  }

  const historyPath = (world: SessionWorld) => `/clients/${world.client.id}/health-history`;

  it('edits the history, lists the versions and compares them', async () => {
    const world = await clientWithHistory();
    const page = await therapistAt(world, historyPath(world));
    await page.getByText('Tree nuts (almond)').first().waitFor();
    await page
      .getByText(/keep pressure at 3/)
      .first()
      .waitFor();
    await assertAccessible(page, 'health-history-summary');

    await page.getByRole('button', { name: 'Edit health history' }).click();
    const form = page.getByRole('form', { name: 'Health history' });
    await form.getByLabel('Dose', { exact: true }).fill('2.5 mg daily');
    await form.getByRole('button', { name: 'Add surgery or injury' }).click();
    await form.getByLabel('Kind', { exact: true }).click();
    await page.getByRole('option', { name: 'Surgery', exact: true }).click();
    await form.getByLabel('What happened', { exact: true }).fill('Right knee arthroscopy');
    await form.getByLabel('Date', { exact: true }).fill('2027-06-01');
    await form.getByRole('button', { name: 'Save health history' }).click();
    await form.getByText('Must not be in the future.').waitFor();
    await assertAccessible(page, 'health-history-edit-error');

    await form.getByLabel('Date', { exact: true }).fill('2026-11-02');
    await form.getByRole('button', { name: 'Save health history' }).click();
    await page.getByText('Health history saved as version 2.').waitFor();
    await page
      .getByRole('region', { name: 'Surgeries and injuries' })
      .getByText('Surgery: Right knee arthroscopy, 2026-11-02')
      .waitFor();

    const versions = page.getByRole('region', { name: 'Versions' });
    assert.equal(await versions.getByRole('row').count(), 3);
    const comparison = page.getByRole('region', { name: 'Compare versions' });
    await comparison.getByText('Warfarin — Dose: 5 mg daily → 2.5 mg daily').waitFor();
    await comparison.getByText('Surgery: Right knee arthroscopy, 2026-11-02').waitFor();
    await versions.getByRole('button', { name: 'Compare version 1 with the one before' }).click();
    await comparison.getByText('Sleep through the night').waitFor();
    await assertAccessible(page, 'health-history-versions');
  });

  it('says so when someone else saved first, and loads their version', async () => {
    const world = await clientWithHistory();
    const page = await therapistAt(world, historyPath(world));
    await page.getByRole('button', { name: 'Edit health history' }).click();
    const form = page.getByRole('form', { name: 'Health history' });
    await form.getByLabel('Dose', { exact: true }).fill('1 mg');
    const theirs = (
      await world.practice.owner.get(`/api/v1/clients/${world.client.id}/health-history`)
    ).body as Json;
    await saveHistory(world.practice.owner, world.client.id, { ...theirs.history, notes: 'Owner' });
    await form.getByRole('button', { name: 'Save health history' }).click();
    await page.getByText(/Someone else saved a newer version/).waitFor();
    await page.getByRole('button', { name: 'Load their version' }).click();
    assert.equal(await form.getByLabel('Other notes for the therapist').inputValue(), 'Owner');
  });

  it('records "no changes" at the top of a session note', async () => {
    const world = await clientWithHistory();
    const page = await therapistAt(world, `/sessions/${world.session.id}`);
    const step = page.getByRole('region', { name: 'Any changes since your last visit?' });
    await step.getByRole('button', { name: 'No changes' }).click();
    await step.getByText('No changes since the last visit').waitFor();
    await assertAccessible(page, 'health-check-no-changes');
    const check = await world.therapist.client.get(
      `/api/v1/sessions/${world.session.id}/health-check`,
    );
    assert.deepEqual([check.body.check.outcome, check.body.check.historyNumber], ['no_changes', 1]);
  });

  it('records a change from the note and flags the session on the chart', async () => {
    const world = await clientWithHistory();
    const page = await therapistAt(world, `/sessions/${world.session.id}`);
    const step = page.getByRole('region', { name: 'Any changes since your last visit?' });
    await step.getByRole('button', { name: 'Update health history' }).click();
    await step.getByLabel('Pregnant', { exact: true }).check();
    await step.getByLabel('Due date', { exact: true }).fill('2027-05-20');
    await step.getByRole('button', { name: 'Save changes to the health history' }).click();
    await step.getByText('Health history updated at this session').waitFor();
    await assertAccessible(page, 'health-check-changed');

    await page.goto(`/clients/${world.client.id}`);
    await page.getByText('Health history changed').waitFor();
    await assertAccessible(page, 'health-history-flagged-on-chart');
    const versions = await world.therapist.client.get(
      `/api/v1/clients/${world.client.id}/health-history/versions`,
    );
    assert.deepEqual(
      [versions.body.versions[0].source, versions.body.versions[0].sessionId],
      ['session_check', world.session.id],
    );
  });
});
