import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, screenshot } from '../support/browser.js';
import { noteContent, readNote, signedNote } from '../support/notes.js';
import { closeContexts, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument, type SessionWorld } from '../support/sessions.js';

/** The tablet the issue names, held upright and turned on its side. */
const tabletPortrait = { width: 820, height: 1180 };
const tabletLandscape = { width: 1180, height: 820 };

const chart = (page: Page) => page.locator('.body-chart');
const figure = (page: Page, view: string) => chart(page).locator(`figure[data-view="${view}"]`);
const region = (page: Page, view: string, code: string) =>
  figure(page, view).locator(`path.body-region[data-region="${code}"]`);

async function showViews(page: Page, pair: 'Front and back' | 'Left and right sides') {
  await chart(page)
    .getByRole('group', { name: 'Views' })
    .getByRole('radio', { name: pair })
    .check();
}

/** A region carries a mark when it is filled with something other than plain white. */
async function isMarked(shape: Locator): Promise<boolean> {
  return (await shape.getAttribute('fill')) !== '#fff';
}

const markRows = (page: Page) =>
  chart(page).locator('table').filter({ hasText: 'Marks on the body chart' }).locator('tbody tr');

async function waitUntilSaved(page: Page): Promise<void> {
  await page.locator('.save-status[data-state="saved"]').filter({ hasText: 'Saved' }).waitFor();
}

