import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, screenshot } from '../support/browser.js';
import { productIds, recordVisits, type PlannedVisit } from '../support/effectiveness.js';
import { createClient, createPractice, createStaff } from '../support/factories.js';
import { closeContexts, signedInPage, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

const myofascial = { technique: 'myofascial_release', pressure: 3 };
const swedish = { technique: 'swedish', pressure: 2 };

describe('what works, in the browser', { skip: browserSkipReason() }, () => {
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

  /**
   * A practice whose therapist has a client with six signed visits, one with a reaction. The
   * tests only read it (and its audit trail, which none counts), so they share one.
   */
  let history: Awaited<ReturnType<typeof practiceWithHistory>>;
  before(async () => {
    history = await practiceWithHistory();
  });

  async function practiceWithHistory() {
    const practice = await createPractice(server);
    const therapist = await createStaff(server, practice, 'therapist');
    const arnica = (await productIds(practice.owner))['Arnica gel']!;
    const { client } = await createClient(practice.owner, {
      legalFirstName: 'Noor',
      legalLastName: 'Haddad',
      primaryTherapistId: therapist.id,
    });
    const visits: PlannedVisit[] = [
      { painBefore: 7, painAfter: 3, techniques: [myofascial], painRegions: ['upper_trapezius_l'] },
      { painBefore: 6, painAfter: 5, techniques: [swedish], products: [arnica] },
      {
        painBefore: 6,
        painAfter: 2,
        techniques: [myofascial, swedish],
        followUp: { relief: 7, soreness: 8, reactions: ['bruising'] },
      },
      { painBefore: 6, painAfter: 5, techniques: [swedish], products: [arnica] },
      { painBefore: 6, painAfter: 3, techniques: [myofascial], followUp: { soreness: 3 } },
      { painBefore: 6, painAfter: 5, techniques: [swedish] },
    ];
    const ids = await recordVisits(
      therapist.client,
      { clientId: client.id, therapistId: therapist.id },
      visits,
    );
    return { practice, therapist, clientId: client.id as string, ids };
  }

  it('shows what works for a client as captioned tables whose figures link to sessions', async () => {
    const { therapist, clientId, ids } = history;
    const page = await tabletTab.open(`/clients/${clientId}`, { as: therapist.email });
    const section = page.getByRole('region', { name: 'What works for this client' });
    const techniques = section.getByRole('table', { name: /^Techniques/ });
    const row = techniques.getByRole('row', { name: /Myofascial release/ });
    await row.getByText('3.7 points').waitFor();
    await row.getByText('Associated with 2.7 more points of relief').waitFor();
    await section.getByText('From signed (and amended) notes only', { exact: false }).waitFor();
    await section
      .getByRole('table', { name: /^Products/ })
      .getByRole('row', { name: /Arnica gel/ })
      .getByText(/Not enough sessions yet/)
      .waitFor();
    await assertAccessible(page, 'what-works-client');
    // Associated with relief, never said to cause it.
    assert.doesNotMatch(await section.innerText(), /causes/i);
    // Every figure opens onto the sessions behind it, the follow-up counts too.
    const figureCells = row.getByRole('cell');
    for (let index = 0; index < (await figureCells.count()); index += 1) {
      const links = await figureCells.nth(index).locator('details.effectiveness-sessions').count();
      assert.ok(links > 0, `cell ${index} of the myofascial row links to no session`);
    }
    assert.equal(await figureCells.last().locator('details.effectiveness-sessions').count(), 3);

    // On a tablet the table scrolls sideways; the technique stays in view beside its figures.
    const scroller = section.getByRole('group', { name: 'Techniques table' });
    await scroller.evaluate((element) => element.scrollBy({ left: 2000 }));
    await row.getByText('Which sessions').first().scrollIntoViewIfNeeded();
    const label = await row.getByRole('rowheader').boundingBox();
    const visible = await scroller.boundingBox();
    assert.ok(label && visible && label.x >= visible.x - 1, JSON.stringify({ label, visible }));
    await screenshot(page, 'what-works-client-scrolled-tablet');

    await row.getByText('See sessions').click();
    await row.getByRole('link', { name: /2026/ }).first().click();
    await page.waitForURL(`**/sessions/${ids[0]}`);
  });

  it('shows the practice’s insights to the owner, with clients to revisit', async () => {
    const { practice, clientId } = history;
    const page = await tabletTab.open('/insights', { as: practice.ownerEmail });
    const similar = page.getByRole('region', { name: 'What works for similar complaints' });
    await similar.getByText('1 client and 6 signed sessions match', { exact: false }).waitFor();
    await similar
      .getByRole('table', { name: /^Techniques/ })
      .getByRole('row', { name: /Myofascial release/ })
      .getByText(/Not enough clients yet/)
      .waitFor();
    const stuck = page.getByRole('region', { name: 'Pain not improving' });
    await stuck.getByRole('link', { name: 'Noor Haddad' }).waitFor();
    await page
      .getByRole('region', { name: 'Outcomes by therapist' })
      .getByText('Test therapist')
      .waitFor();
    await assertAccessible(page, 'insights-owner');
    assert.doesNotMatch(await page.getByRole('main').innerText(), /causes/i);

    await similar.getByLabel('Pain at body region').fill('Upper trapezius, left');
    await page.getByRole('option', { name: 'Upper trapezius, left' }).click();
    await similar.getByText('1 client and 6 signed sessions match', { exact: false }).waitFor();
    await stuck.getByRole('link', { name: 'Noor Haddad' }).click();
    await page.waitForURL(`**/clients/${clientId}`);
  });

  it('offers insights to a therapist without the owner’s comparison of therapists', async () => {
    const { therapist } = history;
    const { page } = await signedInPage(browser, server, therapist.email, {
      path: '/today',
      viewport: 'desktop',
    });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Insights' })
      .click();
    await page.getByRole('region', { name: 'Pain not improving' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Outcomes by therapist' }).count(), 0);
  });
});
