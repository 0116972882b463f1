import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ScoreEntry,
  correctionIssues,
  effectiveScores,
  scoreIssues,
  type ScoringContext,
} from './measure-scores.js';
import {
  builtInMeasures,
  painMeasureId,
  psfsMeasureId,
  type MeasureScore,
  type MeasureView,
  type PsfsActivity,
} from './outcome-measures.js';

const rotation: MeasureView = {
  id: 'rotation',
  builtIn: false,
  perActivity: false,
  reportedBy: 'staff',
  currentNumber: 2,
  definitions: [1, 2].map((number) => ({
    number,
    name: 'Cervical rotation',
    unit: 'degrees',
    min: 0,
    max: number === 1 ? 90 : 100,
    better: 'higher' as const,
    minimalImportantChange: 10,
    decimals: 0,
    question: null,
    createdAt: '2026-11-01T00:00:00.000Z',
  })),
  retiredAt: null,
  version: 2,
};

function activity(id: string, retiredAt: string | null = null): PsfsActivity {
  return {
    id,
    clientId: 'client-1',
    description: `Activity ${id}`,
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'therapist-1',
    retiredAt,
  };
}

function context(activities: PsfsActivity[] = [], extra: Partial<ScoringContext> = {}) {
  return {
    measures: new Map(
      [...builtInMeasures, rotation, { ...rotation, id: 'old', retiredAt: '2026-11-02' }].map(
        (measure) => [measure.id, measure],
      ),
    ),
    activities: new Map(activities.map((entry) => [entry.id, entry])),
    ...extra,
  };
}

const entry = (fields: Partial<ScoreEntry>): ScoreEntry =>
  ScoreEntry.parse({ measureId: painMeasureId, value: 3, ...fields });
const fields = (issues: Array<{ field: string }>) => issues.map((issue) => issue.field);

describe('checking a batch of scores', () => {
  it('accepts scores within the current definition’s range', () => {
    assert.deepEqual(
      scoreIssues([entry({}), entry({ measureId: 'rotation', value: 95 })], context()),
      [],
    );
  });

  it('names the value of a score outside the range', () => {
    const issues = scoreIssues(
      [entry({ measureId: 'rotation', value: 40 }), entry({ value: 11 })],
      context(),
    );
    assert.deepEqual(issues, [{ field: 'scores.1.value', message: 'Must be from 0 to 10.' }]);
  });

  it('refuses an unknown or retired measure', () => {
    const issues = scoreIssues(
      [entry({ measureId: 'nothing' }), entry({ measureId: 'old' })],
      context(),
    );
    assert.deepEqual(fields(issues), ['scores.0.measureId', 'scores.1.measureId']);
    assert.match(issues[1]!.message, /retired/);
  });

  it('refuses a measure the link does not ask for', () => {
    const issues = scoreIssues(
      [entry({ measureId: 'rotation', value: 40 })],
      context([], { allowedMeasureIds: new Set([painMeasureId]) }),
    );
    assert.deepEqual(fields(issues), ['scores.0.measureId']);
  });

  it('refuses what the session already has a score for', () => {
    const issues = scoreIssues(
      [entry({}), entry({ measureId: psfsMeasureId, activityId: 'a1' })],
      context([activity('a1')], {
        scoredAtSession: new Set([`${painMeasureId}:`, `${psfsMeasureId}:a1`]),
      }),
    );
    assert.deepEqual(fields(issues), ['scores.0.measureId', 'scores.1.activityId']);
  });

  it('refuses the same measure scored twice in one batch', () => {
    assert.deepEqual(fields(scoreIssues([entry({}), entry({ value: 4 })], context())), [
      'scores.1.measureId',
    ]);
  });
});

