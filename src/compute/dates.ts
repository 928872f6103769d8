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

/** `date` plus `months` calendar months; a day the month lacks (31 into April) becomes its last day. */
export function addMonths(date: string, months: number): string {
  const total = digitsAt(date, 0, 4) * 12 + digitsAt(date, 5, 2) - 1 + months;
  const first = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-01`;
  const last = monthEnd(first);
  return date.slice(8, 10) > last.slice(8, 10) ? last : `${first.slice(0, 8)}${date.slice(8, 10)}`;
}

/**
 * Months gone from `start` to the end of `through`: whole months counted from the start's day,
 * then the month under way by its days (2027-01-01 to 2027-04-30 is 4; to 2027-03-01 is 2 + 1/31).
 */
export function monthsGone(start: string, through: string): number {
  const end = addDays(through, 1);
  if (end <= start) return 0;
  let whole = 0;
  while (addMonths(start, whole + 1) <= end) whole++;
  const from = addMonths(start, whole);
  return whole + daysBetween(from, end) / daysBetween(from, addMonths(start, whole + 1));
}
