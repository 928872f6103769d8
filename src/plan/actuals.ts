/**
 * Reading actual figures for `smplan track` and the review chapter of `smplan render`
 * (contract "Tracking", method.md §8 and §12): CSV exports from the platforms or a
 * spreadsheet, decoded and checked cell by cell and row by row against the plan. Every
 * problem names FILE:LINE. Knows nothing of computing or of flags: the column mapping
 * comes as data; src/cli/tracking.ts reads, checks and tracks.
 *
 * What a file may hold (docs/monthly-review.md says the same for users):
 * - a header row naming at least `date`, `objective` and `value` (any case; other
 *   columns ignored), or their names in the plan's language (COLUMN_NAMES);
 *   `--map date=Dag,value=Rekkevidde` names them differently;
 *   `--objective ID` stands for the objective column of a single-metric export;
 * - fields separated by `,`, `;` or a tab (whichever the header row uses most, or
 *   as an Excel `sep=;` first line says);
 *   UTF-8 (with or without BOM), UTF-16 with BOM, else read as Windows-1252;
 * - dates as the date reader reads them (parseActualDate);
 * - numbers as described at parseActualNumber;
 * - optionally a note column (NOTE_NAMES: comment, note, cause …, else source): the team's word on
 *   why a figure moved, shown beside the change in the review;
 * - rows whose objective is `spend:<budget item id>`: that item's actual cost in the period ending
 *   on the date (summed to date against the budget).
 *
 * Rows stream through: per file only the point (objective or budget item, date) each row gives is
 * kept, the last word on it, and at most LISTED_PER_FILE findings per file (the rest counted), so a
 * file of a million rows costs the memory of its distinct points, not of its rows.
 */
import path from 'node:path';
import { FileReadError } from '../errors.js';
import { formatBytes, InputTooLargeError, readInputFile } from '../files.js';
import { oneLine, type Finding, type Severity } from '../diagnostics.js';
import { CsvError, decodeCsv, eachCsvRow, findColumn } from './csv.js';
import { columnMark, readNumber, scanNumber, showNumber, type DecimalMark } from './numbers.js';
import { bothReadings, columnDateOrder, readDate, type DateOrder } from './dates.js';
import { localeLanguage, type Locale, type Plan, type PlanLocale } from './schema.js';
import { didYouMean } from './suggest.js';
import { isCountUnit } from '../units.js';
import { listOf } from './decisions.js';

const MAX_ACTUALS_BYTES = 20 * 1024 * 1024;

/**
 * One actual figure as read from a CSV: `file` and `line` say where, for messages; `note` is the
 * row's note (why the figure moved, or where it came from) when the file has a note column.
 */
export interface ActualRow {
  date: string;
  objective: string;
  value: number;
  file: string;
  line: number;
  note?: string;
}

/** A budget item's actual cost in the period ending on `date` (a `spend:<item id>` row). */
export interface SpendRow {
  date: string;
  /** The budget item's id. */
  item: string;
  value: number;
  file: string;
  line: number;
}

/** The objective cell of a row that gives a budget item's spend: `spend:linkedin-ads`. */
export const SPEND_PREFIX = 'spend:';

/** A note longer than this is cut (with …): it is a remark beside a figure, not a report. */
export const MAX_NOTE_CHARS = 300;

export const ACTUAL_COLUMNS = ['date', 'objective', 'value'] as const;
export type ActualColumn = (typeof ACTUAL_COLUMNS)[number];
/**
 * The header names each column goes by without --map: English, and the plan's language
 * (nb and bg spreadsheets head their columns in their own words). Compared ignoring case.
 */
const COLUMN_NAMES: Record<Locale, Record<ActualColumn, readonly string[]>> = {
  // `Primary` is Meta Business Suite's per-metric export: `sep=,`, the metric's name as a title
  // line, then `"Date","Primary"` (docs/monthly-review.md, platform exports).
  en: { date: ['date'], objective: ['objective'], value: ['value', 'primary'] },
  nb: { date: ['dato'], objective: ['delmål', 'mål', 'målsetting'], value: ['verdi'] },
  bg: { date: ['дата'], objective: ['задача', 'цел'], value: ['стойност'] },
};

/**
 * The note column's names, most telling first: a comment says why a figure moved; a source column
 * (where the figure came from) is read when the file has no comment column.
 */
