import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { defaultNoteTemplates } from '../../src/domain/note-templates.js';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { readNote } from '../support/notes.js';
import { closeContexts, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';
import { bookSession, sessionToDocument, type SessionWorld } from '../support/sessions.js';

const ownersPosture = 'Side-lying on the wedge cushion, pillow between the knees; trimester: ';
const ownersFrequency = 'Every 3 weeks until 36 weeks, then weekly.';

describe('note templates in the browser', { skip: browserSkipReason() }, () => {
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

  /** A practice whose therapist has a prenatal session booked with their client. */
  async function prenatalSession(): Promise<{ world: SessionWorld; sessionId: string }> {
    const world = await sessionToDocument(server);
    const { session } = await bookSession(world.practice.owner, {
      clientId: world.client.id,
      therapistId: world.therapist.id,
      sessionType: 'prenatal',
      startsAt: '2026-11-28T15:00:00.000Z',
    });
    return { world, sessionId: session.id as string };
  }

  async function therapistOpens(world: SessionWorld, sessionId: string): Promise<Page> {
    const page = await desktopTab.open(`/sessions/${sessionId}`, { as: world.therapist.email });
    await page.getByText('Started from the Prenatal template.').waitFor();
    return page;
  }

  it('pre-fills a therapist’s new prenatal note with the words the owner saved', async () => {
    const { world, sessionId } = await prenatalSession();
    const settings = await desktopTab.open('/settings', { as: world.practice.ownerEmail });
    await settings.getByRole('tab', { name: 'Prenatal' }).click();
    const form = settings.getByRole('form', { name: 'Prenatal template' });
    await form.getByLabel('Posture', { exact: true }).fill(ownersPosture);
    await form.getByLabel('Frequency', { exact: true }).fill(ownersFrequency);
    await form.getByRole('button', { name: 'Save Prenatal template' }).click();
    await settings.getByText('The Prenatal template was saved.').waitFor();
    await assertAccessible(settings, 'note-templates-settings');

    // The shared tab, done with Settings, turns to the therapist's note.
    const page = await therapistOpens(world, sessionId);
    assert.equal(await page.getByLabel('Posture', { exact: true }).inputValue(), ownersPosture);
    assert.equal(await page.getByLabel('Frequency', { exact: true }).inputValue(), ownersFrequency);
    assert.equal(
      await page.getByLabel('Reason for visit', { exact: true }).inputValue(),
      defaultNoteTemplates['prenatal']!.subjective.reasonForVisit,
    );
    await page.getByRole('button', { name: 'Add Prenatal massage, 50 min, moderate' }).waitFor();
    await page.getByText('Nothing written yet').waitFor();
    await assertAccessible(page, 'note-started-from-template');
    assert.equal(await readNote(world.therapist.client, sessionId), null);
  });

  it('saves the template’s words with what the therapist writes, and adds a suggested technique only when asked', async () => {
    const { world, sessionId } = await prenatalSession();
    const page = await therapistOpens(world, sessionId);
    await page
      .getByLabel('Symptoms the client reports', { exact: true })
      .fill('Sore hips at night');
    await page.getByRole('button', { name: 'Add Prenatal massage, 50 min, moderate' }).click();
    await page.getByRole('group', { name: 'Technique 1: Prenatal massage' }).waitFor();
    await page.locator('.save-status[data-state="saved"]').filter({ hasText: 'Saved' }).waitFor();

    const note = await readNote(world.therapist.client, sessionId);
    assert.equal(note.content.subjective.symptoms, 'Sore hips at night');
    assert.equal(
      note.content.objective.posture,
      defaultNoteTemplates['prenatal']!.objective.posture,
    );
    assert.deepEqual(note.content.treatment.techniques, [
      { technique: 'prenatal', regions: [], minutes: 50, pressure: 2 },
    ]);
    assert.equal(note.content.subjective.painBefore, null);
  });

  it('clears the template’s words but keeps what the therapist wrote', async () => {
    const { world, sessionId } = await prenatalSession();
    const page = await therapistOpens(world, sessionId);
    await page
      .getByLabel('Symptoms the client reports', { exact: true })
      .fill('Sore hips at night');
    await page.getByRole('button', { name: 'Clear template text' }).click();

    await page.getByText('Started from the Prenatal template.').waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Posture', { exact: true }).inputValue(), '');
    assert.equal(
      await page.getByLabel('Symptoms the client reports', { exact: true }).inputValue(),
      'Sore hips at night',
    );
    await page.locator('.save-status[data-state="saved"]').filter({ hasText: 'Saved' }).waitFor();
    assert.equal((await readNote(world.therapist.client, sessionId)).content.plan.frequency, '');
  });
});
