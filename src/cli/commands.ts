import { InvalidArgumentError } from 'commander';
import { FIRST_YEAR, inDateRange, LAST_YEAR } from '../plan/date-range.js';
import { readOneDate } from '../plan/dates.js';
import type { Io } from './io.js';

/** What a command module exports: parse is done, run the work, return the exit code. */
export type CommandRun = (args: string[], options: Record<string, unknown>, io: Io) => Promise<number>;

export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean | string[];
  choices?: readonly string[];
  parse?: (value: string, previous: unknown) => unknown;
}

export interface CommandSpec {
  /** `templates eject` declares a subcommand of `templates`. */
  name: string;
  aliases?: string[];
  args: string;
  summary: string;
  options: OptionSpec[];
  /** Imported only when the command runs, so `smplan lint` never loads the renderer. */
  load: () => Promise<{ run: CommandRun }>;
}

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
}

/** A whole number from 1 to `max`: every numeric flag has a bound (a timer overflows past 24 days, a calendar of a million weeks never ends). */
export function wholeUpTo(max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
      throw new InvalidArgumentError(`expected a whole number from 1 to ${max.toLocaleString('en')}`);
    }
    return Number(value);
  };
}

export function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return Number(value);
}

/** A --concurrency value: a number of worker threads (at most 64), `auto` or `off`. */
export function concurrency(value: string): number | 'auto' | 'off' {
  if (value === 'auto' || value === 'off') return value;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64)
    throw new InvalidArgumentError('expected a number of threads from 1 to 64, auto or off');
  return Number(value);
}

export function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return Number(value);
}

/**
 * A --from/--to/--as-of value: a day as the date reader reads it (2027-03-31, 31.03.2027), given
 * back as YYYY-MM-DD; `01/03/2027` names both readings rather than guess.
 */
