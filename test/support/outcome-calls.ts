import { createClient } from './factories.js';
import type { Call, RoleWorld } from './operation-calls.js';
import {
  createGoal,
  createMeasure,
  goalInput,
  planInput,
  recordScores,
  savePlan,
  scoreNewActivity,
  sendMeasuresLink,
} from './outcomes.js';

/** A client of the world's therapist, created by the owner. */
async function ownersClient(world: RoleWorld) {
  const { client } = await createClient(world.practice.owner, {
    primaryTherapistId: world.therapist.id,
  });
  return client;
}

/** A client with a plan scheduling the PSFS at intake, so a measures link has a question. */
async function clientWithPlan(world: RoleWorld) {
  const client = await ownersClient(world);
  await savePlan(world.practice.owner, client.id, planInput());
  return client;
}

/** A client with a PSFS activity scored by the owner and a goal on it. */
async function clientWithGoal(world: RoleWorld) {
  const client = await ownersClient(world);
  const score = await scoreNewActivity(world.practice.owner, client.id, 'Reversing the car', 3);
  const created = await createGoal(world.practice.owner, client.id, goalInput(score.activityId));
  return { client, ...created };
}

async function measuresLink(world: RoleWorld) {
  const client = await clientWithPlan(world);
  return sendMeasuresLink(world.practice.owner, client.id);
}

/** Valid calls for the outcome-measure and goal operations, in the shape of `operationCalls`. */
export const outcomeCalls: Record<string, Call> = {
  listMeasures: (caller) => caller.get('/api/v1/measures'),
  createMeasure: (caller) =>
    caller.post('/api/v1/measures', {
      definition: {
        name: 'Sleep quality',
        min: 0,
        max: 10,
        better: 'higher',
        minimalImportantChange: 2,
      },
    }),
  updateMeasure: async (caller, world) => {
    const { measure, etag } = await createMeasure(world.practice.owner);
    return caller.put(
      `/api/v1/measures/${measure.id}`,
      {
        definition: { ...measure.definitions[0], name: 'Headache days a week' },
        reportedBy: 'client',
      },
      { ifMatch: etag },
    );
  },
  retireMeasure: async (caller, world) => {
    const { measure, etag } = await createMeasure(world.practice.owner);
    return caller.post(`/api/v1/measures/${measure.id}/retire`, undefined, { ifMatch: etag });
  },
  restoreMeasure: async (caller, world) => {
    const { measure, etag } = await createMeasure(world.practice.owner);
    const retired = await world.practice.owner.post(
      `/api/v1/measures/${measure.id}/retire`,
      undefined,
      { ifMatch: etag },
    );
    return caller.post(`/api/v1/measures/${measure.id}/restore`, undefined, {
      ifMatch: retired.headers.get('etag')!,
    });
  },
  getClientMeasures: async (caller, world) =>
    caller.get(`/api/v1/clients/${(await clientWithPlan(world)).id}/measures`),
  recordMeasureScores: async (caller, world) =>
    caller.post(`/api/v1/clients/${(await ownersClient(world)).id}/measures/scores`, {
      scores: [{ measureId: 'nprs', value: 4 }],
    }),
  correctMeasureScore: async (caller, world) => {
    const client = await ownersClient(world);
    const [score] = await recordScores(world.practice.owner, client.id, {
      scores: [{ measureId: 'nprs', value: 4 }],
    });
    return caller.post(`/api/v1/clients/${client.id}/measures/scores/${score.id}/corrections`, {
      value: 5,
      reason: 'Misheard the client.',
    });
  },
  addPsfsActivity: async (caller, world) =>
    caller.post(`/api/v1/clients/${(await ownersClient(world)).id}/psfs-activities`, {
      description: 'Lifting my toddler',
    }),
  retirePsfsActivity: async (caller, world) => {
    const client = await ownersClient(world);
    const score = await scoreNewActivity(world.practice.owner, client.id, 'Gardening', 4);
    return caller.post(`/api/v1/clients/${client.id}/psfs-activities/${score.activityId}/retire`);
  },
  createMeasuresLink: async (caller, world) =>
    caller.post(`/api/v1/clients/${(await clientWithPlan(world)).id}/measures-links`, {}),
  openMeasuresLink: async (caller, world) =>
    caller.get(`/api/v1/public/measures/${(await measuresLink(world)).token}`),
  submitMeasures: async (caller, world) =>
    caller.post(`/api/v1/public/measures/${(await measuresLink(world)).token}`, {
      scores: [{ measureId: 'psfs', newActivity: 'Reaching a high shelf', value: 5 }],
    }),
  listClientGoals: async (caller, world) =>
    caller.get(`/api/v1/clients/${(await clientWithGoal(world)).client.id}/goals`),
  createGoal: async (caller, world) => {
    const client = await ownersClient(world);
    return caller.post(`/api/v1/clients/${client.id}/goals`, {
      statement: 'Sit at my desk all afternoon with little pain',
      target: { kind: 'pain', moment: 'after' },
      comparator: 'at_most',
      targetValue: 2,
    });
  },
  updateGoal: async (caller, world) => {
    const { client, goal, etag } = await clientWithGoal(world);
    return caller.put(
      `/api/v1/clients/${client.id}/goals/${goal.id}`,
      { ...goalInput(goal.target.activityId), targetValue: 9 },
      { ifMatch: etag },
    );
  },
  listGoalVersions: async (caller, world) => {
    const { client, goal } = await clientWithGoal(world);
    return caller.get(`/api/v1/clients/${client.id}/goals/${goal.id}/versions`);
  },
  getTreatmentPlan: async (caller, world) =>
    caller.get(`/api/v1/clients/${(await clientWithPlan(world)).id}/treatment-plan`),
  saveTreatmentPlan: async (caller, world) =>
    caller.put(`/api/v1/clients/${(await ownersClient(world)).id}/treatment-plan`, planInput(), {
      ifMatch: '"0"',
    }),
};
