/**
 * How dates read on screen. Calendar dates (a birth date) have no time zone and are shown as
 * written; instants (an audit event) are shown in the practice's time zone, not the device's,
 * so a clinic's records read the same on every computer.
 */

const calendarDateFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeZone: 'UTC',
});

/** `1985-03-12` → `12 Mar 1985` (in the reader's locale). */
export function formatCalendarDate(date: string | null): string {
  if (date === null) return '';
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return date;
  return calendarDateFormat.format(new Date(Date.UTC(year, month - 1, day)));
}

export function formatInstant(instant: string, timeZone: string, withSeconds = false): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: withSeconds ? 'medium' : 'short',
    timeZone,
  }).format(new Date(instant));
}

/** The practice's calendar day an instant fell on, e.g. when a client was added. */
export function formatDayOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(
    new Date(instant),
  );
}

/** Today's date where the practice is, written YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(now);
}

/** Minutes a zone is ahead of UTC at a given instant (negative west of Greenwich). */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wallClockAsUtc - at.getTime()) / 60_000);
}

/**
 * The instant a calendar day begins in a zone, as ISO 8601. `dayAfter` gives the start of the
 * following day, for an end-exclusive "to" bound.
 */
export function startOfDayIn(date: string, timeZone: string, dayAfter = false): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day + (dayAfter ? 1 : 0));
  // Guess with the offset at UTC midnight, then correct once for a DST change in between.
  let instant = midnightAsUtc - offsetMinutes(timeZone, new Date(midnightAsUtc)) * 60_000;
  instant = midnightAsUtc - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}