export function dateOption(value: string): string {
  const read = readOneDate(value);
  if ('error' in read) throw new InvalidArgumentError(read.error);
  if (!inDateRange(read.date)) throw new InvalidArgumentError(`expected a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  return read.date;
}

function collect(value: string, previous: unknown): string[] {
  return [...((previous as string[] | undefined) ?? []), value];
}

const json: OptionSpec = { flags: '--json', description: 'print machine-readable JSON on stdout' };

export const LINT_FORMATS = ['stylish', 'json', 'github', 'gitlab', 'junit', 'sarif'] as const;

/** Every command and option of the CLI, declared once. */
export const commands: CommandSpec[] = [
  {
    name: 'init',
    args: '[file]',
    summary: 'interview: answer the strategy questions and write a commented plan YAML (default plan.yaml)',
    options: [
      {
        flags: '--section <name>',
        description: 'redo one section of an existing plan, keeping the rest and its comments',
      },
      { flags: '--minimal', description: 'the fast path: plan, goals and objectives only' },
      { flags: '--resume', description: 'continue an interrupted interview from its saved draft' },
      {
        flags: '--lang <language>',
        description: "the questions' language (default: the plan's when resuming or redoing a section, else LANG)",
        choices: ['en', 'nb', 'bg'],
      },
    ],
    load: () => import('./init.js'),
  },
  {
    name: 'lint',
    aliases: ['validate'],
    args: '<plans...>',
    summary: 'check plans against the format and the method (files, folders of plans, - for stdin); exit 1 on errors',
    options: [
      {
        flags: '-f, --format <format>',
        description: 'output format (default: github under GitHub Actions, else stylish)',
        choices: LINT_FORMATS,
      },
      {
        flags: '--max-warnings <n>',
        description: 'exit 1 when there are more than n warnings',
        parse: nonNegativeInteger,
      },
      { flags: '-q, --quiet', description: 'report errors only' },
      { flags: '-o, --output-file <file>', description: 'write the report to a file instead of stdout' },
      {
        flags: '-c, --config <file>',
        description:
          'rule settings from this file (default: smplan.config.yaml or .smplanrc.yaml found upward from each plan)',
      },
      { flags: '--no-config', description: 'use no config file: every rule as the method sets it' },
      { flags: '--no-inline-config', description: 'ignore smplan-disable comments in the plans' },
      {
        flags: '--concurrency <n>',
        description:
          'check plans in n worker threads; auto: one per 50 plans, at most half the cores; off: in one thread (default: off)',
        parse: concurrency,
      },
      {
        flags: '--stdin-filename <file>',
        description:
          'the path of the plan read from - (named in findings; posts_csv and the config are found beside it)',
      },
    ],
    load: () => import('./lint.js'),
  },
  {
    name: 'render',
    args: '<plans...>',
    summary:
      'write the strategy folder: Markdown chapters, and with --html/--pdf one document; several plans (or a folder of plans) go to OUT/<plan>/',
    options: [
      {
        flags: '-o, --output <dir>',
        description:
          'output folder (default: <plan name>-strategy beside the plan); with several plans, the folder that holds one per plan',
      },
      { flags: '--html', description: 'also write a self-contained plan.html' },
      { flags: '--pdf', description: 'also write plan.pdf (needs Chrome or Chromium)' },
      { flags: '--pptx', description: 'also write plan.pptx: the meeting deck (with --actuals, the review deck)' },
      { flags: '--all', description: 'Markdown, HTML, PDF and the deck' },
      { flags: '--paper <size>', description: 'PDF paper size', choices: ['a4', 'letter'], default: 'a4' },
      { flags: '--slides <shape>', description: "the deck's slide shape", choices: ['16:9', '4:3'], default: '16:9' },
      {
        flags: '--templates <dir>',
        description: 'use templates from this folder where they exist (see `smplan templates eject`)',
      },
      { flags: '--browser <path>', description: 'Chrome or Chromium executable for --pdf' },
      {
        flags: '--timeout <seconds>',
        description: 'give up on the PDF after this many seconds (at most 3600)',
        parse: wholeUpTo(3600),
        default: '60',
      },
      {
        flags: '--actuals <csv>',
        description: 'add the monthly review chapter from actual figures (repeatable)',
        parse: collect,
      },
      {
        flags: '--as-of <date>',
        description: 'with --actuals: the review as it stood on this date',
        parse: dateOption,
      },
      { flags: '--map <mapping>', description: 'with --actuals: column names, e.g. date=Dato,value=Reach' },
      { flags: '--objective <id>', description: 'with --actuals: a single-metric export for this objective' },
    ],
    load: () => import('./render.js'),
  },
  {
    name: 'serve',
    args: '<file>',
    summary: 'live preview: serve the document on localhost and update it whenever the plan is saved',
    options: [
      { flags: '-p, --port <n>', description: 'port to listen on; 0 picks a free one (default: 4177)', parse: port },
      {
        flags: '--host <host>',
        description: 'listen on this address instead of 127.0.0.1 and ::1 (e.g. 0.0.0.0 for the local network)',
      },
      { flags: '--open', description: 'open the page in the default browser' },
      {
        flags: '--paper <size>',
        description: 'paper size of the printed pages and /plan.pdf',
        choices: ['a4', 'letter'],
        default: 'a4',
      },
      { flags: '--templates <dir>', description: 'use templates from this folder where they exist (watched too)' },
      { flags: '--browser <path>', description: 'Chrome or Chromium executable for the printed pages' },
      {
        flags: '--actuals <csv>',
        description: 'add the monthly review chapter from actual figures (repeatable; watched too)',
        parse: collect,
      },
      {
        flags: '--as-of <date>',
        description: 'with --actuals: the review as it stood on this date',
        parse: dateOption,
      },
      { flags: '--map <mapping>', description: 'with --actuals: column names, e.g. date=Dato,value=Reach' },
      { flags: '--objective <id>', description: 'with --actuals: a single-metric export for this objective' },
    ],
    load: () => import('./serve.js'),
  },
  {
    name: 'templates eject',
    args: '<dir>',
    summary: 'copy the built-in templates to a folder to customise them (use with render --templates)',
    options: [{ flags: '--force', description: 'overwrite files that already exist there' }],
    load: () => import('./templates.js'),
  },
  {
    name: 'kpi',
    args: '<file>',
    summary: 'KPI targets: monthly milestones per objective',
    options: [json],
    load: () => import('./kpi.js'),
  },
  {
    name: 'competitors',
    args: '<file>',
    summary: 'competitor engagement benchmark per channel',
    options: [json],
    load: () => import('./competitors.js'),
  },
  {
    name: 'budget',
    args: '<file>',
    summary: 'yearly budget against the cap, prioritised by ROI time frame',
    options: [json],
    load: () => import('./budget.js'),
  },
  {
    name: 'calendar',
    args: '<file>',
    summary: 'the publishing calendar in the plan time zone',
    options: [
      json,
      { flags: '--from <date>', description: 'first local date (default: plan start)', parse: dateOption },
      {
        flags: '--weeks <n>',
        description: 'how many weeks (default: content.horizon_weeks, else 8; at most 520)',
        parse: wholeUpTo(520),
      },
      { flags: '--ics <file>', description: 'write an iCalendar file to import in a calendar app' },
      {
        flags: '--csv <file>',
        description: 'write a CSV spreadsheet (UTF-8 with a byte order mark, CRLF, every cell quoted)',
      },
      {
        flags: '--csv-delimiter <char>',
        description: 'separator of the CSV: "," or ";" (Excel in Norwegian, Bulgarian and most European locales)',
        choices: [',', ';'],
        default: ',',
      },
      { flags: '--no-csv-bom', description: 'leave out the byte order mark (for tools that do not expect one)' },
    ],
    load: () => import('./calendar.js'),
  },
  {
    name: 'track',
    args: '<file>',
    summary: 'plan versus actual: status of each objective',
    options: [
      json,
      { flags: '--actuals <csv>', description: 'actual figures: date,objective,value (repeatable)', parse: collect },
      { flags: '--as-of <date>', description: 'the review as it stood on this date', parse: dateOption },
      { flags: '--map <mapping>', description: 'column names of the export, e.g. date=Dato,value=Reach' },
      { flags: '--objective <id>', description: 'the export has no objective column: all rows are this objective' },
    ],
    load: () => import('./track.js'),
  },
  {
    name: 'diff',
    args: '<files...>',
    summary: 'what changed in the strategy between two plans (OLD NEW), or a plan and its version at --base REF',
    options: [
      json,
      {
        flags: '--base <ref>',
        description: 'compare the plan with its version at this git revision (e.g. origin/main)',
      },
      {
        flags: '-f, --format <format>',
        description: 'text for the terminal, markdown for a pull-request comment or job summary',
        choices: ['text', 'markdown'],
        default: 'text',
      },
      {
        flags: '--as-of <date>',
        description: 'the date the "next milestones" follow (default: today)',
        parse: dateOption,
      },
    ],
    load: () => import('./diff.js'),
  },
  {
    name: 'schema',
    args: '',
    summary: "print the plan format's JSON Schema (for editors)",
    options: [
      { flags: '-o, --output <file>', description: 'write it to a file instead of stdout' },
      { flags: '--config', description: 'the JSON Schema of the lint config file (smplan.config.yaml) instead' },
    ],
    load: () => import('./schema.js'),
  },
];
