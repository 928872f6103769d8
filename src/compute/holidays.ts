/**
 * Days no review is held: the public holidays of the plan's country (from date-holidays, a
 * maintained calendar, loaded only when sessions are computed) and the plan's own closed days.
 * Deterministic: the library reads no clock here, only the years asked for.
 */
import type { Plan } from '../plan/schema.js';

/** The country whose public holidays count: plan.country, else the locale's region (nb → NO, bg → BG, en-GB → GB). */
export function planCountry(plan: Plan): string | undefined {
  if (plan.plan.country) return plan.plan.country;
  const [lang, region] = plan.plan.locale.split('-');
  if (region) return region.toUpperCase();
  return { nb: 'NO', bg: 'BG' }[lang ?? ''];
}

/** The closed days of the plan's years as YYYY-MM-DD: public holidays (type public) and `review.closed_days`. */
export async function closedDays(plan: Plan): Promise<Set<string>> {
  const days = await publicHolidays(plan);
  for (const day of plan.review?.closed_days ?? []) days.add(day);
  return days;
}

/** The public holidays (type public) of the plan's country in the plan's years, as YYYY-MM-DD. */
export async function publicHolidays(plan: Plan): Promise<Set<string>> {
  const days = new Set<string>();
  const country = planCountry(plan);
  if (!country) return days;
  const { default: Holidays } = await import('date-holidays');
  const calendar = new Holidays(country);
  const first = Number(plan.plan.start.slice(0, 4));
  const last = Number(plan.plan.end.slice(0, 4)) + 1;
  for (let year = first; year <= last && year - first < 20; year++)
    for (const h of calendar.getHolidays(year)) if (h.type === 'public') days.add(h.date.slice(0, 10));
  return days;
}