describe('the body chart’s side views in the browser', { skip: browserSkipReason() }, () => {
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

  /** A practice of its own per test, with the therapist on the session's note. */
  async function therapistOnNote(): Promise<{
    world: SessionWorld;
    page: Page;
    sessionId: string;
  }> {
    const world = await sessionToDocument(server);
    const sessionId = world.session.id as string;
    const page = await desktopTab.open(`/sessions/${sessionId}`, { as: world.therapist.email });
    await page.setViewportSize(tabletPortrait);
    await chart(page).waitFor();
    return { world, page, sessionId };
  }

  it('marks the left side by mouse and by keyboard, and lists both marks', async () => {
    const { page } = await therapistOnNote();
    await showViews(page, 'Left and right sides');

    await region(page, 'left', 'lateral_hip_l').click();
    await chart(page).getByText('Lateral hip (gluteus medius, trochanter), left: pain').waitFor();
    // From the view switcher, Tab walks the left view's regions head to foot.
    await chart(page).getByRole('radio', { name: 'Left and right sides' }).focus();
    for (let step = 0; step < 40; step += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-region'),
      );
      if (focused === 'it_band_l') break;
    }
    await page.keyboard.press('Enter');

    await markRows(page).filter({ hasText: 'Lateral thigh (IT band, TFL), left' }).waitFor();
    assert.deepEqual(await markRows(page).locator('td:first-child').allTextContents(), [
      'Lateral hip (gluteus medius, trochanter), left',
      'Lateral thigh (IT band, TFL), left',
    ]);
    assert.equal(await isMarked(region(page, 'left', 'it_band_l')), true);
    assert.equal(
      await region(page, 'left', 'it_band_l').getAttribute('aria-label'),
      'Lateral thigh (IT band, TFL), left: pain, moderate',
    );
  });

  it('draws only the client’s left side on the left view and their right on the right view', async () => {
    const { page } = await therapistOnNote();
    await showViews(page, 'Left and right sides');
    const codes = (view: string) =>
      figure(page, view)
        .locator('path.body-region')
        .evaluateAll((paths) => paths.map((path) => path.getAttribute('data-region') ?? ''));
    const [left, right] = await Promise.all([codes('left'), codes('right')]);
    assert.ok(left.length > 20 && left.every((code) => !code.endsWith('_r')));
    assert.ok(right.length > 20 && right.every((code) => !code.endsWith('_l')));
    await figure(page, 'left').getByText('Left side view').waitFor();
    await figure(page, 'left').getByText('facing left').waitFor();
  });

  it('shows a mark made on a side view on every view that draws its region', async () => {
    const { page } = await therapistOnNote();
    await showViews(page, 'Left and right sides');
    await region(page, 'left', 'deltoid_l').click();
    await region(page, 'left', 'peroneals_l').click();

    await showViews(page, 'Front and back');
    assert.equal(await isMarked(region(page, 'front', 'deltoid_l')), true);
    assert.equal(await isMarked(region(page, 'back', 'deltoid_l')), true);
    assert.equal(await isMarked(region(page, 'front', 'deltoid_r')), false);
    // The peroneals are drawn on the side views alone; the chart says where to find them.
    await chart(page)
      .getByText('Not drawn on these views: Outer lower leg (peroneals), left.')
      .waitFor();
  });

  it('keeps side-view marks through a reload', async () => {
    const { world, page, sessionId } = await therapistOnNote();
    await showViews(page, 'Left and right sides');
    await region(page, 'right', 'lateral_hip_r').click();
    await region(page, 'right', 'face_jaw_r').click();
    await waitUntilSaved(page);

    const saved = await readNote(world.therapist.client, sessionId);
    assert.deepEqual(
      (saved.content.objective.bodyChart as Array<{ region: string }>)
        .map((mark) => mark.region)
        .sort(),
      ['face_jaw_r', 'lateral_hip_r'],
    );

    await page.reload();
    await chart(page).waitFor();
    await showViews(page, 'Left and right sides');
    assert.equal(await isMarked(region(page, 'right', 'lateral_hip_r')), true);
    assert.equal(await isMarked(region(page, 'right', 'face_jaw_r')), true);
    assert.equal(await markRows(page).count(), 2);
  });

  it('draws a side view in a signed note only when a mark is where only that side shows', async () => {
    const world = await sessionToDocument(server);
    const sessionId = world.session.id as string;
    await signedNote(
      world.therapist.client,
      sessionId,
      noteContent({
        objective: {
          bodyChart: [
            { region: 'lateral_hip_l', kind: 'pain', intensity: 3 },
            { region: 'deltoid_r', kind: 'tension', intensity: 1 },
          ],
        },
      }),
    );
    const page = await desktopTab.open(`/sessions/${sessionId}`, { as: world.therapist.email });
    await page.setViewportSize(tabletPortrait);
    await page.getByText('This note is locked.', { exact: false }).waitFor();
    await figure(page, 'left').waitFor();

    const views = await chart(page)
      .locator('figure')
      .evaluateAll((figures) => figures.map((shown) => shown.getAttribute('data-view')));
    assert.deepEqual(views, ['front', 'back', 'left']);
    assert.equal(await chart(page).getByRole('radio').count(), 0);
    await chart(page)
      .getByRole('img', { name: 'Left side view, facing left: 1 marked region' })
      .waitFor();
    await assertAccessible(page, 'body-chart-sides-signed');
  });

  it('has no axe violations with the side views shown', async () => {
    const { page } = await therapistOnNote();
    await showViews(page, 'Left and right sides');
    await region(page, 'left', 'ribs_intercostals_l').click();
    await waitUntilSaved(page);
    await assertAccessible(page, 'body-chart-sides-draft');
  });

  it('fits every view on a tablet, upright and on its side', async () => {
    const { page } = await therapistOnNote();
    await region(page, 'front', 'upper_trapezius_l').click();
    await region(page, 'back', 'gluteals_r').click();
    await showViews(page, 'Left and right sides');
    await region(page, 'left', 'lateral_hip_l').click();
    await region(page, 'right', 'calves_r').click();

    for (const [name, viewport] of Object.entries({ tabletPortrait, tabletLandscape })) {
      await page.setViewportSize(viewport);
      for (const pair of ['Front and back', 'Left and right sides'] as const) {
        await showViews(page, pair);
        const figures = chart(page).locator('.body-figures');
        await figures.scrollIntoViewIfNeeded();
        const file = await screenshot(
          page,
          `body-chart-${name}-${pair === 'Front and back' ? 'front-back' : 'sides'}`,
        );
        // The chart alone too, beside the full page, for a person to look at closely.
        if (file) await chart(page).screenshot({ path: file.replace(/\.png$/, '-chart.png') });
        const widths = await chart(page)
          .locator('figure svg')
          .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
        assert.equal(widths.length, 2);
        assert.ok(
          widths.every((width) => width >= 250),
          `${name}, ${pair}: ${widths.join(', ')}`,
        );
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.equal(overflow, 0, `${name}, ${pair}: the page scrolls sideways`);
      }
    }
  });
});
