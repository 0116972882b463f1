import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CsvImportRequest } from '../client-list-import.js';
import { guessDateFormat, readBirthDate } from './dates.js';
import { planClientList } from './plan.js';
import { readClientRow, splitFullName } from './rows.js';

const today = '2026-11-30';

describe('reading birth dates in the file’s format', () => {
  it('reads the common ways of writing a date', () => {
    const cases: Array<[string, 'DMY' | 'MDY', string]> = [
      ['1985-04-12', 'DMY', '1985-04-12'],
      ['12/04/1985', 'DMY', '1985-04-12'],
      ['04/12/1985', 'MDY', '1985-04-12'],
      ['12.04.85', 'DMY', '1985-04-12'],
      ['4/12/1985 0:00', 'MDY', '1985-04-12'],
      ['12 Apr 1985', 'MDY', '1985-04-12'],
      ['April 12, 1985', 'DMY', '1985-04-12'],
      ['12 avril 1985', 'DMY', '1985-04-12'],
      ['01/02/09', 'DMY', '2009-02-01'],
    ];
    for (const [text, format, date] of cases) {
      assert.deepEqual(readBirthDate(text, format, today), { date }, text);
    }
  });

  it('says why a date cannot be read', () => {
    assert.deepEqual(readBirthDate('31/02/1990', 'DMY', today), {
      problem: '“31/02/1990” is not a date read as day/month/year.',
    });
    assert.deepEqual(readBirthDate('12/04/1985', 'YMD', today), {
      problem: '“12/04/1985” is not written year first, as the chosen format says.',
    });
    assert.deepEqual(readBirthDate('sometime in May', 'DMY', today), {
      problem: '“sometime in May” is not a date Palpate can read.',
    });
    assert.deepEqual(readBirthDate('2030-01-01', 'DMY', today), {
      problem: 'Date of birth cannot be in the future.',
    });
  });

  it('guesses the format from dates that settle it, and says when none does', () => {
    assert.deepEqual(guessDateFormat(['03/11/1972', '25/04/1968'], 'America/Toronto', today), {
      format: 'DMY',
      ambiguous: false,
    });
    assert.deepEqual(guessDateFormat(['12/31/1979', '04/05/1995'], 'Europe/Paris', today), {
      format: 'MDY',
      ambiguous: false,
    });
    assert.deepEqual(guessDateFormat(['1979-12-31'], 'Europe/Paris', today), {
      format: 'YMD',
      ambiguous: false,
    });
    assert.deepEqual(guessDateFormat(['03/04/1980'], 'America/Chicago', today), {
      format: 'MDY',
      ambiguous: true,
    });
    assert.deepEqual(guessDateFormat(['03/04/1980'], 'Europe/Paris', today), {
      format: 'DMY',
      ambiguous: true,
    });
  });
});

const request: CsvImportRequest = {
  headers: ['Name', 'Born', 'Phone', 'Email', 'Notes'],
  mapping: ['fullName', 'dateOfBirth', 'phone', 'email', 'notes'],
  dateFormat: 'DMY',
  rows: [],
  skipLines: [],
  importDuplicates: [],
};

describe('reading a line as a client', () => {
  it('splits full names at a comma, else before the last word', () => {
    assert.deepEqual(splitFullName('Silva, Ana Maria'), { first: 'Ana Maria', last: 'Silva' });
    assert.deepEqual(splitFullName('Mary Ann Smith'), { first: 'Mary Ann', last: 'Smith' });
    assert.equal(splitFullName('Cher'), null);
  });

  it('reads the mapped cells into a client and its notes', () => {
    const read = readClientRow(
      {
        line: 2,
        cells: ['Silva, Ana', '12/04/1985', '416 555 0100', 'ANA@EXAMPLE.COM', 'Light pressure'],
      },
      request,
      'DMY',
      today,
    );
    assert.equal(read.kind, 'client');
    assert.deepEqual(
      read.kind === 'client' && [
        read.client.legalFirstName,
        read.client.legalLastName,
        read.client.dateOfBirth,
        read.client.email,
        read.notes,
      ],
      ['Ana', 'Silva', '1985-04-12', 'ana@example.com', 'Light pressure'],
    );
  });

  it('names the line and column of every problem', () => {
    const read = readClientRow(
      { line: 7, cells: ['Cher', '31/31/1990', 'call me', 'not-an-email', '', 'surplus'] },
      request,
      'DMY',
      today,
    );
    assert.deepEqual(
      read.kind === 'invalid' &&
        read.issues.map((issue) => [issue.line, issue.column, issue.message]),
      [
        [
          7,
          null,
          'This line has 6 values but the header names 5 columns: a value may hold an unquoted delimiter.',
        ],
        [7, 'Name', '“Cher” is not a first and a last name.'],
        [7, 'Born', '“31/31/1990” is not a date read as day/month/year.'],
        [7, 'Email', 'Must be an email address like name@example.com.'],
        [7, 'Phone', 'May contain digits, spaces and + ( ) . - only.'],
      ],
    );
  });

  it('reads a line whose mapped cells are all blank as empty', () => {
    assert.deepEqual(
      readClientRow({ line: 3, cells: ['', ' ', '', '', ''] }, request, 'DMY', today),
      {
        kind: 'empty',
      },
    );
  });
});

describe('planning a client-list import', () => {
  const rows = [
    { line: 2, cells: ['Ana Silva', '12/04/1985', '416 555 0100', '', ''] },
    { line: 3, cells: ['Bo Lind', '01/01/1970', '', '', ''] },
    { line: 4, cells: ['Ana  Silva', '12/04/1985', '', '', ''] },
    { line: 5, cells: ['Cy Park', 'soon', '', '', ''] },
  ];

  it('holds back duplicates of existing clients and of earlier lines, with the reasons', () => {
    const plan = planClientList(
      { ...request, rows },
      [{ id: 'c1', name: 'Bo Lind', nameBirthKey: 'bo|lind|1970-01-01', phoneDigits: null }],
      today,
    );
    assert.deepEqual(
      plan.rows.map((row) => [row.line, row.outcome, row.duplicates]),
      [
        [2, 'create', []],
        [
          3,
          'duplicate',
          [{ kind: 'client', clientId: 'c1', name: 'Bo Lind', reasons: ['name_and_birth_date'] }],
        ],
        [4, 'duplicate', [{ kind: 'line', line: 2, reasons: ['name_and_birth_date'] }]],
        [5, 'invalid', []],
      ],
    );
    assert.deepEqual(
      plan.clients.map((client) => client.line),
      [2],
    );
  });

  it('imports a duplicate the person chose to keep, and leaves out skipped lines', () => {
    const plan = planClientList(
      { ...request, rows, importDuplicates: [4], skipLines: [5] },
      [],
      today,
    );
    assert.deepEqual(
      plan.rows.map((row) => [row.line, row.outcome]),
      [
        [2, 'create'],
        [3, 'create'],
        [4, 'create'],
        [5, 'skipped'],
      ],
    );
  });
});
