import { sessionIdsAt } from '../../src/domain/effectiveness-views.js';
import type { ApiClient, Json } from './http.js';
import { saveDraft, signDraft } from './notes.js';
import { bookSession } from './sessions.js';

/** One visit as a test plans it: pain, what was used, and what the client said afterwards. */
export interface PlannedVisit {
  painBefore: number | null;
  painAfter: number | null;
  techniques?: Array<{ technique: string; pressure: number }>;
  /** Product ids from the practice's catalogue. */
  products?: string[];
  /** Body regions marked as pain on the chart. */
  painRegions?: string[];
  followUp?: { relief?: number | null; soreness?: number | null; reactions?: string[] };
  /** Leave the note as a draft (it must not count). */
  draft?: boolean;
}

/** A note's content for a planned visit: only what effectiveness reads, and valid. */
export function plannedNote(visit: PlannedVisit): Json {
  return {
    subjective: { reasonForVisit: 'Neck and shoulder pain', painBefore: visit.painBefore },
    objective: {
      bodyChart: (visit.painRegions ?? []).map((region) => ({
        region,
        kind: 'pain',
        intensity: 2,
      })),
    },
    treatment: {
      techniques: (visit.techniques ?? [{ technique: 'swedish', pressure: 2 }]).map((use) => ({
        ...use,
        regions: [],
        minutes: 10,
      })),
      products: (visit.products ?? []).map((productId) => ({ productId })),
    },
    assessment: { painAfter: visit.painAfter },
  };
}

/**
 * Books, documents and signs each visit through the API a week apart (the test clock's "now"
 * is 2026-11-27, so visits from January are in the past), then records each follow-up as
 * staff taking it by phone. Returns the session ids in visit order.
 */
export async function recordVisits(
  therapist: ApiClient,
  world: { clientId: string; therapistId: string },
  visits: readonly PlannedVisit[],
  firstVisit = '2026-01-05T15:00:00.000Z',
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, visit] of visits.entries()) {
    const startsAt = new Date(Date.parse(firstVisit) + index * 7 * 86_400_000).toISOString();
    const { session } = await bookSession(therapist, { ...world, startsAt });
    const draft = await saveDraft(therapist, session.id, plannedNote(visit));
    if (!visit.draft) await signDraft(therapist, session.id, draft.etag);
    if (visit.followUp) {
      const response = await therapist.post(`/api/v1/clients/${world.clientId}/follow-ups`, {
        sessionId: session.id,
        relief: null,
        soreness: null,
        reactions: [],
        reactionDetails: visit.followUp.reactions?.length ? 'Reported by phone.' : null,
        ...visit.followUp,
      });
      if (response.status !== 201)
        throw new Error(`follow-up failed: ${response.status} ${response.text}`);
    }
    ids.push(session.id);
  }
  return ids;
}

/** The practice's product ids by name, from the catalogue. */
export async function productIds(caller: ApiClient): Promise<Record<string, string>> {
  const response = await caller.get('/api/v1/catalogue');
  if (response.status !== 200)
    throw new Error(`catalogue failed: ${response.status} ${response.text}`);
  return Object.fromEntries(
    (response.body.products as Array<{ id: string; name: string }>).map((product) => [
      product.name,
      product.id,
    ]),
  );
}

/** A row of an effectiveness table by kind and key. */
export function rowFor(table: Json, kind: string, key: string): Json {
  const row = (table.rows as Json[]).find(
    (candidate) => candidate.kind === kind && candidate.key === key,
  );
  if (!row) throw new Error(`no ${kind} row for ${key} in ${JSON.stringify(table.rows)}`);
  return row;
}

/** A count of sessions as the answer gives it (positions in `sessions`), read back as ids. */
export function sessionsOf(table: Json, figure: Json): { count: number; sessionIds: string[] } {
  return { count: figure.count, sessionIds: sessionIdsAt(table, figure.sessionIndexes) };
}
