/**
 * What the effectiveness tables and the briefing read beyond the note itself, for the bench
 * practice: the per-note analytics rows `signNote` writes (`note_products`, `note_pain_regions`),
 * follow-ups for about 30% of signed sessions, and for the 500-session timeline client the
 * records a client in active care has (health history, PSFS activities with scores, goals and a
 * treatment plan), written with the store's own functions. Follow-ups and analytics rows are
 * built here and inserted in bulk by `seed-notes.ts`, beside the notes they belong to.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Reaction } from '../src/domain/follow-ups.js';
import { highSoreness } from '../src/domain/follow-ups.js';
import { psfsMeasureId } from '../src/domain/outcome-measures.js';
import type { NoteContent } from '../src/domain/notes.js';
import type { Db } from '../src/store/database.js';
import { insertGoal } from '../src/store/goals.js';
import { saveHealthHistory } from '../src/store/health-history.js';
import { insertPsfsActivity, insertScores, type NewScore } from '../src/store/outcome-scores.js';
import type {
  NotePainRegionTable,
  NoteProductTable,
  SessionFollowUpTable,
} from '../src/store/schema.js';
import { saveTreatmentPlan } from '../src/store/treatment-plans.js';

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** The share of signed sessions the client answers a follow-up for. */
const followUpShare = 0.3;

export interface SeededVisit {
  sessionId: string;
  clientId: string;
  therapistId: string;
  startsMs: number;
  serviceDate: string;
}

/**
 * The rows a signed note adds to `note_products` and `note_pain_regions`: the same rule as
 * `insertAnalyticsRows` in store/notes.ts (products in order, each pain region once).
 */
export function noteAnalyticsRows(
  practiceId: string,
  visit: SeededVisit,
  content: NoteContent,
): { products: NoteProductTable[]; painRegions: NotePainRegionTable[] } {
  const common = {
    session_id: visit.sessionId,
    practice_id: practiceId,
    client_id: visit.clientId,
    service_date: visit.serviceDate,
  };
  const regions = new Set(
    content.objective.bodyChart.filter((mark) => mark.kind === 'pain').map((mark) => mark.region),
  );
  return {
    products: content.treatment.products.map((use, position) => ({
      ...common,
      position,
      product_id: use.productId,
    })),
    painRegions: [...regions].map((region) => ({ ...common, region })),
  };
}

const otherReactions: Reaction[] = ['bruising', 'headache', 'flare_up', 'other'];
const reactionDetails: Record<Reaction, string> = {
  bruising: 'A small bruise on the back of the thigh, faded in a few days.',
  headache: 'Mild headache that evening, gone after sleep.',
  flare_up: 'The old ache came back the next morning for a day.',
  skin_reaction: 'Itchy red patches where the balm went on, gone in two days.',
  other: 'Felt light-headed getting up from the table.',
};

/**
 * A follow-up for about 30% of signed sessions, a day or so after the visit: relief that
 * tracks the note's own relief, soreness that rises with pressure, and occasional reactions —
 * more often after `reactiveProductId` (the sports balm), so the tables have a product with a
 * reaction pattern to report. Flags older than three days were acknowledged by the therapist.
 */
export function syntheticFollowUp(
  random: () => number,
  practiceId: string,
  visit: SeededVisit,
  content: NoteContent,
  reactiveProductId: string | undefined,
  now: number,
): SessionFollowUpTable | null {
  if (random() >= followUpShare) return null;
  const submittedMs = visit.startsMs + (18 + Math.floor(random() * 30)) * hourMs;
  if (submittedMs >= now) return null;
  const before = content.subjective.painBefore;
  const after = content.assessment.painAfter;
  const noteRelief = before !== null && after !== null ? before - after : 2;
  const firmest = Math.max(1, ...content.treatment.techniques.map((use) => use.pressure));
  const usedReactive = content.treatment.products.some(
    (use) => use.productId === reactiveProductId,
  );
  const reactions: Reaction[] = [];
  if (usedReactive && random() < 0.25) reactions.push('skin_reaction');
  if (random() < (firmest >= 5 ? 0.08 : 0.03)) {
    reactions.push(otherReactions[Math.floor(random() * otherReactions.length)]!);
  }
  const soreness = Math.min(
    10,
    Math.floor(random() * 3) + (firmest >= 4 ? 3 + Math.floor(random() * 5) : 0),
  );
  const relief = Math.max(0, Math.min(10, 2 + noteRelief + Math.floor(random() * 4) - 1));
  const flagged = reactions.length > 0 || soreness >= highSoreness;
  const acknowledged = flagged && submittedMs < now - 3 * dayMs;
  const byStaff = random() < 0.15;
  return {
    id: uuidv7({ msecs: submittedMs }),
    practice_id: practiceId,
    client_id: visit.clientId,
    session_id: visit.sessionId,
    relief,
    soreness,
    reactions: JSON.stringify(reactions),
    reaction_details:
      reactions.length > 0 ? reactions.map((code) => reactionDetails[code]).join(' ') : null,
    source: byStaff ? 'staff' : 'client_link',
    link_id: null,
    submitted_at: new Date(submittedMs).toISOString(),
    recorded_by: byStaff ? visit.therapistId : null,
    acknowledged_at: acknowledged ? new Date(submittedMs + 4 * hourMs).toISOString() : null,
    acknowledged_by: acknowledged ? visit.therapistId : null,
  };
}

/**
 * The timeline client's records of active care, as the app writes them: a health history
 * taken at intake and updated yesterday (so the briefing has a change since the last visit),
 * two PSFS activities scored every fifth visit (one improving, one flat), a goal on each of
 * the PSFS activity and pain after treatment, and a treatment plan that schedules the PSFS.
 */
