import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import {
  browserSkipReason,
  launchBrowser,
  newPage,
  screenshot,
  whenLoaded,
} from '../support/browser.js';
import { closeContexts, pageHeading, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { sessionToDocument } from '../support/sessions.js';

/** A score chosen from a row of large choices, inside `scope`. */
async function choose(
  scope: Page | ReturnType<Page['locator']>,
  group: string | RegExp,
  value: string,
) {
  await scope
    .getByRole('group', { name: group })
    .getByRole('radio', { name: value, exact: true })
    .check();
}

describe('outcome measures and goals in the browser', { skip: browserSkipReason() }, () => {
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

  it('takes a measure from Settings to a client’s phone and shows the goal’s progress on the chart', async () => {
    const world = await sessionToDocument(server);
    const clientPath = `/clients/${world.client.id}`;

    // The owner defines "Headache days" in Settings.
    const { page: owner } = await signedInPage(browser, server, world.practice.ownerEmail, {
      path: '/settings',
    });
    await whenLoaded(owner);
    const measures = owner.getByRole('region', { name: 'Outcome measures' });
    await measures.getByRole('button', { name: 'Add measure' }).click();
    const dialog = owner.getByRole('dialog', { name: 'New measure' });
    await dialog.getByLabel('Name', { exact: true }).fill('Headache days');
    await dialog.getByLabel('Unit (optional)').fill('days a week');
    await dialog.getByLabel('Highest score').fill('7');
    await dialog.getByRole('combobox', { name: 'Better is' }).click();
    await owner.getByRole('option', { name: 'Lower' }).click();
    await dialog.getByLabel('Minimal important change').fill('1');
    await dialog
      .getByLabel('Question for the client (optional)')
      .fill('On how many days last week did you have a headache?');
    await dialog.getByRole('button', { name: 'Add measure' }).click();
    await measures.getByRole('cell', { name: /^Headache days/ }).waitFor();
    await assertAccessible(owner, 'measures-settings');

    // The therapist plans the PSFS and headache days for every session.
    const { page: chart } = await signedInPage(browser, server, world.therapist.email, {
      path: clientPath,
      viewport: 'tablet',
    });
    const section = chart.getByRole('region', { name: 'Goals and plan' });
    await section.getByRole('button', { name: 'Edit plan' }).click();
    const plan = chart.getByRole('dialog', { name: 'Treatment plan' });
    await plan.getByLabel('Sessions', { exact: true }).fill('1');
    await plan.getByLabel('Sessions in all').fill('6');
    await plan.getByLabel('Patient-Specific Functional Scale every how many sessions').fill('1');
    await plan.getByLabel('Headache days every how many sessions').fill('1');
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await section.getByText('1 session a week, 6 sessions in all').waitFor();

    // At the session, the note's panel asks for both; the therapist names two PSFS activities.
    await chart.goto(`/sessions/${world.session.id}`);
    const panel = chart.getByRole('region', { name: 'Measures due' });
    await panel.getByRole('group', { name: 'Headache days' }).waitFor();
    await panel.getByLabel('New activity the client finds hard').fill('Turning my head to drive');
    await choose(panel, 'Score for “Turning my head to drive”', '3');
    await choose(panel, 'Headache days', '4');
    await panel.getByRole('button', { name: 'Record scores' }).click();
    await panel.getByText('Recorded at this session').waitFor();
    await panel.getByLabel('New activity the client finds hard').fill('Lifting my toddler');
    await choose(panel, 'Score for “Lifting my toddler”', '5');
    await panel.getByRole('button', { name: 'Record scores' }).click();
    await panel.getByText('Lifting my toddler: 5').waitFor();
    // The note itself is started, so the next visit is the one after this session.
    await choose(chart, 'Pain before the session (0–10)', '6');
    await chart.locator('.save-status[data-state="saved"]').filter({ hasText: 'Saved' }).waitFor();
    await assertAccessible(chart, 'measures-due-note-tablet');

    // A goal on the first activity, set a minute later.
    server.runtime.advanceMinutes(1);
    await chart.goto(clientPath);
    await section.getByRole('button', { name: 'New goal' }).click();
    const goal = chart.getByRole('dialog', { name: 'New goal' });
    await goal.getByLabel('Goal, in the client’s words').fill('Turn my head to drive without pain');
    await goal.getByRole('combobox', { name: 'Activity' }).click();
    await chart.getByRole('option', { name: 'Turning my head to drive' }).click();
    await goal.getByLabel('Target value').fill('8');
    await goal.getByRole('button', { name: 'Set goal' }).click();
    const card = section
      .getByRole('article')
      .filter({ hasText: 'Turn my head to drive without pain' });
    await card.getByText('PSFS “Turning my head to drive” ≥ 8').waitFor();
    await card.getByText('Baseline only').waitFor();

    // The therapist sends the measures link; the client fills it on a phone.
    await section.getByRole('button', { name: 'Send measures link' }).click();
    const url = await section.getByRole('textbox', { name: 'Measures link' }).inputValue();
    assert.match(url, /\/measures\/[A-Za-z0-9_-]{43}$/);
    server.runtime.advanceMinutes(1);
    const { page: phone } = await newPage(browser, server.url, 'phone');
    await phone.goto(url);
    await pageHeading(phone).filter({ hasText: 'Hello Ana' }).waitFor();
    await choose(phone, 'Turning my head to drive', '6');
    await choose(phone, 'Lifting my toddler', '7');
    await choose(phone, 'Headache days (days a week)', '2');
    await assertAccessible(phone, 'measures-link-phone');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await pageHeading(phone).filter({ hasText: 'Thank you' }).waitFor();
    await screenshot(phone, 'measures-link-thank-you-phone');

    // The chart shows the goal's progress: baseline 3, latest 6, improving.
    await chart.reload();
    await card.getByText('Improving').waitFor();
    await card.getByRole('progressbar', { name: /60% of the way/ }).waitFor();
    assert.match((await card.textContent()) ?? '', /Baseline3 on .*Latest6 on/);
    await section
      .getByRole('table', { name: 'Latest scores' })
      .getByText('(from the client’s link)')
      .first()
      .waitFor();
    await assertAccessible(chart, 'goals-and-plan-chart-tablet');
  });

  it('shows a clear page for a measures link that is not valid', async () => {
    const { page: phone } = await newPage(browser, server.url, 'phone');
    await phone.goto(`/measures/${'z'.repeat(43)}`);
    await pageHeading(phone).filter({ hasText: 'This link does not work' }).waitFor();
    await assertAccessible(phone, 'measures-link-not-valid-phone');
  });
});
