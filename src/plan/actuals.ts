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
 * - numbers as described at parseActualNumber.
 */
import path from 'node:path';
import { FileReadError } from '../errors.js';
import { formatBytes, InputTooLargeError, readInputFile } from '../files.js';
import { oneLine } from '../diagnostics.js';
import { CsvError, decodeCsv, eachCsvRow, findColumn } from './csv.js';
import { columnMark, readNumber, showNumber, type DecimalMark } from './numbers.js';
import { bothReadings, columnDateOrder, readDate, type DateOrder } from './dates.js';
import { localeLanguage, type Locale, type Plan, type PlanLocale } from './schema.js';
import { didYouMean } from './suggest.js';
import { isCountUnit } from '../units.js';
import { listOf } from './decisions.js';

const MAX_ACTUALS_BYTES = 20 * 1024 * 1024;

/** One actual figure as read from a CSV: `file` and `line` say where, for messages. */
export interface ActualRow {
  date: string;
  objective: string;
  value: number;
  file: string;
  line: number;
}

export const ACTUAL_COLUMNS = ['date', 'objective', 'value'] as const;
export type ActualColumn = (typeof ACTUAL_COLUMNS)[number];
/**
 * The header names each column goes by without --map: English, and the plan's language
 * (nb and bg spreadsheets head their columns in their own words). Compared ignoring case.
 */
const COLUMN_NAMES: Record<Locale, Record<ActualColumn, readonly string[]>> = {
  en: { date: ['date'], objective: ['objective'], value: ['value'] },
  nb: { date: ['dato'], objective: ['delmål', 'mål', 'målsetting'], value: ['verdi'] },
  bg: { date: ['дата'], objective: ['задача', 'цел'], value: ['стойност'] },
};

/** Header names of the export for each column we read (`--map`). */
export type ColumnMap = Partial<Record<ActualColumn, string>>;

export interface ActualsOptions {
  /** Header names of the export for the columns we read (`--map`, parsed). */
  map?: ColumnMap;
  /** Rows of a file without an objective column belong to this objective (`--objective`). */
  objective?: string;
}

