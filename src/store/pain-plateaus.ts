import { sql } from 'kysely';
import { displayName } from '../domain/clients.js';
import type { PainReading } from '../domain/effectiveness-views.js';
import { onCareTeamOf, type ClientScope } from './clients.js';
import type { Db } from './database.js';

export interface RecentPain {
  clientId: string;
  /** Oldest first. */
  readings: PainReading[];
}

/**
 * The last `count` pain-before readings of every active client the reader may see (signed
 * notes with pain before recorded), ranked per client by a window function so the database
 * hands back at most `count` rows a client.
 */
export async function recentPainBefore(
  db: Db,
  practiceId: string,
  scope: ClientScope,
  count: number,
): Promise<RecentPain[]> {
  const ranked = db
    .selectFrom('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .innerJoin('clients', 'clients.id', 'notes.client_id')
    .select([
      'notes.client_id',
      'notes.session_id',
      'notes.pain_before',
      'sessions.service_date',
      sql<number>`row_number() over (partition by notes.client_id order by sessions.starts_at desc, sessions.id desc)`.as(
        'recency',
      ),
    ])
    .where('notes.practice_id', '=', practiceId)
    .where('notes.signed_at', 'is not', null)
    .where('notes.pain_before', 'is not', null)
    .where('clients.status', '=', 'active')
    .where((eb) => (scope.kind === 'care_team' ? onCareTeamOf(scope.userId)(eb) : eb.lit(true)));
  const rows = await db
    .with('ranked', () => ranked)
    .selectFrom('ranked')
    .select(['client_id', 'session_id', 'pain_before', 'service_date', 'recency'])
    .where('recency', '<=', count)
    .execute();
  const clients = new Map<string, PainReading[]>();
  for (const row of rows) {
    let readings = clients.get(row.client_id);
    if (!readings) {
      readings = new Array<PainReading>(count);
      clients.set(row.client_id, readings);
    }
    // Recency 1 is the latest; readings run oldest first.
    readings[count - Number(row.recency)] = {
      sessionId: row.session_id,
      serviceDate: row.service_date,
      painBefore: Number(row.pain_before),
    };
  }
  return [...clients].map(([clientId, readings]) => ({
    clientId,
    readings: readings.filter((reading) => reading !== undefined),
  }));
}

/** Names and primary therapists of a few clients, for a list. */
export async function clientListings(
  db: Db,
  practiceId: string,
  clientIds: readonly string[],
): Promise<Map<string, { clientName: string; primaryTherapistId: string | null }>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'legal_first_name', 'legal_last_name', 'preferred_name', 'primary_therapist_id'])
    .where('practice_id', '=', practiceId)
    .where('id', 'in', [...clientIds])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        clientName: displayName({
          legalFirstName: row.legal_first_name,
          legalLastName: row.legal_last_name,
          preferredName: row.preferred_name,
        }),
        primaryTherapistId: row.primary_therapist_id,
      },
    ]),
  );
}
