/**
 * Bulk loader for sessions and SOAP notes: `PALPATE_BENCH_SESSIONS` sessions spread over the
 * seeded clients, one client of the bench therapist with exactly 500 (the timeline scenario;
 * the newest is booked for tomorrow, for the briefing), most with a signed note stored as
 * `signNote` leaves it (signed_at, note_techniques, note_products and note_pain_regions rows,
 * a note_versions row) and about 30% of those with the client's follow-up, plus booked
 * sessions for the draft-save scenario and unsigned drafts for the sign scenario. Note content
 * is built with the domain schema, so it is valid, and its search text is derived exactly as
 * the store derives it. Rows are generated and inserted in batches of 500 so 200,000 notes
 * never sit in memory at once; SQLite's FTS table is filled by its insert trigger,
 * PostgreSQL's tsvector is a generated column.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Insertable } from 'kysely';
import { pick } from '../src/cli/demo-names.js';
import { noteSearchText } from '../src/domain/notes.js';
import { foldForSearch } from '../src/domain/text.js';
import { listProducts, seedCatalogue } from '../src/store/catalogue.js';
import {
  ensureConsentTexts,
  insertConsentSignature,
  listConsentTexts,
} from '../src/store/consents.js';
import type { Db } from '../src/store/database.js';
import type {
  Database,
  NotePainRegionTable,
  NoteProductTable,
  NoteTable,
  NoteTechniqueTable,
  NoteVersionTable,
  SessionFollowUpTable,
  SessionTable,
} from '../src/store/schema.js';
import { clientHabits, syntheticNote, timelineHabits, type ClientHabits } from './note-content.js';
import {
  noteAnalyticsRows,
  seedClientOutcomes,
  syntheticFollowUp,
  type SeededVisit,
} from './seed-outcomes.js';

const batchSize = 500;
const dayMs = 86_400_000;
export const timelineSessions = 500;

export interface SeededNoteSession {
  id: string;
  /** The note's version as seeded (0: no note yet). */
  version: number;
}

export interface SeededNotes {
  /** The bench therapist's client with exactly 500 sessions. */
  timelineClientId: string;
  /** The timeline client's next visit, booked for tomorrow: the briefing scenario. */
  briefingSessionId: string;
  /** Booked sessions of the bench therapist without a note: the draft-save scenario. */
  draftSessions: SeededNoteSession[];
  /** Unsigned drafts written by the bench therapist, one per sign request. */
  signDrafts: SeededNoteSession[];
  counts: { sessions: number; signedNotes: number; drafts: number; followUps: number };
}

interface ClientRef {
  id: string;
  therapistId: string;
}

/** Inserts rows in slices of 500, well under either engine's limit on statement parameters. */
async function insertRows<T extends keyof Database>(
  db: Db,
  table: T,
  rows: Array<Insertable<Database[T]>>,
): Promise<void> {
  for (let at = 0; at < rows.length; at += batchSize) {
    await db
      .insertInto(table)
      .values(rows.slice(at, at + batchSize) as never)
      .execute();
  }
}

/**
 * Loads `total` sessions. `benchClients` are the clients the bench therapist treats (primary
 * therapist); the first gets the 500-session timeline (its newest session booked for
 * tomorrow), the draft and sign sessions go to them.
 */
