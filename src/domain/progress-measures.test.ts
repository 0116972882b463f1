import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInMeasures, type MeasureScore, type MeasureView } from './outcome-measures.js';
import type { GoalView } from './outcome-views.js';
import {
  importantChangeBand,
  measureCharts,
  measureChartsSince,
  measureRows,
  painBand,
  painGoalLines,
} from './progress-measures.js';

const psfs = builtInMeasures.find((measure) => measure.id === 'psfs')!;

/** A practice's own measure whose second version moved from a 0–5 to a 0–10 scale. */
const sleep: MeasureView = {
  id: 'sleep',
  builtIn: false,
  perActivity: false,
  reportedBy: 'client',
  currentNumber: 2,
  definitions: [1, 2].map((number) => ({
    number,
    name: 'Sleep quality',
    unit: null,
    min: 0,
    max: number === 1 ? 5 : 10,
    better: 'higher' as const,
    minimalImportantChange: 2,
    decimals: 0,
    question: null,
    createdAt: '2026-11-01T00:00:00.000Z',
  })),
  retiredAt: null,
  version: 2,
};

let nextId = 0;
function score(fields: Partial<MeasureScore>): MeasureScore {
  nextId += 1;
  return {
    id: `score-${nextId}`,
    clientId: 'client',
    measureId: 'psfs',
    measureVersion: 1,
    activityId: null,
    value: 5,
    sessionId: null,
    recordedAt: '2026-11-03T15:00:00.000Z',
    enteredAt: '2026-11-03T15:00:00.000Z',
    recordedBy: 'therapist',
    source: 'staff',
    correctsId: null,
    reason: null,
    ...fields,
  };
}

function goal(fields: Partial<GoalView>): GoalView {
  return {
    id: 'goal',
    clientId: 'client',
    statement: 'Turn head to reverse the car',
    target: { kind: 'measure', measureId: 'psfs', activityId: 'driving' },
    measureVersion: 1,
    comparator: 'at_least',
    targetValue: 8,
    reEvaluationDate: null,
    status: 'active',
    statusReason: null,
    revisesGoalId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'therapist',
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'therapist',
    version: 1,
    progress: {
      state: 'no_scores',
      baseline: null,
      latest: null,
      change: null,
      towardTarget: null,
      minimalImportantChange: 2,
      scoreCount: 0,
    },
    points: [],
    ...fields,
  };
}

const activity = (id: string, description: string, retiredAt: string | null = null) => ({
  id,
  clientId: 'client',
  description,
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'therapist',
  retiredAt,
});