const NOTE_NAMES: Record<Locale, { comment: readonly string[]; source: readonly string[] }> = {
  en: { comment: ['comment', 'comments', 'note', 'notes', 'cause', 'why', 'reason'], source: ['source'] },
  nb: { comment: ['kommentar', 'merknad', 'notat', 'årsak', 'forklaring'], source: ['kilde'] },
  bg: { comment: ['коментар', 'бележка', 'причина', 'обяснение'], source: ['източник'] },
};

/** Columns `--map` may name: the three read, and the optional note column. */
export const MAPPABLE_COLUMNS = [...ACTUAL_COLUMNS, 'note'] as const;
export type MappableColumn = (typeof MAPPABLE_COLUMNS)[number];

/** Header names of the export for each column we read (`--map`). */
export type ColumnMap = Partial<Record<MappableColumn, string>>;

export interface ActualsOptions {
  /** Header names of the export for the columns we read (`--map`, parsed). */
  map?: ColumnMap;
  /** Rows of a file without an objective column belong to this objective (`--objective`). */
  objective?: string;
}

/**
 * What an actuals finding is about (its `rule`, as lint findings name theirs). The finding type is
 * the program's one (diagnostics.ts): `column` is the cell's column counted from 1, `path` is ''.
 */
export type ActualsCheck =
  | 'actuals-file'
  | 'actuals-header'
  | 'actuals-csv'
  | 'actuals-date'
  | 'actuals-objective'
  | 'actuals-budget-item'
  | 'actuals-value'
  | 'actuals-duplicate'
  | 'actuals-window'
  | 'actuals-option';

/** A finding on an actuals file, at FILE:LINE (column 1 unless a cell is at fault). */
export function actualsFinding(
  file: string,
  line: number,
  severity: Severity,
  rule: ActualsCheck,
  message: string,
  column = 1,
): Finding {
  return { file, line, column, severity, rule, message, path: '' };
}

/** One located line: `FILE:LINE  SEVERITY  MESSAGE`; the message names the cell's column as the header writes it. */
export function formatActualsFinding(f: Finding): string {
  return `${f.file}:${f.line}  ${f.severity}  ${oneLine(f.message)}`;
}

/** Findings listed per actuals file; past them (an export of a million duplicate rows) they are counted. */
export const LISTED_PER_FILE = 100;

/**
 * The findings on the actuals files, bounded: per file the LISTED_PER_FILE first by line are kept,
 * the rest only counted by severity. A message may be given as a function, made only when kept (a
 * did-you-mean for a million unknown ids is not worked out a million times).
 */
export class ActualsFindings {
  private readonly kept = new Map<string, { list: Finding[]; maxLine: number }>();
  private readonly dropped = new Map<string, { error: number; warning: number }>();
  private errorCount = 0;

  constructor(private readonly perFile = LISTED_PER_FILE) {}

  add(
    file: string,
    line: number,
    severity: Severity,
    rule: ActualsCheck,
    message: string | (() => string),
    column = 1,
  ): void {
    if (severity === 'error') this.errorCount++;
    let at = this.kept.get(file);
    if (!at) this.kept.set(file, (at = { list: [], maxLine: 0 }));
    if (at.list.length >= this.perFile && line >= at.maxLine) {
      this.drop(file, severity);
      return;
    }
    const text = typeof message === 'string' ? message : message();
    at.list.push(actualsFinding(file, line, severity, rule, text, column));
    if (at.list.length <= this.perFile) at.maxLine = Math.max(at.maxLine, line);
    if (at.list.length >= 2 * this.perFile) this.trim(file, at);
  }

  /** Every error, kept or only counted: any at all refuses the actuals. */
  get errors(): number {
    return this.errorCount;
  }

  private drop(file: string, severity: Severity): void {
    const n = this.dropped.get(file) ?? { error: 0, warning: 0 };
    n[severity]++;
    this.dropped.set(file, n);
  }

  private trim(file: string, at: { list: Finding[]; maxLine: number }): void {
    at.list.sort((a, b) => a.line - b.line);
    for (const f of at.list.splice(this.perFile)) this.drop(file, f.severity);
    at.maxLine = at.list.at(-1)?.line ?? 0;
  }

  /** The kept findings in the order the files were given, then by line. */
  findings(files: readonly string[]): Finding[] {
    for (const [file, at] of this.kept) if (at.list.length > this.perFile) this.trim(file, at);
    return inFileOrder(
      [...this.kept.values()].flatMap((at) => at.list),
      files,
    );
  }

