import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartScale, valueTicks } from './record-pdf-chart.js';

const box = { x: 100, y: 0, width: 300, height: 100 };

describe('chartScale', () => {
  const scale = chartScale(
    {
      min: 0,
      max: 10,
      series: [
        {
          label: 'pain',
          colour: 'red',
          points: [
            { date: '2026-01-01', value: 8 },
            { date: '2026-01-31', value: 2 },
            { date: '2026-01-11', value: 5 },
          ],
        },
      ],
    },
    box,
  );

  it('places dates in proportion to the days between them', () => {
    assert.equal(scale.x('2026-01-01'), 100);
    assert.equal(scale.x('2026-01-31'), 400);
    assert.equal(scale.x('2026-01-11'), 200);
  });

  it('draws the measure’s own range, higher values higher up, and keeps stray ones inside', () => {
    assert.equal(scale.y(0), 100);
    assert.equal(scale.y(10), 0);
    assert.equal(scale.y(12), 0);
  });

  it('puts a single session in the middle', () => {
    const single = chartScale(
      {
        min: 0,
        max: 10,
        series: [{ label: 'p', colour: 'red', points: [{ date: '2026-01-01', value: 3 }] }],
      },
      box,
    );
    assert.equal(single.x('2026-01-01'), 250);
  });
});

describe('valueTicks', () => {
  it('labels a 0–10 scale every 2', () => {
    assert.deepEqual(valueTicks(0, 10), [0, 2, 4, 6, 8, 10]);
  });

  it('labels a 0–100 scale every 20', () => {
    assert.deepEqual(valueTicks(0, 100), [0, 20, 40, 60, 80, 100]);
  });
});
