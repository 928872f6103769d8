/**
 * The review sessions (method.md §12): one function for every place that lists them or shows
 * the next one (the review chapter, `smplan track`). Monthly and longer cadences meet on the
 * nth `review.weekday` of the month (default: the weekday of `review.first`, n from its date:
 * the first Wednesday, the last Friday), so a session never lands on a weekend unless the plan
 * names a weekend day; weekly cadences keep the weekday by counting whole weeks.
 */
import { WEEKDAYS, type Plan } from '../plan/schema.js';
import { addDays, daysBetween } from './dates.js';

/** How many sessions are listed ahead. */
export const MAX_SESSIONS = 12;

const CADENCE_STEP: Record<string, { days?: number; months?: number } | undefined> = {
  weekly: { days: 7 },
  biweekly: { days: 14 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
  yearly: { months: 12 },
};

/** 0 = Monday … 6 = Sunday, as WEEKDAYS are ordered. */
function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The nth weekday (0 = Monday) of the month of year `y`, month `m` (1-12); the last one when the month has no nth. */
export function nthWeekday(y: number, m: number, weekday: number, nth: number): string {
  const start = `${y}-${String(m).padStart(2, '0')}-01`;
  const firstOne = addDays(start, (weekday - weekdayOf(start) + 7) % 7);
  const wanted = addDays(firstOne, 7 * (nth - 1));
  return wanted.slice(0, 7) === start.slice(0, 7) ? wanted : addDays(wanted, -7);
}

/**
 * The scheduled review dates from the first session through the plan's end (at most MAX_SESSIONS).
 * A session that falls on a closed day (`closed`: public holidays and review.closed_days, see
 * compute/holidays; and the plan's own special dates of kind holiday) moves to the next open
 * working day.
 */
export function reviewSessions(plan: Plan, closed: ReadonlySet<string> = new Set()): string[] {
  const shut = new Set([
    ...closed,
    ...(plan.review?.closed_days ?? []),
    ...(plan.content?.special_dates ?? []).flatMap((d) => (d.kind === 'holiday' && d.date ? [d.date] : [])),
  ]);
  return scheduledSessions(plan).map((date) => openDay(date, shut));
}

/** The date itself when open, else the next day that is neither closed nor a weekend (a week at most). */
function openDay(date: string, shut: ReadonlySet<string>): string {
  let at = date;
  for (let i = 0; i < 7 && (shut.has(at) || (at !== date && weekdayOf(at) >= 5)); i++) at = addDays(at, 1);
  return at;
}

function scheduledSessions(plan: Plan): string[] {
  const review = plan.review;
  const step = review?.cadence ? CADENCE_STEP[review.cadence] : undefined;
  if (!review?.first || !step) return [];
  const first = review.first;
  const weekday = review.weekday ? WEEKDAYS.indexOf(review.weekday) : weekdayOf(first);
  const sessions: string[] = [];
  const push = (date: string) => {
    if (daysBetween(date, plan.plan.end) < 0) return false;
    sessions.push(date);
    return sessions.length < MAX_SESSIONS;
  };
  if (step.days) {
    // The first session, then the named weekday on or after it, every step.
    let at = first;
    if (!push(at)) return sessions;
    at = addDays(at, (weekday - weekdayOf(at) + 7) % 7 || step.days);
    while (push(at)) at = addDays(at, step.days);
    return sessions;
  }
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const nth = Math.ceil(d / 7);
  if (!push(first)) return sessions;
  for (let n = 1; ; n++) {
    const month = m - 1 + step.months! * n;
    if (!push(nthWeekday(y + Math.floor(month / 12), (month % 12) + 1, weekday, nth))) return sessions;
  }
}

/** The first session after `date`, or undefined when none is scheduled. */
export function nextSession(plan: Plan, date: string, closed?: ReadonlySet<string>): string | undefined {
  return reviewSessions(plan, closed).find((s) => daysBetween(date, s) > 0);
}
