import type { Verdict } from './effectiveness-views.js';
import type { Interval } from './statistics.js';

/**
 * The words that go with effectiveness figures. Observational data from a practice can show
 * what goes with relief, not what causes it: every sentence says "associated with", states its
 * interval, and a difference whose interval crosses zero is worded as no clear difference.
 */

/** Whether an interval lies wholly on one side of zero, i.e. the sign of a difference is clear. */
export function excludesZero(interval: Interval): boolean {
  return interval.low > 0 || interval.high < 0;
}

/** One decimal, with a true minus sign, e.g. "−0.4". */
export function points(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Math.abs(rounded).toFixed(1);
  return rounded < 0 ? `−${text}` : text;
}

export function intervalText(interval: Interval): string {
  return `95% CI ${points(interval.low)} to ${points(interval.high)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The reading of a difference in relief (with − without). */
export function differenceVerdict(interval: Interval, difference: number): Verdict {
  if (!excludesZero(interval)) return 'no_clear_difference';
  return difference > 0 ? 'more_relief' : 'less_relief';
}

/** Who the comparison is with: this client's own sessions, or the same clients' sessions. */
export type Comparison = 'client' | 'clients';

const without = (comparison: Comparison) =>
  comparison === 'client'
    ? 'this client’s sessions without it'
    : 'the same clients’ sessions without it';

export function differenceSummary(
  verdict: Verdict,
  difference: number,
  comparison: Comparison,
): string {
  switch (verdict) {
    case 'more_relief':
      return `Associated with ${points(difference)} more points of relief`;
    case 'less_relief':
      return `Associated with ${points(-difference)} fewer points of relief`;
    case 'no_clear_difference':
      return 'No clear difference in relief';
    case 'not_enough_sessions':
      return comparison === 'client' ? 'Not enough sessions yet' : 'Not enough clients yet';
    case 'nothing_to_compare':
      return 'Nothing to compare with yet';
  }
}

export function differenceStatement(
  verdict: Verdict,
  difference: number,
  interval: Interval,
  comparison: Comparison,
): string {
  const range = intervalText(interval);
  if (verdict === 'no_clear_difference')
    return `No clear difference in relief from ${without(comparison)} (${range}).`;
  return `${differenceSummary(verdict, difference, comparison)} than ${without(comparison)} (${range}).`;
}

/** Mean relief during a session: positive when pain fell. */
export function reliefStatement(mean: number, interval: Interval, who: string): string {
  const direction = mean >= 0 ? 'fell' : 'rose';
  return `Pain ${direction} by ${points(Math.abs(mean))} points on average from before to after ${who} (${intervalText(interval)}).`;
}

/** Mean carry-over: positive when pain before the next visit was lower. */
export function carryOverStatement(mean: number, interval: Interval, who: string): string {
  const direction = mean >= 0 ? 'lower' : 'higher';
  return `By the next visit, pain before was ${points(Math.abs(mean))} points ${direction} on average than before ${who} (${intervalText(interval)}).`;
}

export function followUpStatements(
  reported: number,
  reactions: number,
  highSoreness: number,
): string[] {
  if (reported === 0) return ['No follow-ups reported after these sessions yet.'];
  const of = `of ${plural(reported, 'session')} with a follow-up`;
  return [
    reactions === 0
      ? `No adverse reactions reported (${plural(reported, 'follow-up')}).`
      : `Adverse reactions reported after ${reactions} ${of}.`,
    ...(highSoreness > 0
      ? [`High soreness (7 or more) reported after ${highSoreness} ${of}.`]
      : []),
  ];
}