describe('measureCharts', () => {
  it('draws the PSFS with one line per activity, each with its important-change band', () => {
    const [chart] = measureCharts(
      {
        measures: [psfs],
        activities: [activity('driving', 'Reversing the car'), activity('lifting', 'Lifting')],
        scores: [
          score({ activityId: 'driving', value: 3 }),
          score({ activityId: 'lifting', value: 9 }),
          score({ activityId: 'driving', value: 6, recordedAt: '2026-11-17T15:00:00.000Z' }),
        ],
      },
      [goal({})],
    );
    assert.equal(chart!.measureId, 'psfs');
    assert.deepEqual(
      chart!.lines.map((line) => [line.label, line.points.map((point) => point.value), line.band]),
      [
        ['Reversing the car', [3, 6], { from: 1, to: 5 }],
        ['Lifting', [9], { from: 7, to: 10 }],
      ],
    );
    assert.deepEqual(
      chart!.goals.map((line) => [line.seriesKey, line.value, line.label]),
      [['driving', 8, 'Goal ≥ 8']],
    );
  });

  it('lists the activities in the order the client named them, whatever order they were scored', () => {
    const [chart] = measureCharts(
      {
        measures: [psfs],
        activities: [activity('driving', 'Reversing the car'), activity('lifting', 'Lifting')],
        scores: [
          score({ activityId: 'lifting', value: 9 }),
          score({ activityId: 'driving', value: 3, recordedAt: '2026-11-10T15:00:00.000Z' }),
        ],
      },
      [],
    );
    assert.deepEqual(
      chart!.lines.map((line) => line.label),
      ['Reversing the car', 'Lifting'],
    );
  });

  it('reads scores as corrected, and leaves struck-out ones off', () => {
    const wrong = score({ activityId: 'driving', value: 2 });
    const struck = score({ activityId: 'driving', value: 9, recordedAt: '2026-11-10T15:00:00Z' });
    const [chart] = measureCharts(
      {
        measures: [psfs],
        activities: [activity('driving', 'Reversing the car')],
        scores: [
          wrong,
          struck,
          score({ activityId: 'driving', value: 4, correctsId: wrong.id, reason: 'Typo' }),
          score({
            activityId: 'driving',
            value: null,
            correctsId: struck.id,
            reason: 'Other client',
          }),
        ],
      },
      [],
    );
    assert.deepEqual(
      chart!.lines[0]!.points.map((point) => point.value),
      [4],
    );
  });

  it('keeps scores of an earlier scale off the chart and counts them', () => {
    const [chart] = measureCharts(
      {
        measures: [sleep],
        activities: [],
        scores: [
          score({ measureId: 'sleep', measureVersion: 1, value: 4 }),
          score({
            measureId: 'sleep',
            measureVersion: 2,
            value: 6,
            recordedAt: '2026-11-20T00:00:00Z',
          }),
        ],
      },
      [],
    );
    assert.deepEqual(
      [chart!.lines.length, chart!.lines[0]!.label, chart!.otherScaleScores, chart!.definition.max],
      [1, 'Sleep quality', 1, 10],
    );
  });

  it('marks a retired activity and draws only active and met goals', () => {
    const [chart] = measureCharts(
      {
        measures: [psfs],
        activities: [activity('driving', 'Reversing the car', '2026-11-20T00:00:00.000Z')],
        scores: [score({ activityId: 'driving', value: 3 })],
      },
      [
        goal({ id: 'met', status: 'met', targetValue: 6 }),
        goal({ id: 'stopped', status: 'stopped' }),
        goal({ id: 'revised', status: 'revised' }),
      ],
    );
    assert.equal(chart!.lines[0]!.retired, true);
    assert.deepEqual(
      chart!.goals.map((line) => [line.goalId, line.label]),
      [['met', 'Goal ≥ 6 (met)']],
    );
  });

  it('places a score entered in a note at its session, not when it was typed in', () => {
    // The PSFS was scored at the visit of the 3rd but typed into the note on the 10th, after
    // the visit of the 7th was scored on the chart: the line runs 3rd, 7th, then a score with
    // no session at the time it was entered.
    const sessions = [
      { sessionId: 'third', startsAt: '2026-11-03T09:00:00.000Z', serviceDate: '2026-11-03' },
      { sessionId: 'seventh', startsAt: '2026-11-07T09:00:00.000Z', serviceDate: '2026-11-07' },
    ];
    const [chart] = measureCharts(
      {
        measures: [psfs],
        activities: [activity('driving', 'Reversing the car')],
        scores: [
          score({
            activityId: 'driving',
            value: 6,
            sessionId: 'seventh',
            recordedAt: '2026-11-07T10:00:00.000Z',
          }),
          score({
            activityId: 'driving',
            value: 3,
            sessionId: 'third',
            recordedAt: '2026-11-10T18:00:00.000Z',
          }),
          score({ activityId: 'driving', value: 7, recordedAt: '2026-11-12T08:00:00.000Z' }),
        ],
      },
      [],
      sessions,
    );
    const line = chart!.lines[0]!;
    assert.deepEqual(
      line.points.map((point) => [
        new Date(point.at).toISOString(),
        point.serviceDate,
        point.value,
      ]),
      [
        ['2026-11-03T09:00:00.000Z', '2026-11-03', 3],
        ['2026-11-07T09:00:00.000Z', '2026-11-07', 6],
        ['2026-11-12T08:00:00.000Z', null, 7],
      ],
    );
    // The band is around the first score on the chart, the one of the earliest session.
    assert.deepEqual(line.band, { from: 1, to: 5 });
    assert.deepEqual(
      measureRows(chart!).map((row) => [row.serviceDate, row.sessionId, row.values]),
      [
        ['2026-11-03', 'third', { driving: 3 }],
        ['2026-11-07', 'seventh', { driving: 6 }],
        [null, null, { driving: 7 }],
      ],
    );
  });

  it('places a score at its entry time when its session is not among those charted', () => {
    const [chart] = measureCharts(
      {
        measures: [psfs],
        activities: [activity('driving', 'Reversing the car')],
        scores: [score({ activityId: 'driving', value: 4, sessionId: 'draft-note' })],
      },
      [],
      [],
    );
    const [point] = chart!.lines[0]!.points;
    assert.equal(point!.at, Date.parse('2026-11-03T15:00:00.000Z'));
    assert.equal(point!.serviceDate, null);
    assert.equal(point!.sessionId, 'draft-note');
  });

  it('has no chart for a measure without scores', () => {
    assert.deepEqual(
      measureCharts({ measures: builtInMeasures, activities: [], scores: [] }, []),
      [],
    );
  });
});

