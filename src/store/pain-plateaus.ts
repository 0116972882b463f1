import { sql } from 'kysely';
import { displayName } from '../domain/clients.js';
import type { PainReading } from '../domain/effectiveness-views.js';
import { onCareTeamOf, type ClientScope } from './clients.js';
import type { Db } from './database.js';

export interface RecentPain {
  clientId: string;
  clientName: string;
  primaryTherapistId: string | null;
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
      'sessions.starts_at',
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
    .innerJoin('clients', 'clients.id', 'ranked.client_id')
    .select([
      'ranked.client_id',
      'ranked.session_id',
      'ranked.pain_before',
      'ranked.service_date',
      'ranked.recency',
      'clients.legal_first_name',
      'clients.legal_last_name',
      'clients.preferred_name',
      'clients.primary_therapist_id',
    ])
    .where('ranked.recency', '<=', count)
    .orderBy('ranked.client_id')
    .orderBy('ranked.recency', 'desc')
    .execute();
  const clients = new Map<string, RecentPain>();
  for (const row of rows) {
    let client = clients.get(row.client_id);
    if (!client) {
      client = {
        clientId: row.client_id,
        clientName: displayName({
          legalFirstName: row.legal_first_name,
          legalLastName: row.legal_last_name,
          preferredName: row.preferred_name,
        }),
        primaryTherapistId: row.primary_therapist_id,
        readings: [],
      };
      clients.set(row.client_id, client);
    }
    client.readings.push({
      sessionId: row.session_id,
      serviceDate: row.service_date,
      painBefore: Number(row.pain_before),
    });
  }
  return [...clients.values()];
}