  /** Per file, how many findings were counted but not kept. */
  omitted(): Map<string, { error: number; warning: number }> {
    for (const [file, at] of this.kept) if (at.list.length > this.perFile) this.trim(file, at);
    return new Map(this.dropped);
  }
}

/**
 * A figure from an export or a spreadsheet, read by the one number reader (plan/numbers.ts)
 * in the plan's language and the decimal mark the rest of the column shows; a trailing `%`
 * divides by 100 (`4,2 %` = 0.042), as rates are fractions in plans. Anything else (currency
 * signs, letters, groups of other than three digits) is 'invalid'; an empty cell is undefined;
 * a figure that stays ambiguous (`1,234` in a Norwegian column with no other decimals) comes
 * back as `either` and is never guessed.
 */
export function parseActualNumber(
  cell: string,
  locale: Locale = 'en',
  fileMark?: DecimalMark,
): number | undefined | 'invalid' | { either: { thousands: number; decimal: number } } {
  let s = cell.trim();
  let scale = 1; // a divisor
  if (s.endsWith('%')) {
    scale = 100;
    s = s.slice(0, -1).trim();
    if (s === '') return 'invalid';
  }
  const read = readNumber(s, locale, fileMark);
  if (read === undefined) return undefined;
  if ('invalid' in read) return 'invalid';
  if ('either' in read)
    return { either: { thousands: read.either.thousands / scale, decimal: read.either.decimal / scale } };
  return read.value / scale;
}

/** A figure whose reading depends on the decimal mark (1,234 or 1.234): its column settles it. */
function scanNumberEither(cell: string): boolean {
  const read = scanNumber(cell.trim().replace(/%$/, '').trim());
  return read !== undefined && 'either' in read;
}

/**
 * A date cell by the one date reader (plan/dates.ts): ISO with or without a time after it
 * (`2027-04-30T08:00:00`; the time is ignored), `30.04.2027`, and `04/30/2027` or `30/04/2027`
 * when only one order can read it, or the plan's region (en-US, en-GB) or the rest of the
 * column (`order`) says which. A message for anything else, naming both readings when two remain.
 */
export function parseActualDate(
  cell: string,
  locale?: PlanLocale,
  order?: DateOrder,
): { date: string } | { error: string } {
  const read = readDate(cell, locale, { withTime: true, ...(order ? { order } : {}) });
  if (read === undefined) return { error: 'no date: write YYYY-MM-DD (or DD.MM.YYYY)' };
  if ('date' in read) return read;
  if ('invalid' in read)
    return {
      error: read.invalid.endsWith('not a date') ? `${read.invalid}: write YYYY-MM-DD (or DD.MM.YYYY)` : read.invalid,
    };
  return {
    error: `the date "${cell.trim().slice(0, 40)}" could be ${bothReadings(read.either)}: write it as YYYY-MM-DD, or set plan.locale to en-US or en-GB`,
  };
}

/**
 * How many rows of a file may wait for their column's decimal mark or date order (1,234; 03/04/2027)
 * before the rest of them are read again in a second pass instead of held.
 */
export const DEFERRED_ROWS = 20_000;

/** How many lines a header row is searched for below the top of a file. */
const HEADER_SEARCH_LINES = 30;

/**
 * The index of the header row: the first of the file's first lines that names a date column
 * and a value column; 0 (the first line) when none does, so the header's own error is said.
 * Lines above it are an export's title or description.
 */
function headerIndex(text: string, dateNames: readonly string[], valueNames: readonly string[]): number {
  const lines = text.split('\n', HEADER_SEARCH_LINES);
  const lower = (names: readonly string[]) => new Set(names.map((n) => n.trim().toLowerCase()));
  const [dates, values] = [lower(dateNames), lower(valueNames)];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '');
    const delimiter = detectDelimiter(line);
    const cells = line.split(delimiter).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim()
        .toLowerCase(),
    );
    if (cells.some((c) => dates.has(c)) && cells.some((c) => values.has(c))) return i;
  }
  const first = lines.findIndex((l) => l.trim() !== '');
  return first < 0 ? 0 : first;
}

/** The field separator: whichever of , ; and tab the header row uses most (outside quotes). */
function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

