import type { DateFormat } from '../client-list-import.js';
import { birthDateIssue } from '../clients.js';
import { isCalendarDate } from '../text.js';

/**
 * Dates as other software writes them: 1985-04-12, 12/04/1985, 4/12/85, 12.04.1985,
 * "12 Apr 1985", "April 12, 1985", often with a midnight time Excel adds. Only the order of
 * day and month cannot be read from one date; the file's format is chosen once (guessed from
 * dates that settle it, such as 25/12/1985) and every row is read the same way.
 */
const monthNames = [
  ['jan', 'january', 'janvier', 'janv'],
  ['feb', 'february', 'fevrier', 'fev', 'fevr'],
  ['mar', 'march', 'mars'],
  ['apr', 'april', 'avril', 'avr'],
  ['may', 'mai'],
  ['jun', 'june', 'juin'],
  ['jul', 'july', 'juillet', 'juil'],
  ['aug', 'august', 'aout'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'decembre'],
];
const months = new Map(
  monthNames.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

const formatNames: Record<DateFormat, string> = {
  DMY: 'day/month/year',
  MDY: 'month/day/year',
  YMD: 'year-month-day',
};

const pad = (value: number) => String(value).padStart(2, '0');

/** A two-digit year is the most recent one not after today: 85 is 1985, 09 is 2009. */
function fullYear(year: string, today: string): number {
  if (year.length === 4) return Number(year);
  const thisYear = Number(today.slice(0, 4));
  const inThisCentury = Math.floor(thisYear / 100) * 100 + Number(year);
  return inThisCentury > thisYear ? inThisCentury - 100 : inThisCentury;
}

function monthNumber(name: string): number | null {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
  return months.get(folded) ?? null;
}

type Parts =
  { year: number; month: number; day: number } | { dayOrMonth: [number, number]; year: number };

function partsOf(text: string, today: string): Parts | null {
  const value = text
    .trim()
    .replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[ap]\.?m\.?)?(Z|[+-]\d{2}:?\d{2})?$/i, '')
    .trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  match = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$/.exec(value);
  if (match) {
    return { dayOrMonth: [Number(match[1]), Number(match[2])], year: fullYear(match[3]!, today) };
  }
  match = /^(\d{1,2})[-/. ]*([\p{L}]{3,9}\.?)[-/., ]*(\d{2}|\d{4})$/u.exec(value);
  if (match && monthNumber(match[2]!)) {
    return {
      year: fullYear(match[3]!, today),
      month: monthNumber(match[2]!)!,
      day: Number(match[1]),
    };
  }
  match = /^([\p{L}]{3,9}\.?)[-/. ]*(\d{1,2})(st|nd|rd|th)?,?[-/. ]*(\d{4})$/u.exec(value);
  if (match && monthNumber(match[1]!)) {
    return { year: Number(match[4]), month: monthNumber(match[1]!)!, day: Number(match[2]) };
  }
  return null;
}

export type DateReading = { date: string } | { problem: string };

/** A birth date read in the file's format, checked against the calendar and today. */
export function readBirthDate(text: string, format: DateFormat, today: string): DateReading {
  const parts = partsOf(text, today);
  if (!parts) return { problem: `“${text}” is not a date Palpate can read.` };
  let year: number;
  let month: number;
  let day: number;
  if ('dayOrMonth' in parts) {
    if (format === 'YMD') {
      return { problem: `“${text}” is not written year first, as the chosen format says.` };
    }
    [day, month] = format === 'DMY' ? parts.dayOrMonth : [parts.dayOrMonth[1], parts.dayOrMonth[0]];
    year = parts.year;
  } else {
    ({ year, month, day } = parts);
  }
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!isCalendarDate(date)) {
    return {
      problem:
        'dayOrMonth' in parts
          ? `“${text}” is not a date read as ${formatNames[format]}.`
          : `“${text}” is not a day of the calendar.`,
    };
  }
  const issue = birthDateIssue(date, today);
  return issue ? { problem: issue } : { date };
}

/** Zones whose people write the month first (the United States; English Canada often does). */
const monthFirstZones =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Indiana|Kentucky|North_Dakota|Juneau|Sitka|Nome|Adak|Menominee|Metlakatla|Yakutat|Toronto|Vancouver|Edmonton|Winnipeg|Halifax|Regina|St_Johns)|Pacific\/Honolulu|US\/)/;

/**
 * The format the file's dates settle (a first number above 12 is a day; a second one is),
 * and whether they left it open, when the practice's time zone breaks the tie.
 */
export function guessDateFormat(
  values: string[],
  timeZone: string,
  today: string,
): { format: DateFormat; ambiguous: boolean } {
  let dayFirst = 0;
  let monthFirst = 0;
  let open = 0;
  for (const value of values) {
    const parts = partsOf(value, today);
    if (!parts || !('dayOrMonth' in parts)) continue;
    const [first, second] = parts.dayOrMonth;
    if (first > 12 && second <= 12) dayFirst += 1;
    else if (second > 12 && first <= 12) monthFirst += 1;
    else open += 1;
  }
  if (dayFirst > 0 && monthFirst === 0) return { format: 'DMY', ambiguous: false };
  if (monthFirst > 0 && dayFirst === 0) return { format: 'MDY', ambiguous: false };
  if (dayFirst > 0 && monthFirst > 0) {
    return { format: dayFirst >= monthFirst ? 'DMY' : 'MDY', ambiguous: true };
  }
  if (open === 0) return { format: 'YMD', ambiguous: false };
  return { format: monthFirstZones.test(timeZone) ? 'MDY' : 'DMY', ambiguous: true };
}
