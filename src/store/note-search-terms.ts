import type { Db } from './database.js';

/**
 * SQLite: FTS5 answers a prefix query ("trap"*) by reading and merging the whole doclist of
 * every term with that prefix before it hands back the first row, so the newest-first walk
 * cannot stop once a page is full: about 30 ns for each note holding such a term, 1 ms for a
 * common word at 200,000 notes, most of a search. A whole term is read lazily from the newest
 * note and stops with the page, but each term costs about 30 µs to open. So the index's terms
 * are kept in `notes_fts_terms` with how many notes hold each, and a searched word becomes the
 * terms it begins, joined with OR, whenever that opens fewer terms than it saves notes read.
 * (A prefix index (`prefix='2 3 4'`) would serve only words of exactly those lengths, for
 * nearly four times the index.)
 */

/** Beyond this many terms the OR costs more than most prefix queries. */
const mostTermsOpened = 64;
/** Notes a prefix query reads in the time one more term of the OR takes to open. */
const notesPerTermOpened = 1_000;

/**
 * Statements that carry a chunk of queued notes' term changes into `notes_fts_terms`, run in
 * the indexing transaction before the index forgets the chunk's old text. `chunk` selects the
 * queued notes' rowids. A scratch FTS5 table with the index's own tokenizer splits the old
 * (indexed) and new (saved) text, so the terms counted are exactly the terms the index holds;
 * it lives in the connection's in-memory temp schema, as a table in the database file would
 * add page writes to every chunk and made indexing nearly twice as slow.
 */
export function termChangesOf(chunk: string): string[] {
  return [
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.notes_fts_words USING fts5(indexed, saved,
       content='', tokenize='unicode61 remove_diacritics 2')`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.notes_fts_word_counts
       USING fts5vocab(temp, notes_fts_words, col)`,
    `INSERT INTO temp.notes_fts_words(rowid, indexed, saved)
       SELECT queued.note_rowid, coalesce(notes_fts.search_text, ''), coalesce(notes.search_text, '')
       FROM (${chunk}) AS queued
       LEFT JOIN notes_fts ON notes_fts.rowid = queued.note_rowid
       LEFT JOIN notes ON notes.rowid = queued.note_rowid`,
    `INSERT INTO notes_fts_terms(term, notes)
       SELECT term, sum(iif(col = 'saved', doc, -doc)) AS change
       FROM temp.notes_fts_word_counts WHERE true GROUP BY term HAVING change <> 0
       ON CONFLICT(term) DO UPDATE SET notes = notes + excluded.notes`,
    `DELETE FROM notes_fts_terms WHERE notes <= 0 AND term IN
       (SELECT term FROM temp.notes_fts_word_counts WHERE col = 'indexed')`,
    `INSERT INTO temp.notes_fts_words(notes_fts_words) VALUES ('delete-all')`,
  ];
}

/** Plain letters and digits: the tokenizer keeps them as they are, one term a word. */
const plainWord = /^[a-z0-9]+$/;

/**
 * The FTS5 MATCH expression for folded search words, every word required; null when some word
 * begins no term of the index, so nothing can match. Queued notes must be indexed first.
 */
export async function noteSearchMatch(db: Db, words: string[]): Promise<string | null> {
  const parts: string[] = [];
  for (const word of words) {
    const part = await wordMatch(db, word);
    if (part === null) return null;
    parts.push(part);
  }
  return parts.join(' AND ');
}

async function wordMatch(db: Db, word: string): Promise<string | null> {
  // Quoted, so no FTS5 syntax from the user reaches MATCH.
  const prefix = `"${word}"*`;
  // Other letters may be folded or split by the tokenizer otherwise than by foldForSearch.
  if (!plainWord.test(word)) return prefix;
  const terms = await db
    .selectFrom('notes_fts_terms')
    .select(['term', 'notes'])
    .where('term', '>=', word)
    // Every term that begins with the word sorts before it followed by the last code point.
    .where('term', '<', `${word}\u{10FFFF}`)
    .orderBy('term')
    .limit(mostTermsOpened + 1)
    .execute();
  if (terms.length === 0) return null;
  const notesRead = terms.reduce((sum, term) => sum + term.notes, 0);
  const cheaper = terms.length <= mostTermsOpened && notesRead >= terms.length * notesPerTermOpened;
  if (!cheaper || !terms.every((term) => plainWord.test(term.term))) return prefix;
  return `(${terms.map((term) => `"${term.term}"`).join(' OR ')})`;
}
