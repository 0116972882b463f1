/** Building a formatter loads the zone's rules (~0.1 ms); one per zone is kept and reused. */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // A practice has one zone; the cap only guards against a caller passing many spellings.
    if (dateFormatters.size >= 100) dateFormatters.clear();
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Dates of service are local dates in the practice's time zone: a 23:30 session in Toronto
 * happened on that Toronto date, whatever UTC says.
 */
export function localDate(instant: Date, timeZone: string): string {
  const parts = dateFormatter(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
