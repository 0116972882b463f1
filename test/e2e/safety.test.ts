import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { onlyAuditEvent } from '../support/audit.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { historyInput, saveHistory } from '../support/health-history.js';
import type { Json } from '../support/http.js';
import { readNote } from '../support/notes.js';
import { closeContexts, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument, type SessionWorld } from '../support/sessions.js';

const reasonField = (page: Page) => page.getByLabel('Reason for visit', { exact: true });
/** The products picker's input (its listbox carries the same label). */
const productsField = (page: Page) => page.getByLabel('Products used', { exact: true }).first();
const banner = (page: Page) => page.getByRole('region', { name: 'Safety alerts' });
const veins = () => ({
  id: randomUUID(),
  code: 'varicose_veins',
  name: 'Varicose veins',
  status: 'active',
  regions: ['calves_r'],
});

describe('safety alerts in the browser', { skip: browserSkipReason() }, () => {
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

  /** A session to document for a client with this health history (saved by the owner). */
  async function worldWith(history: Json): Promise<SessionWorld> {
    const world = await sessionToDocument(server);
    await saveHistory(world.practice.owner, world.client.id as string, history);
    return world;
  }

  it('shows the alerts and the area to avoid on the client’s chart', async () => {
    const world = await worldWith(historyInput({ conditions: [veins()] }));
    const page = await tabletTab.open(`/clients/${world.client.id}`, { as: world.therapist.email });
    const alerts = banner(page);
    await alerts.getByText('Blood thinner or bleeding disorder', { exact: true }).waitFor();
    await alerts.getByText('Tree-nut allergy', { exact: true }).waitFor();
    await alerts.getByText('Varicose veins', { exact: true }).waitFor();
    const avoid = alerts.locator('.avoid-regions');
    await avoid.locator('.avoid-region-list').getByText('Calves, right').waitFor();
    const calf = avoid.locator('path.body-region[data-region="calves_r"]').first();
    assert.notEqual(await calf.getAttribute('fill'), '#fff');
    const otherCalf = avoid.locator('path.body-region[data-region="calves_l"]').first();
    assert.equal(await otherCalf.getAttribute('fill'), '#fff');
    await assertAccessible(page, 'safety-client-chart-tablet');
  });

  it('asks a reason before a blocked session starts, then lets it start', async () => {
    const world = await worldWith(
      historyInput({
        conditions: [{ id: randomUUID(), code: 'fever', name: 'Fever', status: 'active' }],
      }),
    );
    const sessionId = world.session.id as string;
    const page = await tabletTab.open(`/sessions/${sessionId}`, { as: world.therapist.email });
    const dialog = page.getByRole('dialog', { name: 'Safety check before this session' });
    await dialog.getByText('Fever: no massage today.', { exact: false }).waitFor();
    await assertAccessible(page, 'safety-override-dialog-tablet');

    await dialog.getByRole('button', { name: 'Go ahead with this reason' }).click();
    await dialog.getByText('Say why it is safe to go ahead.').waitFor();
    assert.equal(await readNote(world.therapist.client, sessionId), null);

    const reason = 'Temperature 36.8 °C this morning; client feels well.';
    await dialog.getByLabel('Why it is safe to go ahead (Fever)').fill(reason);
    await dialog.getByRole('button', { name: 'Go ahead with this reason' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await banner(page).getByText('This session cannot start yet').waitFor({ state: 'hidden' });

    await reasonField(page).fill('Neck stiffness');
    await page.locator('.save-status[data-state="saved"]').filter({ hasText: 'Saved' }).waitFor();
    const note = await readNote(world.therapist.client, sessionId);
    assert.equal(note.content.subjective.reasonForVisit, 'Neck stiffness');
    const override = await onlyAuditEvent(world.practice.owner, { action: 'safety.override' });
    assert.equal(override.userId, world.therapist.id);
    assert.deepEqual(override.detail, { sessionId, ruleId: 'absolute.fever' });
  });

  it('warns at once when a sweet almond blend is chosen for a nut-allergic client', async () => {
    const world = await worldWith(historyInput());
    const page = await tabletTab.open(`/sessions/${world.session.id}`, {
      as: world.therapist.email,
    });
    await reasonField(page).waitFor();
    await banner(page).getByText('Tree-nut allergy', { exact: true }).waitFor();
    const warnings = page.locator('.safety-warnings');
    assert.equal(await warnings.locator('.safety-alert').count(), 0);

    await productsField(page).click();
    await page.getByRole('option', { name: 'Almond & lavender relaxing blend (blend)' }).click();
    await warnings
      .getByText(
        'Almond & lavender relaxing blend contains Sweet almond oil. The client has an allergy: Tree nuts (almond), severe.',
        { exact: false },
      )
      .waitFor();
    await page.keyboard.press('Escape');
    await assertAccessible(page, 'safety-product-warning-tablet');
  });

  it('warns about a product chosen before the allergy was recorded', async () => {
    const world = await worldWith(historyInput({ allergies: [] }));
    const page = await tabletTab.open(`/sessions/${world.session.id}`, {
      as: world.therapist.email,
    });
    await reasonField(page).waitFor();
    await productsField(page).click();
    await page.getByRole('option', { name: 'Shea massage cream (cream)' }).click();
    await page.keyboard.press('Escape');
    const warnings = page.locator('.safety-warnings');
    assert.equal(await warnings.getByText('Shea massage cream contains').count(), 0);

    await saveHistory(
      world.practice.owner,
      world.client.id as string,
      historyInput({ allergies: [{ id: randomUUID(), substance: 'tree_nut', severity: 'mild' }] }),
    );
    // Coming back to the tab reads the health history again.
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await warnings
      .getByText('Shea massage cream contains Shea butter.', { exact: false })
      .waitFor();
  });

  it('lets the owner stop counting coconut as a tree nut', async () => {
    const world = await sessionToDocument(server);
    const page = await tabletTab.open('/settings', { as: world.practice.ownerEmail });
    const coconut = page.getByRole('switch', {
      name: 'Warn about coconut for clients with a tree-nut allergy',
    });
    await coconut.waitFor();
    assert.equal(await coconut.isChecked(), true);
    await coconut.click({ force: true });
    await page.getByText('Safety setting saved.').waitFor();
    const saved = await world.practice.owner.get('/api/v1/practice/safety-settings');
    assert.deepEqual(saved.body, { settings: { coconutWithTreeNuts: false }, version: 1 });
  });
});
