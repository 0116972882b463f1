import { parse } from 'csv-parse/sync';
import {
  maxClientListColumns,
  maxClientListRows,
  type CsvDelimiter,
  type CsvRow,
} from '../client-list-import.js';
import { Invalid } from '../errors.js';

/**
 * A decoded CSV file as a table: which delimiter it uses (Excel writes semicolons where the
 * decimal mark is a comma, and "Unicode text" exports use tabs), its header and its rows with
 * their line numbers in the file, so every message can name the line a person sees in a text
 * editor. Lines with no value at all are listed apart.
 */
const candidates: CsvDelimiter[] = [',', ';', '\t', '|'];

/** How often each candidate appears outside quotes on a line. */
function countsOutsideQuotes(line: string): Map<CsvDelimiter, number> {
  const counts = new Map<CsvDelimiter, number>(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character as CsvDelimiter)) {
      counts.set(character as CsvDelimiter, counts.get(character as CsvDelimiter)! + 1);
    }
  }
  return counts;
}

/**
 * The delimiter that splits the first lines into the same number of columns most often, and
 * into more columns on a tie. A file of one column reads as comma-separated.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .slice(0, 30);
  let best: { delimiter: CsvDelimiter; agreement: number; columns: number } = {
    delimiter: ',',
    agreement: 0,
    columns: 0,
  };
  const perLine = lines.map(countsOutsideQuotes);
  for (const delimiter of candidates) {
    const counts = perLine.map((counts) => counts.get(delimiter) ?? 0);
    const frequency = new Map<number, number>();
    for (const count of counts)
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [columns, lines] of frequency) {
      const agreement = lines / counts.length;
      if (agreement > best.agreement || (agreement === best.agreement && columns > best.columns)) {
        best = { delimiter, agreement, columns };
      }
    }
  }
  return best.delimiter;
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  emptyLines: number[];
}

export function readTable(text: string, delimiter: CsvDelimiter): CsvTable {
  let lastLine = 0;
  const starts: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        starts.push(lastLine + 1);
        lastLine = context.lines;
        return record;
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const line = lastLine + 1;
    throw new Invalid('The file cannot be read as CSV.', [
      {
        field: `line ${line}`,
        message:
          code === 'CSV_QUOTE_NOT_CLOSED'
            ? `A quoted value starting on line ${line} is never closed: a quote mark is missing.`
            : `The file cannot be read as CSV from line ${line} on (${(error as Error).message}).`,
      },
    ]);
  }
  const table = records.map((record, index) => ({ record, start: starts[index] ?? index + 1 }));
  const header = table.find((row) => row.record.some((cell) => cell.trim()));
  if (!header) {
    throw new Invalid('The file has nothing to import.', [
      { field: 'line 1', message: 'The file is empty: there is no header line.' },
    ]);
  }
  if (header.record.length > maxClientListColumns) {
    throw new Invalid('The file has too many columns.', [
      {
        field: `line ${header.start}`,
        message: `The header has ${header.record.length} columns; at most ${maxClientListColumns} are read. Is the delimiter right?`,
      },
    ]);
  }
  const headers = header.record.map((cell, index) => cell.trim() || `Column ${index + 1}`);
  const rows: CsvRow[] = [];
  const emptyLines: number[] = [];
  for (const row of table.filter((candidate) => candidate.start > header.start)) {
    if (row.record.every((cell) => !cell.trim())) emptyLines.push(row.start);
    else rows.push({ line: row.start, cells: row.record.slice(0, maxClientListColumns) });
  }
  if (rows.length > maxClientListRows) {
    throw new Invalid('The file has too many clients.', [
      {
        field: `line ${rows[maxClientListRows]!.line}`,
        message: `The file lists ${rows.length} clients; at most ${maxClientListRows} are imported at once. Split it into smaller files.`,
      },
    ]);
  }
  return { headers, rows, emptyLines };
}