export async function seedClientOutcomes(
  db: Db,
  input: {
    practiceId: string;
    clientId: string;
    therapistId: string;
    /** The client's signed visits, oldest first. */
    visits: SeededVisit[];
    /** "Now" for the seed: the end of the seeded history. */
    now: number;
  },
): Promise<void> {
  const { practiceId, clientId, therapistId, visits, now } = input;
  const first = visits[0];
  if (!first) return;
  const at = (ms: number) => new Date(ms).toISOString();
  const intakeAt = at(first.startsMs - hourMs);
  const day = (ms: number) => at(ms).slice(0, 10);

  const neckGoal = { id: uuidv7(), text: 'Drive and work at the desk without neck pain' };
  const intakeHistory = {
    conditions: [{ id: uuidv7(), code: 'migraine', name: 'Tension headaches', status: 'active' }],
    medications: [
      { id: uuidv7(), name: 'Ibuprofen', class: 'analgesic_nsaid', dose: '400 mg as needed' },
    ],
    allergies: [{ id: uuidv7(), substance: 'latex', severity: 'moderate', reaction: 'Hives' }],
    areasToAvoid: [{ id: uuidv7(), regions: ['face_jaw_l'], reason: 'Dental implant healing' }],
    preferences: { pressure: 3, music: 'soft', conversation: 'quiet' },
    goals: [neckGoal],
  };
  await saveHealthHistory(db, {
    practiceId,
    clientId,
    expectedNumber: 0,
    history: intakeHistory,
    recordedBy: therapistId,
    source: 'intake',
    now: intakeAt,
    id: uuidv7(),
  });
  await saveHealthHistory(db, {
    practiceId,
    clientId,
    expectedNumber: 1,
    history: {
      ...intakeHistory,
      conditions: [
        ...intakeHistory.conditions,
        { id: uuidv7(), code: 'hypertension', name: 'High blood pressure', status: 'managed' },
      ],
      medications: [
        ...intakeHistory.medications,
        { id: uuidv7(), name: 'Amlodipine', class: 'antihypertensive', dose: '5 mg daily' },
      ],
    },
    recordedBy: therapistId,
    source: 'staff',
    now: at(now - dayMs),
    id: uuidv7(),
  });

  const driving = await insertPsfsActivity(db, {
    id: uuidv7(),
    practiceId,
    clientId,
    description: 'Turning my head to reverse the car',
    createdBy: therapistId,
    linkId: null,
    now: intakeAt,
  });
  const desk = await insertPsfsActivity(db, {
    id: uuidv7(),
    practiceId,
    clientId,
    description: 'Working at the computer for two hours',
    createdBy: therapistId,
    linkId: null,
    now: intakeAt,
  });
  const scored = visits.filter((_, index) => index % 5 === 0);
  const scores: NewScore[] = scored.flatMap((visit, index) => {
    const recordedAt = at(visit.startsMs);
    const common = {
      practiceId,
      clientId,
      measureId: psfsMeasureId,
      measureVersion: 1,
      sessionId: visit.sessionId,
      recordedAt,
      enteredAt: recordedAt,
      recordedBy: therapistId,
      source: 'staff' as const,
      linkId: null,
      correctsId: null,
      reason: null,
    };
    const progress = index / Math.max(1, scored.length - 1);
    return [
      {
        ...common,
        id: uuidv7({ msecs: visit.startsMs }),
        activityId: driving.id,
        value: Math.min(10, 2 + Math.round(progress * 6) + (index % 3 === 0 ? 1 : 0)),
      },
      {
        ...common,
        id: uuidv7({ msecs: visit.startsMs }),
        activityId: desk.id,
        value: 4 + (index % 2),
      },
    ];
  });
  for (let start = 0; start < scores.length; start += 200) {
    await insertScores(db, scores.slice(start, start + 200));
  }

  const active = {
    reEvaluationDate: day(now + 28 * dayMs),
    status: 'active' as const,
    statusReason: null,
  };
  await insertGoal(db, {
    id: uuidv7(),
    practiceId,
    clientId,
    input: {
      statement: 'Turn my head to reverse the car without pain',
      target: { kind: 'measure', measureId: psfsMeasureId, activityId: driving.id },
      comparator: 'at_least',
      targetValue: 8,
      ...active,
    },
    measureVersion: 1,
    revisesGoalId: null,
    userId: therapistId,
    now: intakeAt,
  });
  await insertGoal(db, {
    id: uuidv7(),
    practiceId,
    clientId,
    input: {
      statement: 'Pain at most 2 after treatment',
      target: { kind: 'pain', moment: 'after' },
      comparator: 'at_most',
      targetValue: 2,
      ...active,
    },
    measureVersion: null,
    revisesGoalId: null,
    userId: therapistId,
    now: intakeAt,
  });

  await saveTreatmentPlan(db, {
    id: uuidv7(),
    practiceId,
    clientId,
    expectedNumber: 0,
    plan: {
      startsOn: day(now - 84 * dayMs),
      frequency: { sessions: 1, per: 'week' },
      sessionsPlanned: 12,
      focusRegions: ['posterior_neck_l', 'posterior_neck_r', 'upper_trapezius_r'],
      techniques: ['myofascial_release', 'trigger_point'],
      reEvaluationDate: day(now + 28 * dayMs),
      notes: 'Reassess cervical rotation at week six.',
      measures: [{ measureId: psfsMeasureId, atIntake: true, everySessions: 5, atDischarge: true }],
    },
    recordedBy: therapistId,
    now: at(now - 84 * dayMs),
  });
}
