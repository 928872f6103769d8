/**
 * Reading actual figures for `smplan track` and the review chapter of `smplan render`
 * (contract "Tracking", method.md §8 and §12): CSV exports from the platforms or a
 * spreadsheet, decoded and checked cell by cell and row by row against the plan. Every
 * problem names FILE:LINE. Knows nothing of computing or of flags: the column mapping
 * comes as data; src/cli/tracking.ts reads, checks and tracks.
 *
 * What a file may hold (docs/monthly-review.md says the same for users):
 * - a header row naming at least `date`, `objective` and `value` (any case; other
 *   columns ignored); `--map date=Dato,value=Rekkevidde` names them differently;
 *   `--objective ID` stands for the objective column of a single-metric export;
 * - fields separated by `,`, `;` or a tab (whichever the header row uses most, or
 *   as an Excel `sep=;` first line says);
 *   UTF-8 (with or without BOM), UTF-16 with BOM, else read as Windows-1252;
 * - dates as `YYYY-MM-DD` (a time after it is ignored) or `DD.MM.YYYY`;
 * - numbers as described at parseActualNumber.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileError } from '../errors.js';
import { oneLine } from '../diagnostics.js';
import { CsvError, csvNumber, findColumn, parseCsv, type CsvTable } from './csv.js';
import { isRealDate, type Plan } from './schema.js';
import { didYouMean } from './suggest.js';

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

const SPACES = /[\s\u00a0\u2009\u202f]/g;

/**
 * A figure from an export or a spreadsheet, in English or Norwegian style:
 * - `1234`, `-3`, `7.9`, `12,5` (a decimal comma), `1 234` (spaces, also
 *   non-breaking, between groups of three digits), `1,234,567` / `1.234.567`
 *   (thousands separators), `1,234.5` / `1.234,5` / `1 234,5` (both: the last
 *   separator is the decimal one);
 * - a lone comma before exactly three digits after 1–3 leading digits is read as
 *   a thousands separator (`1,234` = 1234, as exports write counts); any other lone
 *   comma is a decimal comma (`0,125`, `12,5`, `1234,567`). A lone dot is always a
 *   decimal point (`1.234` = 1.234);
 * - a trailing `%` divides by 100 (`4,2 %` = 0.042), as rates are fractions in plans.
 * Anything else (currency signs, letters, groups of other than three digits) is
 * 'invalid'; an empty cell is undefined.
 */