describe('importantChangeBand', () => {
  it('spans the minimal important change either side of the first score, inside the scale', () => {
    assert.deepEqual(importantChangeBand(5, 2, { min: 0, max: 10 }), { from: 3, to: 7 });
    assert.deepEqual(importantChangeBand(1, 2, { min: 0, max: 10 }), { from: 0, to: 3 });
    assert.deepEqual(importantChangeBand(9.5, 2, { min: 0, max: 10 }), { from: 7.5, to: 10 });
  });
});

describe('pain from the notes', () => {
  it('bands the first pain before by 2 points (NPRS), and has none without one', () => {
    assert.deepEqual(painBand(7), { from: 5, to: 9 });
    assert.equal(painBand(null), null);
  });

  it('draws pain goals on the pain chart, keyed by the moment they concern', () => {
    const lines = painGoalLines([
      goal({
        id: 'after',
        target: { kind: 'pain', moment: 'after' },
        comparator: 'at_most',
        targetValue: 2,
      }),
      goal({ id: 'measure' }),
    ]);
    assert.deepEqual(
      lines.map((line) => [line.goalId, line.seriesKey, line.label]),
      [['after', 'after', 'Goal ≤ 2']],
    );
  });
});

describe('measureChartsSince', () => {
  it('keeps the scores of the period, drops empty lines and charts, and keeps the first band', () => {
    const charts = measureCharts(
      {
        measures: [psfs, sleep],
        activities: [activity('driving', 'Reversing the car'), activity('lifting', 'Lifting')],
        scores: [
          score({ activityId: 'driving', value: 3, recordedAt: '2026-01-05T15:00:00.000Z' }),
          score({ activityId: 'lifting', value: 9, recordedAt: '2026-01-05T15:00:00.000Z' }),
          score({ activityId: 'driving', value: 6, recordedAt: '2026-11-17T15:00:00.000Z' }),
          score({ measureId: 'sleep', measureVersion: 2, recordedAt: '2026-01-05T15:00:00.000Z' }),
        ],
      },
      [],
    );
    const since = measureChartsSince(charts, Date.parse('2026-06-01T00:00:00.000Z'));
    assert.deepEqual(
      since.map((chart) => [
        chart.measureId,
        chart.lines.map((line) => [line.key, line.points.map((point) => point.value), line.band]),
      ]),
      [['psfs', [['driving', [6], { from: 1, to: 5 }]]]],
    );
  });
});

describe('measureRows', () => {
  it('puts the scores of one instant on one row, a column per activity', () => {
    const [chart] = measureCharts(
      {
        measures: [psfs],
        activities: [activity('driving', 'Reversing the car'), activity('lifting', 'Lifting')],
        scores: [
          score({ activityId: 'driving', value: 3, sessionId: 'first' }),
          score({ activityId: 'lifting', value: 9, sessionId: 'first' }),
          score({ activityId: 'lifting', value: 8, recordedAt: '2026-11-17T15:00:00.000Z' }),
        ],
      },
      [],
    );
    assert.deepEqual(
      measureRows(chart!).map((row) => [row.recordedAt, row.values, row.sessionId]),
      [
        ['2026-11-03T15:00:00.000Z', { driving: 3, lifting: 9 }, 'first'],
        ['2026-11-17T15:00:00.000Z', { lifting: 8 }, null],
      ],
    );
  });
});
