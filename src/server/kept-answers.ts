import type { Db } from '../store/database.js';
import type { PreparedJson } from './compression.js';

/**
 * Answers the server keeps because they are read far more often than what they are built from
 * changes. Each is kept with the version it was built at and served only while a fresh read of
 * that version (cheap, indexed) still matches; the least recently read go first. Kept per
 * process and per database, and always checked against the database, so app instances sharing
 * one PostgreSQL never serve what another has made stale.
 */
export interface KeptAnswer<T> extends PreparedJson {
  version: string;
  value: T;
}

interface KeptPerDatabase<T> {
  answers: Map<string, KeptAnswer<T>>;
  /** The JSON text kept, in UTF-16 code units: a fair measure of each answer's memory. */
  size: number;
}

export class KeptAnswers<T> {
  private readonly byDatabase = new WeakMap<object, KeptPerDatabase<T>>();

  /**
   * At most `entries` answers and about `jsonSize` characters of their JSON (the parsed value
   * and a gzipped copy come on top, a small multiple of it), so long answers (a 200-entry
   * timeline page) cannot grow the process without bound.
   */
  constructor(private readonly limits: { entries: number; jsonSize: number }) {}

  /** The answer kept under `key` if it was built at `version`, else a new one from `build`. */
  async answer(
    db: Db,
    key: string,
    version: string,
    build: () => Promise<T>,
  ): Promise<KeptAnswer<T>> {
    let kept = this.byDatabase.get(db);
    if (!kept) {
      kept = { answers: new Map(), size: 0 };
      this.byDatabase.set(db, kept);
    }
    const cached = kept.answers.get(key);
    if (cached) {
      kept.answers.delete(key);
      if (cached.version === version) {
        kept.answers.set(key, cached);
        return cached;
      }
      kept.size -= cached.json.length;
    }
    const value = await build();
    const entry = { version, value, json: JSON.stringify(value) };
    // A racing read of the same key may have kept one meanwhile: replace it, counted once.
    const raced = kept.answers.get(key);
    if (raced) kept.size -= raced.json.length;
    kept.answers.delete(key);
    kept.answers.set(key, entry);
    kept.size += entry.json.length;
    while (
      kept.answers.size > 1 &&
      (kept.answers.size > this.limits.entries || kept.size > this.limits.jsonSize)
    ) {
      const [oldestKey, oldest] = kept.answers.entries().next().value!;
      kept.answers.delete(oldestKey);
      kept.size -= oldest.json.length;
    }
    return entry;
  }
}
