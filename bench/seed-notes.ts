/**
 * Bulk loader for sessions and SOAP notes: `PALPATE_BENCH_SESSIONS` sessions spread over the
 * seeded clients, one client of the bench therapist with exactly 500 (the timeline scenario),
 * most with a signed note stored as `signNote` leaves it (signed_at, note_techniques rows, a
 * note_versions row), plus booked sessions for the draft-save scenario and unsigned drafts for
 * the sign scenario. Note content is built with the domain schema, so it is valid, and its
 * search text is derived exactly as the store derives it. Rows are generated and inserted in
 * batches of 500 so 200,000 notes never sit in memory at once; SQLite's FTS table is filled
 * by its insert trigger, PostgreSQL's tsvector is a generated column.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Insertable } from 'kysely';
import { pick } from '../src/cli/demo-names.js';
import { bodyRegions } from '../src/domain/body-regions.js';
import { defaultTechniques } from '../src/domain/catalogue.js';
import { NoteContent, noteSearchText } from '../src/domain/notes.js';
import { foldForSearch } from '../src/domain/text.js';
import { seedCatalogue } from '../src/store/catalogue.js';
import {
  ensureConsentTexts,
  insertConsentSignature,
  listConsentTexts,
} from '../src/store/consents.js';
import type { Db } from '../src/store/database.js';
import type {
  NoteTable,
  NoteTechniqueTable,
  NoteVersionTable,
  SessionTable,
} from '../src/store/schema.js';

const batchSize = 500;
const dayMs = 86_400_000;
export const timelineSessions = 500;

/** Words a therapist writes and later searches for; a few are rare on purpose. */
const complaints = [
  'neck stiffness after long desk days',
  'low back pain when gardening',
  'tension headache behind the eyes',
  'sciatica down the left leg',
  'plantar fasciitis from marathon training',
  'rotator cuff strain from swimming',
  'whiplash follow-up after a car accident',
  'jaw clenching and temporomandibular pain',
  'hamstring tightness from cycling',
  'insomnia and general stress',
  'carpal tunnel symptoms from typing',
  'piriformis syndrome when sitting',
];
const findings = [
  'hypertonic upper trapezius and levator scapulae',
  'trigger points in the quadratus lumborum',
  'adhesions along the iliotibial band',
  'restricted cervical rotation to the right',
  'tender gastrocnemius and soleus',
  'guarding in the rhomboids',
  'forward head posture with rounded shoulders',
  'reduced hip flexion on the left',
];
const responses = [
  'tissue softened well, client relaxed',
  'some soreness expected, pressure tolerated',
  'range of motion improved noticeably',
  'client reported immediate relief',
  'fell asleep halfway through',
];
const homeCare = [
  'doorway pectoral stretch twice daily',
  'heat pack in the evening',
  'chin tucks every hour at the desk',
  'foam roller on the calves',
  'hydrate and walk daily',
];
const rareWords = ['kinesiotape', 'osteopenia', 'fibromyalgia', 'scoliosis', 'bursitis'];

/** `q` values for the note-search scenario: whole words, prefixes, pairs, rare and absent. */
export const noteSearchQueries: string[] = [
  'neck',
  'trapezius',
  'levator scapulae',
  'sciatica',
  'plantar',
  'fasc',
  'rotator cuff',
  'whiplash',
  'headache',
  'piriformis',
  'hamstr',
  'quadratus lumborum',
  'gastrocnemius',
  'foam roller',
  'kinesiotape',
  'osteopenia',
  'fibromyalgia',
  'scoliosis',
  'bursitis',
  'marathon',
  'insomnia',
  'carpal',
  'iliotibial',
  'rhomboids',
  'zzyzx',
  'temporomandibular',
];

const regionCodes = bodyRegions.map((region) => region.code);
const techniqueCodes = defaultTechniques.map((technique) => technique.code);

