import type { NoteContent, TechniqueUse } from '../domain/notes.js';
import { NoteContent as NoteContentSchema } from '../domain/notes.js';
import type { Runtime } from '../domain/runtime.js';
import { localDate } from '../domain/time.js';
import { listProducts } from '../store/catalogue.js';
import type { Db } from '../store/database.js';
import { insertSession } from '../store/sessions.js';
import { recordSignedVisit } from './demo-sessions.js';

/**
 * Three demo clients whose records carry known, deliberate patterns, so that the progress
 * charts, the "what works" table and the practice's non-improving list have something true
 * to find when someone looks around the demo:
 * - Nadia improves after myofascial release and not after deep tissue;
 * - Tom's skin reacts to the peppermint sports balm (follow-ups report it);
 * - Ruth's low back pain has plateaued.
 * The figures are fixed, not random, so the demo shows the same story every time.
 */
export interface PlantedClient {
  id: string;
  pattern: 'responds_to_myofascial' | 'reacts_to_product' | 'plateau';
  /** Signed visits, oldest first, with what the pattern needs to attach follow-ups and scores. */
  visits: Array<{ sessionId: string; startsAt: Date; productId: string | null }>;
}

const neck = ['upper_trapezius_r', 'levator_scapulae_r', 'suboccipitals_r', 'posterior_neck_r'];
const lowBack = ['lumbar_erectors_l', 'lumbar_erectors_r', 'quadratus_lumborum_r', 'gluteals_r'];

function plantedNote(visit: {
  reason: string;
  regions: string[];
  techniques: TechniqueUse[];
  productId: string | null;
  painBefore: number;
  painAfter: number;
  focus: string;
}): NoteContent {
  return NoteContentSchema.parse({
    subjective: {
      reasonForVisit: visit.reason,
      symptoms: visit.painBefore >= 6 ? 'Constant ache, worse by evening.' : 'Ache comes and goes.',
      changesSinceLastVisit: 'No changes to health history.',
      painBefore: visit.painBefore,
    },
    objective: {
      posture: 'Right shoulder elevated.',
      palpation: 'Hypertonicity in the regions marked.',
      rangeOfMotion: '',
      bodyChart: visit.regions.map((region, index) => ({
        region,
        kind: index === 0 ? 'pain' : 'tension',
        intensity: visit.painBefore >= 6 ? 3 : 2,
      })),
    },
    treatment: {
      techniques: visit.techniques,
      products: visit.productId ? [{ productId: visit.productId }] : [],
      heatCold: 'none',
      tools: [],
      clientResponse: '',
    },
    assessment: {
      responseToTreatment:
        visit.painAfter < visit.painBefore
          ? 'Tone reduced in the treated areas.'
          : 'Little change.',
      painAfter: visit.painAfter,
      tissueChanges: '',
    },
    plan: { frequency: 'Weekly, then review.', homeCare: '', focusNextTime: visit.focus },
  });
}

const clamp = (value: number) => Math.max(0, Math.min(10, Math.round(value)));

