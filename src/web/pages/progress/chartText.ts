/**
 * Words and labels of the progress charts: the technique initials under the pain chart, axis
 * dates, and the one-paragraph summary each chart's caption gives, which is also what a
 * screen reader hears before the table.
 */

/**
 * Short, distinct initials for technique names, for the markers under the pain chart:
 * "Myofascial release" → "MR", "Swedish" → "Sw". Two names that would share initials get
 * more letters of their last word until they differ.
 */
export function techniqueInitials(names: readonly string[]): Map<string, string> {
  const unique = [...new Set(names)];
  const words = (name: string) => name.split(/[\s-]+/).filter(Boolean);
  const initials = (name: string, extra: number): string => {
    const parts = words(name);
    if (parts.length <= 1) return (parts[0] ?? name).slice(0, 2 + extra);
    const head = parts
      .slice(0, -1)
      .map((part) => part[0]!.toUpperCase())
      .join('');
    const last = parts.at(-1)!;
    return head + last[0]!.toUpperCase() + last.slice(1, 1 + extra);
  };
  const result = new Map<string, string>();
  for (const name of unique) {
    let extra = 0;
    let candidate = initials(name, extra);
    const taken = () => [...result.values()].includes(candidate);
    while (taken() && extra < name.length) {
      extra += 1;
      candidate = initials(name, extra);
    }
    result.set(name, taken() ? name : candidate);
  }
  return result;
}

/** Where a chart point or a table row leads: the session it came from. */
export const sessionHref = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;

const dayMs = 86_400_000;

/** Axis dates: day and month over a short span, month and year over a long one. */
export function timeTickFormatter(domain: readonly [number, number]): (at: number) => string {
  const long = domain[1] - domain[0] > 300 * dayMs;
  const format = new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    ...(long ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }),
  });
  return (at) => format.format(new Date(at));
}

/** Round-numbered ticks for a measure's scale, at most six: 0–10 by 2, 0–7 by 2, 0–180 by 50. */
export function scaleTicks(min: number, max: number): number[] {
  const rough = (max - min) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10]
      .map((factor) => factor * magnitude)
      .find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + 1e-9; tick += step) {
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

export interface ScoreChange {
  first: number;
  last: number;
  /** Last − first, in the measure's units. */
  change: number;
  verdict: 'better' | 'worse' | 'no_important_change';
}

/**
 * Whether a change is one the client would notice: at least the minimal important change, in
 * the direction that counts as better for this measure.
 */
export function scoreChange(
  first: number,
  last: number,
  minimalImportantChange: number,
  better: 'higher' | 'lower',
): ScoreChange {
  const change = last - first;
  const gain = better === 'higher' ? change : -change;
  const verdict =
    gain >= minimalImportantChange - 1e-9
      ? 'better'
      : gain <= -minimalImportantChange + 1e-9
        ? 'worse'
        : 'no_important_change';
  return { first, last, change, verdict };
}

const verdictWords: Record<ScoreChange['verdict'], string> = {
  better: 'better by at least the minimal important change',
  worse: 'worse by at least the minimal important change',
  no_important_change: 'less than the minimal important change',
};

/** "from 7 to 3 (better by at least the minimal important change of 2)" */
export function changeText(
  values: readonly number[],
  minimalImportantChange: number,
  better: 'higher' | 'lower',
): string | null {
  if (values.length === 0) return null;
  const first = values[0]!;
  const last = values.at(-1)!;
  if (values.length === 1) return `${first}, once`;
  const { verdict } = scoreChange(first, last, minimalImportantChange, better);
  return `from ${first} to ${last} (${verdictWords[verdict]} of ${minimalImportantChange})`;
}

/** What an empty section says when a period hides earlier entries. */
export function nothingWithin(within: string, what: string): string {
  return `No ${what} ${within}. Choose “All” under Period to see earlier ones.`;
}

/** "1 session", "6 sessions" */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
