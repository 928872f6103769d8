/**
 * Numbers in English words for the terminal and lint messages (en-US separators). Unlike the documents'
 * formatter (src/render/format.ts, in the plan's language), these keep a fixed
 * number of decimals so that figures line up in right-aligned table columns.
 * Rates arrive as fractions (0.042) and are shown as percentages (4.20 %).
 */
import { isCountUnit, unitKind } from './units.js';

const LOCALE = 'en-US';

const fixedFormats = new Map<number, Intl.NumberFormat>();
function fixed(digits: number): Intl.NumberFormat {
  let f = fixedFormats.get(digits);
  // signDisplay 'negative': a value that rounds to zero shows as 0.00, not -0.00.
  // (ES2023 option; the TypeScript lib here is ES2022.)
  const options = {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'negative' as string,
  } as Intl.NumberFormatOptions;
  if (!f) fixedFormats.set(digits, (f = new Intl.NumberFormat(LOCALE, options)));
  return f;
}

/**
 * A count: whole, with thousands separators (12,000). Whole numbers are grouped here: the first
 * Intl.NumberFormat of a process costs more start-up than a clean `smplan lint` spends on its plan.
 */
export function formatCount(value: number): string {
  return Number.isSafeInteger(value) ? grouped(value, '') : fixed(0).format(value);
}

/** A safe integer with en-US grouping, `prefix` (a currency symbol) after the sign, as Intl writes it. */
function grouped(value: number, prefix: string): string {
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${prefix}${digits}`;
}

/**
 * Decimals that keep about four significant figures for a measure of this size, and never fewer
 * than a figure as given has (1 234.5 is not 1,235; a computed 1 234.5678… is).
 */
export function decimalsFor(value: number, keepGiven = true): number {
  const size = Math.abs(value);
  if (Number.isInteger(value)) return 0;
  if (!keepGiven) return size >= 1000 ? 0 : size >= 100 ? 1 : 2;
  const text = String(value);
  const given = text.includes('e') ? 0 : (text.split('.')[1]?.length ?? 0);
  const wanted = size >= 1000 ? 0 : size >= 100 ? 1 : 2;
  return given <= 3 ? Math.max(wanted, given) : wanted;
}

/** One number of decimals for a whole column, so its figures line up: the most any value needs. */
export function columnDecimals(values: readonly number[], keepGiven = true): number {
  return values.reduce((d, v) => Math.max(d, decimalsFor(v, keepGiven)), 0);
}

/** A measure: `digits` decimals (default by size: 13,276 / 179.0 / 7.99), separators. */
export function formatNumber(value: number, digits: number = decimalsFor(value)): string {
  return fixed(digits).format(value);
}

/** A fraction as a percentage with a fixed number of decimals: 0.0643 -> "6.43 %". */
export function formatPercent(fraction: number, digits = 2): string {
  return `${fixed(digits).format(fraction * 100)} %`;
}

/** A change as a signed percentage: 1.5 -> "+150.0 %", -0.3 -> "-30.0 %". */
export function formatChange(fraction: number, digits = 1): string {
  const signed = new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  });
  return `${signed.format(fraction * 100)} %`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };
/**
 * An amount in `currency` (ISO 4217): whole amounts without cents ($18,000), others with
 * ($7.99); `cents` forces one or the other (for a column).
 */
export function formatMoney(value: number, currency: string, cents: boolean = !Number.isInteger(value)): string {
  // Whole amounts in the currencies en-US writes with a symbol need no formatter (see formatCount).
  const symbol = SYMBOLS[currency];
  if (symbol && !cents && Number.isSafeInteger(value)) return grouped(value, symbol);
  const key = `${currency}:${cents}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const whole = cents ? {} : { minimumFractionDigits: 0, maximumFractionDigits: 0 };
    moneyFormats.set(
      key,
      (f = new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency,
        ...whole,
        signDisplay: 'negative',
      } as unknown as Intl.NumberFormatOptions)),
    );
  }
  return f.format(value);
}

/**
 * An objective's figure the way its unit reads (unitKind): money in the plan's currency, a
 * percentage for a fraction, else a plain measure.
 */
export function formatMeasure(value: number, unit: string | undefined, currency: string, digits?: number): string {
  const kind = unitKind(unit, currency);
  if (kind === 'money') return formatMoney(value, currency, digits === undefined ? undefined : digits > 0);
  if (kind === 'percent') return formatPercent(value);
  // Things counted are sized, not kept to the decimals given: their unit says they are whole.
  return formatNumber(value, digits ?? decimalsFor(value, !isCountUnit(unit, currency)));
}

/** A plural noun: plural(1, 'post') = "1 post", plural(3, 'week') = "3 weeks". */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : many}`;
}

/**
 * Days of the week (0 = Monday) written short: three or more days in a row as a range, the
 * others one by one (0, 1, 2, 5 -> "mon–wed", "sat" with `name` giving "mon"… and `dash` "–").
 */
export function weekdayRuns(days: readonly number[], name: (day: number) => string, dash: string): string[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) runs.push(`${name(sorted[i]!)}${dash}${name(sorted[j]!)}`);
    else for (const d of sorted.slice(i, j + 1)) runs.push(name(d));
    i = j + 1;
  }
  return runs;
}
