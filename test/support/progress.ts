import type { NoteContent } from '../../src/domain/notes.js';
import { createToken } from './factories.js';
import { recordFollowUp } from './follow-ups.js';
import type { ApiClient, Json } from './http.js';
import { noteContent, signedNote } from './notes.js';
import { createGoal, goalInput, recordScores } from './outcomes.js';
import type { TestServer } from './server.js';
import { bookSession, sessionStart, sessionToDocument, type SessionWorld } from './sessions.js';

const week = 7 * 86_400_000;
const hour = 3_600_000;
export const weeksAfterStart = (weeks: number) =>
  new Date(Date.parse(sessionStart) + weeks * week).toISOString();

/** What the client of `progressWorld` went through, as the charts and tables should show it. */
export const plannedSessions = [
  { painBefore: 7, painAfter: 4, technique: 'deep_tissue', pressure: 4, calves: 3 },
  { painBefore: 6, painAfter: 4, technique: 'myofascial_release', pressure: 3, calves: 2 },
  { painBefore: 5, painAfter: 2, technique: 'myofascial_release', pressure: 3, calves: 2 },
  { painBefore: 4, painAfter: 2, technique: 'swedish', pressure: 2, calves: 1 },
  { painBefore: 3, painAfter: 1, technique: 'myofascial_release', pressure: 2, calves: null },
] as const;

/** Follow-ups a day after the first four sessions; the third brought a headache. */
export const plannedFollowUps = [
  { relief: 5, soreness: 6, reactions: [] },
  { relief: 6, soreness: 4, reactions: [] },
  { relief: 7, soreness: 5, reactions: ['headache'] },
  { relief: 8, soreness: 2, reactions: [] },
] as const;

/** PSFS scores at the first, third and fifth sessions, for two activities. */
export const plannedPsfs = {
  driving: { description: 'Turning my head to reverse the car', values: [3, 5, 7] },
  lifting: { description: 'Lifting my toddler', values: [4, 4, 6] },
} as const;

function noteFor(planned: (typeof plannedSessions)[number]): Json {
  const bodyChart: NoteContent['objective']['bodyChart'] = [
    { region: 'upper_trapezius_l', kind: 'pain', intensity: 2 },
    { region: 'upper_trapezius_l', kind: 'tension', intensity: 3 },
  ];
  if (planned.calves !== null)
    bodyChart.push({ region: 'calves_r', kind: 'pain', intensity: planned.calves });
  return noteContent({
    subjective: { painBefore: planned.painBefore },
    objective: { bodyChart },
    treatment: {
      techniques: [
        {
          technique: planned.technique,
          regions: ['upper_trapezius_l'],
          minutes: 30,
          pressure: planned.pressure,
        },
        { technique: 'stretching', regions: ['calves_r'], minutes: 10, pressure: 1 },
      ],
    },
    assessment: { painAfter: planned.painAfter },
  });
}

export interface ProgressWorld extends SessionWorld {
  /** The therapist's API token: unlike a signed-in session, it outlives weeks of test clock. */
  therapistToken: ApiClient;
  sessionIds: string[];
}

/**
 * A therapist's client over five weekly sessions, each note signed at its session, with PSFS
 * scores, goals on the PSFS and on pain after, and follow-ups the day after. The test clock
 * walks through the weeks and is left a day after the last session.
 */
export async function progressWorld(server: TestServer): Promise<ProgressWorld> {
  const world = await sessionToDocument(server);
  const { client: token } = await createToken(server, world.therapist.client);
  const clientId = world.client.id as string;
  const sessionIds: string[] = [world.session.id];
  const activities: Record<string, string> = {};
  for (const [index, planned] of plannedSessions.entries()) {
    server.runtime.set(new Date(Date.parse(weeksAfterStart(index)) + hour));
    if (index > 0) {
      const { session } = await bookSession(token, {
        clientId,
        therapistId: world.therapist.id,
        startsAt: weeksAfterStart(index),
      });
      sessionIds.push(session.id);
    }
    const sessionId = sessionIds[index]!;
    // Scores taken at a session belong to its note: they are recorded before it is signed.
    if (index % 2 === 0) {
      const at = index / 2;
      if (index === 0) {
        // Named a minute apart, so the chart lists them in a known order.
        for (const [key, activity] of Object.entries(plannedPsfs)) {
          const named = await token.post(`/api/v1/clients/${clientId}/psfs-activities`, {
            description: activity.description,
          });
          if (named.status !== 201)
            throw new Error(`activity failed: ${named.status} ${named.text}`);
          activities[key] = named.body.id;
          server.runtime.advanceMinutes(1);
        }
      }
      await recordScores(token, clientId, {
        sessionId,
        scores: Object.entries(plannedPsfs).map(([key, activity]) => ({
          measureId: 'psfs',
          activityId: activities[key],
          value: activity.values[at],
        })),
      });
    }
    await signedNote(token, sessionId, noteFor(planned));
    const followUp = plannedFollowUps[index];
    if (followUp) {
      server.runtime.set(new Date(Date.parse(weeksAfterStart(index)) + 24 * hour));
      const response = await recordFollowUp(token, clientId, sessionId, {
        ...followUp,
        reactions: [...followUp.reactions],
        reactionDetails: followUp.reactions.length > 0 ? 'Dull headache that evening' : null,
      });
      if (response.status !== 201)
        throw new Error(`follow-up failed: ${response.status} ${response.text}`);
    }
  }
  await createGoal(token, clientId, goalInput(activities['driving']!));
  await createGoal(token, clientId, {
    statement: 'Pain after treatment at most 2',
    target: { kind: 'pain', moment: 'after' },
    comparator: 'at_most',
    targetValue: 2,
    reEvaluationDate: '2027-01-08',
  });
  server.runtime.set(new Date(Date.parse(weeksAfterStart(plannedSessions.length - 1)) + 26 * hour));
  return { ...world, therapistToken: token, sessionIds };
}
