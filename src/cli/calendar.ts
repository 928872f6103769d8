/**
 * `smplan calendar FILE`: every publishing slot on its weekday at local time for
 * the plan's horizon (or --from/--weeks), with special dates and channel activations;
 * --ics writes an iCalendar file, --csv a spreadsheet.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DateTime } from 'luxon';
import { publishingCalendar, weekdayOf, type CalendarEvent, type PublishingCalendar } from '../compute/calendar.js';
import { addDays, daysBetween } from '../compute/dates.js';
import { now } from '../clock.js';
import { FileWriteError } from '../errors.js';
import { CLIError, EXIT } from './errors.js';
import { writeOutputFile } from '../files.js';
import type { LoadedPlan } from '../plan/load.js';
import type { Plan } from '../plan/schema.js';
import { plural } from '../wording.js';
import { colorsFor, refuseInputAsOutput, writeLine, type Io } from './io.js';
import { computeFor, printJson, readPlan } from './plan-input.js';
import { formatTable, outputWidth, title } from './table.js';
import { visible } from '../terminal.js';
import { listOf } from '../plan/decisions.js';

/** How long a post occupies in a calendar app: a reminder-sized block. */
const EVENT_MINUTES = 30;

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const loaded = await readPlan(args, io);
  const calendar = computeFor(loaded, () =>
    publishingCalendar(loaded.plan, {
      ...(options.from === undefined ? {} : { from: options.from as string }),
      ...(options.weeks === undefined ? {} : { weeks: options.weeks as number }),
    }),
  );
  // Files first: a failed write (exit 2) must not follow output that looks like success.
  const hints: string[] = [];
  const exports = [options.ics, options.csv].filter((f): f is string => typeof f === 'string');
  if (exports.filter((f) => f === '-').length > 1)
    throw new CLIError('only one of --ics and --csv can write to stdout (-)', EXIT.usage);
  await refuseInputAsOutput(exports, [args[0]!], io.cwd);
  if (exports.includes('-') && options.json)
    throw new CLIError('--json and an export to stdout (-) cannot share stdout', EXIT.usage);
  if (typeof options.ics === 'string') {
    const via = await writeExport(options.ics, await icsText(loaded.plan, calendar, now(io.env)), io);
    const dates = calendar.special_dates.length + calendar.activations.length;
    const what = plural(calendar.events.length, 'post') + (dates ? ` and ${plural(dates, 'all-day date')}` : '');
    hints.push(
      `Wrote ${what} to ${via}: import it in Google Calendar, Outlook or Apple Calendar (re-importing updates the same events).`,
    );
  }
  if (typeof options.csv === 'string') {
    const delimiter = (options.csvDelimiter ?? ',') as CsvOptions['delimiter'];
    const via = await writeExport(
      options.csv,
      await csvText(calendar, { delimiter, bom: options.csvBom !== false }),
      io,
    );
    hints.push(`Wrote ${plural(calendar.events.length, 'post')} to ${via}.`);
  }
  // An export to stdout is the output; the table would corrupt it.
  if (options.json) printJson(io, calendar);
  else if (!exports.includes('-')) io.stdout.write(visible(calendarReport(loaded, calendar, io), { sgr: true }));
  const c = colorsFor(io, 'stderr');
  for (const hint of hints) writeLine(io.stderr, c.dim(hint));
  return 0;
}

// ---------------------------------------------------------------- terminal

