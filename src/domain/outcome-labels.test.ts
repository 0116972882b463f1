import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeasureSchedule } from './measure-schedule.js';
import { formatScore, goalTargetText, scheduleText } from './outcome-labels.js';
import { builtInMeasures, type PsfsActivity } from './outcome-measures.js';

const drive: PsfsActivity = {
  id: 'drive',
  clientId: 'c',
  description: 'Turning my head to drive',
  createdAt: '2026-11-27T15:00:00.000Z',
  createdBy: null,
  retiredAt: null,
};

describe('outcome words', () => {
  it('writes a score to its precision without trailing zeros', () => {
    assert.equal(formatScore(6, 0), '6');
    assert.equal(formatScore(6.5, 2), '6.5');
    assert.equal(formatScore(0.1 + 0.2, 1), '0.3');
  });

  it('names a PSFS goal by its activity, and a pain goal by its moment', () => {
    const psfs = goalTargetText(
      {
        target: { kind: 'measure', measureId: 'psfs', activityId: 'drive' },
        comparator: 'at_least',
        targetValue: 8,
      },
      builtInMeasures,
      [drive],
    );
    assert.equal(psfs, 'PSFS “Turning my head to drive” ≥ 8');
    const pain = goalTargetText(
      { target: { kind: 'pain', moment: 'after' }, comparator: 'at_most', targetValue: 2 },
      builtInMeasures,
      [],
    );
    assert.equal(pain, 'Pain after treatment ≤ 2');
  });

  it('says when a measure is taken', () => {
    const schedule = MeasureSchedule.parse({
      measureId: 'psfs',
      atIntake: true,
      everySessions: 3,
      atDischarge: true,
    });
    assert.equal(scheduleText(schedule), 'at intake, every 3 sessions, at discharge');
  });
});
