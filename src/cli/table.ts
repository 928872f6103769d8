/**
 * Aligned plain-text tables for the terminal: left-aligned text, right-aligned
 * numbers, two spaces between columns, fitted to a width (80 by default) by
 * shortening the text columns that allow it: wrapped, or cut with an ellipsis.
 */
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { visible } from '../terminal.js';
import type { Io } from './io.js';

export interface Column {
  header: string;
  /** Numbers are right-aligned. Default left. */
  align?: 'left' | 'right';
  /** May be shortened (with …) when the table is too wide; never below `min` characters. */
  shrink?: boolean;
  min?: number;
  /** A shrunk cell wraps onto more lines instead of being cut short (names people must read whole). */
  wrap?: boolean;
}

export interface TableOptions {
  /** Total width to fit in (default 80). */
  width?: number;
  /** Spaces before every line. */
  indent?: number;
  /** Styles the header row (e.g. bold); applied after padding so widths stay right. */
  headerStyle?: (text: string) => string;
  /** Leave out the header row. */
  noHeader?: boolean;
  /** Leave out columns where every row is empty (optional plan fields nobody filled in). */
  dropEmpty?: boolean;
}

const GAP = '  ';
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a terminal gives `text`: wide (CJK) characters and emoji take two, colour codes and combining marks none. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Shortens `text` to `width` columns with an ellipsis, never splitting a character. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text.replace(ANSI, ''))) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Line breaks from plan text would break the alignment; other control characters are shown, not obeyed. */
function clean(cell: string): string {
  return visible(cell.replace(/\r\n|[\r\n\t]/g, ' '), { sgr: true });
}

/** Lays out rows under columns; returns the lines (no trailing newline). */
export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string[] {
  if (options.dropEmpty && rows.length) {
    const keep = columns.map((_, i) => rows.some((r) => (r[i] ?? '') !== ''));
    if (keep.includes(false)) {
      return formatTable(
        columns.filter((_, i) => keep[i]),
        rows.map((r) => r.filter((_, i) => keep[i])),
        { ...options, dropEmpty: false },
      );
    }
  }
  const width = options.width ?? 80;
  const indent = ' '.repeat(options.indent ?? 0);
  const body = rows.map((r) => columns.map((_, i) => clean(r[i] ?? '')));
  const widths = columns.map((c, i) =>
    Math.max(options.noHeader ? 0 : displayWidth(c.header), ...body.map((r) => displayWidth(r[i]!))),
  );
  // Too wide: take room from the widest shrinkable column, one character at a time.
  const total = () => indent.length + widths.reduce((s, w) => s + w, 0) + GAP.length * (columns.length - 1);
  let excess = total() - width;
  while (excess > 0) {
    let widest = -1;
    columns.forEach((c, i) => {
      const floor = Math.max(c.min ?? 8, 1);
      if (c.shrink && widths[i]! > floor && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  const line = (cells: readonly string[], style?: (s: string) => string) =>
    indent +
    cells
      .map((cell, i) => {
        const text = pad(truncate(cell, widths[i]!), widths[i]!, columns[i]!.align ?? 'left');
        return style ? style(text) : text;
      })
      .join(GAP)
      .trimEnd();
  const lines = options.noHeader
    ? []
    : [
        line(
          columns.map((c) => c.header),
          options.headerStyle,
        ),
      ];
  for (const r of body) {
    const parts = r.map((cell, i) =>
      columns[i]!.wrap && displayWidth(cell) > widths[i]! ? wrapText(cell, widths[i]!) : [cell],
    );
    const height = Math.max(...parts.map((p) => p.length));
    for (let k = 0; k < height; k++) lines.push(line(parts.map((p) => p[k] ?? '')));
  }
  return lines;
}

/** The width to fit output into: the terminal's when it is one, else 80. */
export function outputWidth(io: Io): number {
  const columns = (io.stdout as { columns?: number }).columns;
  return io.stdout.isTTY && columns && columns > 20 ? Math.min(columns, 120) : 80;
}

/** A section's title line: bold on a colour terminal. */
export function title(text: string, c: ChalkInstance): string {
  return c.bold(text);
}

/** Word-wraps free text (plan names, notes) to `width`, continuation lines indented. */
export function wrapText(text: string, width = 80, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of clean(text).split(/ +/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    const prefix = lines.length ? indent : '';
    if (line && displayWidth(prefix + candidate) > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line || lines.length === 0) lines.push((lines.length ? indent : '') + line);
  return lines.map((l) => (displayWidth(l) > width ? truncate(l, width) : l));
}
