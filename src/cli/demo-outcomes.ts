import type { Runtime } from '../domain/runtime.js';
import type { Db } from '../store/database.js';
import { insertFollowUp } from '../store/follow-ups.js';
import { insertGoal } from '../store/goals.js';
import { insertPsfsActivity, insertScores, type NewScore } from '../store/outcome-scores.js';
import type { PlantedClient } from './demo-patterns.js';

/**
 * What followed the planted demo visits: the clients' follow-ups a day later, PSFS scores
 * taken at some visits, and a goal each, so the progress charts, the "what works" table and
 * the briefing show the patterns from both sides (relief in the notes, reactions reported
 * from home, function scored over time).
 */
export async function seedDemoOutcomes(
  db: Db,
  runtime: Runtime,
  practiceId: string,
  therapistId: string,
  planted: PlantedClient[],
): Promise<void> {
  for (const client of planted) {
    const dayAfter = (startsAt: Date) => new Date(startsAt.getTime() + 86_400_000).toISOString();
    for (const [index, visit] of client.visits.entries()) {
      // Tom's balm weeks come back with a rash and high soreness; the jojoba weeks do not.
      const balmWeek = client.pattern === 'reacts_to_product' && index % 2 === 1;
      if (client.pattern !== 'reacts_to_product' && index % 3 !== 0) continue;
      await insertFollowUp(db, {
        id: runtime.newId(),
        practiceId,
        clientId: client.id,
        sessionId: visit.sessionId,
        relief: balmWeek ? 3 : client.pattern === 'plateau' ? 3 : 7,
        soreness: balmWeek ? 8 : 2,
        reactions: balmWeek ? ['skin_reaction'] : [],
        reactionDetails: balmWeek
          ? 'Itchy red rash where the balm went on, gone in two days.'
          : null,
        source: 'client_link',
        linkId: null,
        submittedAt: dayAfter(visit.startsAt),
        recordedBy: null,
      });
    }
    if (client.pattern === 'reacts_to_product') continue;

    // A PSFS activity scored every other visit: Nadia's climbs, Ruth's stays put.
    const improving = client.pattern === 'responds_to_myofascial';
    const activity = await insertPsfsActivity(db, {
      id: runtime.newId(),
      practiceId,
      clientId: client.id,
      description: improving ? 'Turning my head to reverse the car' : 'Gardening for an hour',
      createdBy: therapistId,
      linkId: null,
      now: client.visits[0]!.startsAt.toISOString(),
    });
    const scores: NewScore[] = client.visits
      .filter((_, index) => index % 2 === 0)
      .map((visit, index) => {
        const at = visit.startsAt.toISOString();
        return {
          id: runtime.newId(),
          practiceId,
          clientId: client.id,
          measureId: 'psfs',
          measureVersion: 1,
          activityId: activity.id,
          value: improving ? Math.min(8, 3 + index) : 4 + (index % 2),
          sessionId: visit.sessionId,
          recordedAt: at,
          enteredAt: at,
          recordedBy: therapistId,
          source: 'staff',
          linkId: null,
          correctsId: null,
          reason: null,
        };
      });
    await insertScores(db, scores);
    await insertGoal(db, {
      id: runtime.newId(),
      practiceId,
      clientId: client.id,
      input: {
        statement: improving
          ? 'Turn my head to reverse the car without pain'
          : 'Garden for an hour without back pain',
        target: { kind: 'measure', measureId: 'psfs', activityId: activity.id },
        comparator: 'at_least',
        targetValue: improving ? 8 : 7,
        reEvaluationDate: null,
        status: 'active',
        statusReason: null,
      },
      measureVersion: 1,
      revisesGoalId: null,
      userId: therapistId,
      now: client.visits[0]!.startsAt.toISOString(),
    });
  }
}
