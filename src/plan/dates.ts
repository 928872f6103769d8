/**
 * The one date and time reader for everything a person types or a spreadsheet exports:
 * interview answers, actuals CSVs and the CLI's --from/--to/--as-of (a plan file itself
 * holds ISO dates; its error hint comes from here too). The same text means the same day
 * everywhere, and a date that could be read two ways is never guessed.
 *
 * (Locales are plain strings here: plan/schema.ts imports this file for its hint.)
 *
 * - ISO `2027-03-01` everywhere (and year first with `/` or `.`: `2027/03/01`).
 * - Dots are day first in every language: `1.3.2027`, `01.03.27`, `1.03.2027 г.` (bg).
 * - Slashes and dashes follow the plan's region: day first in en-GB/en-IE (`01/03/2027`),
 *   month first in en-US (`03/01/2027`). Where the language has no such habit (en, nb,
 *   bg) a date like `01/03/2027` could be either and comes back with both readings;
 *   `31/03/2027` and `03/31/2027` can only be one.
 * - A two-digit year is this century's: `27` is 2027.
 * - Times: `07:30`, `7:30`, `7.30` (nb), `7` (07:00), `7:30 pm`.
 */
export type DateOrder = 'dmy' | 'mdy';

export type DateReading =
  /** An ISO date. */
  | { date: string }
  /** Two real days the text could be: day first, then month first. */
  | { either: { dayFirst: string; monthFirst: string } }
  /** Why the text is not a date, in plain words; `calendar` when it has a date's shape but no such day. */
  | { invalid: string; calendar?: true };

/** The order a plan's region writes numeric dates with `/` or `-`; undefined where it is not settled. */
export function slashOrder(locale: string | undefined): DateOrder | undefined {
  switch (locale) {
    case 'en-US':
      return 'mdy';
    case 'en-GB':
    case 'en-IE':
      return 'dmy';
    default:
      return undefined;
  }
}

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\.?$/;
const DAY_OR_MONTH_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
/** A time of day after an export's date (ignored), or a zone. */
const TIME_AFTER = /[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/;

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True when y-m-d is a day in the calendar (2027-02-30 is not). */
function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads a date as people write it, by the plan's locale (`en-US` settles `03/01/2027` as
 * March 1). `withTime` accepts a time of day after the date, as exports write it, and
 * ignores it. Undefined for empty text.
 */
export function readDate(
  text: string,
  locale?: string,
  options: { withTime?: boolean; order?: DateOrder } = {},
): DateReading | undefined {
  let s = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (s === '') return undefined;
  // Bulgarian writes "1.03.2027 г." (година, year).
  s = s.replace(/\s*г\.?$/u, '');
  if (options.withTime) s = s.replace(TIME_AFTER, '').trim();
  const shown = `"${text.trim().slice(0, 40)}"`;
  const notInCalendar: DateReading = { invalid: `${shown} is not a day in the calendar`, calendar: true };

  const yearFirst = YEAR_FIRST.exec(s);
  if (yearFirst) {
    const [y, m, d] = [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])];
    return realDay(y, m, d) ? { date: iso(y, m, d) } : notInCalendar;
  }
  const numeric = DAY_OR_MONTH_FIRST.exec(s);
  if (!numeric) return { invalid: `${shown} is not a date` };
  const [a, sep, b] = [Number(numeric[1]), numeric[2]!, Number(numeric[3])];
  const year = numeric[4]!.length === 2 ? 2000 + Number(numeric[4]) : Number(numeric[4]);
  const dayFirst = realDay(year, b, a) ? iso(year, b, a) : undefined;
  const monthFirst = realDay(year, a, b) ? iso(year, a, b) : undefined;
  // Nobody writes month first with dots.
  const order = sep === '.' ? 'dmy' : (options.order ?? slashOrder(locale));
  if (order === 'dmy') return dayFirst ? { date: dayFirst } : notInCalendar;
  if (order === 'mdy') return monthFirst ? { date: monthFirst } : notInCalendar;
  if (dayFirst && monthFirst && dayFirst !== monthFirst) return { either: { dayFirst, monthFirst } };
  const one = dayFirst ?? monthFirst;
  return one ? { date: one } : notInCalendar;
}

/** The order a column's dates must be in: set by any date only one order can read, undefined when none does. */
export function columnDateOrder(cells: Iterable<string>, locale?: string): DateOrder | 'both' | undefined {
  if (slashOrder(locale)) return undefined;
  let found: DateOrder | undefined;
  for (const cell of cells) {
    const s = cell.trim().replace(TIME_AFTER, '').trim();
    const m = DAY_OR_MONTH_FIRST.exec(s);
    if (!m || m[2] === '.') continue;
    const [a, b] = [Number(m[1]), Number(m[3])];
    const order: DateOrder | undefined = a > 12 && b <= 12 ? 'dmy' : b > 12 && a <= 12 ? 'mdy' : undefined;
    if (!order) continue;
    if (found && found !== order) return 'both';
    found = order;
  }
  return found;
}

/** "1 March 2027 (2027-03-01) or 3 January 2027 (2027-01-03)": both readings of an ambiguous date, for messages. */
export function bothReadings(either: { dayFirst: string; monthFirst: string }, or = 'or'): string {
  return `${either.dayFirst} (day first) ${or} ${either.monthFirst} (month first)`;
}

/**
 * A date written any way readDate reads, as a message when it is not exactly one day:
 * `{ date }`, or `{ error }` naming both readings of an ambiguous one.
 */
export function readOneDate(
  text: string,
  locale?: string,
  options: { withTime?: boolean; order?: DateOrder } = {},
): { date: string } | { error: string } {
  const read = readDate(text, locale, options);
  if (read === undefined) return { error: 'no date' };
  if ('date' in read) return read;
  if ('invalid' in read) return { error: `${read.invalid}: write it as YYYY-MM-DD, e.g. 2027-03-31` };
  return {
    error: `"${text.trim().slice(0, 40)}" could be ${bothReadings(read.either)}: write it as YYYY-MM-DD`,
  };
}

/**
 * A time of day as people write it: `07:30`, `7:30`, `7.30`, `0730`, `7` (on the hour),
 * `7:30 pm`, `kl. 7.30`. Returns HH:MM (24-hour), or undefined when it is not a time.
 */
export function readTime(text: string): string | undefined {
  const s = text
    .trim()
    .replace(/^kl\.?\s*/i, '')
    .replace(/\s*ч\.?$/u, '');
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:([AaPp])\.?\s*[Mm]\.?)?$/.exec(s);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
