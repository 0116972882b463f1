import jStat from 'jstat';

/**
 * The few statistics Palpate reports, written out so each can be checked by hand: a mean with
 * its Student-t confidence interval, and Welch's difference of two means (which does not assume
 * the two groups vary alike: a client's sessions with and without a technique rarely do).
 * Pure functions of the numbers given; nothing here decides what is "enough" data.
 */

export interface Interval {
  low: number;
  high: number;
}

export interface MeanEstimate {
  n: number;
  mean: number;
  /** Null for a single value: one observation says nothing about its own uncertainty. */
  interval: Interval | null;
}

export interface DifferenceEstimate {
  /** Mean of the first group minus mean of the second. */
  difference: number;
  firstMean: number;
  secondMean: number;
  firstN: number;
  secondN: number;
  interval: Interval;
  /** Welch–Satterthwaite degrees of freedom; null when neither group varies at all. */
  degreesOfFreedom: number | null;
}

export const defaultConfidence = 0.95;

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The sample variance (n − 1 in the denominator); two passes, so equal values give exactly 0. */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const centre = mean(values);
  let sum = 0;
  for (const value of values) sum += (value - centre) ** 2;
  return sum / (values.length - 1);
}

const criticalValues = new Map<string, number>();

/**
 * The two-sided critical value of Student's t, e.g. 2.776 for 95% and 4 degrees of freedom.
 * The inverse is found by iteration, so values are kept: a table of a hundred rows asks for the
 * same few degrees of freedom again and again.
 */
export function tCritical(degreesOfFreedom: number, confidence = defaultConfidence): number {
  const key = `${confidence}:${degreesOfFreedom}`;
  let value = criticalValues.get(key);
  if (value === undefined) {
    value = jStat.studentt.inv(1 - (1 - confidence) / 2, degreesOfFreedom);
    // Welch's fractional degrees of freedom rarely repeat; whole ones (n − 1) always do.
    if (Number.isInteger(degreesOfFreedom) && criticalValues.size < 10_000)
      criticalValues.set(key, value);
  }
  return value;
}

/** The mean of the values with its confidence interval; null when there are none. */
export function estimateMean(
  values: readonly number[],
  confidence = defaultConfidence,
): MeanEstimate | null {
  const n = values.length;
  if (n === 0) return null;
  const centre = mean(values);
  if (n === 1) return { n, mean: centre, interval: null };
  const standardError = Math.sqrt(sampleVariance(values) / n);
  const halfWidth = standardError === 0 ? 0 : tCritical(n - 1, confidence) * standardError;
  return { n, mean: centre, interval: { low: centre - halfWidth, high: centre + halfWidth } };
}

/**
 * Welch's difference of two means with its confidence interval (Welch–Satterthwaite degrees of
 * freedom). Null unless each group has at least two values, without which neither spread is
 * known. When neither group varies the interval is the difference itself.
 */
export function welchDifference(
  first: readonly number[],
  second: readonly number[],
  confidence = defaultConfidence,
): DifferenceEstimate | null {
  const firstN = first.length;
  const secondN = second.length;
  if (firstN < 2 || secondN < 2) return null;
  const firstMean = mean(first);
  const secondMean = mean(second);
  const difference = firstMean - secondMean;
  const firstShare = sampleVariance(first) / firstN;
  const secondShare = sampleVariance(second) / secondN;
  const base = { difference, firstMean, secondMean, firstN, secondN };
  const variance = firstShare + secondShare;
  if (variance === 0) {
    return { ...base, interval: { low: difference, high: difference }, degreesOfFreedom: null };
  }
  const degreesOfFreedom =
    variance ** 2 / (firstShare ** 2 / (firstN - 1) + secondShare ** 2 / (secondN - 1));
  const halfWidth = tCritical(degreesOfFreedom, confidence) * Math.sqrt(variance);
  return {
    ...base,
    interval: { low: difference - halfWidth, high: difference + halfWidth },
    degreesOfFreedom,
  };
}

/** How many values meet a condition. */
export function countWhere<T>(values: readonly T[], condition: (value: T) => boolean): number {
  let count = 0;
  for (const value of values) if (condition(value)) count += 1;
  return count;
}
