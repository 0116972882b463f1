import { sql, type Expression, type SqlBool } from 'kysely';
import type {
  FollowUpRow,
  ProductUseRow,
  TechniqueUseRow,
  VisitRow,
} from '../domain/effectiveness-totals.js';
import { onCareTeamOf, type ClientScope } from './clients.js';
import type { Db } from './database.js';

/**
 * The rows practice-wide effectiveness sums (domain/effectiveness-totals.ts): each signed
 * visit with its relief and carry-over, each technique, pressure and product use, and each
 * follow-up, for the clients of a cohort. Carry-over needs each visit's next visit, found by a
 * window function over the client's signed notes (both engines have LEAD). Only note columns
 * and per-note rows are read, never note JSON, and each read is one pass over an index.
 */

/** Which clients a table is about: all the reader may see, or those with a similar complaint. */
export interface Cohort {
  scope: ClientScope;
  /** Clients with pain marked at this region in a signed note. */
  region?: string | undefined;
  /** Clients for whom a condition is recorded (found by `clientsWithCondition`). */
  clientIds?: readonly string[] | undefined;
}

/** The condition that keeps a table's `client_id` column within the cohort (true for all). */
function inCohort(db: Db, practiceId: string, cohort: Cohort, column: string): Expression<SqlBool> {
  const conditions: Array<Expression<SqlBool>> = [];
  const clientId = sql.ref(column);
  if (cohort.scope.kind === 'care_team') {
    const reached = db
      .selectFrom('clients')
      .select('clients.id')
      .where('clients.practice_id', '=', practiceId)
      .where(onCareTeamOf(cohort.scope.userId));
    conditions.push(sql<SqlBool>`${clientId} in (${reached})`);
  }
  if (cohort.region !== undefined) {
    const withPain = db
      .selectFrom('note_pain_regions')
      .select('note_pain_regions.client_id')
      .where('note_pain_regions.practice_id', '=', practiceId)
      .where('note_pain_regions.region', '=', cohort.region);
    conditions.push(sql<SqlBool>`${clientId} in (${withPain})`);
  }
  if (cohort.clientIds !== undefined) {
    // An empty list must match nothing, and `in ()` is not valid SQL.
    conditions.push(
      cohort.clientIds.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`${clientId} in (${sql.join([...cohort.clientIds])})`,
    );
  }
  if (conditions.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/**
 * Every signed visit of the cohort, with relief and carry-over to the client's next visit.
 * Columns come named as the domain names them, so 200,000 rows are not copied a second time.
 */
export async function cohortVisits(
  db: Db,
  practiceId: string,
  cohort: Cohort,
): Promise<VisitRow[]> {
  return db
    .selectFrom('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .select([
      'notes.session_id as sessionId',
      'notes.client_id as clientId',
      'notes.author_id as authorId',
      sql<number | null>`notes.pain_before - notes.pain_after`.as('relief'),
      sql<
        number | null
      >`notes.pain_before - lead(notes.pain_before) over (partition by notes.client_id order by sessions.starts_at, sessions.id)`.as(
        'carryOver',
      ),
    ])
    .where('notes.practice_id', '=', practiceId)
    .where('notes.signed_at', 'is not', null)
    .where(inCohort(db, practiceId, cohort, 'notes.client_id'))
    .execute();
}

/**
 * Each technique (with its pressure) and product used in the cohort's signed notes. A draft has
 * no rows here (they are written at signing), so no signed-notes filter is needed.
 */
export async function cohortFactorUses(
  db: Db,
  practiceId: string,
  cohort: Cohort,
): Promise<{ techniques: TechniqueUseRow[]; products: ProductUseRow[] }> {
  const [techniques, products] = await Promise.all([
    db
      .selectFrom('note_techniques')
      .select(['session_id as sessionId', 'technique', 'pressure'])
      .where('practice_id', '=', practiceId)
      .where(inCohort(db, practiceId, cohort, 'note_techniques.client_id'))
      .execute(),
    db
      .selectFrom('note_products')
      .select(['session_id as sessionId', 'product_id as productId'])
      .where('practice_id', '=', practiceId)
      .where(inCohort(db, practiceId, cohort, 'note_products.client_id'))
      .execute(),
  ]);
  return { techniques, products };
}

/** What the cohort's clients reported after their sessions. */
export async function cohortFollowUps(
  db: Db,
  practiceId: string,
  cohort: Cohort,
): Promise<FollowUpRow[]> {
  const rows = await db
    .selectFrom('session_follow_ups')
    .select(['session_id', 'soreness', 'reactions'])
    .where('practice_id', '=', practiceId)
    .where(inCohort(db, practiceId, cohort, 'session_follow_ups.client_id'))
    .execute();
  return rows.map((row) => ({
    sessionId: row.session_id,
    soreness: row.soreness,
    // Reactions are a JSON array of codes: anything but the empty array reports one.
    reacted: row.reactions !== '[]',
  }));
}

/**
 * Clients whose current health history records the condition as active or managed. The text
 * match narrows the versions to read; the parsed history decides.
 */
export async function clientsWithCondition(
  db: Db,
  practiceId: string,
  condition: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('health_history_versions as version')
    .select(['version.client_id', 'version.content'])
    .where('version.practice_id', '=', practiceId)
    .where('version.content', 'like', `%"${condition}"%`)
    .where((eb) =>
      eb(
        'version.number',
        '=',
        eb
          .selectFrom('health_history_versions as later')
          .select((inner) => inner.fn.max('later.number').as('number'))
          .whereRef('later.client_id', '=', 'version.client_id'),
      ),
    )
    .execute();
  return rows
    .filter((row) => {
      const history = JSON.parse(row.content) as {
        conditions?: Array<{ code: string | null; status: string }>;
      };
      return (history.conditions ?? []).some(
        (entry) => entry.code === condition && entry.status !== 'resolved',
      );
    })
    .map((row) => row.client_id);
}
