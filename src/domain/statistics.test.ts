import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countWhere,
  estimateMean,
  mean,
  sampleVariance,
  tCritical,
  welchDifference,
} from './statistics.js';

/** Reference values were computed by hand and checked with SciPy (stats.t.ppf). */
const close = (actual: number | undefined, expected: number, digits = 6) =>
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < 10 ** -digits,
    `expected ${expected}, got ${actual}`,
  );

describe('mean and sample variance', () => {
  it('computes them with n − 1 in the variance', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    assert.equal(mean(values), 5);
    close(sampleVariance(values), 32 / 7);
  });

  it('gives exactly zero variance for equal values', () => {
    assert.equal(sampleVariance([3, 3, 3, 3]), 0);
  });
});

describe('tCritical', () => {
  it('matches the t tables for 95% confidence', () => {
    close(tCritical(4), 2.776445, 5);
    close(tCritical(7), 2.364624, 5);
    close(tCritical(30), 2.042272, 5);
  });
});

describe('estimateMean', () => {
  it('gives the mean with a Student-t 95% interval', () => {
    // mean 5, s² = 32/7, se = 0.755929, t(0.975, 7) = 2.364624
    const estimate = estimateMean([2, 4, 4, 4, 5, 5, 7, 9]);
    assert.equal(estimate?.n, 8);
    assert.equal(estimate?.mean, 5);
    close(estimate?.interval?.low, 3.212512);
    close(estimate?.interval?.high, 6.787488);
  });

  it('widens the interval for few values', () => {
    // mean 2, s = 1, se = 0.577350, t(0.975, 2) = 4.302653
    const estimate = estimateMean([1, 2, 3]);
    close(estimate?.interval?.low, -0.484138);
    close(estimate?.interval?.high, 4.484138);
  });

  it('gives a mean but no interval for a single value', () => {
    assert.deepEqual(estimateMean([4]), { n: 1, mean: 4, interval: null });
  });

  it('gives an interval of no width when every value is equal', () => {
    assert.deepEqual(estimateMean([3, 3, 3]), { n: 3, mean: 3, interval: { low: 3, high: 3 } });
  });

  it('gives nothing for no values', () => {
    assert.equal(estimateMean([]), null);
  });
});

describe('welchDifference', () => {
  it('gives the difference of means with Welch–Satterthwaite degrees of freedom', () => {
    // means 7 and 2; s²/n = 20/3/4 = 1.666667 and 1/3 = 0.333333; se = √2;
    // df = 2² / (1.666667²/3 + 0.333333²/2) = 4.075472
    const estimate = welchDifference([4, 6, 8, 10], [1, 2, 3]);
    assert.equal(estimate?.difference, 5);
    assert.equal(estimate?.firstMean, 7);
    assert.equal(estimate?.secondMean, 2);
    close(estimate?.degreesOfFreedom ?? undefined, 4.075472);
    close(estimate?.interval.low, 1.102025);
    close(estimate?.interval.high, 8.897975);
  });

  it('is negative when the first group has the lower mean', () => {
    const estimate = welchDifference([1, 2, 3], [4, 6, 8, 10]);
    assert.equal(estimate?.difference, -5);
    close(estimate?.interval.low, -8.897975);
    close(estimate?.interval.high, -1.102025);
  });

  it('takes its degrees of freedom from the group that varies when the other does not', () => {
    const estimate = welchDifference([3, 3, 3], [1, 2, 3]);
    close(estimate?.degreesOfFreedom ?? undefined, 2);
    close(estimate?.interval.low, -1.484138);
    close(estimate?.interval.high, 3.484138);
  });

  it('handles groups of different sizes and spreads', () => {
    const estimate = welchDifference([5, 6, 7, 8, 3], [2, 2, 4, 1]);
    close(estimate?.difference, 3.55);
    close(estimate?.degreesOfFreedom ?? undefined, 6.821398);
    close(estimate?.interval.low, 1.016452);
    close(estimate?.interval.high, 6.083548);
  });

  it('gives the difference itself as the interval when neither group varies', () => {
    const estimate = welchDifference([4, 4], [1, 1, 1]);
    assert.equal(estimate?.difference, 3);
    assert.deepEqual(estimate?.interval, { low: 3, high: 3 });
    assert.equal(estimate?.degreesOfFreedom, null);
  });

  it('gives nothing unless each group has two values', () => {
    assert.equal(welchDifference([1], [1, 2, 3]), null);
    assert.equal(welchDifference([1, 2, 3], [2]), null);
    assert.equal(welchDifference([], []), null);
  });
});

describe('countWhere', () => {
  it('counts the values that meet a condition', () => {
    assert.equal(
      countWhere([7, 2, 8, 6], (soreness) => soreness >= 7),
      2,
    );
  });
});