/** Plants the three patterns for one therapist's clients; returns them for follow-ups/scores. */
export async function seedDemoPatterns(
  db: Db,
  runtime: Runtime,
  practice: { id: string; timeZone: string },
  therapistId: string,
  clients: { responds: string; reacts: string; plateaus: string },
): Promise<PlantedClient[]> {
  const products = await listProducts(db, practice.id);
  const balm = products.find((product) => product.name.startsWith('Peppermint'))?.id ?? null;
  const jojoba = products.find((product) => product.name.startsWith('Unscented jojoba'))?.id;
  const now = runtime.now().getTime();
  const weeksAgo = (weeks: number, hour: number) => {
    const startsAt = new Date(now - weeks * 7 * 86_400_000);
    startsAt.setUTCHours(hour, 0, 0, 0);
    return startsAt;
  };
  const planted: PlantedClient[] = [];

  // Nadia: myofascial release weeks bring 3 points of relief that carries over to the next
  // visit; deep tissue weeks bring at most one point, and the pain creeps back.
  const nadia: PlantedClient = {
    id: clients.responds,
    pattern: 'responds_to_myofascial',
    visits: [],
  };
  let pain = 7.4;
  for (let visit = 0; visit < 14; visit += 1) {
    const myofascial = visit % 2 === 0;
    const painBefore = clamp(pain);
    const painAfter = clamp(painBefore - (myofascial ? 3 : visit % 4 === 1 ? 1 : 0));
    const startsAt = weeksAgo(14 - visit, 15);
    const sessionId = await recordSignedVisit(db, runtime, practice, {
      clientId: nadia.id,
      therapistId,
      startsAt,
      location: 'Room 2',
      content: plantedNote({
        reason: 'Neck pain and tension headaches from desk work',
        regions: neck,
        techniques: [
          { technique: 'swedish', regions: neck.slice(0, 2), minutes: 10, pressure: 2 },
          myofascial
            ? { technique: 'myofascial_release', regions: neck, minutes: 35, pressure: 3 }
            : { technique: 'deep_tissue', regions: neck, minutes: 35, pressure: 5 },
        ],
        productId: jojoba ?? null,
        painBefore,
        painAfter,
        focus: myofascial ? 'Continue myofascial release to the neck.' : 'Try myofascial again.',
      }),
    });
    nadia.visits.push({ sessionId, startsAt, productId: jojoba ?? null });
    pain += myofascial ? -0.8 : 0.2;
  }
  planted.push(nadia);

  // Tom: the same low back work every week; the weeks with the peppermint balm are followed
  // by a skin reaction and high soreness (the follow-ups carry that), the others are not.
  const tom: PlantedClient = { id: clients.reacts, pattern: 'reacts_to_product', visits: [] };
  for (let visit = 0; visit < 10; visit += 1) {
    const productId = visit % 2 === 1 ? balm : (jojoba ?? null);
    const painBefore = 5 - Math.floor(visit / 4);
    const startsAt = weeksAgo(10 - visit, 17);
    const sessionId = await recordSignedVisit(db, runtime, practice, {
      clientId: tom.id,
      therapistId,
      startsAt,
      location: 'Room 1',
      content: plantedNote({
        reason: 'Low back ache from lifting at work',
        regions: lowBack,
        techniques: [
          { technique: 'swedish', regions: lowBack, minutes: 20, pressure: 3 },
          { technique: 'trigger_point', regions: lowBack.slice(2), minutes: 20, pressure: 4 },
        ],
        productId,
        painBefore,
        painAfter: painBefore - 2,
        focus: 'QL and gluteal trigger points.',
      }),
    });
    tom.visits.push({ sessionId, startsAt, productId });
  }
  planted.push(tom);

  // Ruth: ten visits with the pain stuck at six; a point of relief that never carries over.
  const ruth: PlantedClient = { id: clients.plateaus, pattern: 'plateau', visits: [] };
  for (let visit = 0; visit < 10; visit += 1) {
    const painBefore = visit % 4 === 2 ? 7 : 6;
    const startsAt = weeksAgo(10 - visit, 19);
    const sessionId = await recordSignedVisit(db, runtime, practice, {
      clientId: ruth.id,
      therapistId,
      startsAt,
      location: 'Room 3',
      content: plantedNote({
        reason: 'Low back pain after gardening',
        regions: lowBack,
        techniques: [
          { technique: 'swedish', regions: lowBack, minutes: 25, pressure: 2 },
          {
            technique: 'stretching',
            regions: ['hamstrings_l', 'hamstrings_r'],
            minutes: 15,
            pressure: 2,
          },
        ],
        productId: jojoba ?? null,
        painBefore,
        painAfter: painBefore - 1,
        focus: 'Same again; review the plan if no change.',
      }),
    });
    ruth.visits.push({ sessionId, startsAt, productId: jojoba ?? null });
  }
  planted.push(ruth);

  // Each is booked again today, so the briefing before their session has a story to tell.
  for (const [index, client] of planted.entries()) {
    const today = new Date(now);
    today.setUTCHours(13 + index, 30, 0, 0);
    await insertSession(db, {
      id: runtime.newId(),
      practice_id: practice.id,
      client_id: client.id,
      therapist_id: therapistId,
      starts_at: today.toISOString(),
      service_date: localDate(today, practice.timeZone),
      planned_minutes: 60,
      session_type: 'therapeutic',
      location: `Room ${index + 1}`,
      created_at: new Date(now).toISOString(),
      created_by: therapistId,
    });
  }
  return planted;
}