interface ParseContext {
  objectives: ReadonlySet<string>;
  /** The plan's language: column names, and how a lone `,` or `.` before three digits reads when the file does not say. */
  locale?: Locale;
  /** The plan's locale with its region (en-US): how 01/03/2027 reads. */
  region?: PlanLocale;
  /** Objectives whose unit counts things (followers): `1,012` there is 1 012, as no count has a fraction. */
  counts?: ReadonlySet<string>;
  map: ColumnMap;
  objective?: string | undefined;
  /** The plan's budget item ids: `spend:<id>` rows name one of them. */
  budgetItems?: ReadonlySet<string>;
  /** Where each good row goes (readActuals keeps one per point); without it the rows are returned. */
  onRow?: (row: ActualRow) => void;
  onSpend?: (row: SpendRow) => void;
  /** Where findings go (readActuals bounds them); without it they are returned. */
  findings?: ActualsFindings;
}

export interface ParsedActuals {
  /** The good rows, when the context has no onRow (a file's own rows, for tests and small reads). */
  rows: ActualRow[];
  spend: SpendRow[];
  /** The findings, when the context has no findings log. */
  findings: Finding[];
  /** Where the header row is (after an Excel `sep=` line it is line 2). */
  headerLine: number;
  /** The rows' objective came from --objective (the file has no objective column). */
  objectiveFromOption: boolean;
  /** The header row itself has an error (no usable columns, or broken CSV there). */
  headerError: boolean;
  /** The header's own column for each key --map named but this file does not have. */
  unmapped: Partial<Record<MappableColumn, string>>;
  /** The objective column when the file has one. */
  objectiveColumn?: string | undefined;
  /** The header's column read for each key, when one was found by its name in the plan's language. */
  columnsRead?: Partial<Record<MappableColumn, string>>;
}

