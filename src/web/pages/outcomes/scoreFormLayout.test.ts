import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  builtInMeasures,
  type MeasureScore,
  type PsfsActivity,
} from '../../../domain/outcome-measures.js';
import type { ClientMeasuresView } from '../../../domain/outcome-views.js';
import { scoreFormLayout } from './scoreFormLayout.js';

const activity = (id: string): PsfsActivity => ({
  id,
  clientId: 'c',
  description: id,
  createdAt: '2026-11-27T15:00:00.000Z',
  createdBy: null,
  retiredAt: null,
});
const score = (measureId: string, activityId: string | null, sessionId: string): MeasureScore => ({
  id: `${measureId}-${activityId}-${sessionId}`,
  clientId: 'c',
  measureId,
  measureVersion: 1,
  activityId,
  value: 4,
  sessionId,
  recordedAt: '2026-11-27T15:00:00.000Z',
  enteredAt: '2026-11-27T15:00:00.000Z',
  recordedBy: 't',
  source: 'staff',
  correctsId: null,
  reason: null,
});

function view(fields: Partial<ClientMeasuresView>): ClientMeasuresView {
  return {
    clientId: 'c',
    measures: builtInMeasures,
    activities: [activity('driving'), activity('typing')],
    scores: [],
    schedule: [],
    due: { sessionId: 's1', startsAt: null, measures: [] },
    ...fields,
  };
}
const ids = (layout: ReturnType<typeof scoreFormLayout>) =>
  layout.blocks.map((block) => block.measure.id);

describe('the score form', () => {
  it('shows the measures due, and offers the others', () => {
    const layout = scoreFormLayout(
      view({
        due: {
          sessionId: 's1',
          startsAt: null,
          measures: [{ measureId: 'nprs', reasons: ['intake'] }],
        },
      }),
      's1',
      [],
    );
    assert.deepEqual(ids(layout), ['nprs']);
    assert.deepEqual(
      layout.others.map((measure) => measure.id),
      ['psfs'],
    );
  });

  it('keeps the PSFS open at a session for activities it has not scored yet', () => {
    const layout = scoreFormLayout(view({ scores: [score('psfs', 'driving', 's1')] }), 's1', []);
    assert.deepEqual(ids(layout), ['psfs']);
    assert.deepEqual(
      layout.blocks[0]!.activities.map((entry) => entry.id),
      ['typing'],
    );
  });

  it('leaves out a measure the session already has a score for', () => {
    const layout = scoreFormLayout(view({ scores: [score('nprs', null, 's1')] }), 's1', ['nprs']);
    assert.deepEqual(ids(layout), []);
    assert.equal(
      layout.others.some((measure) => measure.id === 'nprs'),
      false,
    );
  });

  it('scores anything on the chart, where no session is concerned', () => {
    const layout = scoreFormLayout(view({ scores: [score('nprs', null, 's1')] }), null, ['nprs']);
    assert.deepEqual(ids(layout), ['nprs']);
  });
});
