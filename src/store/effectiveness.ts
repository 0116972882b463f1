import type { FactorLabels, SessionOutcome } from '../domain/effectiveness.js';
import type { Db } from './database.js';

/**
 * One client's signed sessions as effectiveness reads them: pain from the note's columns,
 * techniques and pressures from `note_techniques`, products from `note_products`, and what the
 * client reported from `session_follow_ups`. Four indexed reads by client and no note JSON, so
 * a client with hundreds of sessions answers in a few milliseconds. Drafts never count.
 */
export async function clientSessionOutcomes(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<SessionOutcome[]> {
  const [notes, techniques, products, followUps] = await Promise.all([
    db
      .selectFrom('notes')
      .innerJoin('sessions', 'sessions.id', 'notes.session_id')
      .select([
        'notes.session_id',
        'notes.pain_before',
        'notes.pain_after',
        'sessions.starts_at',
        'sessions.service_date',
      ])
      .where('notes.client_id', '=', clientId)
      .where('notes.practice_id', '=', practiceId)
      .where('notes.signed_at', 'is not', null)
      .execute(),
    db
      .selectFrom('note_techniques')
      .select(['session_id', 'technique', 'pressure'])
      .where('client_id', '=', clientId)
      .where('practice_id', '=', practiceId)
      .execute(),
    db
      .selectFrom('note_products')
      .select(['session_id', 'product_id'])
      .where('client_id', '=', clientId)
      .where('practice_id', '=', practiceId)
      .execute(),
    // By client alone (ids are unique across practices, and a follow-up is its session's
    // client's): with the practice named too, SQLite may pick the practice-wide index.
    db
      .selectFrom('session_follow_ups')
      .select(['session_id', 'soreness', 'reactions'])
      .where('client_id', '=', clientId)
      .execute(),
  ]);
  const outcomes = new Map<string, Gathering>();
  for (const note of notes) {
    outcomes.set(note.session_id, {
      sessionId: note.session_id,
      startsAt: note.starts_at,
      serviceDate: note.service_date,
      painBefore: note.pain_before,
      painAfter: note.pain_after,
      techniques: [],
      pressures: [],
      products: [],
      followUp: null,
    });
  }
  for (const use of techniques) {
    const outcome = outcomes.get(use.session_id);
    if (!outcome) continue;
    outcome.techniques.push(use.technique);
    outcome.pressures.push(Number(use.pressure));
  }
  for (const use of products) outcomes.get(use.session_id)?.products.push(use.product_id);
  for (const followUp of followUps) {
    const outcome = outcomes.get(followUp.session_id);
    if (!outcome) continue;
    outcome.followUp = {
      soreness: followUp.soreness,
      reactions: JSON.parse(followUp.reactions) as string[],
    };
  }
  return [...outcomes.values()];
}

/** A session's outcome while its rows are being gathered. */
interface Gathering extends SessionOutcome {
  techniques: string[];
  pressures: number[];
  products: string[];
}

/** The practice's names for technique codes and product ids, retired ones included. */
export async function factorLabels(db: Db, practiceId: string): Promise<FactorLabels> {
  return (await factorLabelsWithFingerprint(db, practiceId)).labels;
}

/**
 * The names, and one string that changes whenever any of them does (a technique renamed), so a
 * table computed with the old names is known to be stale.
 */
export async function factorLabelsWithFingerprint(
  db: Db,
  practiceId: string,
): Promise<{ labels: FactorLabels; fingerprint: string }> {
  const [techniques, products] = await Promise.all([
    db
      .selectFrom('techniques')
      .select(['code', 'name'])
      .where('practice_id', '=', practiceId)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('products')
      .select(['id', 'name'])
      .where('practice_id', '=', practiceId)
      .orderBy('id')
      .execute(),
  ]);
  const techniqueNames = new Map(techniques.map((entry) => [entry.code, entry.name]));
  const productNames = new Map(products.map((entry) => [entry.id, entry.name]));
  return {
    labels: {
      technique: (code) => techniqueNames.get(code) ?? code,
      product: (id) => productNames.get(id) ?? 'A product no longer in the catalogue',
    },
    fingerprint: JSON.stringify([techniques, products]),
  };
}

/**
 * What a client's effectiveness is computed from, in a few characters: their signed notes and
 * follow-ups, counted and dated. Signed notes and follow-ups are never changed or removed one by
 * one (the database refuses it), and a signed session cannot be rescheduled, so a new signature
 * or follow-up is the only way the figures move, and it always moves this.
 */
export async function clientOutcomesVersion(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<string> {
  const [notes, followUps] = await Promise.all([
    db
      .selectFrom('notes')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('signed_at').as('last')])
      .where('practice_id', '=', practiceId)
      .where('client_id', '=', clientId)
      .where('signed_at', 'is not', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('session_follow_ups')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('submitted_at').as('last')])
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow(),
  ]);
  return `${Number(notes.count)}|${notes.last ?? ''}|${Number(followUps.count)}|${followUps.last ?? ''}`;
}