/** Reads the rows of one actuals CSV (already decoded); checks each cell, not yet the rows against each other. */
export function parseActualsCsv(text: string, file: string, context: ParseContext): ParsedActuals {
  const rows: ActualRow[] = [];
  const spend: SpendRow[] = [];
  const log = context.findings ?? new ActualsFindings(Number.POSITIVE_INFINITY);
  const onRow = context.onRow ?? ((row: ActualRow) => void rows.push(row));
  const onSpend = context.onSpend ?? ((row: SpendRow) => void spend.push(row));
  const unmapped: ParsedActuals['unmapped'] = {};
  let headerError = false;
  const problem = (
    line: number,
    severity: Severity,
    rule: ActualsCheck,
    message: string | (() => string),
    column?: number,
  ) => {
    if (severity === 'error' && line === headerLine) headerError = true;
    log.add(file, line, severity, rule, message, column);
  };

  // Excel's `sep=;` first line names the separator; blank it so line numbers stay as in the file.
  const sep = /^\uFEFF?sep=(.)[ \t]*(?=\r?\n|$)/i.exec(text);
  let body = sep ? text.slice(sep[0].length) : text;
  // Title and description rows above the header (as platform exports have) are blanked the same way.
  const locale = context.locale ?? 'en';
  const named = (key: ActualColumn) => [
    ...(context.map[key] === undefined ? [] : [context.map[key]]),
    ...COLUMN_NAMES.en[key],
    ...COLUMN_NAMES[locale][key],
  ];
  const at = headerIndex(body, named('date'), named('value'));
  if (at > 0) {
    let end = -1;
    for (let i = 0; i < at; i++) end = body.indexOf('\n', end + 1);
    body = body.slice(0, end).replace(/[^\r\n]+/g, '') + body.slice(end);
  }
  const headerLine = at + 1;
  let columnsRead: ParsedActuals['columnsRead'];
  const result = (objectiveFromOption = false, objectiveColumn?: string): ParsedActuals => ({
    rows,
    spend,
    findings: context.findings ? [] : log.findings([file]),
    headerLine,
    objectiveFromOption,
    headerError,
    unmapped,
    objectiveColumn,
    ...(columnsRead ? { columnsRead } : {}),
  });
  const column = (key: ActualColumn): string | undefined => {
    const mapped = context.map[key];
    const own = mapped === undefined ? undefined : findColumn(header, [mapped]);
    if (own !== undefined) return own;
    const standard = findColumn(header, [...COLUMN_NAMES.en[key], ...COLUMN_NAMES[locale][key]]);
    if (mapped !== undefined && standard !== undefined) unmapped[key] = standard;
    return standard;
  };
  // The separator is told from the header line (a title row above it may have none).
  let headerStart = 0;
  for (let i = 0; i < at; i++) headerStart = body.indexOf('\n', headerStart) + 1;
  const headerEnd = body.indexOf('\n', headerStart);
  const delimiter = sep ? sep[1]! : detectDelimiter(body.slice(headerStart, headerEnd < 0 ? undefined : headerEnd));
  // Read in one stream of rows, each checked and dropped: no table of the whole file is held (a
  // million rows). A figure like 1,234 or a date like 03/04/2027 reads the way the rest of its column
  // settles it (the decimal mark its figures show, the order its dates show), known only at the end:
  // such rows wait (at most DEFERRED_ROWS of them; past that, a second pass reads them again).
  let header: string[] = [];
  let figures = 0;
  const marks = new Set<ReturnType<typeof columnMark>>();
  let dateOrder: DateOrder | 'both' | undefined;
  let columns: Record<ActualColumn, string | undefined> = { date: undefined, objective: undefined, value: undefined };
  let noteColumn: string | undefined;
  // A cell's column counted from 1, for the finding's position.
  const columnNumber = (name: string | undefined) => (name === undefined ? 1 : header.indexOf(name) + 1 || 1);
  /** The header lacks a column: its error is said and no row is read. */
  const stop = new Error('the header has no usable columns');
  const onHeader = (names: string[]) => {
    header = names;
    columns = { date: column('date'), objective: column('objective'), value: column('value') };
    // The note column: --map note=NAME, else a comment column by its names, else a source column.
    const noteNames = (kind: 'comment' | 'source') => [...NOTE_NAMES.en[kind], ...NOTE_NAMES[locale][kind]];
    const mappedNote = context.map.note === undefined ? undefined : findColumn(header, [context.map.note]);
    const standardNote = findColumn(header, noteNames('comment')) ?? findColumn(header, noteNames('source'));
    if (context.map.note !== undefined && mappedNote === undefined && standardNote !== undefined)
      unmapped.note = standardNote;
    noteColumn = mappedNote ?? standardNote;
    // Said only for names found in the plan's language: --map names and English ones are what the user wrote.
    const byLanguage = (key: ActualColumn) =>
      context.map[key] === undefined && columns[key] !== undefined && columns[key]!.toLowerCase() !== key;
    if (ACTUAL_COLUMNS.some(byLanguage)) {
      columnsRead = Object.fromEntries(
        ACTUAL_COLUMNS.flatMap((key) => (columns[key] === undefined ? [] : [[key, columns[key]]])),
      );
      if (noteColumn !== undefined && mappedNote === undefined) columnsRead.note = noteColumn;
    }
    const found = header.filter((h) => h !== '').join(', ') || 'nothing';
    const missing = ACTUAL_COLUMNS.filter(
      (key) => columns[key] === undefined && !(key === 'objective' && context.objective),
    );
    if (!missing.length) return;
    const named = missing.map((key) => (context.map[key] ? `${key} (mapped to "${context.map[key]}")` : key));
    const hint = missing.includes('objective')
      ? ' (for an export of one metric, say which objective it is with --objective ID)'
      : `; name the export's columns with --map ${missing.map((k) => `${k}=COLUMN`).join(',')}`;
    problem(
      headerLine,
      'error',
      'actuals-header',
      `the header row has no ${named.join(' or ')} column (found: ${found})${hint}`,
    );
    throw stop;
  };

  /** One row's cells as read; what waits for the column's mark and order is just this. */
  interface Cells {
    line: number;
    date: string;
    objective: string;
    value: string;
    note: string;
  }
  const deferred: Cells[] = [];
  const ids = new Map([...context.objectives].map((id) => [id, id]));
  let overflow = false;
  /** The column-wide reading once the file is read: the one decimal mark its figures agree on, the dates' order. */
  let settled: { mark: DecimalMark | undefined; order: DateOrder | undefined } | undefined;

  const waits = (c: Cells) =>
    scanNumberEither(c.value) ||
    (c.date.includes('/') && 'either' in (readDate(c.date, context.region, { withTime: true }) ?? {}));

  const checkRow = (c: Cells): void => {
    const dateCell = c.date;
    const objectiveCell = c.objective;
    const valueCell = c.value;
    const mark = settled?.mark;
    const order = settled?.order;

    let ok = true;
    // A cell's problem names its column as the header writes it, and is placed at it.
    const inColumn = (key: ActualColumn, message: string) => `${message} (column "${oneLine(columns[key]!)}")`;
    const at = (key: ActualColumn) => columnNumber(columns[key]);
    const date = parseActualDate(dateCell, context.region, order);
    if ('error' in date) {
      problem(c.line, 'error', 'actuals-date', () => inColumn('date', date.error), at('date'));
      ok = false;
    }
    const spendItem = objectiveCell.startsWith(SPEND_PREFIX) ? objectiveCell.slice(SPEND_PREFIX.length) : undefined;
    if (objectiveCell === '') {
      problem(c.line, 'error', 'actuals-objective', 'no objective id', at('objective'));
      ok = false;
    } else if (spendItem !== undefined) {
      const items = context.budgetItems ?? new Set<string>();
      if (!items.has(spendItem)) {
        const message = () => {
          const guess = didYouMean(spendItem, items);
          const hint = guess
            ? `did you mean ${SPEND_PREFIX}${guess}?`
            : items.size
              ? `budget items with an id: ${[...items].join(', ')}`
              : 'no budget item has an id: give the item an id in the plan';
          return inColumn('objective', `"${spendItem.slice(0, 60)}" is not a budget item of the plan (${hint})`);
        };
        problem(c.line, 'error', 'actuals-budget-item', message, at('objective'));
        ok = false;
      }
    } else if (!context.objectives.has(objectiveCell)) {
      const message = () => {
        const text = `"${objectiveCell.slice(0, 60)}" is not an objective of the plan (${objectiveHint(objectiveCell, context.objectives)})`;
        return columns.objective === undefined ? text : inColumn('objective', text);
      };
      problem(c.line, 'error', 'actuals-objective', message, at('objective'));
      ok = false;
    }
    let value = parseActualNumber(valueCell, locale, mark);
    if (
      typeof value === 'object' &&
      context.counts?.has(objectiveCell) &&
      Number.isInteger(value.either.thousands) &&
      !Number.isInteger(value.either.decimal)
    )
      value = value.either.thousands;
    if (value === undefined) {
      if (ok) problem(c.line, 'warning', 'actuals-value', 'no value: the row is skipped', at('value'));
      return;
    }
    if (value === 'invalid') {
      problem(
        c.line,
        'error',
        'actuals-value',
        () => inColumn('value', `the value "${valueCell.slice(0, 40)}" is not a number`),
        at('value'),
      );
      ok = false;
    } else if (typeof value === 'object') {
      const either = value.either;
      problem(
        c.line,
        'error',
        'actuals-value',
        () =>
          inColumn(
            'value',
            `the value "${valueCell.slice(0, 40)}" could be ${showNumber(either.thousands, locale)} or ${showNumber(either.decimal, locale)}: write it without the thousands separator (or with more decimals)`,
          ),
        at('value'),
      );
      ok = false;
    }
    if (!ok || !('date' in date) || typeof value !== 'number') return;
    if (spendItem !== undefined) {
      onSpend({ date: date.date, item: spendItem, value, file, line: c.line });
      return;
    }
    const note = c.note;
    const cut = () =>
      `${Array.from(note)
        .slice(0, MAX_NOTE_CHARS - 1)
        .join('')}…`;
    onRow({
      date: date.date,
      objective: objectiveCell,
      value,
      file,
      line: c.line,
      ...(note === '' ? {} : { note: note.length > MAX_NOTE_CHARS ? cut() : note }),
    });
  };

  const cellsOf = (row: { line: number; cells: Record<string, string> }): Cells | undefined => {
    // Spreadsheets export trailing rows of empty cells.
    let empty = true;
    for (const name in row.cells)
      if (row.cells[name] !== '') {
        empty = false;
        break;
      }
    if (empty) return undefined;
    const cell = (name: string | undefined) => (name === undefined ? '' : (row.cells[name] ?? ''));
    const objective = columns.objective === undefined ? (context.objective ?? '') : cell(columns.objective);
    return {
      line: row.line,
      date: cell(columns.date),
      // The plan's own string for a known id: a million points share a handful of strings.
      objective: ids.get(objective) ?? objective,
      value: cell(columns.value),
      note: noteColumn === undefined ? '' : cell(noteColumn).trim(),
    };
  };

  const firstPass = (row: { line: number; cells: Record<string, string> }) => {
    figures++;
    const c = cellsOf(row);
    if (!c) return;
    const m = columnMark([c.value]);
    if (m !== undefined) marks.add(m);
    // The dates' order, as the column's own dates settle it (04/30/2027 is month first).
    const order = columnDateOrder([c.date], context.region);
    if (order !== undefined) dateOrder = dateOrder === undefined || dateOrder === order ? order : 'both';
    if (!waits(c)) checkRow(c);
    else if (overflow) return;
    else if (deferred.length < DEFERRED_ROWS) deferred.push(c);
    else {
      overflow = true;
      deferred.length = 0;
    }
  };
  try {
    eachCsvRow(body, { delimiter }, { header: onHeader, row: firstPass });
  } catch (err) {
    if (err === stop) return result();
    if (!(err instanceof CsvError)) throw err;
    problem(err.line ?? 1, 'error', 'actuals-csv', err.message);
    return result();
  }
  if (figures === 0) problem(headerLine, 'warning', 'actuals-header', 'has a header row but no figures');
  settled = { mark: marks.size === 1 ? [...marks][0] : undefined, order: dateOrder === 'both' ? undefined : dateOrder };
  for (const c of deferred) checkRow(c);
  if (overflow)
    eachCsvRow(
      body,
      { delimiter },
      {
        header: () => undefined,
        row: (row) => {
          const c = cellsOf(row);
          if (c && waits(c)) checkRow(c);
        },
      },
    );
  return result(columns.objective === undefined, columns.objective);
}

