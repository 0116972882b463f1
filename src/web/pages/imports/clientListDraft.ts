import type {
  ClientListField,
  CsvImportReport,
  CsvImportRequest,
  CsvInspection,
  CsvRow,
  DateFormat,
} from '../../../domain/client-list-import.js';

/**
 * A client list as the person importing is shaping it: the file's rows (with any cell they
 * corrected here), the mapping and date format they chose, the lines they left out and the
 * possible duplicates they decided to import. The server checks it; this only keeps it.
 */
export interface ClientListDraft {
  headers: string[];
  rows: CsvRow[];
  mapping: Array<ClientListField | null>;
  dateFormat: DateFormat;
  skipLines: number[];
  importDuplicates: number[];
}

/** The draft an inspection starts; a notes column the person may not import starts left out. */
export function draftOf(inspection: CsvInspection, mayImportNotes: boolean): ClientListDraft {
  return {
    headers: inspection.headers,
    rows: inspection.rows,
    mapping: inspection.mapping.map((field) =>
      field === 'notes' && !mayImportNotes ? null : field,
    ),
    dateFormat: inspection.dateFormat,
    skipLines: [],
    importDuplicates: [],
  };
}

export function requestOf(draft: ClientListDraft): CsvImportRequest {
  return { ...draft };
}

/** The draft with one cell of one line replaced. */
export function withCell(
  draft: ClientListDraft,
  line: number,
  column: string,
  value: string,
): ClientListDraft {
  const index = draft.headers.indexOf(column);
  if (index < 0) return draft;
  return {
    ...draft,
    rows: draft.rows.map((row) => {
      if (row.line !== line) return row;
      const cells = [...row.cells];
      while (cells.length <= index) cells.push('');
      cells[index] = value;
      return { ...row, cells };
    }),
  };
}

export function cellOf(draft: ClientListDraft, line: number, column: string): string {
  const index = draft.headers.indexOf(column);
  return draft.rows.find((row) => row.line === line)?.cells[index] ?? '';
}

/** Adds or removes a line from one of the draft's lists of lines. */
export function toggled(lines: number[], line: number, on: boolean): number[] {
  const rest = lines.filter((candidate) => candidate !== line);
  return on ? [...rest, line].sort((a, b) => a - b) : rest;
}

/** Whether a report lets the list be imported as it is: no line left with a problem. */
export function readyToImport(report: CsvImportReport): boolean {
  return report.counts.invalid === 0 && report.counts.create > 0;
}
