import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ids, recordFacts } from '../../../test/support/fhir-record-facts.js';
import { builtInMeasures, type MeasureScore } from '../outcome-measures.js';
import { bundleLinks } from './links.js';
import { goalResource, scoreObservation } from './outcomes.js';
import { mappingContext, type GoalFacts } from './record.js';

const context = mappingContext(recordFacts(), bundleLinks);
const facts = { measures: builtInMeasures, activities: [] };

function score(overrides: Partial<MeasureScore> = {}): MeasureScore {
  return {
    id: '01900000-0000-7000-8000-0000000000a1',
    clientId: ids.client,
    measureId: 'nprs',
    measureVersion: 1,
    activityId: null,
    value: 6,
    sessionId: null,
    recordedAt: '2026-11-20T15:00:00.000Z',
    enteredAt: '2026-11-20T15:05:00.000Z',
    recordedBy: ids.therapist,
    source: 'staff',
    correctsId: null,
    reason: null,
    ...overrides,
  };
}

describe('outcome measures and goals as FHIR', () => {
  it('keeps a corrected score as the same observation, marked corrected with the reason', () => {
    const corrected = scoreObservation(
      score({
        id: '01900000-0000-7000-8000-0000000000a2',
        correctsId: '01900000-0000-7000-8000-0000000000a1',
        value: 4,
        reason: 'Typed 6 for 4',
      }),
      facts,
      context,
    );
    assert.equal(corrected.id, '01900000-0000-7000-8000-0000000000a1');
    assert.equal(corrected.status, 'corrected');
    assert.equal(corrected.valueQuantity?.value, 4);
    assert.deepEqual(
      corrected.note?.map((note) => note.text),
      ['Scale 0–10, lower is better; a change of 2 matters.', 'Corrected: Typed 6 for 4'],
    );
  });

  it('counts a score the client sent through their link as reported by the client', () => {
    const observation = scoreObservation(
      score({ source: 'client_link', recordedBy: null }),
      facts,
      context,
    );
    assert.deepEqual(observation.performer, [context.patient]);
    assert.equal(observation.code.coding?.[0]?.code, '72514-3');
  });

  it('marks a met goal completed and achieved, a revised one cancelled', () => {
    const goal: GoalFacts = {
      id: '01900000-0000-7000-8000-0000000000b1',
      statement: 'Pain at most 2 after treatment',
      target: { kind: 'pain', moment: 'after' },
      comparator: 'at_most',
      targetValue: 2,
      reEvaluationDate: null,
      status: 'met',
      statusReason: null,
      createdAt: '2026-10-01T12:00:00.000Z',
      updatedAt: '2026-11-20T12:00:00.000Z',
    };
    const met = goalResource(goal, facts, context);
    assert.equal(met.lifecycleStatus, 'completed');
    assert.equal(met.achievementStatus?.coding?.[0]?.code, 'achieved');
    assert.equal(met.target?.[0]?.detailQuantity?.comparator, '<=');
    assert.equal(met.target?.[0]?.measure?.text, 'Pain after treatment');
    const revised = goalResource({ ...goal, status: 'revised' }, facts, context);
    assert.equal(revised.lifecycleStatus, 'cancelled');
    assert.equal(revised.statusReason, 'Revised');
  });
});
