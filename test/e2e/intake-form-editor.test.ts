import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { defaultIntakeForm } from '../../src/domain/intake-default-form.js';
import type { IntakeForm } from '../../src/domain/intake-forms.js';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser, newPage, screenshot } from '../support/browser.js';
import { createClient, createPractice, createStaff } from '../support/factories.js';
import { sendIntakeLink } from '../support/intake.js';
import { closeContexts, pageHeading, SharedPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

const yesNo = 'Have you had a massage before?';
const choice = 'Which days suit you for appointments?';
/** Questions are numbered through the form; these come before the last section's. */
const earlier = defaultIntakeForm.sections
  .slice(0, -1)
  .reduce((count, section) => count + section.questions.length, 0);

describe('the owner’s intake form editor in the browser', { skip: browserSkipReason() }, () => {
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

  async function ownersEditor(ownerEmail: string): Promise<{ page: Page; editor: Locator }> {
    const page = await tabletTab.open('/settings', { as: ownerEmail });
    const editor = page.getByRole('form', { name: 'Intake form' });
    await editor.getByLabel('Form title').waitFor();
    return { page, editor };
  }

  async function addQuestion(page: Page, section: Locator, type: string, label: string) {
    await section.getByRole('button', { name: /^Add a question/ }).click();
    await page.getByRole('menuitem', { name: type }).click();
    // The new question opens with its wording field ready to type in.
    await page.keyboard.type(label);
    return section.getByRole('group', { name: new RegExp(`^Question \\d+: ${escape(label)}$`) });
  }

  const escape = (text: string) => text.replace(/[?.()]/g, '\\$&');

  it('adds a yes/no and a choice question, reorders and saves them, and a new link shows them in order', async () => {
    const practice = await createPractice(server);
    const { client } = await createClient(practice.owner, { legalFirstName: 'Marisol' });
    const { page, editor } = await ownersEditor(practice.ownerEmail);
    const section = editor.getByRole('region', { name: /Anything else$/ });

    const yesNoQuestion = await addQuestion(page, section, 'Yes or no', yesNo);
    await yesNoQuestion.getByLabel('The client must answer').check();
    const choiceQuestion = await addQuestion(page, section, 'Choice, one answer', choice);
    await choiceQuestion.getByRole('textbox', { name: 'Option 1' }).fill('Weekdays');
    await choiceQuestion.getByRole('button', { name: /^Remove option 2/ }).click();

    await editor.getByRole('button', { name: 'Save the intake form' }).click();
    await choiceQuestion.getByText('Offer at least two options.').waitFor();
    await screenshot(page, 'intake-form-editor-choice-error-tablet');
    await choiceQuestion.getByRole('button', { name: 'Add an option' }).click();
    await choiceQuestion.getByRole('textbox', { name: 'Option 2' }).fill('Weekends');
    await choiceQuestion
      .getByRole('region', { name: `How the client sees: ${choice}` })
      .getByLabel('Weekends')
      .waitFor();

    // Reordered from the keyboard: the move button keeps the focus as the question rises.
    const moveUp = choiceQuestion.getByRole('button', { name: `Move up: ${choice}` });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      `Move up: ${choice}`,
    );
    await section.getByRole('group', { name: `Question ${earlier + 2}: ${choice}` }).waitFor();
    await assertAccessible(page, 'intake-form-editor-tablet');
    await screenshot(page, 'intake-form-editor-tablet');

    await editor.getByRole('button', { name: 'Save the intake form' }).click();
    await page.getByText('The intake form was saved.').waitFor();
    const saved = (await practice.owner.get('/api/v1/intake-form')).body as { form: IntakeForm };
    const last = saved.form.sections.at(-1)!;
    assert.deepEqual(
      last.questions.map((question) => question.label),
      [
        'Is there anything else your therapist should know?',
        choice,
        'How did you hear about us?',
        yesNo,
      ],
    );
    assert.deepEqual(
      last.questions[1]!.options.map((option) => option.label),
      ['Weekdays', 'Weekends'],
    );
    assert.equal(last.questions[3]!.required, true);

    const link = await sendIntakeLink(practice.owner, client.id);
    const { page: phone } = await newPage(browser, server.url, 'phone');
    await phone.goto(link.url);
    await pageHeading(phone).filter({ hasText: 'Hello Marisol' }).waitFor();
    const shown = phone.getByRole('group', { name: 'Anything else' });
    await shown.getByLabel('Weekends').waitFor();
    const text = await shown.innerText();
    const order = [
      'Is there anything else your therapist should know?',
      choice,
      'How did you hear about us?',
      yesNo,
    ].map((label) => text.indexOf(label));
    assert.ok(
      order.every((position) => position >= 0),
      `all questions shown: ${order}`,
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    await screenshot(phone, 'intake-form-edited-public-phone');
  });

  it('offers to load the form someone else saved while the owner was editing', async () => {
    const practice = await createPractice(server);
    const { page, editor } = await ownersEditor(practice.ownerEmail);
    const elsewhere = { ...defaultIntakeForm, title: 'Intake saved from another tablet' };
    const put = await practice.owner.put('/api/v1/intake-form', elsewhere, { ifMatch: '"0"' });
    assert.equal(put.status, 200);

    await editor.getByLabel('Form title').fill('Our intake');
    await editor.getByRole('button', { name: 'Save the intake form' }).click();
    await editor
      .getByText('Someone else saved the intake form while you were editing it.')
      .waitFor();
    await screenshot(page, 'intake-form-editor-stale-tablet');
    await editor.getByRole('button', { name: 'Load the saved form (drops your changes)' }).click();
    assert.equal(
      await editor.getByLabel('Form title').inputValue(),
      'Intake saved from another tablet',
    );
  });

  it('asks before removing a question that fills the record', async () => {
    const practice = await createPractice(server);
    const { page, editor } = await ownersEditor(practice.ownerEmail);
    await editor.getByRole('button', { name: 'Remove: Pronouns' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this question?' });
    await dialog.getByText(/fills the client’s pronouns/).waitFor();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await editor.getByRole('group', { name: /: Pronouns$/ }).waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Save the intake form' }).click();
    await page.getByText('The intake form was saved.').waitFor();
    const saved = (await practice.owner.get('/api/v1/intake-form')).body as { form: IntakeForm };
    assert.equal(
      saved.form.sections[0]!.questions.some((question) => question.binding === 'client.pronouns'),
      false,
    );
  });

  it('does not show the intake form editor to a therapist', async () => {
    const practice = await createPractice(server);
    const therapist = await createStaff(server, practice, 'therapist');
    const page = await tabletTab.open('/settings', { as: therapist.email });
    await pageHeading(page).filter({ hasText: 'Settings' }).waitFor();
    await page.getByRole('heading', { name: 'Practice' }).first().waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Intake form' }).count(), 0);
    assert.equal(await page.getByRole('form', { name: 'Intake form' }).count(), 0);
  });
});
