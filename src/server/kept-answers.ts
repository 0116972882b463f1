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

export class KeptAnswers<T> {
  private readonly byDatabase = new WeakMap<object, Map<string, KeptAnswer<T>>>();

  constructor(private readonly capacity: number) {}

  /** The answer kept under `key` if it was built at `version`, else a new one from `build`. */
  async answer(
    db: Db,
    key: string,
    version: string,
    build: () => Promise<T>,
  ): Promise<KeptAnswer<T>> {
    let kept = this.byDatabase.get(db);
    if (!kept) {
      kept = new Map();
      this.byDatabase.set(db, kept);
    }
    const cached = kept.get(key);
    kept.delete(key);
    if (cached && cached.version === version) {
      kept.set(key, cached);
      return cached;
    }
    const value = await build();
    const entry = { version, value, json: JSON.stringify(value) };
    kept.set(key, entry);
    if (kept.size > this.capacity) kept.delete(kept.keys().next().value!);
    return entry;
  }
}
