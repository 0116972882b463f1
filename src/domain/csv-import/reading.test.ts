import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { Invalid } from '../errors.js';
import { guessMapping } from './columns.js';
import { decodeText, detectEncoding, statedEncoding } from './encoding.js';
import { detectDelimiter, readTable } from './table.js';

const names = 'Prénom,Nom\nFrançoise,Lefèvre\nJürgen,Müller\n';

describe('detecting a CSV file’s encoding', () => {
  it('trusts a byte-order mark', () => {
    assert.deepEqual(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), {
      encoding: 'utf-8',
      confidence: 'certain',
    });
    assert.equal(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00])).encoding, 'utf-16le');
    assert.equal(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41])).encoding, 'utf-16be');
  });

  it('recognises UTF-16 without a mark by its zero bytes', () => {
    assert.equal(detectEncoding(iconv.encode(names, 'utf-16le')).encoding, 'utf-16le');
    assert.equal(detectEncoding(iconv.encode(names, 'utf-16be')).encoding, 'utf-16be');
  });

  it('takes bytes that decode as UTF-8 for UTF-8, and others for Windows-1252', () => {
    assert.deepEqual(detectEncoding(Buffer.from(names, 'utf8')), {
      encoding: 'utf-8',
      confidence: 'certain',
    });
    const latin = iconv.encode(names, 'windows-1252');
    assert.equal(detectEncoding(latin).encoding, 'windows-1252');
    assert.equal(decodeText(latin, 'windows-1252'), names);
  });

  it('drops the byte-order mark when decoding', () => {
    assert.equal(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'utf-8'), 'A');
  });

  it('reads a charset stated with the upload, when Palpate knows it', () => {
    assert.equal(statedEncoding('text/csv; charset=ISO-8859-1'), 'windows-1252');
    assert.equal(statedEncoding('text/csv;charset="utf-8"'), 'utf-8');
    assert.equal(statedEncoding('text/csv; charset=klingon'), null);
    assert.equal(statedEncoding('text/csv'), null);
  });
});

describe('reading a CSV table', () => {
  it('finds the delimiter that splits lines alike, ignoring quoted ones', () => {
    assert.equal(detectDelimiter('a,b,c\n1,2,3\n'), ',');
    assert.equal(detectDelimiter('Nom;Ville\n"Lefèvre, F.";Montréal\n"Ng, A.";Laval\n'), ';');
    assert.equal(detectDelimiter('a\tb\n1\t2\n'), '\t');
    assert.equal(detectDelimiter('Name\nAna\n'), ',');
  });

  it('numbers rows by the line they start on, across quoted line breaks, and lists empty lines', () => {
    const table = readTable('Name,Notes\r\nAna,"two\nlines"\r\n\r\n,\r\nBo,ok\r\n', ',');
    assert.deepEqual(table.headers, ['Name', 'Notes']);
    assert.deepEqual(
      table.rows.map((row) => [row.line, row.cells[0]]),
      [
        [2, 'Ana'],
        [6, 'Bo'],
      ],
    );
    assert.deepEqual(table.emptyLines, [4, 5]);
  });

  it('names blank headers by their position', () => {
    assert.deepEqual(readTable('Name,,Phone\nAna,x,1\n', ',').headers, [
      'Name',
      'Column 2',
      'Phone',
    ]);
  });

  it('says on which line a quote is left open', () => {
    assert.throws(
      () => readTable('Name,Notes\nAna,fine\nBo,"open\nCy,ok\n', ','),
      (error: unknown) =>
        error instanceof Invalid &&
        error.issues[0]?.field === 'line 3' &&
        /never closed/.test(error.issues[0].message),
    );
  });
});

describe('guessing the column mapping from headers', () => {
  it('reads English, French and camel-case headers', () => {
    assert.deepEqual(
      guessMapping(['FirstName', 'last_name', 'DOB', 'E-mail', 'Zip Code', 'Comments']),
      ['firstName', 'lastName', 'dateOfBirth', 'email', 'postalCode', 'notes'],
    );
    assert.deepEqual(
      guessMapping(['Prénom', 'Nom', 'Date de naissance', 'Téléphone', 'Courriel', 'Ville']),
      ['firstName', 'lastName', 'dateOfBirth', 'phone', 'email', 'city'],
    );
  });

  it('gives each field to one column, the mobile number winning the phone', () => {
    assert.deepEqual(guessMapping(['Name', 'Home phone', 'Mobile', 'Notes', 'Remarks']), [
      'fullName',
      null,
      'phone',
      'notes',
      'notes',
    ]);
  });

  it('tells emergency contacts from the client’s own details', () => {
    assert.deepEqual(
      guessMapping([
        'Client',
        'Phone',
        'Emergency contact',
        'Emergency phone',
        'Emergency relationship',
      ]),
      [
        'fullName',
        'phone',
        'emergencyContactName',
        'emergencyContactPhone',
        'emergencyContactRelationship',
      ],
    );
  });

  it('leaves out a column nothing matches', () => {
    assert.deepEqual(guessMapping(['First name', 'Last name', 'Where from']), [
      'firstName',
      'lastName',
      null,
    ]);
  });
});