/** A problem in an actuals file, at FILE:LINE. */
export interface ActualsFinding {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export function formatActualsFinding(f: ActualsFinding): string {
  return `${f.file}:${f.line}  ${f.severity}  ${oneLine(f.message)}`;
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
}

export interface ParsedActuals {
  rows: ActualRow[];
  findings: ActualsFinding[];
  /** Where the header row is (after an Excel `sep=` line it is line 2). */
  headerLine: number;
  /** The rows' objective came from --objective (the file has no objective column). */
  objectiveFromOption: boolean;
  /** The header's own column for each key --map named but this file does not have. */
  unmapped: Partial<Record<ActualColumn, string>>;
  /** The objective column when the file has one. */
  objectiveColumn?: string | undefined;
  /** The header's column read for each key, when one was found by its name in the plan's language. */
  columnsRead?: Partial<Record<ActualColumn, string>>;
}

/** Reads the rows of one actuals CSV (already decoded); checks each cell, not yet the rows against each other. */
export function parseActualsCsv(text: string, file: string, context: ParseContext): ParsedActuals {
  const rows: ActualRow[] = [];
  const findings: ActualsFinding[] = [];
  const unmapped: ParsedActuals['unmapped'] = {};
  const problem = (line: number, severity: ActualsFinding['severity'], message: string) =>
    findings.push({ file, line, severity, message });

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
    findings,
    headerLine,
    objectiveFromOption,
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
  // Read as a stream of rows, twice: first the header and how the figures write their decimals,
  // then each row checked and dropped. No table of the whole file is held (a million rows).
  let header: string[] = [];
  let figures = 0;
  const marks = new Set<ReturnType<typeof columnMark>>();
  let valueColumn: string | undefined;
  let dateColumn: string | undefined;
  let dateOrder: DateOrder | 'both' | undefined;
  try {
    eachCsvRow(
      body,
      { delimiter },
      {
        header: (names) => {
          header = names;
        },
        row: (row) => {
          figures++;
          if (valueColumn === undefined) valueColumn = column('value');
          const m = columnMark([row.cells[valueColumn ?? ''] ?? '']);
          if (m !== undefined) marks.add(m);
          // The dates' order, as the column's own dates settle it (04/30/2027 is month first).
          if (dateColumn === undefined) dateColumn = column('date');
          const order = columnDateOrder([row.cells[dateColumn ?? ''] ?? ''], context.region);
          if (order !== undefined) dateOrder = dateOrder === undefined || dateOrder === order ? order : 'both';
        },
      },
    );
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    problem(err.line ?? 1, 'error', err.message);
    return result();
  }
  const table = { header };
  const columns = { date: column('date'), objective: column('objective'), value: column('value') };
  // Said only for names found in the plan's language: --map names and English ones are what the user wrote.
  const byLanguage = (key: ActualColumn) =>
    context.map[key] === undefined && columns[key] !== undefined && columns[key]!.toLowerCase() !== key;
  if (ACTUAL_COLUMNS.some(byLanguage)) {
    columnsRead = Object.fromEntries(
      ACTUAL_COLUMNS.flatMap((key) => (columns[key] === undefined ? [] : [[key, columns[key]]])),
    );
  }
  const found = table.header.filter((h) => h !== '').join(', ') || 'nothing';
  const missing = ACTUAL_COLUMNS.filter(
    (key) => columns[key] === undefined && !(key === 'objective' && context.objective),
  );
  if (missing.length) {
    const named = missing.map((key) => (context.map[key] ? `${key} (mapped to "${context.map[key]}")` : key));
    const hint = missing.includes('objective')
      ? ' (for an export of one metric, say which objective it is with --objective ID)'
      : `; name the export's columns with --map ${missing.map((k) => `${k}=COLUMN`).join(',')}`;
    problem(headerLine, 'error', `the header row has no ${named.join(' or ')} column (found: ${found})${hint}`);
    return result();
  }
  if (figures === 0) problem(headerLine, 'warning', 'has a header row but no figures');
  // A figure like 1,234 is read the way the column's other figures show their decimals.
  // (columnMark's answer for the whole column: the one mark its figures agree on, else none.)
  const mark = marks.size === 1 ? [...marks][0] : undefined;
  // And 03/04/2027 the way the column's other dates show their order.
  const order = dateOrder;

  const checkRow = (row: { line: number; cells: Record<string, string> }): void => {
    const cell = (name: string | undefined) => (name === undefined ? '' : (row.cells[name] ?? ''));
    const dateCell = cell(columns.date);
    const objectiveCell = columns.objective === undefined ? (context.objective ?? '') : cell(columns.objective);
    const valueCell = cell(columns.value);
    // Spreadsheets export trailing rows of empty cells.
    if (Object.values(row.cells).every((c) => c === '')) return;

    let ok = true;
    // A cell's problem names its column as the header writes it.
    const inColumn = (key: ActualColumn, message: string) => `${message} (column "${oneLine(columns[key]!)}")`;
    const date = parseActualDate(dateCell, context.region, order === 'both' ? undefined : order);
    if ('error' in date) {
      problem(row.line, 'error', inColumn('date', date.error));
      ok = false;
    }
    if (objectiveCell === '') {
      problem(row.line, 'error', 'no objective id');
      ok = false;
    } else if (!context.objectives.has(objectiveCell)) {
      const message = `"${objectiveCell.slice(0, 60)}" is not an objective of the plan (${objectiveHint(objectiveCell, context.objectives)})`;
      problem(row.line, 'error', columns.objective === undefined ? message : inColumn('objective', message));
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
      if (ok) problem(row.line, 'warning', 'no value: the row is skipped');
      return;
    }
    if (value === 'invalid') {
      problem(row.line, 'error', inColumn('value', `the value "${valueCell.slice(0, 40)}" is not a number`));
      ok = false;
    } else if (typeof value === 'object') {
      const [a, b] = [showNumber(value.either.thousands, locale), showNumber(value.either.decimal, locale)];
      problem(
        row.line,
        'error',
        inColumn(
          'value',
          `the value "${valueCell.slice(0, 40)}" could be ${a} or ${b}: write it without the thousands separator (or with more decimals)`,
        ),
      );
      ok = false;
    }
    if (ok && 'date' in date && typeof value === 'number') {
      rows.push({ date: date.date, objective: objectiveCell, value, file, line: row.line });
    }
  };
  eachCsvRow(body, { delimiter }, { header: () => undefined, row: checkRow });
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
): ActualsFinding[] {
  const warnings: ActualsFinding[] = [];
  if (objective !== undefined && parsed.length && !parsed.some((p) => p.objectiveFromOption)) {
    for (const p of parsed) {
      if (p.objectiveColumn === undefined) continue;
      warnings.push({
        file: p.file,
        line: p.headerLine,
        severity: 'warning',
        message: `has an objective column (${p.objectiveColumn}), so --objective ${objective} is not used`,
      });
    }
  }
  for (const key of ACTUAL_COLUMNS) {
    const name = map[key];
    if (
      name === undefined ||
      !parsed.length ||
      !parsed.every(
        (p) =>
          p.unmapped[key] !== undefined || p.findings.some((f) => f.line === p.headerLine && f.severity === 'error'),
      )
    )
      continue;
    for (const p of parsed) {
      const own = p.unmapped[key];
      if (own !== undefined)
        warnings.push({
          file: p.file,
          line: p.headerLine,
          severity: 'warning',
          message: `has no column "${name}" (--map ${key}=${name}); its "${own}" column is read instead`,
        });
    }
  }
  return warnings;
}

/**
 * Checks rows of all files together: the same objective and date twice (an error
 * when the values differ, a warning when they agree). Rows outside an objective's
 * window are compute/track.ts's rowsOutsideWindow.
 */
export function checkActualRows(rows: readonly ActualRow[]): ActualsFinding[] {
  const findings: ActualsFinding[] = [];
  const seen = new Map<string, ActualRow>();
  for (const row of rows) {
    const key = `${row.objective}\u0000${row.date}`;
    const earlier = seen.get(key);
    if (earlier) {
      const where = `${earlier.file === row.file ? 'line ' : `${earlier.file}:`}${earlier.line}`;
      if (earlier.value === row.value) {
        findings.push({
          file: row.file,
          line: row.line,
          severity: 'warning',
          message: `${row.objective} on ${row.date} is already given at ${where} with the same value; counted once`,
        });
      } else {
        findings.push({
          file: row.file,
          line: row.line,
          severity: 'error',
          message: `${row.objective} on ${row.date} is ${row.value} here but ${earlier.value} at ${where}: keep one`,
        });
      }
      continue;
    }
    seen.set(key, row);
  }
  return findings;
}

async function readActualsFile(file: string, cwd: string): Promise<string | ActualsFinding> {
  const absolute = path.resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readInputFile(absolute, MAX_ACTUALS_BYTES);
  } catch (err) {
    if (err instanceof InputTooLargeError)
      return { file, line: 1, severity: 'error', message: `the file is larger than ${formatBytes(MAX_ACTUALS_BYTES)}` };
    throw new FileReadError(file, err);
  }
  const text = decodeCsv(bytes);
  if (text === undefined)
    return {
      file,
      line: 1,
      severity: 'error',
      message: 'this is a binary file, not CSV (export CSV from the spreadsheet)',
    };
  return text;
}