/**
 * Options that no file used are probably typos or a misunderstanding: --objective
 * when every file has an objective column, a --map name no file has (while a file
 * fell back to the standard column). A warning on each file concerned.
 */
function unusedOptionWarnings(
  parsed: readonly (ParsedActuals & { file: string })[],
  map: ColumnMap,
  objective: string | undefined,
  log: ActualsFindings,
): void {
  if (objective !== undefined && parsed.length && !parsed.some((p) => p.objectiveFromOption)) {
    for (const p of parsed) {
      if (p.objectiveColumn === undefined) continue;
      log.add(
        p.file,
        p.headerLine,
        'warning',
        'actuals-option',
        `has an objective column (${p.objectiveColumn}), so --objective ${objective} is not used`,
      );
    }
  }
  for (const key of MAPPABLE_COLUMNS) {
    const name = map[key];
    if (name === undefined || !parsed.length || !parsed.every((p) => p.unmapped[key] !== undefined || p.headerError))
      continue;
    for (const p of parsed) {
      const own = p.unmapped[key];
      if (own !== undefined)
        log.add(
          p.file,
          p.headerLine,
          'warning',
          'actuals-option',
          `has no column "${name}" (--map ${key}=${name}); its "${own}" column is read instead`,
        );
    }
  }
}

