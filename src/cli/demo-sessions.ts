import type { NoteContent, TechniqueUse } from '../domain/notes.js';
import { NoteContent as NoteContentSchema } from '../domain/notes.js';
import type { Runtime } from '../domain/runtime.js';
import { localDate } from '../domain/time.js';
import { listProducts } from '../store/catalogue.js';
import type { Db } from '../store/database.js';
import { saveDraft, signNote } from '../store/notes.js';
import { insertSession, setSessionStatus } from '../store/sessions.js';
import { pick } from './demo-names.js';

/** How a demo client's pain moves over their sessions, so the timeline shows real variety. */
type Trajectory = 'improving' | 'plateau' | 'worsening';

const complaints = [
  {
    reason: 'Neck and shoulder tension from desk work',
    regions: ['upper_trapezius_l', 'upper_trapezius_r', 'levator_scapulae_r', 'posterior_neck_r'],
    focus: 'levator scapulae and suboccipitals',
  },
  {
    reason: 'Low back ache after gardening',
    regions: ['lumbar_erectors_l', 'lumbar_erectors_r', 'quadratus_lumborum_r', 'gluteals_r'],
    focus: 'QL and gluteal trigger points',
  },
  {
    reason: 'Tight calves from marathon training',
    regions: ['calves_l', 'calves_r', 'hamstrings_l', 'foot_ankle_l'],
    focus: 'calf flushing before the long run',
  },
  {
    reason: 'Tension headaches, worse at end of week',
    regions: ['suboccipitals_l', 'suboccipitals_r', 'upper_trapezius_l', 'face_jaw_l'],
    focus: 'suboccipital release, jaw',
  },
  {
    reason: 'Shoulder stiffness after rotator cuff strain',
    regions: ['rotator_cuff_r', 'deltoid_r', 'pectorals_r', 'upper_arm_posterior_r'],
    focus: 'infraspinatus and pec minor',
  },
];

const techniqueChoices = [
  'swedish',
  'deep_tissue',
  'myofascial_release',
  'trigger_point',
  'stretching',
  'cupping',
];

function painPath(
  trajectory: Trajectory,
  visit: number,
  start: number,
  random: () => number,
): { before: number; after: number } {
  const noise = Math.round((random() - 0.5) * 2);
  const drift =
    trajectory === 'improving' ? -visit * 0.5 : trajectory === 'worsening' ? visit * 0.25 : 0;
  const before = Math.max(0, Math.min(10, Math.round(start + drift) + noise));
  const relief = trajectory === 'worsening' ? Math.round(random()) : 1 + Math.round(random() * 2);
  return { before, after: Math.max(0, before - relief) };
}

function demoNote(
  random: () => number,
  visit: number,
  trajectory: Trajectory,
  start: number,
  productIds: string[],
): NoteContent {
  const complaint = complaints[Math.floor(random() * complaints.length)]!;
  const { before, after } = painPath(trajectory, visit, start, random);
  const techniques: TechniqueUse[] = [
    { technique: 'swedish', regions: complaint.regions.slice(0, 2), minutes: 15, pressure: 2 },
    {
      technique: pick(random, techniqueChoices),
      regions: complaint.regions.slice(1),
      minutes: 20 + Math.floor(random() * 15),
      pressure: 2 + Math.floor(random() * 3),
    },
  ];
  return NoteContentSchema.parse({
    subjective: {
      reasonForVisit: complaint.reason,
      symptoms: `Reports ${before >= 6 ? 'constant' : 'intermittent'} ache.`,
      changesSinceLastVisit: visit === 0 ? 'First visit.' : 'No changes to health history.',
      painBefore: before,
      stress: 3 + Math.floor(random() * 5),
      sleepQuality: 4 + Math.floor(random() * 5),
    },
    objective: {
      posture: 'Forward head posture, right shoulder elevated.',
      palpation: 'Hypertonicity and tender points in the regions marked.',
      rangeOfMotion: 'Cervical rotation reduced to the right.',
      bodyChart: complaint.regions.map((region, index) => ({
        region,
        kind: index === 0 ? 'pain' : 'tension',
        intensity: before >= 6 ? 3 : 2,
      })),
    },
    treatment: {
      techniques,
      products: productIds.length ? [{ productId: pick(random, productIds) }] : [],
      heatCold: random() < 0.3 ? 'heat' : 'none',
      tools: [],
      clientResponse: 'Tolerated pressure well; breathing settled.',
    },
    assessment: {
      responseToTreatment:
        after < before ? 'Reduced tone in treated areas.' : 'Little change today.',
      painAfter: after,
      tissueChanges: 'Tissue warmer and more pliable.',
    },
    plan: {
      frequency: 'Weekly for four weeks, then review.',
      homeCare: 'Heat and gentle stretches twice a day.',
      focusNextTime: complaint.focus,
    },
  });
}