function calendarReport(loaded: LoadedPlan, cal: PublishingCalendar, io: Io): string {
  const c = colorsFor(io);
  const width = outputWidth(io);
  const last = addDays(cal.to, -1);
  const out = [
    title(`Publishing calendar: ${plural(cal.weeks, 'week')} from ${cal.from} to ${last}`, c),
    c.dim(`Times are local in ${cal.timezone}; UTC beside them.`),
    '',
  ];
  if (cal.events.length === 0) {
    out.push(
      listOf(loaded.plan.content?.slots).length === 0
        ? 'No publishing slots yet: add them under `content.slots` (channel, weekday, time).'
        : 'No slot falls in this window.',
    );
  } else {
    const rows = cal.events.map((e) => [
      e.date,
      capitalise(e.weekday),
      e.planned_time ? `${e.time}*` : e.time,
      e.channel,
      e.pillar_name ?? e.pillar ?? '',
      e.format ?? '',
      utcColumn(e),
    ]);
    const lines = formatTable(
      [
        { header: 'Date' },
        { header: 'Day' },
        { header: 'Time' },
        { header: 'Channel', shrink: true, min: 9 },
        { header: 'Pillar', shrink: true, min: 8 },
        { header: 'Format', shrink: true, min: 6 },
        { header: 'UTC' },
      ],
      rows,
      { width, headerStyle: c.dim, dropEmpty: true },
    );
    // A blank line between weeks (counted from --from) keeps long calendars readable.
    out.push(lines[0]!);
    const weekOf = (e: CalendarEvent) => Math.floor(daysBetween(cal.from, e.date) / 7);
    cal.events.forEach((e, i) => {
      if (i > 0 && weekOf(e) !== weekOf(cal.events[i - 1]!)) out.push('');
      out.push(lines[i + 1]!);
    });
    const moved = cal.events.filter((e) => e.planned_time);
    if (moved.length) {
      out.push('', c.dim('* The planned time does not exist that day (clocks go forward): moved on.'));
    }
  }
  out.push('');
  if (cal.special_dates.length) {
    out.push(title('Special dates', c));
    out.push(
      ...formatTable(
        [
          { header: 'Date' },
          { header: 'Day' },
          { header: 'Name', shrink: true, min: 12, wrap: true },
          { header: 'Kind' },
          { header: 'Channels', shrink: true, min: 8, wrap: true },
        ],
        cal.special_dates.map((s) => [
          s.date,
          capitalise(weekdayOf(s.date)),
          s.name,
          s.kind ?? '',
          s.channels?.join(', ') ?? 'all',
        ]),
        { width, indent: 2, headerStyle: c.dim },
      ),
      '',
    );
  }
  if (cal.activations.length) {
    out.push(title('Channel activations', c));
    out.push(
      ...formatTable(
        [
          { header: 'Date' },
          { header: 'Day' },
          { header: 'Channel' },
          { header: 'Name', shrink: true, min: 12, wrap: true },
        ],
        cal.activations.map((a) => [a.date, capitalise(weekdayOf(a.date)), a.channel, a.name]),
        { width, indent: 2, headerStyle: c.dim },
      ),
      '',
    );
  }
  const summary = `${plural(cal.events.length, 'post')} in ${plural(cal.weeks, 'week')}.`;
  // cal.to is the first day after the window: a window whose last day is the plan's end stays inside it.
  const pastEnd =
    addDays(cal.to, -1) > loaded.plan.plan.end ? ` The window runs past the plan's end (${loaded.plan.plan.end}).` : '';
  out.push(c.dim(summary + pastEnd));
  return out.join('\n') + '\n';
}

/** The UTC time, with the day difference when UTC is on another date than local time. */
function utcColumn(e: CalendarEvent): string {
  // e.start is YYYY-MM-DDTHH:MM:SSZ (utcStamp).
  const days = daysBetween(e.date, e.start.slice(0, 10));
  return e.start.slice(11, 16) + (days === 0 ? '' : days > 0 ? ` +${days}d` : ` ${days}d`);
}

function capitalise(day: string): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}

// ---------------------------------------------------------------- files

/**
 * Event UIDs depend only on what identifies an event, never on the title or the file: the
 * plan's key (plan.id, else its organization), the kind, and for a post its channel, local
 * date and place among that channel's posts that day; for a special date its date and name,
 * for an activation its channel, date and name. Re-importing after any other edit (title,
 * time, pillar, notes) updates the same events instead of adding copies.
 */
function uid(plan: Plan, ...parts: string[]): string {
  const key = plan.plan.id ?? plan.plan.organization;
  const hash = createHash('sha256')
    .update([key, ...parts].join('\u0000'))
    .digest('hex');
  return `${hash.slice(0, 32)}@smplan`;
}