/**
 * The points the rows give, one per objective (or budget item) and date, across all files: the
 * same point twice is an error when the values differ and a warning when they agree (counted once;
 * a note given on either row is kept). Only points are held, never rows.
 */
export class ActualPoints {
  /** Per objective, its figure on each date (keyed by the date the row holds: no key strings of their own). */
  private readonly byObjective = new Map<string, Map<string, ActualRow>>();
  readonly spend = new Map<string, SpendRow>();
  private count = 0;

  constructor(private readonly log: ActualsFindings) {}

  addRow(row: ActualRow): void {
    let dates = this.byObjective.get(row.objective);
    if (!dates) this.byObjective.set(row.objective, (dates = new Map()));
    const earlier = dates.get(row.date);
    if (!earlier) {
      dates.set(row.date, row);
      this.count++;
      return;
    }
    this.repeated(earlier, row, row.objective);
    if (earlier.value === row.value && earlier.note === undefined && row.note !== undefined)
      dates.set(row.date, { ...earlier, note: row.note });
  }

  /** How many points are held. */
  get size(): number {
    return this.count;
  }

  /** The figure for an objective on a date, if one was given. */
  get(objective: string, date: string): ActualRow | undefined {
    return this.byObjective.get(objective)?.get(date);
  }

  /** Every point, objective by objective. */
  *points(): IterableIterator<ActualRow> {
    for (const dates of this.byObjective.values()) yield* dates.values();
  }

  addSpend(row: SpendRow): void {
    const key = `${row.item}\u0000${row.date}`;
    const earlier = this.spend.get(key);
    if (earlier) this.repeated(earlier, row, `${SPEND_PREFIX}${row.item}`);
    else this.spend.set(key, row);
  }

  private repeated(
    earlier: { file: string; line: number; value: number },
    row: { file: string; line: number; value: number; date: string },
    what: string,
  ): void {
    const where = () => `${earlier.file === row.file ? 'line ' : `${earlier.file}:`}${earlier.line}`;
    if (earlier.value === row.value)
      this.log.add(
        row.file,
        row.line,
        'warning',
        'actuals-duplicate',
        () => `${what} on ${row.date} is already given at ${where()} with the same value; counted once`,
      );
    else
      this.log.add(
        row.file,
        row.line,
        'error',
        'actuals-duplicate',
        () => `${what} on ${row.date} is ${row.value} here but ${earlier.value} at ${where()}: keep one`,
      );
  }
}