export function parseActualNumber(cell: string): number | undefined | 'invalid' {
  let s = cell.replace(SPACES, ' ').trim();
  if (s === '') return undefined;
  let scale = 1; // a divisor
  if (s.endsWith('%')) {
    scale = 100;
    s = s.slice(0, -1).trim();
  }
  let sign = '';
  if (/^[+\-\u2212]/.test(s)) {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1);
  }
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return 'invalid';

  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let decimal: ',' | '.' | undefined;
  if (commas && dots) decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  else if (dots === 1) decimal = '.';
  else if (commas === 1 && !/^[1-9]\d{0,2},\d{3}$/.test(s)) decimal = ',';

  let whole = s;
  let fraction = '';
  if (decimal) {
    const at = s.lastIndexOf(decimal);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return 'invalid';
  }
  if (whole === '' && !decimal) return 'invalid';
  if (!/^\d*$/.test(whole)) {
    // One kind of thousands separator between groups of three digits.
    const separator = whole.replace(/\d/g, '')[0]!;
    const grouped = new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+$`);
    if (separator === decimal || !grouped.test(whole)) return 'invalid';
    whole = whole.split(separator).join('');
  }
  const n = csvNumber(`${sign}${whole || '0'}${fraction ? '.' + fraction : ''}`);
  if (n === 'invalid' || n === undefined || !Number.isFinite(n)) return 'invalid';
  return scale === 1 ? n : n / scale;
}

/**
 * A date cell as YYYY-MM-DD: `2027-04-30`, `2027-04-30T08:00:00` or `2027-04-30 08:00`
 * (the date as written; the time is ignored), or `30.04.2027` (day first, as Norwegian
 * spreadsheets write it). A message for anything else, or for a day not in the calendar.
 */
export function parseActualDate(cell: string): { date: string } | { error: string } {
  const s = cell.trim();
  let iso: string | undefined;
  const isoMatch = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (isoMatch) iso = isoMatch[1]!;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (dotted) iso = `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
  if (iso === undefined) {
    const shown = s === '' ? 'no date' : `"${s.slice(0, 40)}" is not a date`;
    return { error: `${shown}: write YYYY-MM-DD (or DD.MM.YYYY)` };
  }
  if (!isRealDate(iso)) return { error: `"${s.slice(0, 40)}" is not a day in the calendar` };
  return { date: iso };
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

/** Spreadsheet programs save UTF-8, UTF-16 with a BOM, or (Excel on Windows) Windows-1252. */
function decodeCsv(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface ParseContext {
  objectives: ReadonlySet<string>;
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
  const body = sep ? text.slice(sep[0].length) : text;
  const headerLine = sep ? 2 : 1;
  const result = (objectiveFromOption = false, objectiveColumn?: string): ParsedActuals =>
    ({ rows, findings, headerLine, objectiveFromOption, unmapped, objectiveColumn });
  let table: CsvTable;
  try {
    table = parseCsv(body, { delimiter: sep ? sep[1]! : detectDelimiter(text) });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    problem(err.line ?? 1, 'error', err.message);
    return result();
  }

  const column = (key: ActualColumn): string | undefined => {
    const mapped = context.map[key];
    const own = mapped === undefined ? undefined : findColumn(table.header, [mapped]);
    if (own !== undefined) return own;
    const standard = findColumn(table.header, [key]);
    if (mapped !== undefined && standard !== undefined) unmapped[key] = standard;
    return standard;
  };
  const columns = { date: column('date'), objective: column('objective'), value: column('value') };
  const found = table.header.filter((h) => h !== '').join(', ') || 'nothing';
  const missing = ACTUAL_COLUMNS.filter((key) => columns[key] === undefined && !(key === 'objective' && context.objective));
  if (missing.length) {
    const named = missing.map((key) => (context.map[key] ? `${key} (mapped to "${context.map[key]}")` : key));
    const hint = missing.includes('objective')
      ? ' (for an export of one metric, say which objective it is with --objective ID)'
      : `; name the export's columns with --map ${missing.map((k) => `${k}=COLUMN`).join(',')}`;
    problem(headerLine, 'error', `the header row has no ${named.join(' or ')} column (found: ${found})${hint}`);
    return result();
  }
  if (table.rows.length === 0) problem(headerLine, 'warning', 'has a header row but no figures');

  for (const row of table.rows) {
    const cell = (name: string | undefined) => (name === undefined ? '' : (row.cells[name] ?? ''));
    const dateCell = cell(columns.date);
    const objectiveCell = columns.objective === undefined ? (context.objective ?? '') : cell(columns.objective);
    const valueCell = cell(columns.value);
    // Spreadsheets export trailing rows of empty cells.
    if (Object.values(row.cells).every((c) => c === '')) continue;

    let ok = true;
    const date = parseActualDate(dateCell);
    if ('error' in date) {
      problem(row.line, 'error', date.error);
      ok = false;
    }
    if (objectiveCell === '') {
      problem(row.line, 'error', 'no objective id');
      ok = false;
    } else if (!context.objectives.has(objectiveCell)) {
      problem(row.line, 'error', `"${objectiveCell.slice(0, 60)}" is not an objective of the plan (${objectiveHint(objectiveCell, context.objectives)})`);
      ok = false;
    }
    const value = parseActualNumber(valueCell);
    if (value === undefined) {
      if (ok) problem(row.line, 'warning', 'no value: the row is skipped');
      continue;
    }
    if (value === 'invalid') {
      problem(row.line, 'error', `the value "${valueCell.slice(0, 40)}" is not a number`);
      ok = false;
    }
    if (ok && 'date' in date && typeof value === 'number') {
      rows.push({ date: date.date, objective: objectiveCell, value, file, line: row.line });
    }
  }
  return result(columns.objective === undefined, columns.objective);
}

/**
 * Options that no file used are probably typos or a misunderstanding: --objective
 * when every file has an objective column, a --map name no file has (while a file
 * fell back to the standard column). A warning on each file concerned.
 */
function unusedOptionWarnings(parsed: readonly (ParsedActuals & { file: string })[], map: ColumnMap, objective: string | undefined): ActualsFinding[] {
  const warnings: ActualsFinding[] = [];
  if (objective !== undefined && parsed.length && !parsed.some((p) => p.objectiveFromOption)) {
    for (const p of parsed) {
      if (p.objectiveColumn === undefined) continue;
      warnings.push({ file: p.file, line: p.headerLine, severity: 'warning', message: `has an objective column (${p.objectiveColumn}), so --objective ${objective} is not used` });
    }
  }
  for (const key of ACTUAL_COLUMNS) {
    const name = map[key];
    if (name === undefined || !parsed.length || !parsed.every((p) => p.unmapped[key] !== undefined || p.findings.some((f) => f.line === p.headerLine && f.severity === 'error'))) continue;
    for (const p of parsed) {
      const own = p.unmapped[key];
      if (own !== undefined) warnings.push({ file: p.file, line: p.headerLine, severity: 'warning', message: `has no column "${name}" (--map ${key}=${name}); its "${own}" column is read instead` });
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
        findings.push({ file: row.file, line: row.line, severity: 'warning', message: `${row.objective} on ${row.date} is already given at ${where} with the same value; counted once` });
      } else {
        findings.push({ file: row.file, line: row.line, severity: 'error', message: `${row.objective} on ${row.date} is ${row.value} here but ${earlier.value} at ${where}: keep one` });
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
    const info = await stat(absolute);
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (info.size > MAX_ACTUALS_BYTES) {
      return { file, line: 1, severity: 'error', message: `the file is larger than ${MAX_ACTUALS_BYTES / 1024 / 1024} MB` };
    }
    bytes = await readFile(absolute);
  } catch (err) {
    throw fileError(file, err);
  }
  const text = decodeCsv(bytes);
  if (text === undefined) return { file, line: 1, severity: 'error', message: 'this is a binary file, not CSV (export CSV from the spreadsheet)' };
  return text;
}

/**
 * Reads and checks every actuals file for the plan, findings in file order then by line.
 * A file that cannot be read throws fileError's error; problems in the rows come back as findings.
 */
export async function readActuals(
  plan: Plan,
  files: readonly string[],
  options: ActualsOptions,
  cwd: string,
): Promise<{ rows: ActualRow[]; findings: ActualsFinding[] }> {
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
    const one = parseActualsCsv(text, files[i]!, { objectives, map, objective: options.objective });
    parsed.push({ ...one, file: files[i]! });
    rows.push(...one.rows);
    findings.push(...one.findings);
  });
  findings.push(...unusedOptionWarnings(parsed, map, options.objective));
  findings.push(...checkActualRows(rows));
  return { rows, findings: inFileOrder(findings, files) };
}

/** Findings sorted by the order the files were given, then by line. */
export function inFileOrder(findings: readonly ActualsFinding[], files: readonly string[]): ActualsFinding[] {
  const order = new Map(files.map((f, i) => [f, i]));
  return [...findings].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
}

export function objectiveIds(plan: Plan): Set<string> {
  return new Set((plan.objectives ?? []).map((o) => o.id));
}

/** For an id the plan does not have: the near miss, else every objective id. */
export function objectiveHint(id: string, objectives: ReadonlySet<string>): string {
  const guess = didYouMean(id, objectives);
  return guess ? `did you mean ${guess}?` : `objectives: ${[...objectives].join(', ') || 'none'}`;
}
