import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { painMarksOf } from './progress.js';

describe('painMarksOf', () => {
  it('keeps pain marks only, one per region at its strongest, in the order first marked', () => {
    assert.deepEqual(
      painMarksOf([
        { region: 'calves_l', kind: 'pain', intensity: 1 },
        { region: 'upper_trapezius_r', kind: 'tension', intensity: 3 },
        { region: 'head', kind: 'pain', intensity: 2 },
        { region: 'calves_l', kind: 'pain', intensity: 3 },
        { region: 'calves_l', kind: 'pain', intensity: 2 },
      ]),
      [
        { region: 'calves_l', intensity: 3 },
        { region: 'head', intensity: 2 },
      ],
    );
  });

  it('skips marks that do not parse rather than losing the whole chart', () => {
    assert.deepEqual(
      painMarksOf([
        { region: 'not_a_region', kind: 'pain', intensity: 2 },
        { region: 'head', kind: 'pain', intensity: 7 },
        null,
        { region: 'sacrum', kind: 'pain', intensity: 1 },
      ]),
      [{ region: 'sacrum', intensity: 1 }],
    );
  });

  it('reads a missing or odd body chart as no pain marks', () => {
    assert.deepEqual(painMarksOf(null), []);
    assert.deepEqual(painMarksOf({ region: 'head' }), []);
    assert.deepEqual(painMarksOf([]), []);
  });
});