/** The file's text, or why it cannot be read as one (a finding); a file that cannot be opened throws. */
async function readActualsFile(file: string, cwd: string): Promise<string | Finding> {
  const absolute = path.resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readInputFile(absolute, MAX_ACTUALS_BYTES);
  } catch (err) {
    if (err instanceof InputTooLargeError)
      return actualsFinding(
        file,
        1,
        'error',
        'actuals-file',
        `the file is larger than ${formatBytes(MAX_ACTUALS_BYTES)} (the limit for an actuals file): split it, e.g. one file per year or per platform, and give --actuals once per file`,
      );
    throw new FileReadError(file, err);
  }
  const text = decodeCsv(bytes);
  if (text === undefined)
    return actualsFinding(
      file,
      1,
      'error',
      'actuals-file',
      'this is a binary file, not CSV (export CSV from the spreadsheet)',
    );
  return text;
}

/** What readActuals gives: one row per point, the spend rows, the findings kept and those only counted. */
export interface ActualsRead {
  /** One per objective and date (the points), in no particular order. */
  rows: ActualRow[];
  /** One per budget item and date. */
  spend: SpendRow[];
  /** The log of findings: add the checks that follow to it, then list it. */
  log: ActualsFindings;
  /** Which columns a file was read by, when found by their names in the plan's language. */
  notes: string[];
}

/**
 * Reads and checks every actuals file for the plan, one file at a time, its rows streamed into
 * one point each. A file that cannot be read throws a FileReadError; problems in the rows come
 * back as findings.
 */
export async function readActuals(
  plan: Plan,
  files: readonly string[],
  options: ActualsOptions,
  cwd: string,
): Promise<ActualsRead> {
  const map = options.map ?? {};
  const objectives = objectiveIds(plan);
  const log = new ActualsFindings();
  const store = new ActualPoints(log);
  const parsed: (ParsedActuals & { file: string })[] = [];
  const counts = new Set(
    listOf(plan.objectives)
      .filter((o) => isCountUnit(o.unit, plan.plan.currency))
      .map((o) => o.id),
  );
  const budgetItems = budgetItemIds(plan);
  for (const file of files) {
    // One file's text at a time: the files' sizes are not added up in memory.
    const text = await readActualsFile(file, cwd);
    if (typeof text !== 'string') {
      log.add(text.file, text.line, text.severity, 'actuals-file', text.message);
      continue;
    }
    const one = parseActualsCsv(text, file, {
      objectives,
      map,
      objective: options.objective,
      locale: localeLanguage(plan.plan.locale),
      region: plan.plan.locale,
      counts,
      budgetItems,
      onRow: (row) => store.addRow(row),
      onSpend: (row) => store.addSpend(row),
      findings: log,
    });
    parsed.push({ ...one, file });
  }
  unusedOptionWarnings(parsed, map, options.objective, log);
  const notes = parsed.flatMap((p) =>
    p.columnsRead
      ? [
          `${p.file}: read the columns ${Object.entries(p.columnsRead)
            .map(([key, name]) => `${key} = "${oneLine(name)}"`)
            .join(', ')}`,
        ]
      : [],
  );
  return { rows: [...store.points()], spend: [...store.spend.values()], log, notes };
}

/** The plan's budget items that have an id (what `spend:<id>` rows name). */
export function budgetItemIds(plan: Plan): Set<string> {
  return new Set(listOf(plan.budget?.items).flatMap((item) => (item.id ? [item.id] : [])));
}

/** Findings sorted by the order the files were given, then by line. */
export function inFileOrder(findings: readonly Finding[], files: readonly string[]): Finding[] {
  const order = new Map(files.map((f, i) => [f, i]));
  return [...findings].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
}

export function objectiveIds(plan: Plan): Set<string> {
  return new Set(listOf(plan.objectives).map((o) => o.id));
}

/** For an id the plan does not have: the near miss, else every objective id. */
export function objectiveHint(id: string, objectives: ReadonlySet<string>): string {
  const guess = didYouMean(id, objectives);
  return guess ? `did you mean ${guess}?` : `objectives: ${[...objectives].join(', ') || 'none'}`;
}