export async function seedNotes(
  db: Db,
  options: {
    practiceId: string;
    random: () => number;
    clients: ClientRef[];
    benchClients: ClientRef[];
    benchUserId: string;
    total: number;
    draftSessions: number;
    signDrafts: number;
    start: number;
    end: number;
  },
): Promise<SeededNotes> {
  const { practiceId, random, clients, benchClients, benchUserId, start, end } = options;
  const [timelineClient, ...otherBenchClients] = benchClients;
  if (!timelineClient || otherBenchClients.length === 0)
    throw new Error('The bench therapist needs at least two clients.');
  const draftCount = Math.min(options.draftSessions, Math.floor(options.total / 10));
  const signCount = Math.min(options.signDrafts, Math.floor(options.total / 10));
  const timelineCount = Math.min(timelineSessions, options.total - draftCount - signCount);
  const historyCount = options.total - draftCount - signCount;
  const seeded: SeededNotes = {
    timelineClientId: timelineClient.id,
    briefingSessionId: '',
    draftSessions: [],
    signDrafts: [],
    counts: { sessions: 0, signedNotes: 0, drafts: 0, followUps: 0 },
  };
  // Filled once the catalogue's product ids are known, one entry per client on first use.
  const habitsOf = new Map<string, ClientHabits>();
  const timelineVisits: SeededVisit[] = [];
  const catalogueRuntime = { now: () => new Date(start - dayMs), newId: () => uuidv7() };

  await db.transaction().execute(async (trx) => {
    await seedCatalogue(trx, practiceId, catalogueRuntime);
    const products = await listProducts(trx, practiceId);
    const productIds = products.map((product) => product.id);
    // The product the follow-ups report skin reactions after more often.
    const reactiveProductId = products.find((product) => product.kind === 'balm')?.id;
    habitsOf.set(
      timelineClient.id,
      timelineHabits([productIds[0]!, ...(reactiveProductId ? [reactiveProductId] : [])]),
    );
    const habitsFor = (clientId: string) => {
      let habits = habitsOf.get(clientId);
      if (!habits) {
        habits = clientHabits(random, productIds);
        habitsOf.set(clientId, habits);
      }
      return habits;
    };
    // The bench therapist's clients have signed treatment consent, as a practice's clients
    // have: without it signing a note needs a recorded reason (the consent gate).
    const consentAt = new Date(end - 2 * dayMs).toISOString();
    await ensureConsentTexts(trx, practiceId, { now: consentAt, newId: () => uuidv7() });
    const treatment = (await listConsentTexts(trx, practiceId)).find(
      (text) => text.kind === 'treatment',
    );
    if (!treatment) throw new Error('No treatment consent text was seeded.');
    for (const client of benchClients) {
      await insertConsentSignature(trx, {
        id: uuidv7(),
        practiceId,
        clientId: client.id,
        text: treatment,
        input: {
          textId: treatment.id,
          textVersion: treatment.version,
          signerName: 'Bench client',
          signerRole: 'client',
          guardianRelationship: null,
          sharedWith: null,
          signature: { method: 'typed', typedName: 'Bench client' },
        },
        signedAt: consentAt,
        ip: '127.0.0.1',
        userAgent: 'palpate-bench',
        channel: 'tablet',
        recordedBy: benchUserId,
      });
    }
    let sessions: SessionTable[] = [];
    let notes: Array<Insertable<NoteTable>> = [];
    let techniques: NoteTechniqueTable[] = [];
    let versions: NoteVersionTable[] = [];
    let productUses: NoteProductTable[] = [];
    let painRegions: NotePainRegionTable[] = [];
    let followUps: SessionFollowUpTable[] = [];
    const flush = async () => {
      await insertRows(trx, 'sessions', sessions);
      await insertRows(trx, 'notes', notes);
      await insertRows(trx, 'note_techniques', techniques);
      await insertRows(trx, 'note_products', productUses);
      await insertRows(trx, 'note_pain_regions', painRegions);
      await insertRows(trx, 'note_versions', versions);
      await insertRows(trx, 'session_follow_ups', followUps);
      seeded.counts.sessions += sessions.length;
      seeded.counts.followUps += followUps.length;
      sessions = [];
      notes = [];
      techniques = [];
      productUses = [];
      painRegions = [];
      versions = [];
      followUps = [];
    };

    for (let index = 0; index < options.total; index += 1) {
      let client: ClientRef;
      let kind: 'history' | 'draft-save' | 'sign';
      let startsMs: number;
      if (index < historyCount) {
        kind = 'history';
        client = timelineClient;
        // Nothing else lands on the timeline client: it has exactly `timelineCount` sessions.
        if (index >= timelineCount)
          while (client.id === timelineClient.id) client = pick(random, clients);
        // The timeline client's visits are weekly-ish; the rest spread over the history.
        startsMs =
          index < timelineCount
            ? end - (index + 1) * 2 * dayMs
            : start + Math.floor(random() * (end - start));
      } else if (index < historyCount + draftCount) {
        kind = 'draft-save';
        client = otherBenchClients[index % otherBenchClients.length]!;
        startsMs = end - Math.floor(random() * 30) * dayMs;
      } else {
        kind = 'sign';
        client = otherBenchClients[index % otherBenchClients.length]!;
        startsMs = end - Math.floor(random() * 30) * dayMs;
      }
      // The timeline client's newest session is tomorrow's booking: the one the briefing opens.
      const briefing = kind === 'history' && index === 0 && timelineCount > 0;
      if (briefing) startsMs = end + dayMs;
      startsMs -= startsMs % (15 * 60_000);
      const therapistId = kind === 'history' ? client.therapistId : benchUserId;
      const startsAt = new Date(startsMs).toISOString();
      const roll = random();
      const status =
        kind === 'draft-save' || briefing
          ? 'booked'
          : kind === 'sign'
            ? 'in_progress'
            : roll < 0.04
              ? 'cancelled'
              : roll < 0.06
                ? 'no_show'
                : roll < 0.08
                  ? 'in_progress'
                  : 'signed';
      const id = uuidv7({ msecs: startsMs });
      const updatedAt = new Date(startsMs + 3_600_000).toISOString();
      sessions.push({
        id,
        practice_id: practiceId,
        client_id: client.id,
        therapist_id: therapistId,
        starts_at: startsAt,
        service_date: startsAt.slice(0, 10),
        planned_minutes: 60,
        actual_minutes: status === 'signed' ? 60 : null,
        session_type: 'therapeutic',
        location: null,
        status,
        status_reason: null,
        version: 1,
        created_at: new Date(startsMs - 7 * dayMs).toISOString(),
        updated_at: updatedAt,
        created_by: therapistId,
      });
      if (kind === 'draft-save') seeded.draftSessions.push({ id, version: 0 });
      if (briefing) seeded.briefingSessionId = id;
      if (status === 'signed' || status === 'in_progress') {
        const content = syntheticNote(random, index, habitsFor(client.id));
        const json = JSON.stringify(content);
        const signed = status === 'signed';
        notes.push({
          session_id: id,
          practice_id: practiceId,
          client_id: client.id,
          author_id: therapistId,
          content: json,
          pain_before: content.subjective.painBefore,
          pain_after: content.assessment.painAfter,
          search_text: foldForSearch(noteSearchText(content)),
          signed_at: signed ? updatedAt : null,
          signed_by: signed ? therapistId : null,
          version: signed ? 2 : 1,
          created_at: startsAt,
          updated_at: updatedAt,
        });
        if (signed) {
          seeded.counts.signedNotes += 1;
          const visit: SeededVisit = {
            sessionId: id,
            clientId: client.id,
            therapistId,
            startsMs,
            serviceDate: startsAt.slice(0, 10),
          };
          const analytics = noteAnalyticsRows(practiceId, visit, content);
          productUses.push(...analytics.products);
          painRegions.push(...analytics.painRegions);
          const followUp = syntheticFollowUp(
            random,
            practiceId,
            visit,
            content,
            reactiveProductId,
            end,
          );
          if (followUp) followUps.push(followUp);
          if (client.id === timelineClient.id) timelineVisits.push(visit);
          content.treatment.techniques.forEach((use, position) => {
            techniques.push({
              session_id: id,
              position,
              practice_id: practiceId,
              client_id: client.id,
              service_date: startsAt.slice(0, 10),
              technique: use.technique,
              minutes: use.minutes,
              pressure: use.pressure,
              regions: JSON.stringify(use.regions),
            });
          });
          versions.push({
            id: uuidv7({ msecs: startsMs + 3_600_000 }),
            session_id: id,
            number: 1,
            kind: 'signed',
            content: json,
            addendum_id: null,
            created_by: therapistId,
            created_at: updatedAt,
          });
        } else {
          seeded.counts.drafts += 1;
          if (kind === 'sign') seeded.signDrafts.push({ id, version: 1 });
        }
      }
      if (sessions.length === batchSize) await flush();
    }
    await flush();
    await seedClientOutcomes(trx, {
      practiceId,
      clientId: timelineClient.id,
      therapistId: timelineClient.therapistId,
      visits: timelineVisits.sort((a, b) => a.startsMs - b.startsMs),
      now: end,
    });
  });
  return seeded;
}
