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

/** `delimiter`: ',' unless given (spreadsheets in comma-decimal locales save ';'). */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvTable {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: options.delimiter ?? ',',
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  } catch (err) {
    const e = err as { message?: string; lines?: number; code?: string; bytes_records?: number; index?: number };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED' && typeof e.bytes_records === 'number') {
      // csv-parse reports the end of the file; the quote opened in the record after the last complete one.
      const opened = Buffer.from(text).subarray(0, e.bytes_records).toString('utf8').split('\n').length;
      throw new CsvError(
        'not valid CSV: a quoted field opened in this row is never closed (add the closing ")',
        opened,
      );
    }
    throw new CsvError(`not valid CSV: ${plainCsvError(e)}`, e.lines);
  }
  if (records.length === 0) throw new CsvError('the file is empty: expected a header row', 1);
  const [head, ...body] = records;
  const header = head!.record.map((h) => h.trim());
  const rows = body.map(({ record, raw, info }) => {
    const cells: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((name, i) => {
      cells[name] = record[i] ?? '';
    });
    // csv-parse counts the lines consumed up to the record's end; a quoted cell may span lines
    // (captions do), so step back over the newlines inside the record, not the skipped blank ones.
    const inside =
      raw
        .replace(/^(?:\r?\n)+/, '')
        .replace(/\r?\n$/, '')
        .split('\n').length - 1;
    return { line: info.lines - inside, cells };
  });
  return { header, rows };
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
