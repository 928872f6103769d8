/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings. Dates here are days, not
 * instants: they are counted in UTC so no time zone or DST change can shift them.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (read digit by digit: a lint computes thousands of milestone dates). */
function epochDay(date: string): number {
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 2);
  const d = digitsAt(date, 8, 2);
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || y < 0 || m < 0 || d < 0)
    throw new Error(`not a date as YYYY-MM-DD: ${date}`);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The number written by `count` ASCII digits from `at`, or -1 where one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** The last day of the month `date` falls in (leap years included). */
export function monthEnd(date: string): string {
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 2);
  if (y < 0 || m < 1 || m > 12) throw new Error(`not a date as YYYY-MM-DD: ${date}`);
  const last = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : MONTH_DAYS[m - 1]!;
  return `${date.slice(0, 8)}${last}`;
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
