import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import {
  browserSkipReason,
  launchBrowser,
  screenshot,
  type viewports,
} from '../support/browser.js';
import { createClient } from '../support/factories.js';
import { noteContent, signedNote } from '../support/notes.js';
import { recordFollowUp } from '../support/follow-ups.js';
import { scoreNewActivity } from '../support/outcomes.js';
import { closeContexts, pageHeading, signedInPage, SharedPage } from '../support/pages.js';
import {
  plannedFollowUps,
  plannedPsfs,
  plannedSessions,
  progressWorld,
  type ProgressWorld,
} from '../support/progress.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument } from '../support/sessions.js';

describe('progress charts in the browser', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  /** The tests take turns on one tab, each opened as a new context would be. */
  let tabletTab: SharedPage;
  let world: ProgressWorld;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    tabletTab = new SharedPage(browser, server, 'tablet');
    world = await progressWorld(server);
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await tabletTab?.close();
    await browser?.close();
    await server?.close();
  });

  const progressPath = (clientId: string) => `/clients/${clientId}/progress`;

  /**
   * The client's progress page in the shared tablet tab, or in a page of its own (`ownPage`)
   * for a test that changes the page's media or looks at another viewport.
   */
  async function openProgress(
    clientId: string,
    email: string,
    ownPage?: { viewport: keyof typeof viewports },
  ): Promise<Page> {
    const path = progressPath(clientId);
    const page = ownPage
      ? (await signedInPage(browser, server, email, { path, viewport: ownPage.viewport })).page
      : await tabletTab.open(path, { as: email });
    await pageHeading(page)
      .getByText(/^Progress — /)
      .waitFor();
    return page;
  }

  const section = (page: Page, name: string) => page.getByRole('region', { name });

  /** The text of every body row of a section's table, cell by cell. */
  async function tableRows(region: Locator, index = 0): Promise<string[][]> {
    const table = region.getByRole('table').nth(index);
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? ''),
        ),
      );
  }

  it('draws pain, regions, measures and follow-ups, with tables of the same numbers', async () => {
    const page = await openProgress(world.client.id, world.therapist.email);
    const pain = section(page, 'Pain before and after each session');
    await pain.locator('svg.recharts-surface').first().waitFor();

    // Two lines (before, after), a point per session on each, and a treatment bar per session.
    assert.equal(await pain.locator('.recharts-line-curve').count(), 2);
    assert.equal(await pain.locator('.progress-point').count(), plannedSessions.length * 2);
    assert.equal(await pain.locator('.recharts-bar-rectangle').count(), plannedSessions.length);
    const painRows = await tableRows(pain);
    assert.deepEqual(
      painRows.map((row) => [row[1], row[2], row[3]]),
      plannedSessions.map((planned) => [
        String(planned.painBefore),
        String(planned.painAfter),
        String(planned.painBefore - planned.painAfter),
      ]),
    );
    assert.match(painRows[0]![4]!, /Deep tissue \(Deep\) · Assisted stretching \(Light\)/);

    const regions = section(page, 'Pain by body region');
    const marks = plannedSessions.filter((planned) => planned.calves !== null).length;
    assert.equal(await regions.locator('.progress-point').count(), plannedSessions.length + marks);
    assert.equal((await tableRows(regions)).length, plannedSessions.length);

    const measures = section(page, 'Outcome measures');
    const psfs = measures.getByRole('region', { name: 'Patient-Specific Functional Scale' });
    assert.equal(await psfs.locator('.recharts-line-curve').count(), 2);
    assert.deepEqual(
      (await tableRows(psfs)).map((row) => [row[1], row[2]]),
      plannedPsfs.driving.values.map((value, index) => [
        String(value),
        String(plannedPsfs.lifting.values[index]),
      ]),
    );
    await psfs.getByText('Goal ≥ 8: Turning my head to reverse the car').waitFor();

    const followUps = section(page, 'How the client felt after each session');
    assert.equal(await followUps.locator('.recharts-line-curve').count(), 2);
    assert.equal((await followUps.locator('.recharts-symbols').count()) >= 1, true);
    const followUpRows = await tableRows(followUps);
    assert.deepEqual(
      followUpRows.map((row) => [row[1], row[2], row[3]]),
      plannedFollowUps.map((planned) => [
        String(planned.relief),
        String(planned.soreness),
        planned.reactions.length > 0 ? 'Headache: Dull headache that evening' : 'None',
      ]),
    );
    await assertAccessible(page, 'progress-charts');
  });

  it('shows the same numbers as visible tables when asked, and keeps the choice', async () => {
    const page = await openProgress(world.client.id, world.therapist.email);
    await page
      .getByRole('group', { name: 'Show as' })
      .getByRole('radio', { name: 'Tables' })
      .check();
    const pain = section(page, 'Pain before and after each session');
    await pain.getByRole('table').waitFor({ state: 'visible' });
    assert.equal(await page.locator('svg.recharts-surface').count(), 0);
    await assertAccessible(page, 'progress-tables');
    await page.reload();
    await pain.getByRole('table').waitFor({ state: 'visible' });
    assert.equal(await page.locator('svg.recharts-surface').count(), 0);
  });

  it('shows a table link the moment keyboard focus reaches it', async () => {
    const page = await openProgress(world.client.id, world.therapist.email);
    const pain = section(page, 'Pain before and after each session');
    const link = pain.getByRole('table').getByRole('link').first();
    // Visually hidden: clipped to a pixel until focus arrives.
    const hidden = await pain.locator('.progress-table').boundingBox();
    assert.ok(hidden && hidden.width <= 1 && hidden.height <= 1, JSON.stringify(hidden));
    await link.focus();
    const shown = await link.boundingBox();
    assert.ok(shown && shown.width > 20 && shown.height > 10, JSON.stringify(shown));
  });

  it('opens a session from its point on the chart', async () => {
    const page = await openProgress(world.client.id, world.therapist.email);
    const pain = section(page, 'Pain before and after each session');
    await pain.locator(`.progress-point[data-session-id="${world.sessionIds[2]}"]`).first().click();
    await page.waitForURL(`**/sessions/${world.sessionIds[2]}`);
  });

  it('prints the charts at the page’s width, without the navigation', async () => {
    const page = await openProgress(world.client.id, world.therapist.email, {
      viewport: 'tablet',
    });
    await page.locator('svg.recharts-surface').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    const widths = await page
      .locator('svg.recharts-surface')
      .evaluateAll((charts) => charts.map((chart) => chart.getBoundingClientRect().right));
    const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
    for (const right of widths) assert.ok(right <= pageWidth + 1, `${right} > ${pageWidth}`);
    await screenshot(page, 'progress-print');
  });

  it('fits a phone without scrolling sideways', async () => {
    const page = await openProgress(world.client.id, world.therapist.email, { viewport: 'phone' });
    await page.locator('svg.recharts-surface').first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page scrolls ${overflow}px sideways`);
    await screenshot(page, 'progress-phone');
  });

  it('opens a long history at its last year, and shows all of it on request', async () => {
    const long = await sessionToDocument(server);
    const { session: old } = await bookSession(long.therapist.client, {
      clientId: long.client.id,
      therapistId: long.therapist.id,
      startsAt: new Date(Date.parse(long.session.startsAt) - 400 * 86_400_000).toISOString(),
    });
    await signedNote(long.therapist.client, old.id);
    await signedNote(long.therapist.client, long.session.id);
    const page = await openProgress(long.client.id, long.therapist.email);
    const period = page.getByRole('group', { name: 'Period' });
    assert.equal(await period.getByRole('radio', { name: '12 months' }).isChecked(), true);
    const pain = section(page, 'Pain before and after each session');
    await pain.getByText(/^1 session with pain scores/).waitFor();
    assert.equal((await tableRows(pain)).length, 1);
    await period.getByRole('radio', { name: 'All' }).check();
    await pain.getByText(/^2 sessions with pain scores/).waitFor();
    assert.equal((await tableRows(pain)).length, 2);
    await assertAccessible(page, 'progress-long-history');
  });

  it('charts a score typed in a fortnight late at the session it was taken at', async () => {
    const late = await sessionToDocument(server);
    const { session: earlier } = await bookSession(late.therapist.client, {
      clientId: late.client.id,
      therapistId: late.therapist.id,
      startsAt: new Date(Date.parse(late.session.startsAt) - 14 * 86_400_000).toISOString(),
    });
    // The earlier note was left a draft; its score is typed in a fortnight on, then signed.
    await scoreNewActivity(
      late.therapist.client,
      late.client.id,
      'Carrying shopping',
      4,
      earlier.id,
    );
    await signedNote(late.therapist.client, earlier.id);
    await signedNote(late.therapist.client, late.session.id);
    const page = await openProgress(late.client.id, late.therapist.email);
    const pain = section(page, 'Pain before and after each session');
    const psfs = section(page, 'Outcome measures').getByRole('region', {
      name: 'Patient-Specific Functional Scale',
    });
    const centre = async (region: Locator) => {
      const box = await region
        .locator(`.progress-point[data-session-id="${earlier.id}"]`)
        .first()
        .boundingBox();
      assert.ok(box, 'no point for the earlier session');
      return box.x + box.width / 2;
    };
    // One time axis: the score sits right above the pain scores of its session.
    assert.ok(Math.abs((await centre(pain)) - (await centre(psfs))) < 2);
    const [painRow] = await tableRows(pain);
    const psfsRows = await tableRows(psfs);
    assert.deepEqual(
      psfsRows.map((row) => [row[0], row[1]]),
      [[painRow![0], '4']],
    );
  });

  it('says plainly when there is nothing to chart yet', async () => {
    const { client } = await createClient(world.therapistToken, {
      primaryTherapistId: world.therapist.id,
    });
    const page = await openProgress(client.id, world.therapist.email);
    await page.getByText('No signed notes yet.').waitFor();
    await page.getByText('No body chart marks pain yet.').waitFor();
    await page.getByText('No outcome-measure scores yet.').waitFor();
    await page.getByText('No follow-ups yet.').waitFor();
    await assertAccessible(page, 'progress-empty');
  });

  it('says so when signed notes record no pain at all, and still charts the follow-up', async () => {
    const painless = await sessionToDocument(server);
    await signedNote(
      painless.therapist.client,
      painless.session.id,
      noteContent({ subjective: { painBefore: null }, assessment: { painAfter: null } }),
    );
    await recordFollowUp(painless.therapist.client, painless.client.id, painless.session.id, {
      relief: 4,
      soreness: 3,
      reactions: [],
      reactionDetails: null,
    });
    const page = await openProgress(painless.client.id, painless.therapist.email);
    await section(page, 'Pain before and after each session')
      .getByText('The signed note records no pain before or after treatment.')
      .waitFor();
    const felt = section(page, 'How the client felt after each session');
    assert.deepEqual(
      (await tableRows(felt)).map((row) => row.slice(1, 4)),
      [['4', '3', 'None']],
    );
    await assertAccessible(page, 'progress-no-pain');
  });

  it('charts a single session with pain before only, and says a trend needs more', async () => {
    const single = await sessionToDocument(server);
    await signedNote(
      single.therapist.client,
      single.session.id,
      noteContent({ assessment: { painAfter: null } }),
    );
    const page = await openProgress(single.client.id, single.therapist.email);
    const pain = section(page, 'Pain before and after each session');
    await pain.getByText(/A trend needs at least two sessions\./).waitFor();
    await pain.getByText(/Pain after: not recorded\./).waitFor();
    assert.equal(await pain.locator('.progress-point').count(), 1);
    assert.deepEqual(await tableRows(pain), [
      [
        await pain.locator('tbody th').first().innerText(),
        '6',
        'Not recorded',
        '–',
        'Swedish (Moderate) · Trigger point therapy (Deep)',
      ],
    ]);
  });
});