describe('PSFS activities in a batch', () => {
  it('needs the activity a PSFS score is for', () => {
    assert.deepEqual(fields(scoreIssues([entry({ measureId: psfsMeasureId })], context())), [
      'scores.0.activityId',
    ]);
  });

  it('scores an active activity of the client', () => {
    const batch = [entry({ measureId: psfsMeasureId, activityId: 'a1', value: 4 })];
    assert.deepEqual(scoreIssues(batch, context([activity('a1')])), []);
  });

  it('refuses a retired or unknown activity', () => {
    const batch = [
      entry({ measureId: psfsMeasureId, activityId: 'a1' }),
      entry({ measureId: psfsMeasureId, activityId: 'elsewhere' }),
    ];
    const issues = scoreIssues(batch, context([activity('a1', '2026-11-20')]));
    assert.deepEqual(fields(issues), ['scores.0.activityId', 'scores.1.activityId']);
  });

  it('lets new activities be named up to five active at a time', () => {
    const active = ['a1', 'a2', 'a3', 'a4'].map((id) => activity(id));
    const batch = [
      entry({ measureId: psfsMeasureId, newActivity: 'Reversing the car' }),
      entry({ measureId: psfsMeasureId, newActivity: 'Carrying groceries' }),
    ];
    assert.deepEqual(fields(scoreIssues(batch, context(active))), ['scores.1.newActivity']);
  });

  it('does not count retired activities among the five', () => {
    const activities = [...['a1', 'a2', 'a3', 'a4'].map((id) => activity(id)), activity('a5', 'x')];
    const batch = [entry({ measureId: psfsMeasureId, newActivity: 'Reversing the car' })];
    assert.deepEqual(scoreIssues(batch, context(activities)), []);
  });

  it('refuses an activity on a measure other than the PSFS', () => {
    assert.deepEqual(
      fields(scoreIssues([entry({ activityId: 'a1' })], context([activity('a1')]))),
      ['scores.0.activityId'],
    );
  });

  it('refuses an entry naming both an existing and a new activity', () => {
    const parsed = ScoreEntry.safeParse({
      measureId: psfsMeasureId,
      activityId: 'a1',
      newActivity: 'Typing',
      value: 3,
    });
    assert.equal(parsed.success, false);
  });
});

function score(id: string, fields: Partial<MeasureScore> = {}): MeasureScore {
  return {
    id,
    clientId: 'client-1',
    measureId: 'rotation',
    measureVersion: 1,
    activityId: null,
    value: 40,
    sessionId: null,
    recordedAt: '2026-11-10T15:00:00.000Z',
    enteredAt: '2026-11-10T15:00:00.000Z',
    recordedBy: 'therapist-1',
    source: 'staff',
    correctsId: null,
    reason: null,
    ...fields,
  };
}

describe('corrections', () => {
  it('reads a corrected score at its latest correction', () => {
    const scores = [
      score('s1'),
      score('s2', { value: 45, correctsId: 's1', enteredAt: '2026-11-11T00:00:00.000Z' }),
      score('s3', { value: 50, correctsId: 's2', enteredAt: '2026-11-12T00:00:00.000Z' }),
    ];
    assert.deepEqual(
      effectiveScores(scores).map((entry) => [entry.id, entry.value]),
      [['s3', 50]],
    );
  });

  it('leaves out a score struck out as entered in error', () => {
    const scores = [score('s1'), score('s2', { value: null, correctsId: 's1' })];
    assert.deepEqual(effectiveScores(scores), []);
  });

  it('orders scores by when they were taken', () => {
    const scores = [score('late', { recordedAt: '2026-11-20T00:00:00.000Z' }), score('early')];
    assert.deepEqual(
      effectiveScores(scores).map((entry) => entry.id),
      ['early', 'late'],
    );
  });

  it('checks a correction against the version the original was recorded with', () => {
    // Version 1 went to 90 degrees; version 2 goes to 100.
    assert.deepEqual(fields(correctionIssues({ value: 95, reason: 'x' }, score('s1'), rotation)), [
      'value',
    ]);
    assert.deepEqual(
      correctionIssues({ value: 95, reason: 'x' }, score('s1', { measureVersion: 2 }), rotation),
      [],
    );
  });
});
