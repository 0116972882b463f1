import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { recordVisits, type PlannedVisit } from '../support/effectiveness.js';
import { createClient, createPractice, testPassword, uniqueEmail } from '../support/factories.js';
import { historyInput, saveHistory } from '../support/health-history.js';
import { createGoal, goalInput, scoreNewActivity } from '../support/outcomes.js';
import { closeContexts, pageHeading, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { bookSession } from '../support/sessions.js';

const myofascial = { technique: 'myofascial_release', pressure: 3 };
const swedish = { technique: 'swedish', pressure: 2 };

describe('the pre-session briefing in the browser', { skip: browserSkipReason() }, () => {
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

  it('shows goals, alerts, what works, the last plan and the follow-up, each linked to its source', async () => {
    const practice = await createPractice(server);
    const email = uniqueEmail('maya');
    const maya = await practice.owner.post('/api/v1/staff', {
      email,
      displayName: 'Maya Lin',
      role: 'therapist',
      password: testPassword,
    });
    const therapistId = maya.body.id as string;
    const { client } = await createClient(practice.owner, {
      legalFirstName: 'Nadia',
      legalLastName: 'Haddad',
      primaryTherapistId: therapistId,
    });
    const visits: PlannedVisit[] = Array.from({ length: 6 }, (_, index) =>
      index % 2 === 0
        ? { painBefore: 7, painAfter: 4, techniques: [swedish, myofascial] }
        : { painBefore: 7, painAfter: 7, techniques: [swedish] },
    );
    visits[5] = { ...visits[5]!, followUp: { relief: 3, soreness: 8, reactions: ['headache'] } };
    const sessionIds = await recordVisits(
      practice.owner,
      { clientId: client.id, therapistId },
      visits,
    );
    await saveHistory(practice.owner, client.id, historyInput());
    const score = await scoreNewActivity(practice.owner, client.id, 'Turning head to drive', 3);
    await createGoal(practice.owner, client.id, goalInput(score.activityId));
    const { session } = await bookSession(practice.owner, {
      clientId: client.id,
      therapistId,
      startsAt: '2026-11-28T15:00:00.000Z',
    });

    const { page } = await signedInPage(browser, server, email, {
      path: `/sessions/${session.id}`,
      viewport: 'tablet',
    });
    await page.getByRole('link', { name: 'Pre-session briefing' }).click();
    await pageHeading(page).filter({ hasText: 'Briefing: Nadia Haddad' }).waitFor();

    const care = page.getByRole('region', { name: 'Reason for care, goals and plan' });
    await care
      .getByText(/Goal: Turn my head to drive without pain — target ≥ 8, latest 3/)
      .waitFor();
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts.getByText(/Tree-nut allergy/).waitFor();
    const works = page.getByRole('region', { name: 'What has worked and what has not' });
    await works
      .getByText(/^Myofascial release: Associated with 3\.0 more points of relief/)
      .waitFor();
    const last = page.getByRole('region', { name: 'Last session and follow-up' });
    await last
      .getByText(/Follow-up after the last visit: relief 3\/10, soreness 8\/10, headache/)
      .waitFor();
    await assertAccessible(page, 'briefing-tablet');

    // A line is a link to the record behind it: the follow-up opens the last session.
    await last.getByRole('link', { name: /Follow-up after the last visit/ }).click();
    await page.waitForURL(new RegExp(`/sessions/${sessionIds[5]}#session-follow-up$`));
    assert.ok(page.url().includes(sessionIds[5]!));
  });
});
