import { sql, type SelectQueryBuilder } from 'kysely';
import type { Client } from '../domain/clients.js';
import { nameMatches, type BirthDateCondition, type PatientSearch } from '../domain/fhir/search.js';
import { practiceSystem } from '../domain/fhir/systems.js';
import { onCareTeamOf, toClient, type ClientScope } from './clients.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/**
 * Patient search for the FHIR API, within the clients the reader may see. Names are matched
 * the FHIR way (each word begins a part of a name, accents ignored): the folded search text
 * narrows the candidates in SQL, and `nameMatches` decides, so an e-mail address or a phone
 * number never matches a name. Archived clients are found too, as `active: false`.
 */
type ClientQuery = SelectQueryBuilder<Database, 'clients', object>;

function likeContaining(word: string): string {
  return `%${word.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

function withBirthDate(query: ClientQuery, condition: BirthDateCondition): ClientQuery {
  const column = 'date_of_birth';
  switch (condition.kind) {
    case 'within':
      return query.where(column, '>=', condition.from).where(column, '<=', condition.to);
    case 'outside':
      return query.where((eb) =>
        eb.or([eb(column, '<', condition.from), eb(column, '>', condition.to)]),
      );
    case 'compare':
      return query.where(column, condition.operator, condition.value);
  }
}

/** Candidates past this many are not looked at: a name that common needs more words. */
const candidateLimit = 5000;

export async function searchPatients(
  db: Db,
  practiceId: string,
  scope: ClientScope,
  search: PatientSearch,
  page: { count: number; offset: number },
): Promise<{ clients: Client[]; total: number }> {
  let query: ClientQuery = db.selectFrom('clients').where('practice_id', '=', practiceId);
  if (scope.kind === 'care_team') query = query.where(onCareTeamOf(scope.userId));
  if (search.identifier) {
    const { system, value } = search.identifier;
    if (system !== null && system !== practiceSystem(practiceId, 'client')) {
      return { clients: [], total: 0 };
    }
    query = query.where('id', '=', value);
  }
  for (const condition of search.birthDates) query = withBirthDate(query, condition);
  for (const word of search.nameWords) {
    query = query.where(sql<boolean>`search_text like ${likeContaining(word)} escape '\\'`);
  }
  const ordered = query.orderBy('legal_last_name').orderBy('legal_first_name').orderBy('id');
  let ids: string[];
  let total: number;
  if (search.nameWords.length === 0) {
    const [rows, count] = await Promise.all([
      ordered.select('id').limit(page.count).offset(page.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    ]);
    ids = rows.map((row) => row.id);
    total = Number(count.count);
  } else {
    const candidates = await ordered
      .select(['id', 'legal_first_name', 'legal_last_name', 'preferred_name'])
      .limit(candidateLimit)
      .execute();
    const matching = candidates.filter((row) =>
      nameMatches(search.nameWords, [
        row.legal_first_name,
        row.legal_last_name,
        row.preferred_name,
      ]),
    );
    total = matching.length;
    ids = matching.slice(page.offset, page.offset + page.count).map((row) => row.id);
  }
  if (ids.length === 0) return { clients: [], total };
  const rows = await db.selectFrom('clients').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, toClient(row)]));
  return { clients: ids.flatMap((id) => byId.get(id) ?? []), total };
}
