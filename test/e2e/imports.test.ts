import assert from 'node:assert/strict';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible } from '../support/accessibility.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { createClient, createPractice, createStaff } from '../support/factories.js';
import type { Json } from '../support/http.js';
import { fhirImport, ownBundle } from '../support/imports.js';
import { closeContexts, signedInPage } from '../support/pages.js';
import { startWebTestServer, type TestServer } from '../support/server.js';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);

/** Chooses a file in a file input the way a person does: click it, pick in the dialog. */
async function chooseFile(page: Page, label: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

describe('importing clients in the browser', { skip: browserSkipReason() }, () => {
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

  it('imports a client list: upload, adjust a column, fix the line with a problem, hold back a duplicate, import', async () => {
    const practice = await createPractice(server);
    // Amara is already a client: the same name and date of birth as line 4 of the list.
    const { client: amara } = await createClient(practice.owner, {
      legalFirstName: 'Amara',
      legalLastName: 'Diallo',
      dateOfBirth: '1992-12-02',
    });
    const { page } = await signedInPage(browser, server, practice.ownerEmail, { path: '/clients' });
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import clients', level: 1 }).waitFor();
    await chooseFile(page, 'Client list (CSV file)', fixture('csv/clients-for-browser.csv'));

    // The guessed mapping, one column the guess left out mapped by hand, and the preview.
    const whereFrom = page.getByLabel('Field for the column “Where from”');
    await whereFrom.waitFor();
    assert.equal(await page.getByLabel('Field for the column “Born”').inputValue(), 'dateOfBirth');
    assert.equal(await whereFrom.inputValue(), '');
    await whereFrom.selectOption('city');
    const preview = page.getByRole('table', { name: /Preview of the first/ });
    await preview.getByRole('columnheader', { name: 'City' }).waitFor();
    await preview.getByRole('cell', { name: 'Longueuil' }).waitFor();
    await assertAccessible(page, 'import-client-list-columns');

    // The dry run: the problem at its line and column, the duplicate, and no import offered.
    await page.getByRole('button', { name: 'Check the list' }).click();
    const problems = page.getByRole('region', { name: 'Lines with problems' });
    const born = problems.getByLabel('Line 3, Born');
    await born.waitFor();
    await problems.getByText('“31/02/1966” is not a date read as day/month/year.').waitFor();
    const result = page.getByRole('status', { name: 'Result of the check' });
    await result.getByText('1 with problems').waitFor();
    await result.getByText('1 possible duplicate held back').waitFor();
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    await duplicates.getByText(/Line 4 — Amara Diallo/).waitFor();
    await duplicates.getByRole('link', { name: 'Amara Diallo' }).waitFor();
    assert.equal(
      await duplicates.getByRole('checkbox', { name: 'Import line 4 anyway' }).isChecked(),
      false,
    );
    assert.equal(await page.getByRole('button', { name: /^Import \d/ }).count(), 0);
    await assertAccessible(page, 'import-client-list-problems');
    assert.equal(
      (await practice.owner.get('/api/v1/clients')).body.total,
      1,
      'a dry run saves nothing',
    );

    await born.fill('28/02/1966');
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('button', { name: 'Import 2 clients' }).click();
    await page
      .getByText(
        'Imported 2 clients, 1 with notes in their health history. 1 possible duplicate was not imported.',
      )
      .waitFor();
    await assertAccessible(page, 'import-client-list-done');

    const list = await practice.owner.get('/api/v1/clients?q=Nakamura');
    const [kenji] = list.body.clients as Json[];
    const details = await practice.owner.get(`/api/v1/clients/${kenji.id}`);
    assert.deepEqual(
      [details.body.dateOfBirth, details.body.address.city],
      ['1966-02-28', 'Laval'],
    );
    const diallos = await practice.owner.get('/api/v1/clients?q=Diallo');
    assert.deepEqual(
      (diallos.body.clients as Json[]).map((client) => client.id),
      [amara.id],
      'the duplicate was held back',
    );
  });

  it('offers front desk the client list without its notes column', async () => {
    const practice = await createPractice(server);
    const desk = await createStaff(server, practice, 'front_desk');
    const { page } = await signedInPage(browser, server, desk.email, { path: '/clients/import' });
    await chooseFile(page, 'Client list (CSV file)', fixture('csv/clients-for-browser.csv'));
    await page.getByText('The notes column is left out').waitFor();
    assert.equal(await page.getByLabel('Field for the column “Comments”').inputValue(), '');
    assert.equal(await page.getByRole('heading', { name: 'Health records (FHIR R4)' }).count(), 0);
  });

  it('imports a FHIR bundle after showing its dry run', async () => {
    const practice = await createPractice(server);
    const { page } = await signedInPage(browser, server, practice.ownerEmail, {
      path: '/clients/import',
    });
    await chooseFile(page, 'FHIR bundle (JSON file)', fixture('fhir/transaction-urn-uuid.json'));
    await page.getByText('Dry run: nothing is saved yet').waitFor();
    const patients = page.getByRole('table', { name: 'Patients' });
    await patients.getByRole('cell', { name: 'Noémie Tremblay' }).waitFor();
    await patients.getByRole('cell', { name: 'New client' }).waitFor();
    await page
      .getByRole('table', { name: 'Left out' })
      .getByText('A DELETE request: an import adds to records and never deletes.')
      .waitFor();
    await assertAccessible(page, 'import-fhir-dry-run');

    await page.getByRole('button', { name: 'Import this patient' }).click();
    await page
      .getByText(
        '1 client created and 0 matched; 1 health-history entry and 2 records from other providers added.',
      )
      .waitFor();
    await patients.getByRole('link', { name: 'Created' }).click();
    await page.getByRole('heading', { name: 'Noémie Tremblay', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'History from other providers' }).waitFor();
  });

  it('shows other providers’ history read-only on the chart, apart from the practice’s sessions', async () => {
    const practice = await createPractice(server);
    const imported = await fhirImport(practice.owner, ownBundle('clinic-collection'));
    const adaeze = (imported.body.patients as Json[]).find(
      (patient) => patient.name === 'Adaeze Okafor',
    );
    const { page } = await signedInPage(browser, server, practice.ownerEmail, {
      path: `/clients/${adaeze.clientId}`,
    });
    const history = page.getByRole('region', { name: 'History from other providers' });
    await history.getByText('Read-only').waitFor();
    await history
      .getByText(/From https:\/\/records\.lakeside-physio\.example\/fhir, imported/)
      .waitFor();
    await history.getByRole('button', { name: /Physiotherapy assessment/ }).click();
    await history.getByRole('cell', { name: /Lumbar mobilisation/ }).waitFor();
    await history.getByRole('cell', { name: '6', exact: true }).waitFor();
    assert.equal(await history.getByRole('textbox').count(), 0);
    await assertAccessible(page, 'chart-external-history');
    const timeline = await practice.owner.get(`/api/v1/clients/${adaeze.clientId}/timeline`);
    assert.equal(JSON.stringify(timeline.body).includes('Physiotherapy assessment'), false);
  });
});
