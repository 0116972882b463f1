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
 * The instant a wall-clock time on a calendar day happens in a zone, as ISO 8601 in UTC: a
 * session booked for 14:00 in Toronto is stored as 19:00Z (or 18:00Z in summer).
 */
export function instantAt(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Guess with the offset at that wall-clock time read as UTC, then correct once for a DST
  // change in between.
  let instant = wallClockAsUtc - offsetMinutes(timeZone, new Date(wallClockAsUtc)) * 60_000;
  instant = wallClockAsUtc - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/**
 * The instant a calendar day begins in a zone, as ISO 8601. `dayAfter` gives the start of the
 * following day, for an end-exclusive "to" bound.
 */
export function startOfDayIn(date: string, timeZone: string, dayAfter = false): string {
  return instantAt(dayAfter ? addDays(date, 1) : date, '00:00', timeZone);
}

/** A calendar date some days later (or earlier), YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The Monday of the week a calendar date falls in: the schedule's weeks start on Monday. */
export function mondayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

const weekdayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** `2026-11-30` → `Monday, 30 November` (in the reader's locale). */
export function formatWeekday(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return weekdayFormat.format(new Date(Date.UTC(year, month - 1, day)));
}

/** The practice's wall-clock time of an instant, e.g. `14:00` or `2:00 PM`. */
export function formatTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}

/** The practice's wall-clock time of an instant as an `<input type="time">` value, `HH:MM`. */
export function timeInputValue(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

/** A session's time span, `14:00–15:00`. */
export function formatTimeSpan(startsAt: string, minutes: number, timeZone: string): string {
  const end = new Date(new Date(startsAt).getTime() + minutes * 60_000).toISOString();
  return `${formatTime(startsAt, timeZone)}–${formatTime(end, timeZone)}`;
}
