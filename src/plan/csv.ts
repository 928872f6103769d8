import { parse } from 'csv-parse/sync';

/** A CSV table read with a real parser: quoted fields, extra columns, a BOM, CRLF. */
export interface CsvTable {
  /** Header names, trimmed, as written. */
  header: string[];
  /** Data rows; `line` is the 1-based line in the file where the row starts. */
  rows: { line: number; cells: Record<string, string> }[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

type CsvRow = CsvTable['rows'][number];

/** `delimiter`: ',' unless given (spreadsheets in comma-decimal locales save ';'). */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvTable {
  const rows: CsvRow[] = [];
  let header: string[] = [];
  eachCsvRow(text, options, {
    header: (names) => {
      header = names;
    },
    row: (row) => void rows.push(row),
  });
  return { header, rows };
}

/**
 * The rows of a CSV one at a time, as csv-parse reads them: none is kept here, so a file of a
 * million rows costs the memory of the one being read (and of what `row` keeps).
 */
export function eachCsvRow(
  text: string,
  options: { delimiter?: string },
  on: { header: (names: string[]) => void; row: (row: CsvRow) => void },
): void {
  let header: string[] | undefined;
  let recordsEnd = 0;
  // What a callback throws is its own error, not the file's: passed on as it is.
  let own: { error: unknown } | undefined;
  const guarded = (f: () => void) => {
    try {
      f();
    } catch (error) {
      own = { error };
      throw error;
    }
  };
  try {
    parse(text, {
      bom: true,
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // Each record is handled here and dropped (null): the parser collects nothing. Without the
      // parser's `raw` and `info` wrappers, which cost more than the parse itself on a large file.
      on_record: (record: string[], info: { lines: number; bytes_records: number }) => {
        // Where the last complete record ends (a dropped record is not counted in the parser's own).
        recordsEnd = info.bytes_records;
        if (header === undefined) {
          const names = record.map((h) => h.trim());
          header = names;
          guarded(() => on.header(names));
          return null;
        }
        const cells: Record<string, string> = Object.create(null) as Record<string, string>;
        header.forEach((name, i) => {
          cells[name] = record[i] ?? '';
        });
        // csv-parse counts the lines consumed up to the record's end; a quoted cell may span lines
        // (captions do): step back over the line breaks inside the record's cells (trim leaves quoted text as it is).
        let inside = 0;
        for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) inside++;
        guarded(() => on.row({ line: info.lines - inside, cells }));
        return null;
      },
    });
  } catch (err) {
    if (own) throw own.error;
    const e = err as { message?: string; lines?: number; code?: string; bytes_records?: number; index?: number };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse reports the end of the file; the quote opened in the record after the last complete one.
      const opened = Buffer.from(text).subarray(0, recordsEnd).toString('utf8').split('\n').length;
      throw new CsvError(
        'not valid CSV: a quoted field opened in this row is never closed (add the closing ")',
        opened,
      );
    }
    throw new CsvError(`not valid CSV: ${plainCsvError(e)}`, e.lines);
  }
  if (header === undefined) throw new CsvError('the file is empty: expected a header row', 1);
}

/** csv-parse's complaint in a spreadsheet user's words, naming the column (counted from 1) where it knows it. */
function plainCsvError(e: { message?: string; code?: string; index?: number }): string {
  const where = typeof e.index === 'number' ? `column ${e.index + 1}` : 'a cell';
  switch (e.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${where} has text after its closing quote (a quote inside a quoted cell is written twice: "")`;
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return `${where} has a quote in the middle (put the whole cell in quotes and write the quote twice: "")`;
    default:
      return (e.message ?? 'unreadable').replace(/^Invalid [^:]*:\s*/, '');
  }
}

/** Finds a column by any of its accepted names, ignoring case. */
export function findColumn(header: string[], names: readonly string[]): string | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  return header.find((h) => wanted.includes(h.toLowerCase()));
}

/** Spreadsheet programs save UTF-8, UTF-16 with a BOM, or (Excel on Windows) Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
