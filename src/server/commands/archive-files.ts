import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { foldForSearch } from '../../domain/text.js';
import type { StoredRow } from '../../store/export-rows.js';

/**
 * The files of an export, by path inside the archive: the client's copy, or the whole practice
 * on its way out. Every table goes out twice, as CSV for a spreadsheet and as JSON for a
 * program, so nothing needs Palpate to be read.
 */
export type ArchiveFiles = Record<string, Uint8Array>;

/** A cell as a spreadsheet shows it: empty for null, JSON for structure, text otherwise. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * `<folder>/<table>.csv` and `.json`. The CSV's header lists every column even when there are
 * no rows, so an empty table still says what it would hold.
 */
export function tableFiles(
  folder: string,
  table: string,
  columns: readonly string[],
  rows: readonly StoredRow[],
): ArchiveFiles {
  const shown = columns.length > 0 ? [...columns] : Object.keys(rows[0] ?? {});
  const csv = stringify([shown, ...rows.map((row) => shown.map((column) => cell(row[column])))]);
  return {
    [`${folder}/${table}.csv`]: strToU8(csv),
    [`${folder}/${table}.json`]: strToU8(`${JSON.stringify(rows, null, 2)}\n`),
  };
}

export const textFile = (text: string): Uint8Array => strToU8(text);

/** One zip of every file, stamped with the time it was made (not the server's clock at zip time). */
export function zipArchive(files: ArchiveFiles, madeAt: Date): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([path, content]) => [path, [content, { mtime: madeAt }]]),
    ),
    { level: 6 },
  );
}

/** A file or folder name from a person's name: "Zoë Müller-Łukasiewicz" → "zoe-muller-lukasiewicz". */
export function slug(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
