import { PreconditionRequired, Invalid } from '../domain/errors.js';

/** Strong ETags carry the record's version number: `"7"`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/** Reads the version a writer saw from If-Match; refuses to guess when it is missing. */
export function versionFromIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') throw new PreconditionRequired();
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(value);
  if (!match) {
    throw new Invalid('If-Match must be the ETag you received, e.g. "3".', [
      { field: 'If-Match', message: 'Must be an ETag such as "3".' },
    ]);
  }
  return Number(match[1]);
}
