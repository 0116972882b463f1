import { clientEffectiveness } from '../domain/effectiveness.js';
import type { ClientEffectiveness } from '../domain/effectiveness-views.js';
import type { Db } from '../store/database.js';
import type { PreparedJson } from './compression.js';
import {
  clientOutcomesVersion,
  clientSessionOutcomes,
  factorLabelsWithFingerprint,
} from '../store/effectiveness.js';

/**
 * What works for a client, computed once per change of what it is computed from. The figures
 * move only when one of the client's notes is signed or a follow-up arrives, yet the chart and
 * every pre-session briefing read them: each read checks two indexed counts and the catalogue's
 * names, and only recomputes (hundreds of sessions, a few milliseconds) when something moved.
 * The cache is per process and always checked against the database, so app instances sharing
 * one PostgreSQL never serve figures another has made stale.
 */

interface Entry extends PreparedJson {
  version: string;
  value: ClientEffectiveness;
}

/** Enough for a busy day's clients; the least recently read go first. */
const capacity = 256;
const cachesByDatabase = new WeakMap<object, Map<string, Entry>>();

export async function cachedClientEffectiveness(
  db: Db,
  practiceId: string,
  clientId: string,
  minimumSessions: number,
): Promise<Entry> {
  let cache = cachesByDatabase.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDatabase.set(db, cache);
  }
  const key = `${practiceId}|${clientId}|${minimumSessions}`;
  const [outcomesVersion, names] = await Promise.all([
    clientOutcomesVersion(db, practiceId, clientId),
    factorLabelsWithFingerprint(db, practiceId),
  ]);
  const version = `${outcomesVersion}|${names.fingerprint}`;
  const cached = cache.get(key);
  if (cached && cached.version === version) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const value = clientEffectiveness(
    clientId,
    await clientSessionOutcomes(db, practiceId, clientId),
    { minimumSessions, labels: names.labels },
  );
  const entry = { version, value, json: JSON.stringify(value) };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > capacity) cache.delete(cache.keys().next().value!);
  return entry;
}
