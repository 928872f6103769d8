/**
 * The publishing calendar (contract "Calendar", method.md §7): every slot on its
 * weekday at its local time in plan.timezone, for a window of whole weeks.
 * Time zones and daylight saving come from luxon (IANA data), never hand-written offsets.
 * Pure: no IO.
 */
import { DateTime } from 'luxon';
import { isRealDate, WEEKDAYS, type Plan, type Slot, type Weekday } from '../plan/schema.js';
import { addDays, daysBetween } from './dates.js';
import { listOf } from '../plan/decisions.js';

export const DEFAULT_WEEKS = 8;

export interface CalendarEvent {
  channel: string;
  /** ISO 8601 instant in UTC to the second, e.g. 2027-03-30T05:30:00Z. */
  start: string;
  /** Local date and time in plan.timezone. */
  date: string;
  time: string;
  weekday: Weekday;
  /** Position of the slot in content.slots (stable identity for exports). */
  slot: number;
  /** The local time as planned when it does not exist that day (a DST gap moved the post). */
  planned_time?: string;
  pillar?: string;
  /** The pillar's name, when content.pillars names it. */
  pillar_name?: string;
  format?: string;
  persona?: string;
  paid?: boolean;
  goal?: string;
  note?: string;
}

export interface CalendarSpecialDate {
  date: string;
  name: string;
  kind?: string;
  channels?: string[];
  note?: string;
}

export interface CalendarActivation {
  date: string;
  name: string;
  channel: string;
  description?: string;
}

export interface PublishingCalendar {
  timezone: string;
  /** First local date of the window. */
  from: string;
  /** First local date after the window (excluded). */
  to: string;
  weeks: number;
  events: CalendarEvent[];
  /** content.special_dates inside the window. */
  special_dates: CalendarSpecialDate[];
  /** Dated channels[].activations inside the window. */
  activations: CalendarActivation[];
}

export interface CalendarOptions {
  /** First local date (default plan.start). */
  from?: string;
  /** Window length in weeks (default content.horizon_weeks, else 8). */
  weeks?: number;
}

/** mon … sun of a calendar date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1]!;
}

/**
 * The instant of a local date and time in `zone`. As RFC 5545 reads local times:
 * a time skipped by a DST change is taken with the offset before the gap (02:30 becomes
 * 03:30), and a time that occurs twice means its first occurrence.
 */
export function localInstant(date: string, time: string, zone: string): DateTime {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid)
    throw new Error(`cannot place ${date} ${time} in ${zone}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  // luxon picks the later of two repeated times; look for an earlier instant with the same wall clock.
  const before = DateTime.fromMillis(dt.toMillis() - 6 * 3_600_000, { zone });
  const shift = before.offset - dt.offset;
  if (shift > 0) {
    const earlier = DateTime.fromMillis(dt.toMillis() - shift * 60_000, { zone });
    if (earlier.toFormat('yyyy-MM-dd HH:mm') === dt.toFormat('yyyy-MM-dd HH:mm')) return earlier;
  }
  return dt;
}

/** UTC to the second, no fractions: 2027-03-30T05:30:00Z. */
export function utcStamp(dt: DateTime): string {
  return dt
    .toUTC()
    .toISO({ suppressMilliseconds: true, includeOffset: true })!
    .replace(/\.\d+Z$/, 'Z');
}

export function calendarWindow(plan: Plan, options: CalendarOptions = {}): { from: string; to: string; weeks: number } {
  const from = options.from ?? plan.plan.start;
  const weeks = options.weeks ?? plan.content?.horizon_weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new Error(`weeks must be a whole number of at least 1, got ${weeks}`);
  return { from, to: addDays(from, weeks * 7), weeks };
}

export function publishingCalendar(plan: Plan, options: CalendarOptions = {}): PublishingCalendar {
  const zone = plan.plan.timezone;
  const { from, to, weeks } = calendarWindow(plan, options);
  const slots = listOf(plan.content?.slots);
  const pillarNames = new Map((plan.content?.pillars ?? []).map((p) => [p.id, p.name]));

  const events: (CalendarEvent & { millis: number })[] = [];
  for (let day = 0; day < weeks * 7; day++) {
    const date = addDays(from, day);
    const weekday = weekdayOf(date);
    slots.forEach((slot, index) => {
      if (slot.weekday !== weekday) return;
      const dt = localInstant(date, slot.time, zone);
      events.push({ ...eventOf(slot, index, dt, weekday, pillarNames), millis: dt.toMillis() });
    });
  }
  // By time; a stable sort keeps slot order for simultaneous posts.
  events.sort((a, b) => a.millis - b.millis);

  const inWindow = (date: string) => daysBetween(from, date) >= 0 && daysBetween(date, to) > 0;
  const specialDates: CalendarSpecialDate[] = (plan.content?.special_dates ?? [])
    .flatMap((s) => specialDateOccurrences(s, from, to).map((date) => ({ ...s, date })))
    .filter((s) => inWindow(s.date))
    .map((s) => {
      const out: CalendarSpecialDate = { date: s.date, name: s.name };
      if (s.kind !== undefined) out.kind = s.kind;
      if (s.channels !== undefined) out.channels = s.channels;
      if (s.note !== undefined) out.note = s.note;
      return out;
    })
    .sort((a, b) => daysBetween(b.date, a.date));
  const activations: CalendarActivation[] = [];
  for (const ch of listOf(plan.channels)) {
    for (const a of ch.activations ?? []) {
      if (a.date === undefined || !inWindow(a.date)) continue;
      const out: CalendarActivation = { date: a.date, name: a.name, channel: ch.id };
      if (a.description !== undefined) out.description = a.description;
      activations.push(out);
    }
  }
  activations.sort((a, b) => daysBetween(b.date, a.date));

  return {
    timezone: zone,
    from,
    to,
    weeks,
    events: events.map(({ millis: _millis, ...e }) => e),
    special_dates: specialDates,
    activations,
  };
}

function eventOf(
  slot: Slot,
  index: number,
  dt: DateTime,
  weekday: Weekday,
  pillarNames: Map<string, string>,
): CalendarEvent {
  const time = dt.toFormat('HH:mm');
  const event: CalendarEvent = {
    channel: slot.channel,
    start: utcStamp(dt),
    date: dt.toFormat('yyyy-MM-dd'),
    time,
    weekday,
    slot: index,
  };
  if (time !== slot.time) event.planned_time = slot.time;
  if (slot.pillar !== undefined) {
    event.pillar = slot.pillar;
    const name = pillarNames.get(slot.pillar);
    if (name !== undefined) event.pillar_name = name;
  }
  if (slot.format !== undefined) event.format = slot.format;
  if (slot.persona !== undefined) event.persona = slot.persona;
  if (slot.paid !== undefined) event.paid = slot.paid;
  if (slot.goal !== undefined) event.goal = slot.goal;
  if (slot.note !== undefined) event.note = slot.note;
  return event;
}

/**
 * The dates a special date falls on from `from` to `to`: its own date, or, for a yearly one given
 * by month and day, that day in each year of the window (a 29 February only in leap years).
 */
export function specialDateOccurrences(
  s: { date?: string | undefined; month?: number | undefined; day?: number | undefined },
  from: string,
  to: string,
): string[] {
  if (s.date !== undefined) return [s.date];
  if (s.month === undefined || s.day === undefined) return [];
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const iso = `${y}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
    if (isRealDate(iso)) out.push(iso);
  }
  return out;
}
