import type { Client } from '../domain/clients.js';
import { displayName } from '../domain/clients.js';
import type {
  CatalogueNames,
  ClientRecord,
  OutcomeFacts,
  PainScoreFacts,
  RecordContext,
  SignedNoteFacts,
  StaffFacts,
  TechniqueUseFacts,
} from '../domain/fhir/record.js';
import { effectiveScores } from '../domain/measure-scores.js';
import { NoteContent } from '../domain/notes.js';
import type { Practice } from '../domain/practice.js';
import type { Session } from '../domain/sessions.js';
import { listProducts, listSessionTypes, listTechniques } from './catalogue.js';
import { listConsentSignatures, listConsentTexts } from './consents.js';
import type { Db } from './database.js';
import { listGoals } from './goals.js';
import { currentHealthHistory } from './health-history.js';
import { listMeasures } from './outcome-measures.js';
import { listClientScores, listPsfsActivities } from './outcome-scores.js';
import { sessionFromRow } from './sessions.js';
import { currentTreatmentPlan } from './treatment-plans.js';

/**
 * A client's record as the FHIR mapping reads it (domain/fhir/record.ts): sessions, signed
 * notes with their addenda, the techniques and pain scores analytics keep, the current health
 * history and consents. Reflections are never read here, and drafts never leave: only notes
 * with `signed_at` are selected. Each part is its own query so the FHIR API can serve one
 * resource type without loading the rest.
 */
export async function clientSessions(
  db: Db,
  practiceId: string,
  client: Client,
): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.therapist_id')
    .selectAll('sessions')
    .select('users.display_name as therapist_name')
    .where('sessions.practice_id', '=', practiceId)
    .where('sessions.client_id', '=', client.id)
    .orderBy('sessions.starts_at')
    .orderBy('sessions.id')
    .execute();
  const clientName = displayName(client);
  return rows.map((row) => sessionFromRow(row, clientName));
}

/** Techniques of the client's signed notes, in session order. */
export async function clientTechniqueUses(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<TechniqueUseFacts[]> {
  const rows = await db
    .selectFrom('note_techniques')
    .innerJoin('sessions', 'sessions.id', 'note_techniques.session_id')
    .innerJoin('notes', 'notes.session_id', 'note_techniques.session_id')
    .select([
      'note_techniques.session_id',
      'note_techniques.position',
      'note_techniques.technique',
      'note_techniques.minutes',
      'note_techniques.pressure',
      'note_techniques.regions',
      'sessions.starts_at',
      'notes.author_id',
    ])
    .where('note_techniques.practice_id', '=', practiceId)
    .where('note_techniques.client_id', '=', clientId)
    .orderBy('sessions.starts_at')
    .orderBy('note_techniques.session_id')
    .orderBy('note_techniques.position')
    .execute();
  return rows.map((row) => ({
    sessionId: row.session_id,
    startsAt: row.starts_at,
    performerId: row.author_id,
    position: row.position,
    technique: row.technique,
    minutes: row.minutes,
    pressure: row.pressure,
    regions: JSON.parse(row.regions) as string[],
  }));
}

/** Pain before and after of the client's signed notes, from the columns kept for counting. */
export async function clientPainScores(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<PainScoreFacts[]> {
  const rows = await db
    .selectFrom('notes')
    .innerJoin('sessions', 'sessions.id', 'notes.session_id')
    .select([
      'notes.session_id',
      'notes.author_id',
      'notes.pain_before',
      'notes.pain_after',
      'notes.signed_at',
      'sessions.starts_at',
      'sessions.planned_minutes',
      'sessions.actual_minutes',
    ])
    .where('notes.practice_id', '=', practiceId)
    .where('notes.client_id', '=', clientId)
    .where('notes.signed_at', 'is not', null)
    .where((eb) =>
      eb.or([eb('notes.pain_before', 'is not', null), eb('notes.pain_after', 'is not', null)]),
    )
    .orderBy('sessions.starts_at')
    .orderBy('notes.session_id')
    .execute();
  return rows.map((row) => ({
    sessionId: row.session_id,
    authorId: row.author_id,
    session: {
      startsAt: row.starts_at,
      plannedMinutes: row.planned_minutes,
      actualMinutes: row.actual_minutes,
    },
    painBefore: row.pain_before,
    painAfter: row.pain_after,
    signedAt: row.signed_at!,
  }));
}

/** Signed notes with their addenda (by whom, when, why), in session order. */
export async function clientSignedNotes(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<SignedNoteFacts[]> {
  const [notes, addenda] = await Promise.all([
    db
      .selectFrom('notes')
      .innerJoin('sessions', 'sessions.id', 'notes.session_id')
      .select([
        'notes.session_id',
        'notes.author_id',
        'notes.signed_by',
        'notes.signed_at',
        'notes.content',
      ])
      .where('notes.practice_id', '=', practiceId)
      .where('notes.client_id', '=', clientId)
      .where('notes.signed_at', 'is not', null)
      .orderBy('sessions.starts_at')
      .orderBy('notes.session_id')
      .execute(),
    db
      .selectFrom('addenda')
      .innerJoin('notes', 'notes.session_id', 'addenda.session_id')
      .innerJoin('users', 'users.id', 'addenda.author_id')
      .selectAll('addenda')
      .select('users.display_name')
      .where('addenda.practice_id', '=', practiceId)
      .where('notes.client_id', '=', clientId)
      .orderBy('addenda.created_at')
      .orderBy('addenda.id')
      .execute(),
  ]);
  return notes.map((row) => ({
    sessionId: row.session_id,
    authorId: row.author_id,
    signedBy: row.signed_by ?? row.author_id,
    signedAt: row.signed_at!,
    // Parsed, not cast: a note signed under an older schema reads with today's defaults.
    content: NoteContent.parse(JSON.parse(row.content)),
    addenda: addenda
      .filter((addendum) => addendum.session_id === row.session_id)
      .map((addendum) => ({
        id: addendum.id,
        sessionId: addendum.session_id,
        authorId: addendum.author_id,
        authorName: addendum.display_name,
        reason: addendum.reason,
        text: addendum.text,
        createdAt: addendum.created_at,
      })),
  }));
}

/**
 * Progress: the scores as they stand after corrections, the goals, the current treatment
 * plan, and the measures (every definition version) those name.
 */
export async function clientOutcomes(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<OutcomeFacts> {
  const [measures, activities, scores, goals, plan] = await Promise.all([
    listMeasures(db, practiceId),
    listPsfsActivities(db, practiceId, clientId),
    listClientScores(db, practiceId, clientId),
    listGoals(db, practiceId, clientId),
    currentTreatmentPlan(db, practiceId, clientId),
  ]);
  const effective = effectiveScores(scores);
  const named = new Set([
    ...effective.map((score) => score.measureId),
    ...goals.flatMap((goal) => (goal.target.kind === 'measure' ? [goal.target.measureId] : [])),
    ...(plan.plan?.measures.map((schedule) => schedule.measureId) ?? []),
  ]);
  return {
    measures: measures.filter((measure) => named.has(measure.id)),
    activities,
    scores: effective,
    // Oldest first, like the rest of the record.
    goals: [...goals].reverse(),
    plan:
      plan.plan && plan.recordedAt && plan.recordedBy
        ? {
            number: plan.number,
            plan: plan.plan,
            recordedAt: plan.recordedAt,
            recordedBy: plan.recordedBy,
          }
        : null,
  };
}

/** Everyone on the practice's staff, for the names references carry (a few dozen at most). */
export async function practiceStaff(db: Db, practiceId: string): Promise<StaffFacts[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'status'])
    .where('practice_id', '=', practiceId)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    active: row.status === 'active',
  }));
}