/**
 * One past visit as the app leaves it after the therapist signs: booked, documented, signed.
 * Returns the session id so callers can attach what followed the visit (follow-ups, scores).
 */
export async function recordSignedVisit(
  db: Db,
  runtime: Runtime,
  practice: { id: string; timeZone: string },
  visit: {
    clientId: string;
    therapistId: string;
    startsAt: Date;
    location: string;
    content: NoteContent;
  },
): Promise<string> {
  const id = runtime.newId();
  const stamp = visit.startsAt.toISOString();
  const serviceDate = localDate(visit.startsAt, practice.timeZone);
  await insertSession(db, {
    id,
    practice_id: practice.id,
    client_id: visit.clientId,
    therapist_id: visit.therapistId,
    starts_at: stamp,
    service_date: serviceDate,
    planned_minutes: 60,
    session_type: 'therapeutic',
    location: visit.location,
    created_at: stamp,
    created_by: visit.therapistId,
  });
  await saveDraft(db, {
    practiceId: practice.id,
    sessionId: id,
    clientId: visit.clientId,
    authorId: visit.therapistId,
    content: visit.content,
    expectedVersion: 0,
    now: stamp,
  });
  await signNote(db, {
    practiceId: practice.id,
    sessionId: id,
    expectedVersion: 1,
    userId: visit.therapistId,
    serviceDate,
    versionId: runtime.newId(),
    now: stamp,
  });
  await setSessionStatus(db, id, 'signed', stamp);
  return id;
}

/**
 * Months of signed session notes for some demo clients, weekly, with pain that improves for
 * some, plateaus for others and worsens for a few; plus one booked session today each.
 */
export async function seedDemoSessions(
  db: Db,
  runtime: Runtime,
  practice: { id: string; timeZone: string },
  clients: Array<{ id: string; therapistId: string }>,
  random: () => number,
): Promise<number> {
  const productIds = (await listProducts(db, practice.id)).map((product) => product.id);
  const now = runtime.now();
  let count = 0;
  for (const [index, client] of clients.entries()) {
    const trajectory: Trajectory =
      index % 5 === 4 ? 'worsening' : index % 3 === 2 ? 'plateau' : 'improving';
    const visits = 4 + Math.floor(random() * 16);
    const start = 5 + Math.floor(random() * 4);
    for (let visit = 0; visit < visits; visit += 1) {
      const startsAt = new Date(now.getTime() - (visits - visit) * 7 * 86_400_000);
      startsAt.setUTCHours(14 + (index % 6), 0, 0, 0);
      await recordSignedVisit(db, runtime, practice, {
        clientId: client.id,
        therapistId: client.therapistId,
        startsAt,
        location: `Room ${1 + (index % 3)}`,
        content: demoNote(random, visit, trajectory, start, productIds),
      });
      count += 1;
    }
    const today = new Date(now);
    today.setUTCHours(15 + (index % 6), 0, 0, 0);
    await insertSession(db, {
      id: runtime.newId(),
      practice_id: practice.id,
      client_id: client.id,
      therapist_id: client.therapistId,
      starts_at: today.toISOString(),
      service_date: localDate(today, practice.timeZone),
      planned_minutes: 60,
      session_type: 'therapeutic',
      location: 'Room 1',
      created_at: now.toISOString(),
      created_by: client.therapistId,
    });
  }
  return count;
}
