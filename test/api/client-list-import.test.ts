import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createClient, createPractice, createStaff } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { clientListRequest, inspectCsv, ownFixture, sendBody } from '../support/imports.js';
import { startTestServer, type TestServer } from '../support/server.js';

const dryRunPath = '/api/v1/imports/client-list/dry-run';
const importPath = '/api/v1/imports/client-list';

async function inspected(caller: ApiClient, fixture: string, query = ''): Promise<Json> {
  const response = await inspectCsv(caller, ownFixture(`csv/${fixture}`), query);
  assertStatus(response, 200);
  return response.body;
}

async function clientNames(owner: ApiClient): Promise<string[]> {
  const response = await owner.get('/api/v1/clients?limit=100');
  return response.body.clients
    .map((client: Json) => `${client.legalFirstName} ${client.legalLastName}`)
    .sort();
}

const outcomes = (report: Json) =>
  report.rows.map((row: Json) => [row.line, row.outcome, row.name]);

const issues = (report: Json) =>
  report.rows.flatMap((row: Json) =>
    row.issues.map((issue: Json) => [issue.line, issue.column, issue.message]),
  );

for (const { dialect, skip } of dialects) {
  describe(`client-list import on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('reads a Windows-1252 file with semicolons, French headers and day-first dates', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(owner, 'clients-windows-1252-semicolon.csv');
      assert.deepEqual(
        [
          inspection.encoding,
          inspection.delimiter,
          inspection.dateFormat,
          inspection.dateFormatAmbiguous,
        ],
        ['windows-1252', ';', 'DMY', false],
      );
      assert.deepEqual(inspection.headers, [
        'Nom',
        'Prénom',
        'Date de naissance',
        'Téléphone',
        'Courriel',
        'Ville',
        'Remarques',
      ]);
      assert.deepEqual(inspection.mapping, [
        'lastName',
        'firstName',
        'dateOfBirth',
        'phone',
        'email',
        'city',
        'notes',
      ]);
      assert.deepEqual(inspection.emptyLines, [4]);
      assert.deepEqual(inspection.rows[0].cells.slice(0, 2), ['Lefèvre', 'Françoise']);
      assert.equal(inspection.rows[0].cells[6], 'Préfère l’huile d’amande');

      const imported = await owner.post(importPath, clientListRequest(inspection));
      assertStatus(imported, 200);
      assert.deepEqual(outcomes(imported.body), [
        [2, 'create', 'Françoise Lefèvre'],
        [3, 'create', 'Jürgen Müller'],
        [5, 'create', 'Begoña Nuñez'],
        [6, 'create', 'Siobhán Ó Briain'],
      ]);
      assert.deepEqual(await clientNames(owner), [
        'Begoña Nuñez',
        'Françoise Lefèvre',
        'Jürgen Müller',
        'Siobhán Ó Briain',
      ]);
      const francoise = imported.body.rows[0].clientId;
      const client = await owner.get(`/api/v1/clients/${francoise}`);
      assert.deepEqual(
        [client.body.dateOfBirth, client.body.address.city],
        ['1972-11-03', 'Montréal'],
      );
      const history = await owner.get(`/api/v1/clients/${francoise}/health-history`);
      assert.deepEqual(
        [history.body.number, history.body.source, history.body.history.notes],
        [1, 'import', 'Préfère l’huile d’amande'],
      );
    });

    it('reads UTF-16 “Unicode text” from Excel, tab-separated with month-first dates', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(owner, 'clients-utf16le-tab.txt');
      assert.deepEqual(
        [
          inspection.encoding,
          inspection.encodingConfidence,
          inspection.delimiter,
          inspection.dateFormat,
        ],
        ['utf-16le', 'certain', '\t', 'MDY'],
      );
      const imported = await owner.post(importPath, clientListRequest(inspection));
      assertStatus(imported, 200);
      assert.deepEqual(await clientNames(owner), ['Mateus Gonçalves', 'Thảo Nguyễn', 'Zoë Åberg']);
      const zoe = await owner.get(`/api/v1/clients/${imported.body.rows[0].clientId}`);
      assert.deepEqual([zoe.body.dateOfBirth, zoe.body.phone], ['1979-12-31', '+1 604 555 0111']);
    });

    it('reads UTF-8 with a byte-order mark without keeping the mark in the first header', async () => {
      const { owner } = await createPractice(server);
      const response = await inspectCsv(owner, '\uFEFFFirst name,Last name\nZoë,Åberg\n');
      assertStatus(response, 200);
      assert.deepEqual(
        [response.body.encoding, response.body.headers, response.body.mapping],
        ['utf-8', ['First name', 'Last name'], ['firstName', 'lastName']],
      );
      assert.deepEqual(response.body.rows[0].cells, ['Zoë', 'Åberg']);
    });

    it('reads the file in the encoding chosen instead of the one detected, and says when characters do not fit', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(
        owner,
        'clients-windows-1252-semicolon.csv',
        '?encoding=utf-8',
      );
      assert.deepEqual([inspection.encoding, inspection.encodingConfidence], ['utf-8', 'stated']);
      assert.match(inspection.warnings[0], /do not read as utf-8/);
      assert.notEqual(inspection.rows[0].cells[1], 'Françoise');
    });

    it('reports a problem per line and column in a dry run, and skips empty lines', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(owner, 'clients-with-problems.csv');
      assert.deepEqual(inspection.emptyLines, [6]);
      const dryRun = await owner.post(dryRunPath, clientListRequest(inspection));
      assertStatus(dryRun, 200);
      assert.deepEqual(outcomes(dryRun.body), [
        [2, 'create', 'Ana Silva'],
        [4, 'invalid', 'Rahul Mehta'],
        [5, 'invalid', null],
        [7, 'create', 'Tomás Ortega'],
        [8, 'duplicate', 'Tomas Ortega'],
        [9, 'invalid', 'Hannah Becker'],
      ]);
      assert.deepEqual(issues(dryRun.body), [
        [4, 'DOB', '“31/02/1990” is not a date read as day/month/year.'],
        [4, 'Email', 'Must be an email address like name@example.com.'],
        [5, 'Full Name', '“Priya” is not a first and a last name.'],
        [9, 'DOB', '“1999-13-01” is not a day of the calendar.'],
      ]);
      assert.deepEqual(dryRun.body.rows[4].duplicates, [
        { kind: 'line', line: 7, reasons: ['name_and_birth_date'] },
      ]);
      assert.deepEqual(await clientNames(owner), []);
    });

    it('imports nothing while a line has a problem, then all of it once fixed or skipped', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(owner, 'clients-with-problems.csv');
      const refused = await owner.post(importPath, clientListRequest(inspection));
      assertProblem(refused, 422, 'unprocessable');
      assert.deepEqual(
        refused.body.errors.map((error: Json) => error.field),
        ['line 4, DOB', 'line 4, Email', 'line 5, Full Name', 'line 9, DOB'],
      );
      assert.deepEqual(await clientNames(owner), []);

      const fixed = inspection.rows.map((row: Json) =>
        row.line === 4
          ? { ...row, cells: ['Rahul Mehta', '28/02/1990', '416-555-0120', '', ''] }
          : row,
      );
      const imported = await owner.post(
        importPath,
        clientListRequest(inspection, { rows: fixed, skipLines: [5, 9] }),
      );
      assertStatus(imported, 200);
      assert.deepEqual(outcomes(imported.body), [
        [2, 'create', 'Ana Silva'],
        [4, 'create', 'Rahul Mehta'],
        [5, 'skipped', null],
        [7, 'create', 'Tomás Ortega'],
        [8, 'duplicate', 'Tomas Ortega'],
        [9, 'skipped', 'Hannah Becker'],
      ]);
      assert.deepEqual(await clientNames(owner), ['Ana Silva', 'Rahul Mehta', 'Tomás Ortega']);
      const ana = imported.body.rows[0].clientId;
      const notes = await owner.get(`/api/v1/clients/${ana}/health-history`);
      assert.equal(notes.body.history.notes, 'Neck tension, left side\nprefers light pressure');
    });

    it('holds back a client the practice already has, unless told to import them anyway', async () => {
      const { owner } = await createPractice(server);
      const { client } = await createClient(owner, {
        legalFirstName: 'Ana',
        legalLastName: 'Silva',
        dateOfBirth: '1985-04-12',
        phone: '416 555 0100',
      });
      const inspection = await inspected(owner, 'clients-with-problems.csv');
      const request = clientListRequest(inspection, { skipLines: [4, 5, 9] });
      const dryRun = await owner.post(dryRunPath, request);
      assert.deepEqual(dryRun.body.rows[0].duplicates, [
        {
          kind: 'client',
          clientId: client.id,
          name: 'Ana Silva',
          reasons: ['name_and_birth_date', 'phone'],
        },
      ]);
      assert.equal(dryRun.body.rows[0].outcome, 'duplicate');
      const anyway = await owner.post(dryRunPath, { ...request, importDuplicates: [2, 8] });
      assert.deepEqual(
        anyway.body.rows
          .filter((row: Json) => row.outcome === 'create')
          .map((row: Json) => row.line),
        [2, 7, 8],
      );
    });

    it('reads the same dates month first when told so', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(owner, 'clients-with-problems.csv');
      const dryRun = await owner.post(
        dryRunPath,
        clientListRequest(inspection, { dateFormat: 'MDY', skipLines: [5, 9] }),
      );
      assert.deepEqual(
        issues(dryRun.body).filter((issue: Json[]) => issue[1] === 'DOB'),
        [
          [4, 'DOB', '“31/02/1990” is not a date read as month/day/year.'],
          [7, 'DOB', '“23/09/1983” is not a date read as month/day/year.'],
          [8, 'DOB', '“23/09/1983” is not a date read as month/day/year.'],
        ],
      );
    });

    it('refuses a mapping that uses a field twice or names nobody', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(owner, 'clients-with-problems.csv');
      const twice = await owner.post(
        dryRunPath,
        clientListRequest(inspection, {
          mapping: ['fullName', 'dateOfBirth', 'phone', 'phone', null],
        }),
      );
      assertProblem(twice, 400, 'invalid-request');
      assert.deepEqual(twice.body.errors, [
        { field: 'mapping.3', message: '“Phone” is already Phone.' },
      ]);
      const nameless = await owner.post(
        dryRunPath,
        clientListRequest(inspection, { mapping: [null, 'dateOfBirth', 'phone', 'email', null] }),
      );
      assertProblem(nameless, 400, 'invalid-request');
      assert.match(
        nameless.body.errors[0].message,
        /first and last names, or one with the full name/,
      );
    });

    it('lets front desk import contact details, but not a notes column into health histories', async () => {
      const practice = await createPractice(server);
      const desk = await createStaff(server, practice, 'front_desk');
      const inspection = await inspected(desk.client, 'clients-utf16le-tab.txt');
      assertStatus(await desk.client.post(importPath, clientListRequest(inspection)), 200);
      const withNotes = await inspected(desk.client, 'clients-windows-1252-semicolon.csv');
      const refused = await desk.client.post(importPath, clientListRequest(withNotes));
      assertProblem(refused, 403, 'forbidden');
      assert.match(refused.body.detail, /Notes go into health histories/);
      const withoutNotes = withNotes.mapping.map((field: string | null) =>
        field === 'notes' ? null : field,
      );
      assertStatus(
        await desk.client.post(importPath, clientListRequest(withNotes, { mapping: withoutNotes })),
        200,
      );
    });

    it('refuses files it cannot read, saying where', async () => {
      const { owner } = await createPractice(server);
      const unclosed = await inspectCsv(
        owner,
        'Name,Notes\nAna Silva,fine\nBo Lind,"never closed\nCleo Park,ok\n',
      );
      assertProblem(unclosed, 400, 'invalid-request');
      assert.deepEqual(unclosed.body.errors, [
        {
          field: 'line 3',
          message: 'A quoted value starting on line 3 is never closed: a quote mark is missing.',
        },
      ]);
      const empty = await inspectCsv(owner, '');
      assertProblem(empty, 400);
      const headerOnly = await inspectCsv(owner, 'First name,Last name\n\n');
      assertProblem(headerOnly, 400);
      assert.equal(headerOnly.body.errors[0].field, 'line 2');
      const json = await sendBody(
        owner,
        '/api/v1/imports/client-list/inspect',
        '{"a":1}',
        'application/json',
      );
      assertProblem(json, 400);
      assert.equal(json.body.errors[0].field, 'Content-Type');
    });

    it('refuses a 50 MB file with 413, stating the limit', async () => {
      const { owner } = await createPractice(server);
      const response = await inspectCsv(owner, new Uint8Array(50 * 1024 * 1024).fill(0x41));
      assertProblem(response, 413, 'payload-too-large');
      assert.equal(
        response.body.detail,
        'The request body is larger than this endpoint accepts: at most 10 MB.',
      );
    });

    it('audits dry runs and imports with their counts, and each client created, never names', async () => {
      const { owner } = await createPractice(server);
      const inspection = await inspected(owner, 'clients-windows-1252-semicolon.csv');
      await owner.post(dryRunPath, clientListRequest(inspection));
      const imported = await owner.post(importPath, clientListRequest(inspection));
      const [dryRunEvent] = await auditEvents(owner, { action: 'import.clientList.dryRun' });
      const [importEvent] = await auditEvents(owner, { action: 'import.clientList' });
      const counts = { create: 4, duplicate: 0, invalid: 0, skipped: 0, empty: 0, withNotes: 2 };
      assert.deepEqual([dryRunEvent!.detail, importEvent!.detail], [counts, counts]);
      assert.equal(importEvent!.recordId, imported.body.importId);
      const created = await auditEvents(owner, { action: 'client.create' });
      assert.equal(created.length, 4);
      const trail = JSON.stringify(await auditEvents(owner));
      assert.equal(trail.includes('Lefèvre'), false);
      assert.equal(trail.includes('amande'), false);
    });
  });
}
