import { sql, type ExpressionBuilder } from 'kysely';
import type {
  Client,
  ClientInput,
  ClientListQuery,
  ClientStatus,
  ClientSummary,
} from '../domain/clients.js';
import { clientSearchText, nameAndBirthKey, searchTerms } from '../domain/clients.js';
import { phoneMatchKey } from '../domain/text.js';
import type { Db } from './database.js';
import type { ClientTable, Database } from './schema.js';
import { updateVersioned } from './versioned.js';

/**
 * Which clients a reader may see, decided by the policy module and applied here as a filter:
 * the store applies scopes, it does not choose them.
 */
export type ClientScope = { kind: 'practice' } | { kind: 'care_team'; userId: string };

export function toClient(row: ClientTable): Client {
  return {
    id: row.id,
    legalFirstName: row.legal_first_name,
    legalLastName: row.legal_last_name,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    email: row.email,
    phone: row.phone,
    address: JSON.parse(row.address) as Client['address'],
    emergencyContact: JSON.parse(row.emergency_contact) as Client['emergencyContact'],
    primaryTherapistId: row.primary_therapist_id,
    referralSource: row.referral_source,
    communicationPreferences: JSON.parse(
      row.communication_preferences,
    ) as Client['communicationPreferences'],
    status: row.status as ClientStatus,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const summaryColumns = [
  'id',
  'legal_first_name',
  'legal_last_name',
  'preferred_name',
  'date_of_birth',
  'email',
  'phone',
  'primary_therapist_id',
  'status',
] as const;

type SummaryRow = Pick<ClientTable, (typeof summaryColumns)[number]>;

function toSummary(row: SummaryRow): ClientSummary {
  return {
    id: row.id,
    legalFirstName: row.legal_first_name,
    legalLastName: row.legal_last_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    email: row.email,
    phone: row.phone,
    primaryTherapistId: row.primary_therapist_id,
    status: row.status as ClientStatus,
  };
}

/** The columns a client's input is stored as, search and duplicate keys included. */
export function clientInputColumns(input: ClientInput) {
  return {
    legal_first_name: input.legalFirstName,
    legal_last_name: input.legalLastName,
    preferred_name: input.preferredName,
    pronouns: input.pronouns,
    date_of_birth: input.dateOfBirth,
    email: input.email,
    phone: input.phone,
    phone_digits: phoneMatchKey(input.phone) || null,
    address: JSON.stringify(input.address),
    emergency_contact: JSON.stringify(input.emergencyContact),
    primary_therapist_id: input.primaryTherapistId,
    referral_source: input.referralSource,
    communication_preferences: JSON.stringify(input.communicationPreferences),
    search_text: clientSearchText(input),
    name_birth_key: nameAndBirthKey(input),
  };
}

export async function insertClient(
  db: Db,
  client: {
    id: string;
    practiceId: string;
    input: ClientInput;
    userId: string | null;
    now: string;
  },
): Promise<Client> {
  const row: ClientTable = {
    id: client.id,
    practice_id: client.practiceId,
    ...clientInputColumns(client.input),
    status: 'active',
    archived_at: null,
    version: 1,
    created_at: client.now,
    updated_at: client.now,
    created_by: client.userId,
    updated_by: client.userId,
  };
  await db.insertInto('clients').values(row).execute();
  return toClient(row);
}

/**
 * The care-team scope as a filter on any query that joins `clients`: the user is the client's
 * primary therapist or on their care team. Lists, sessions and note search all use this one.
 */
export function onCareTeamOf(userId: string) {
  return (eb: ExpressionBuilder<Database, 'clients'>) =>
    eb.or([
      eb('clients.primary_therapist_id', '=', userId),
      eb.exists(
        eb
          .selectFrom('care_team')
          .select('care_team.user_id')
          .whereRef('care_team.client_id', '=', 'clients.id')
          .where('care_team.user_id', '=', userId),
      ),
    ]);
}

export async function findClient(
  db: Db,
  practiceId: string,
  id: string,
): Promise<Client | undefined> {
  const row = await db
    .selectFrom('clients')
    .selectAll()
    .where('id', '=', id)
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return row ? toClient(row) : undefined;
}

/** True when the user is the client's primary therapist or on the care team. */
export async function isOnCareTeam(db: Db, clientId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('clients')
    .select('id')
    .where('id', '=', clientId)
    .where(onCareTeamOf(userId))
    .executeTakeFirst();
  return row !== undefined;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

export async function listClients(
  db: Db,
  practiceId: string,
  scope: ClientScope,
  query: ClientListQuery,
): Promise<{ clients: ClientSummary[]; total: number }> {
  let base = db.selectFrom('clients').where('practice_id', '=', practiceId);
  if (scope.kind === 'care_team') base = base.where(onCareTeamOf(scope.userId));
  if (query.status !== 'all') base = base.where('status', '=', query.status);
  for (const term of searchTerms(query.q ?? '')) {
    base = base.where(sql<boolean>`search_text like ${likePattern(term)} escape '\\'`);
  }
  const [rows, count] = await Promise.all([
    base
      .select(summaryColumns)
      .orderBy('legal_last_name')
      .orderBy('legal_first_name')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { clients: rows.map(toSummary), total: Number(count.count) };
}

/**
 * Clients who may be the same person: same folded name and birth date, or same phone digits,
 * among those the reader's scope lets them see (a warning must not reveal a hidden client).
 */
export async function findPossibleDuplicates(
  db: Db,
  practiceId: string,
  candidate: Pick<ClientInput, 'legalFirstName' | 'legalLastName' | 'dateOfBirth' | 'phone'>,
  excludeId?: string,
  scope: ClientScope = { kind: 'practice' },
): Promise<Array<ClientSummary & { phoneDigits: string | null; nameBirthKey: string | null }>> {
  const key = nameAndBirthKey(candidate);
  const digits = phoneMatchKey(candidate.phone);
  if (key === null && digits.length < 7) return [];
  let query = db
    .selectFrom('clients')
    .select([...summaryColumns, 'phone_digits', 'name_birth_key'])
    .where('practice_id', '=', practiceId)
    .where((eb) => {
      const matches = [];
      if (key !== null) matches.push(eb('name_birth_key', '=', key));
      if (digits.length >= 7) matches.push(eb('phone_digits', '=', digits));
      return eb.or(matches);
    });
  if (scope.kind === 'care_team') query = query.where(onCareTeamOf(scope.userId));
  if (excludeId) query = query.where('id', '!=', excludeId);
  const rows = await query.limit(20).execute();
  return rows.map((row) => ({
    ...toSummary(row),
    phoneDigits: row.phone_digits,
    nameBirthKey: row.name_birth_key,
  }));
}

export async function updateClient(
  db: Db,
  practiceId: string,
  id: string,
  expectedVersion: number,
  input: ClientInput,
  userId: string | null,
  now: string,
): Promise<Client> {
  return updateVersioned(db, {
    table: 'clients',
    recordType: 'client',
    id,
    practiceId,
    expectedVersion,
    values: { ...clientInputColumns(input), updated_at: now, updated_by: userId },
    load: (current) => findClient(current, practiceId, id),
  });
}

export async function setClientStatus(
  db: Db,
  practiceId: string,
  id: string,
  expectedVersion: number,
  status: ClientStatus,
  userId: string | null,
  now: string,
): Promise<Client> {
  return updateVersioned(db, {
    table: 'clients',
    recordType: 'client',
    id,
    practiceId,
    expectedVersion,
    values: {
      status,
      archived_at: status === 'archived' ? now : null,
      updated_at: now,
      updated_by: userId,
    },
    load: (current) => findClient(current, practiceId, id),
  });
}
