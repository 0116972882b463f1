import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GoalInput,
  TreatmentPlan,
  frequencyText,
  goalIssues,
  planIssues,
  sameTarget,
} from './goals.js';
import { builtInMeasures, psfsMeasureId, type PsfsActivity } from './outcome-measures.js';

const headache = {
  ...builtInMeasures[1]!,
  id: 'headache',
  builtIn: false,
  definitions: [
    { ...builtInMeasures[1]!.definitions[0]!, name: 'Headache days', max: 7, unit: 'days' },
  ],
};
const measures = new Map(
  [...builtInMeasures, headache, { ...headache, id: 'retired', retiredAt: '2026-11-20' }].map(
    (measure) => [measure.id, measure],
  ),
);
const activity = (id: string, retiredAt: string | null = null): PsfsActivity => ({
  id,
  clientId: 'client-1',
  description: 'Turning head to drive',
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: null,
  retiredAt,
});
const activities = new Map(
  [activity('drive'), activity('old', '2026-11-15')].map((a) => [a.id, a]),
);

const goal = (fields: Record<string, unknown>) =>
  GoalInput.parse({
    statement: 'Turn my head to drive without pain',
    target: { kind: 'measure', measureId: psfsMeasureId, activityId: 'drive' },
    comparator: 'at_least',
    targetValue: 8,
    ...fields,
  });
const issuesOf = (input: GoalInput, targetChanged = true) =>
  goalIssues(input, { measures, activities, targetChanged }).map((issue) => issue.field);

describe('a goal’s target', () => {
  it('accepts a PSFS activity of the client with a target on its scale', () => {
    assert.deepEqual(issuesOf(goal({})), []);
  });

  it('refuses a goal on a retired measure, naming the field', () => {
    const input = goal({ target: { kind: 'measure', measureId: 'retired' }, targetValue: 2 });
    const issues = goalIssues(input, { measures, activities, targetChanged: true });
    assert.deepEqual(
      issues.map((issue) => issue.field),
      ['target.measureId'],
    );
    assert.match(issues[0]!.message, /retired/);
  });

  it('lets a goal already on a measure retired since be marked met or stopped', () => {
    const input = goal({
      target: { kind: 'measure', measureId: 'retired' },
      targetValue: 2,
      status: 'met',
    });
    assert.deepEqual(issuesOf(input, false), []);
  });

  it('needs the activity of a PSFS goal, still active', () => {
    assert.deepEqual(issuesOf(goal({ target: { kind: 'measure', measureId: 'psfs' } })), [
      'target.activityId',
    ]);
    assert.deepEqual(
      issuesOf(goal({ target: { kind: 'measure', measureId: 'psfs', activityId: 'old' } })),
      ['target.activityId'],
    );
  });

  it('refuses a target outside the measure’s range', () => {
    assert.deepEqual(issuesOf(goal({ targetValue: 11 })), ['targetValue']);
    assert.deepEqual(
      issuesOf(goal({ target: { kind: 'measure', measureId: 'headache' }, targetValue: 8 })),
      ['targetValue'],
    );
  });

  it('sets pain goals on the notes’ 0–10 scale', () => {
    const pain = goal({ target: { kind: 'pain', moment: 'after' }, comparator: 'at_most' });
    assert.deepEqual(issuesOf({ ...pain, targetValue: 2 }), []);
    assert.deepEqual(issuesOf({ ...pain, targetValue: 12 }), ['targetValue']);
  });

  it('tells a changed target from an unchanged one', () => {
    assert.equal(sameTarget(goal({}), goal({ statement: 'Reworded' })), true);
    assert.equal(sameTarget(goal({}), goal({ targetValue: 9 })), false);
  });
});

describe('a goal’s status', () => {
  it('needs a reason to stop', () => {
    const parsed = GoalInput.safeParse({ ...goal({}), status: 'stopped', statusReason: null });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => issue.path.join('.')),
      ['statusReason'],
    );
  });

  it('accepts a stop with its reason', () => {
    assert.equal(
      GoalInput.safeParse({ ...goal({}), status: 'stopped', statusReason: 'Moved away' }).success,
      true,
    );
  });
});

describe('the treatment plan', () => {
  const plan = (fields: Record<string, unknown> = {}) =>
    TreatmentPlan.parse({
      startsOn: '2026-11-27',
      frequency: { sessions: 1, per: 'week' },
      sessionsPlanned: 6,
      focusRegions: ['upper_trapezius_l'],
      techniques: ['myofascial_release'],
      measures: [{ measureId: 'psfs', atIntake: true, everySessions: 3 }],
      ...fields,
    });
  const techniques = new Map([
    ['myofascial_release', { retiredAt: null }],
    ['hot_stone', { retiredAt: '2026-11-01' }],
  ]);

  it('describes its rhythm in words', () => {
    assert.equal(frequencyText(plan()), '1 session a week, 6 sessions in all');
    assert.equal(
      frequencyText(plan({ frequency: { sessions: 2, per: 'two_weeks' } })),
      '2 sessions every two weeks, 6 sessions in all',
    );
  });

  it('refuses a re-evaluation before the plan starts', () => {
    assert.equal(
      TreatmentPlan.safeParse({ ...plan(), reEvaluationDate: '2026-11-01' }).success,
      false,
    );
  });

  it('refuses a measure scheduled twice', () => {
    const twice = { measureId: 'psfs', atIntake: true };
    assert.equal(TreatmentPlan.safeParse({ ...plan(), measures: [twice, twice] }).success, false);
  });

  it('refuses unknown techniques and newly named retired ones', () => {
    const issues = planIssues(plan({ techniques: ['hot_stone', 'nothing'] }), {
      techniques,
      measures,
      previous: null,
    });
    assert.deepEqual(
      issues.map((issue) => issue.field),
      ['techniques.0', 'techniques.1'],
    );
  });

  it('keeps a retired technique or measure the previous version named', () => {
    const kept = plan({
      techniques: ['hot_stone'],
      measures: [{ measureId: 'retired', atDischarge: true }],
    });
    assert.deepEqual(planIssues(kept, { techniques, measures, previous: kept }), []);
  });

  it('refuses scheduling a retired measure anew', () => {
    const issues = planIssues(plan({ measures: [{ measureId: 'retired', atIntake: true }] }), {
      techniques,
      measures,
      previous: null,
    });
    assert.deepEqual(
      issues.map((issue) => issue.field),
      ['measures.0.measureId'],
    );
  });
});
