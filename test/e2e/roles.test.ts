import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import {
  createClient,
  createPractice,
  createStaff,
  type PracticeFixture,
  type StaffFixture,
} from '../support/factories.js';
import { closeContexts, pageHeading, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

describe('what each role is offered in the browser', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  /** The tests take turns on one tab, each opened as a new context would be. */
  let tab: SharedPage;

  before(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
    tab = new SharedPage(browser, server);
  });
  afterEach(() => closeContexts(browser));
  after(async () => {
    await tab?.close();
    await browser?.close();
    await server?.close();
  });

  describe('front desk', () => {
    let practice: PracticeFixture;
    let frontDesk: StaffFixture;

    before(async () => {
      practice = await createPractice(server);
      frontDesk = await createStaff(server, practice, 'front_desk');
    });

    it('sees Clients and Settings in the navigation but not Staff or Audit log', async () => {
      const page = await tab.open('/clients', { as: frontDesk.email });
      const navigation = page.getByRole('navigation', { name: 'Main' });
      await navigation.getByRole('link', { name: 'Clients' }).waitFor();

      const links = await navigation.getByRole('link').allTextContents();
      assert.ok(links.includes('Settings'), `links: ${links.join(', ')}`);
      assert.equal(links.includes('Staff'), false, `links: ${links.join(', ')}`);
      assert.equal(links.includes('Audit log'), false, `links: ${links.join(', ')}`);
    });

    for (const [path, title, reason] of [
      ['/staff', 'Staff', 'Only the practice owner manages staff accounts.'],
      ['/audit', 'Audit log', 'Only the practice owner can read the audit log.'],
    ] as const) {
      it(`is told it is not allowed at ${path}`, async () => {
        const page = await tab.open(path, { as: frontDesk.email });
        await pageHeading(page).filter({ hasText: title }).waitFor();
        await page.getByText(reason).waitFor();
        assert.equal(await page.getByRole('table').count(), 0);
      });
    }

    it('is offered Edit but not Archive on a client profile', async () => {
      const { client } = await createClient(practice.owner);
      const page = await tab.open(`/clients/${client.id}`, { as: frontDesk.email });
      await page.getByRole('link', { name: 'Edit' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Archive' }).count(), 0);
    });
  });

  it("does not list another therapist's client to a therapist when care is assigned", async () => {
    const practice = await createPractice(server, { careModel: 'assigned' });
    const [mine, theirs] = await Promise.all([
      createStaff(server, practice, 'therapist'),
      createStaff(server, practice, 'therapist'),
    ]);
    const own = await createClient(practice.owner, {
      legalFirstName: 'Mine',
      primaryTherapistId: mine.id,
    });
    const other = await createClient(practice.owner, {
      legalFirstName: 'Theirs',
      primaryTherapistId: theirs.id,
    });

    const page = await tab.open('/clients', { as: mine.email });
    await page.getByRole('link', { name: `Mine ${own.client.legalLastName}` }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 active client' }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: `Theirs ${other.client.legalLastName}` }).count(),
      0,
    );
  });
});
