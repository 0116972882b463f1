import { clientEffectiveness } from '../domain/effectiveness.js';
import type { ClientEffectiveness } from '../domain/effectiveness-views.js';
import type { Db } from '../store/database.js';
import { KeptAnswers, type KeptAnswer } from './kept-answers.js';
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
 * Its own version rather than the record stamp: a draft autosave moves the stamp, not these.
 */

/** Enough for a busy day's clients. */
const kept = new KeptAnswers<ClientEffectiveness>({ entries: 256, jsonSize: 32e6 });

export async function cachedClientEffectiveness(
  db: Db,
  practiceId: string,
  clientId: string,
  minimumSessions: number,
): Promise<KeptAnswer<ClientEffectiveness>> {
  const [outcomesVersion, names] = await Promise.all([
    clientOutcomesVersion(db, practiceId, clientId),
    factorLabelsWithFingerprint(db, practiceId),
  ]);
  return kept.answer(
    db,
    `${practiceId}|${clientId}|${minimumSessions}`,
    `${outcomesVersion}|${names.fingerprint}`,
    async () =>
      clientEffectiveness(clientId, await clientSessionOutcomes(db, practiceId, clientId), {
        minimumSessions,
        labels: names.labels,
      }),
  );
}