export async function catalogueNames(db: Db, practiceId: string): Promise<CatalogueNames> {
  const [techniques, sessionTypes, products] = await Promise.all([
    listTechniques(db, practiceId),
    listSessionTypes(db, practiceId),
    listProducts(db, practiceId),
  ]);
  return {
    techniques: new Map(techniques.map((entry) => [entry.code, entry.name])),
    sessionTypes: new Map(sessionTypes.map((entry) => [entry.code, entry.name])),
    products: new Map(products.map((product) => [product.id, product.name])),
  };
}

/**
 * What every FHIR resource of the practice's clients needs besides the client: the practice,
 * its staff's names and its catalogue. Read once for a page of several clients.
 */
export async function practiceRecordContext(
  db: Db,
  practice: Practice,
): Promise<Omit<RecordContext, 'client'>> {
  const [staff, names] = await Promise.all([
    practiceStaff(db, practice.id),
    catalogueNames(db, practice.id),
  ]);
  return { practice, staff, names, timeZone: practice.timeZone };
}

export async function recordContext(
  db: Db,
  practice: Practice,
  client: Client,
): Promise<RecordContext> {
  return { ...(await practiceRecordContext(db, practice)), client };
}

/**
 * The whole record for an export or `$everything`. Its staff are the people the record names
 * (the primary therapist, session therapists, authors, signers), not the whole practice.
 */
export async function loadClientRecord(
  db: Db,
  input: { practice: Practice; client: Client; today: string; exportedAt: string },
): Promise<ClientRecord> {
  const { practice, client } = input;
  const [
    context,
    sessions,
    techniqueUses,
    painScores,
    signedNotes,
    history,
    signatures,
    texts,
    outcomes,
  ] = await Promise.all([
    recordContext(db, practice, client),
    clientSessions(db, practice.id, client),
    clientTechniqueUses(db, practice.id, client.id),
    clientPainScores(db, practice.id, client.id),
    clientSignedNotes(db, practice.id, client.id),
    currentHealthHistory(db, practice.id, client.id),
    listConsentSignatures(db, practice.id, client.id),
    listConsentTexts(db, practice.id),
    clientOutcomes(db, practice.id, client.id),
  ]);
  const named = new Set<string>([
    ...(client.primaryTherapistId ? [client.primaryTherapistId] : []),
    ...sessions.map((session) => session.therapistId),
    ...signedNotes.flatMap((note) => [
      note.authorId,
      note.signedBy,
      ...note.addenda.map((addendum) => addendum.authorId),
    ]),
    ...outcomes.scores.flatMap((score) =>
      score.source === 'staff' && score.recordedBy ? [score.recordedBy] : [],
    ),
    ...(outcomes.plan ? [outcomes.plan.recordedBy] : []),
  ]);
  return {
    ...context,
    staff: context.staff.filter((member) => named.has(member.id)),
    sessions,
    techniqueUses,
    painScores,
    signedNotes,
    healthHistory: history
      ? {
          number: history.number,
          history: history.history,
          recordedAt: history.recordedAt,
          recordedBy: history.recordedBy,
        }
      : null,
    consentSignatures: signatures,
    consentTexts: texts,
    outcomes,
    today: input.today,
    exportedAt: input.exportedAt,
  };
}