function eventUids(plan: Plan, events: readonly CalendarEvent[]): string[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const key = `${e.channel}\u0000${e.date}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return uid(plan, 'post', e.channel, e.date, String(n));
  });
}

export async function icsText(plan: Plan, cal: PublishingCalendar, stamp: Date): Promise<string> {
  const { default: ical } = await import('ical-generator');
  const calendar = ical({
    // ical-generator writes the name as given: escaped here, or a line break in the title adds properties.
    name: icsEscape(`${plan.plan.title}: publishing calendar`),
    prodId: { company: 'smplan', product: 'smplan', language: 'EN' },
  });
  const uids = eventUids(plan, cal.events);
  // Each export is a newer revision of the same events (minutes since 2020), so calendar apps
  // that compare SEQUENCE take a re-import as an update, not as a stale copy.
  const sequence = Math.max(0, Math.floor((stamp.getTime() - Date.UTC(2020, 0, 1)) / 60_000));
  cal.events.forEach((e, i) => {
    const start = DateTime.fromISO(e.start, { zone: 'utc' });
    const pillar = e.pillar_name ?? e.pillar;
    const details = [
      pillar && `Pillar: ${pillar}`,
      e.format && `Format: ${e.format}`,
      e.persona && `Persona: ${e.persona}`,
      e.goal && `Goal: ${e.goal}`,
      e.paid !== undefined && `Paid: ${e.paid ? 'yes' : 'no'}`,
      e.note,
      `Local time: ${e.date} ${e.time} ${cal.timezone}` +
        (e.planned_time ? ` (planned ${e.planned_time}, a time that does not exist that day)` : ''),
    ].filter(Boolean) as string[];
    calendar.createEvent({
      id: uids[i]!,
      // UTC instants: every calendar app shows them at the right local time, DST included.
      start: start.toJSDate(),
      end: start.plus({ minutes: EVENT_MINUTES }).toJSDate(),
      stamp,
      sequence,
      summary: icsPlain(`${e.channel}: ${pillar ?? 'post'}${e.format ? ` (${e.format})` : ''}`),
      description: icsPlain(details.join('\n')),
      categories: [{ name: icsPlain(e.channel) }],
    });
  });
  for (const s of cal.special_dates) {
    calendar.createEvent({
      id: uid(plan, 'special', s.date, s.name),
      allDay: true,
      start: DateTime.fromISO(s.date, { zone: 'utc' }),
      stamp,
      sequence,
      summary: icsPlain(s.name),
      description:
        icsPlain(
          [s.kind, s.channels?.length ? `Channels: ${s.channels.join(', ')}` : '', s.note].filter(Boolean).join('\n'),
        ) || null,
    });
  }
  for (const a of cal.activations) {
    calendar.createEvent({
      id: uid(plan, 'activation', a.channel, a.date, a.name),
      allDay: true,
      start: DateTime.fromISO(a.date, { zone: 'utc' }),
      stamp,
      sequence,
      summary: icsPlain(`${a.channel}: ${a.name}`),
      description: a.description === undefined ? null : icsPlain(a.description),
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const ics = calendar.toString();
  return ics.endsWith('\r\n') ? ics : `${ics}\r\n`;
}

export interface CsvOptions {
  /** `,` (RFC 4180) or `;` (what Excel expects in nb, bg and most European locales). */
  delimiter: ',' | ';';
  /** A UTF-8 byte order mark, so Excel on Windows reads æøå and Cyrillic as UTF-8. */
  bom: boolean;
}

/**
 * Plan text for a field ical-generator escapes itself (\\ ; , and line breaks): the other control
 * characters, which a content line may not hold (RFC 5545 3.3.11), become spaces.
 */
function icsPlain(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n');
}

/** Plan text as an RFC 5545 TEXT value, for what ical-generator writes unescaped. */
function icsEscape(text: string): string {
  return icsPlain(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * OWASP's CSV-injection advice for every cell: a spreadsheet runs a cell that starts with
 * = + - @ tab or CR as a formula, so such a cell gets a leading '; since a spreadsheet may
 * split on another separator than the file's (Excel in nb reads `;`), a trigger right after
 * a separator or quote inside the text is defused too. Every cell is then quoted.
 */
export function csvCell(text: string | undefined): string {
  return (text ?? '').replace(/(^|[,;\t\r\n"'])(?=[=+\-@\t\r])/g, "$1'");
}

export async function csvText(
  cal: PublishingCalendar,
  options: CsvOptions = { delimiter: ',', bom: true },
): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const columns = ['date', 'time', 'weekday', 'channel', 'pillar', 'format', 'start_utc', 'timezone', 'note'];
  const rows = cal.events.map((e) =>
    [e.date, e.time, e.weekday, e.channel, e.pillar_name ?? e.pillar, e.format, e.start, cal.timezone, e.note].map(
      csvCell,
    ),
  );
  // RFC 4180: CRLF after every record; quoted cells keep separators and line breaks inside one cell.
  return stringify([columns, ...rows], {
    delimiter: options.delimiter,
    record_delimiter: 'windows',
    quoted: true,
    bom: options.bom,
  });
}

/**
 * Writes an export the user named (failure is exit 2) and says where it went: `-` is stdout; a
 * FIFO or device is written directly, a link to a regular file replaces that file (see writeOutputFile).
 */
async function writeExport(file: string, text: string, io: Io): Promise<string> {
  if (file === '-') {
    io.stdout.write(text);
    return 'stdout';
  }
  const written = await writeOutputFile(path.resolve(io.cwd, file), text).catch((err: unknown) => {
    throw new FileWriteError(file, err);
  });
  return written.kind === 'link' ? `${file} (a link; replaced its target ${written.target})` : file;
}
