/**
 * The one number reader for everything a person types or a spreadsheet exports: every init
 * prompt, actuals CSVs and posts_csv. The same text means the same number everywhere, and a
 * number that could be read two ways is never guessed.
 *
 * - A space (also non-breaking or thin) between groups of three digits groups thousands:
 *   `1 850`, `12 400`.
 * - With both `,` and `.`, the last one is the decimal mark: `1,234.5`, `1.234,5`.
 * - A mark used twice groups thousands: `1,234,567`, `1.234.567`.
 * - A lone mark not followed by exactly three digits is decimal: `0,5`, `54,40`, `7.9`;
 *   so is one after `0` or after more than three digits (`0,125`, `1234,567`).
 * - A lone mark followed by exactly three digits (`12,400`, `1.234`) is either. The plan's
 *   language settles it when it uses that mark one way only (English: `,` groups and `.` is
 *   decimal); in nb and bg (decimal comma, dots seen as groups) it is ambiguous, and so
 *   is asked back at a prompt or resolved by the rest of the file in a CSV.
 */
import type { Locale } from './schema.js';

/** The BCP 47 tag for each plan locale: the region fixes separators and date order. */
/** Number formats by plan language (as render/format's INTL_LOCALE; kept here so plan/ imports nothing above it). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', nb: 'nb-NO', bg: 'bg-BG' };

export type DecimalMark = ',' | '.';

export type NumberReading =
  | { value: number /** The decimal mark the text shows it uses, when it shows one. */; mark?: DecimalMark }
  /** `12,400`: 12400 with `,` grouping thousands, or 12.4 with `,` the decimal mark. */
  | { either: { thousands: number; decimal: number; mark: DecimalMark } }
  | { invalid: true };

const SPACES = /[\s\u00a0\u2009\u202f]+/g;
const PLAIN_DIGITS = /^\d{1,15}$/;
const OTHER_MARK: Record<DecimalMark, DecimalMark> = { ',': '.', '.': ',' };

/**
 * Reads a number as written, before any language decides a lone mark before three digits.
 * Undefined for empty text.
 */
export function scanNumber(text: string): NumberReading | undefined {
  // Plain digits (most figures in an export) read as themselves: a file of a million rows reads them often.
  if (PLAIN_DIGITS.test(text)) return { value: Number(text) };
  let s = text.replace(SPACES, ' ').trim();
  if (s === '') return undefined;
  let sign = 1;
  if (/^[+\-\u2212]/.test(s)) {
    sign = s[0] === '+' ? 1 : -1;
    s = s.slice(1).trim();
  }
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return { invalid: true };
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  const spaced = s.includes(' ');
  const number = (whole: string, fraction: string) => sign * Number(`${whole || '0'}.${fraction || '0'}`);

  let decimal: DecimalMark | undefined;
  if (commas && dots) decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1 || dots === 1) {
    const mark: DecimalMark = commas ? ',' : '.';
    const [whole, fraction] = s.split(mark) as [string, string];
    if (!/^\d*$/.test(fraction) || fraction === '') return { invalid: true };
    const groups = grouped(whole, ' ');
    if (groups === undefined) return { invalid: true };
    // Only a lone mark after 1-3 digits (not a leading 0) and before exactly three could group thousands.
    if (fraction.length === 3 && !spaced && /^[1-9]\d{0,2}$/.test(whole)) {
      return { either: { thousands: sign * Number(whole + fraction), decimal: number(whole, fraction), mark } };
    }
    return { value: number(groups, fraction), mark };
  }

  if (decimal === undefined) {
    // No decimal mark: the whole text is digits, grouped by one kind of separator.
    const separator = s.replace(/\d/g, '')[0];
    if (separator === undefined) return { value: sign * Number(s) };
    const whole = grouped(s, separator);
    if (whole === undefined) return { invalid: true };
    return separator === ' '
      ? { value: sign * Number(whole) }
      : { value: sign * Number(whole), mark: OTHER_MARK[separator as DecimalMark] };
  }
  const at = s.lastIndexOf(decimal);
  const fraction = s.slice(at + 1);
  const whole = grouped(s.slice(0, at), OTHER_MARK[decimal]);
  if (whole === undefined || !/^\d+$/.test(fraction)) return { invalid: true };
  return { value: number(whole, fraction), mark: decimal };
}

/** `1,234,567` grouped by `,` -> `1234567`; undefined unless every group after the first has three digits. */
function grouped(text: string, separator: string): string | undefined {
  if (/^\d*$/.test(text)) return text;
  const escaped = separator.replace(/[.]/g, '\\.');
  if (!new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(text)) return undefined;
  return text.split(separator).join('');
}

/** The mark each language uses for decimals when it is the only reading it allows; nb and bg allow both. */
const LOCALE_DECIMAL: Record<Locale, DecimalMark | undefined> = { en: '.', nb: undefined, bg: undefined };

/**
 * A number as the plan's language (and, for a CSV, the decimal mark the rest of the file shows)
 * reads it; `either` when it stays ambiguous.
 */
export function readNumber(text: string, locale: Locale, fileMark?: DecimalMark): NumberReading | undefined {
  const read = scanNumber(text);
  if (read === undefined || !('either' in read)) return read;
  const decimal = fileMark ?? LOCALE_DECIMAL[locale];
  if (decimal === undefined) return read;
  const { thousands, decimal: asDecimal, mark } = read.either;
  return mark === decimal ? { value: asDecimal, mark } : { value: thousands, mark: decimal };
}

/**
 * The decimal mark a column of cells shows, from the cells that show one; undefined when none
 * does or they disagree (then an ambiguous cell stays ambiguous).
 */
export function columnMark(cells: Iterable<string>): DecimalMark | undefined {
  const seen = new Set<DecimalMark>();
  for (const cell of cells) {
    const read = scanNumber(cell.replace(/%\s*$/, ''));
    if (read && 'value' in read && read.mark) seen.add(read.mark);
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

/** A number written for a person in the plan's language: 12 400 / 12,4 (nb), 12,400 / 12.4 (en). */
export function showNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 6 }).format(value);
}
