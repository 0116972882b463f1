import type { CsvDelimiter, CsvEncoding, CsvInspection } from '../client-list-import.js';
import { Invalid } from '../errors.js';
import { guessMapping } from './columns.js';
import { guessDateFormat } from './dates.js';
import { decodeText, detectEncoding, type DetectedEncoding } from './encoding.js';
import { detectDelimiter, readTable } from './table.js';

/**
 * The first step of a client-list import: the file read as a table, with the encoding,
 * delimiter, column mapping and date format Palpate would use, for the person importing to
 * check and change. Nothing is saved.
 */
export function inspectClientList(
  bytes: Uint8Array,
  options: {
    /** Chosen by the person importing, or named by the upload's charset. */
    encoding: CsvEncoding | null;
    delimiter: CsvDelimiter | null;
    timeZone: string;
    today: string;
  },
): CsvInspection {
  if (bytes.length === 0) {
    throw new Invalid('The file is empty.', [{ field: 'file', message: 'The file has no bytes.' }]);
  }
  const detected: DetectedEncoding | null = options.encoding ? null : detectEncoding(bytes);
  const encoding = options.encoding ?? detected!.encoding;
  const text = decodeText(bytes, encoding);
  const warnings: string[] = [];
  if (text.includes('\uFFFD') || text.includes('\u0000')) {
    warnings.push(
      `Some characters do not read as ${encoding}: if names look wrong below, choose another encoding.`,
    );
  }
  if (detected?.confidence === 'guess') {
    warnings.push('The encoding is a guess: check that accented letters look right below.');
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const table = readTable(text.replaceAll('\u0000', ''), delimiter);
  if (table.rows.length === 0) {
    throw new Invalid('The file lists no clients.', [
      { field: 'line 2', message: 'There is a header line but no client below it.' },
    ]);
  }
  const mapping = guessMapping(table.headers);
  const birthColumn = mapping.indexOf('dateOfBirth');
  const dates =
    birthColumn >= 0
      ? table.rows.map((row) => row.cells[birthColumn]?.trim() ?? '').filter(Boolean)
      : [];
  const dateFormat = guessDateFormat(dates, options.timeZone, options.today);
  return {
    encoding,
    encodingConfidence: options.encoding ? 'stated' : detected!.confidence,
    delimiter,
    headers: table.headers,
    rows: table.rows,
    emptyLines: table.emptyLines,
    mapping,
    dateFormat: dateFormat.format,
    dateFormatAmbiguous: dateFormat.ambiguous,
    warnings,
  };
}
