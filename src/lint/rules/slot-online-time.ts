import type { Persona, Plan, Slot, Weekday } from '../../plan/schema.js';
import { WEEKDAYS } from '../../plan/schema.js';
import { weekdayRuns } from '../../wording.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

type Window = NonNullable<Persona['online_times']>[number];

/** Minutes since midnight of a "HH:MM" clock time. */
function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Is `weekday` at `time` inside the window? Days absent means every day; `to` is when they go
 * offline (excluded). A window whose `to` is not after `from` runs across midnight into the next day.
 */
export function inWindow(window: Window, weekday: Weekday, time: string): boolean {
  const day = WEEKDAYS.indexOf(weekday);
  const on = (d: number) => !window.days?.length || window.days.includes(WEEKDAYS[(d + 7) % 7]!);
  const [t, from, to] = [minutes(time), minutes(window.from), minutes(window.to)];
  if (from < to) return on(day) && t >= from && t < to;
  return (on(day) && t >= from) || (on(day - 1) && t < to);
}

/** The personas a slot speaks to: its own, else those of its channel (listed there, or using it). */
export function slotPersonas(plan: Plan, slot: Slot): Persona[] {
  const personas = plan.audience?.personas ?? [];
  if (slot.persona !== undefined) return personas.filter((p) => p.id === slot.persona);
  const listed = new Set(listOf(plan.channels).find((c) => c.id === slot.channel)?.personas ?? []);
  return personas.filter((p) => listed.has(p.id) || listOf(p.channels).some((c) => c.channel === slot.channel));
}

function windowText(w: Window): string {
  return `${w.days?.length ? dayRanges(w.days) + ' ' : ''}${w.from}–${w.to}`;
}

/** mon, tue, wed, sat -> "mon–wed, sat". */
function dayRanges(days: readonly Weekday[]): string {
  return weekdayRuns(
    days.map((d) => WEEKDAYS.indexOf(d)),
    (d) => WEEKDAYS[d]!,
    '–',
  ).join(', ');
}

/** Seed 004: what you publish has no value if it does not reach them when they have time. */
export const slotOnlineTime = defineRule({
  id: 'slot-online-time',
  severity: 'warning',
  method: '§3 People, §7 Content (seeds 004 §1, 002 §6: publish when your people are online)',
  description:
    'Every publishing slot falls on a weekday and time when at least one of its personas (slot.persona, else the personas of its channel) is online per personas[].online_times (days and from–to in plan.timezone; a window may run past midnight). Slots whose personas record no online times are not judged.',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.content?.slots).forEach((slot, i) => {
      const timed = slotPersonas(plan, slot).filter((p) => p.online_times?.length);
      if (!timed.length) return;
      if (timed.some((p) => p.online_times!.some((w) => inWindow(w, slot.weekday, slot.time)))) return;
      const when = timed.map((p) => `${p.name}: ${p.online_times!.map(windowText).join(', ')}`).join('; ');
      reports.push({
        path: ['content', 'slots', i, 'time'],
        message: `the ${slot.channel} slot on ${slot.weekday} at ${slot.time} reaches none of its personas online (${when}): publish when they have time`,
      });
    });
    return reports;
  },
});