export function syntheticNote(random: () => number, visit: number): NoteContent {
  const techniques = [];
  const count = 1 + Math.floor(random() * 3);
  for (let index = 0; index < count; index += 1) {
    const regions = new Set<string>();
    const regionCount = 1 + Math.floor(random() * 4);
    while (regions.size < regionCount) regions.add(pick(random, regionCodes));
    techniques.push({
      technique: techniqueCodes[(visit + index * 5) % techniqueCodes.length]!,
      regions: [...regions],
      minutes: 10 + Math.floor(random() * 10),
      pressure: 1 + Math.floor(random() * 5),
    });
  }
  const painBefore = 3 + Math.floor(random() * 6);
  return NoteContent.parse({
    subjective: {
      reasonForVisit: pick(random, complaints),
      symptoms: `${pick(random, complaints)}; worse in the morning`,
      changesSinceLastVisit: random() < 0.05 ? `new: ${pick(random, rareWords)}` : '',
      painBefore,
      stress: Math.floor(random() * 11),
      sleepQuality: null,
    },
    objective: {
      posture: random() < 0.5 ? 'forward head posture' : '',
      palpation: pick(random, findings),
      rangeOfMotion: 'cervical rotation within normal limits',
      bodyChart: techniques[0]!.regions.map((region) => ({
        region,
        kind: 'tension',
        intensity: 1 + Math.floor(random() * 3),
      })),
    },
    treatment: {
      techniques,
      heatCold: random() < 0.3 ? 'heat' : 'none',
      clientResponse: pick(random, responses),
    },
    assessment: {
      responseToTreatment: pick(random, responses),
      painAfter: Math.max(0, painBefore - 1 - Math.floor(random() * 3)),
      tissueChanges: 'less guarding',
    },
    plan: {
      frequency: 'every two weeks',
      homeCare: pick(random, homeCare),
      focusNextTime: pick(random, findings),
    },
  });
}

export interface SeededNoteSession {
  id: string;
  /** The note's version as seeded (0: no note yet). */
  version: number;
}

export interface SeededNotes {
  /** The bench therapist's client with exactly 500 sessions. */
  timelineClientId: string;
  /** Booked sessions of the bench therapist without a note: the draft-save scenario. */
  draftSessions: SeededNoteSession[];
  /** Unsigned drafts written by the bench therapist, one per sign request. */
  signDrafts: SeededNoteSession[];
  counts: { sessions: number; signedNotes: number; drafts: number };
}

interface ClientRef {
  id: string;
  therapistId: string;
}

/**
 * Loads `total` sessions. `benchClients` are the clients the bench therapist treats (primary
 * therapist); the first gets the 500-session timeline, the draft and sign sessions go to them.
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
    draftSessions: [],
    signDrafts: [],
    counts: { sessions: 0, signedNotes: 0, drafts: 0 },
  };
  const catalogueRuntime = { now: () => new Date(start - dayMs), newId: () => uuidv7() };

  await db.transaction().execute(async (trx) => {
    await seedCatalogue(trx, practiceId, catalogueRuntime);
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
    const flush = async () => {
      if (sessions.length > 0) await trx.insertInto('sessions').values(sessions).execute();
      if (notes.length > 0) await trx.insertInto('notes').values(notes).execute();
      for (let at = 0; at < techniques.length; at += batchSize) {
        await trx
          .insertInto('note_techniques')
          .values(techniques.slice(at, at + batchSize))
          .execute();
      }
      if (versions.length > 0) await trx.insertInto('note_versions').values(versions).execute();
      seeded.counts.sessions += sessions.length;
      sessions = [];
      notes = [];
      techniques = [];
      versions = [];
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
      startsMs -= startsMs % (15 * 60_000);
      const therapistId = kind === 'history' ? client.therapistId : benchUserId;
      const startsAt = new Date(startsMs).toISOString();
      const roll = random();
      const status =
        kind === 'draft-save'
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
      if (status === 'signed' || status === 'in_progress') {
        const content = syntheticNote(random, index);
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
  });
  return seeded;
}