/**
 * Reads and checks every actuals file for the plan, findings in file order then by line.
 * A file that cannot be read throws a FileReadError; problems in the rows come back as findings.
 */
export async function readActuals(
  plan: Plan,
  files: readonly string[],
  options: ActualsOptions,
  cwd: string,
): Promise<{ rows: ActualRow[]; findings: ActualsFinding[]; notes: string[] }> {
  const map = options.map ?? {};
  const objectives = objectiveIds(plan);
  const texts = await Promise.all(files.map((file) => readActualsFile(file, cwd)));
  const rows: ActualRow[] = [];
  const findings: ActualsFinding[] = [];
  const parsed: (ParsedActuals & { file: string })[] = [];
  texts.forEach((text, i) => {
    if (typeof text !== 'string') {
      findings.push(text);
      return;
    }
    const one = parseActualsCsv(text, files[i]!, {
      objectives,
      map,
      objective: options.objective,
      locale: localeLanguage(plan.plan.locale),
      region: plan.plan.locale,
      counts: new Set(
        listOf(plan.objectives)
          .filter((o) => isCountUnit(o.unit, plan.plan.currency))
          .map((o) => o.id),
      ),
    });
    parsed.push({ ...one, file: files[i]! });
    // One push per row: a spread of a million rows overflows the call stack.
    for (const row of one.rows) rows.push(row);
    for (const f of one.findings) findings.push(f);
  });
  findings.push(...unusedOptionWarnings(parsed, map, options.objective));
  // One push per finding: a file of a million rows must not become a call with a million arguments.
  for (const f of checkActualRows(rows)) findings.push(f);
  // Which columns a file was read by, when found by their names in the plan's language.
  const notes = parsed.flatMap((p) =>
    p.columnsRead
      ? [
          `${p.file}: read the columns ${Object.entries(p.columnsRead)
            .map(([key, name]) => `${key} = "${oneLine(name)}"`)
            .join(', ')}`,
        ]
      : [],
  );
  return { rows, findings: inFileOrder(findings, files), notes };
}

/** Findings sorted by the order the files were given, then by line. */
export function inFileOrder(findings: readonly ActualsFinding[], files: readonly string[]): ActualsFinding[] {
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
